from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from leaflet.admin import LeafletGeoAdmin, LeafletGeoAdminMixin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Handlungsfeld,
    Indikator,
    Infrastruktur,
    InfrastrukturKategorie,
    Kommune,
    Quartier,
    QuartierUnterbezirk,
    Stadtbezirk,
    StatistischerBezirk,
    Unterbezirk,
)
from .services import (
    infrastruktur_kategorie_speichern,
    infrastruktur_loeschen,
    infrastruktur_speichern,
    quartier_speichern,
)


@admin.register(Handlungsfeld)
class HandlungsfeldAdmin(admin.ModelAdmin):
    list_display = ["reihenfolge", "name", "kurzname", "farbe"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Kommune)
class KommuneAdmin(SimpleHistoryAdmin):
    list_display = ["name", "gemeindeschluessel", "ist_demo"]


@admin.register(Stadtbezirk)
class StadtbezirkAdmin(LeafletGeoAdmin):
    list_display = ["code", "name", "kommune"]
    search_fields = ["code", "name"]


@admin.register(StatistischerBezirk)
class StatistischerBezirkAdmin(LeafletGeoAdmin):
    list_display = ["code", "name", "stadtbezirk"]
    list_filter = ["stadtbezirk"]
    search_fields = ["code", "name"]
    list_select_related = ["stadtbezirk"]


@admin.register(Unterbezirk)
class UnterbezirkAdmin(LeafletGeoAdmin):
    list_display = ["code", "name", "bezirk"]
    list_filter = ["bezirk__stadtbezirk"]
    search_fields = ["code", "name"]
    list_select_related = ["bezirk"]


class AbdeckungInline(admin.TabularInline):
    model = QuartierUnterbezirk
    extra = 0
    can_delete = False
    readonly_fields = ["unterbezirk", "anteil"]

    def has_add_permission(self, request, obj=None):
        return False  # derived spatially, never typed by hand


@admin.register(Quartier)
class QuartierAdmin(LeafletGeoAdminMixin, SimpleHistoryAdmin):
    list_display = ["name", "stadtbezirk", "siedlungsepoche", "ist_referenzquartier", "status"]
    list_filter = ["ist_referenzquartier", "status", "siedlungsepoche"]
    search_fields = ["name"]
    filter_horizontal = ["partner"]
    inlines = [AbdeckungInline]

    def get_form(self, request, obj=None, **kwargs):
        # An empty slug is made from the name by the service, with the app's one transliteration
        # ("Hörde Süd" → hoerde-sued); the admin's own JavaScript would drop the umlauts instead.
        form = super().get_form(request, obj, **kwargs)
        if "slug" in form.base_fields:
            form.base_fields["slug"].required = False
            form.base_fields["slug"].help_text = _("Leer lassen: wird aus dem Namen gebildet.")
        return form

    def save_model(self, request, obj, form, change):
        quartier_speichern(quartier=obj)


@admin.register(Indikator)
class IndikatorAdmin(SimpleHistoryAdmin):
    list_display = ["schluessel", "name", "einheit", "art", "handlungsfeld", "ist_vereinbart"]
    list_filter = ["art", "handlungsfeld", "ist_vereinbart"]
    search_fields = ["schluessel", "name"]
    list_select_related = ["handlungsfeld"]


@admin.register(InfrastrukturKategorie)
class InfrastrukturKategorieAdmin(admin.ModelAdmin):
    list_display = ["name", "handlungsfeld", "radius_m", "reihenfolge"]
    list_filter = ["handlungsfeld"]
    list_select_related = ["handlungsfeld"]

    def save_model(self, request, obj, form, change):
        infrastruktur_kategorie_speichern(kategorie=obj)


@admin.register(Infrastruktur)
class InfrastrukturAdmin(LeafletGeoAdminMixin, SimpleHistoryAdmin):
    list_display = ["name", "kategorie", "adresse", "barrierefreiheit", "quelle", "stand"]
    list_filter = ["kategorie__handlungsfeld", "kategorie", "barrierefreiheit", "quelle"]
    search_fields = ["name", "adresse"]
    list_select_related = ["kategorie"]

    def save_model(self, request, obj, form, change):
        infrastruktur_speichern(infrastruktur=obj)

    def delete_model(self, request, obj):
        infrastruktur_loeschen(infrastruktur=obj)

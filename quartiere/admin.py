from django.contrib import admin
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
from .services import quartier_speichern


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
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["partner"]
    inlines = [AbdeckungInline]

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


@admin.register(Infrastruktur)
class InfrastrukturAdmin(LeafletGeoAdminMixin, SimpleHistoryAdmin):
    list_display = ["name", "kategorie", "adresse", "barrierefreiheit", "quelle", "stand"]
    list_filter = ["kategorie__handlungsfeld", "kategorie", "barrierefreiheit", "quelle"]
    search_fields = ["name", "adresse"]
    list_select_related = ["kategorie"]

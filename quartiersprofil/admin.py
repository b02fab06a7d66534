from django.contrib import admin
from django.db import models
from leaflet.admin import LeafletGeoAdmin
from simple_history.admin import SimpleHistoryAdmin

from dwk.forms import ADMIN_HTTPS_ALS_STANDARD

from .models import Antwort, Befragung, Befund, Foto, Frage, Quartiersbegehung, Quelle, QuellenAuszug
from .services.datenstand import profil_datenstand_erhoehen


class DatenstandMixin:
    """An edit in the admin changes the profiles' Datenstand, as the services' writes do, so that pages
    cached for the old one are computed anew (``quartiersprofil.queries.datenstand``)."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        profil_datenstand_erhoehen()

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        profil_datenstand_erhoehen()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        profil_datenstand_erhoehen()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        profil_datenstand_erhoehen()


# --- Walk-throughs, photos, sources, survey ------------------------------------------------------


class BefundInline(admin.StackedInline):
    model = Befund
    extra = 0
    fields = ["handlungsfeld", "art", "text"]


@admin.register(Quartiersbegehung)
class QuartiersbegehungAdmin(DatenstandMixin, LeafletGeoAdmin, SimpleHistoryAdmin):
    list_display = ["datum", "quartier"]
    list_filter = ["quartier"]
    date_hierarchy = "datum"
    filter_horizontal = ["teilnehmende_organisationen"]
    raw_id_fields = ["teilnehmende"]
    inlines = [BefundInline]


@admin.register(Foto)
class FotoAdmin(DatenstandMixin, LeafletGeoAdmin, SimpleHistoryAdmin):
    """Photos come only through the upload pipeline (``fotos_hochladen``); the admin edits their details.

    The file fields are not shown: the admin would link to the media URL, but photo files are
    served only by ``FotoDateiView`` with a permission check.
    """

    list_display = ["__str__", "quartier", "handlungsfeld", "aufgenommen_am", "darf_veroeffentlicht_werden"]
    list_filter = ["quartier", "handlungsfeld", "darf_veroeffentlicht_werden"]
    fields = [
        "quartier",
        "begehung",
        "befund",
        "bildunterschrift",
        "handlungsfeld",
        "darf_veroeffentlicht_werden",
        "standort",
        "aufgenommen_am",
        "breite",
        "hoehe",
    ]
    readonly_fields = ["quartier", "begehung", "aufgenommen_am", "breite", "hoehe"]
    raw_id_fields = ["befund"]

    def has_add_permission(self, request):
        return False


class QuellenAuszugInline(admin.StackedInline):
    model = QuellenAuszug
    extra = 1


@admin.register(Quelle)
class QuelleAdmin(DatenstandMixin, SimpleHistoryAdmin):
    formfield_overrides = {models.URLField: ADMIN_HTTPS_ALS_STANDARD}
    list_display = ["titel", "art", "quartier", "gesichtet_am"]
    list_filter = ["art", "quartier"]
    search_fields = ["titel"]
    inlines = [QuellenAuszugInline]


class FrageInline(admin.TabularInline):
    model = Frage
    extra = 1


@admin.register(Befragung)
class BefragungAdmin(DatenstandMixin, admin.ModelAdmin):
    list_display = ["titel", "jahr", "versandt_am"]
    inlines = [FrageInline]


@admin.register(Antwort)
class AntwortAdmin(DatenstandMixin, SimpleHistoryAdmin):
    list_display = ["seniorenbuero", "quartier", "frage", "bewertung", "eingegangen_am"]
    list_filter = ["quartier", "frage__befragung", "frage__handlungsfeld"]
    raw_id_fields = ["frage", "seniorenbuero"]


# --- end of walk-throughs, photos, sources, survey -------------------------------------------------

from django.contrib import admin
from django.db import models
from leaflet.admin import LeafletGeoAdmin
from simple_history.admin import SimpleHistoryAdmin

from dwk.forms import ADMIN_HTTPS_ALS_STANDARD

from .models import Antwort, Befragung, Befund, Foto, Frage, Quartiersbegehung, Quelle, QuellenAuszug

# --- Walk-throughs, photos, sources, survey ------------------------------------------------------


class BefundInline(admin.StackedInline):
    model = Befund
    extra = 0
    fields = ["handlungsfeld", "art", "text"]


@admin.register(Quartiersbegehung)
class QuartiersbegehungAdmin(LeafletGeoAdmin, SimpleHistoryAdmin):
    list_display = ["datum", "quartier"]
    list_filter = ["quartier"]
    date_hierarchy = "datum"
    filter_horizontal = ["teilnehmende_organisationen"]
    raw_id_fields = ["teilnehmende"]
    inlines = [BefundInline]


@admin.register(Foto)
class FotoAdmin(LeafletGeoAdmin, SimpleHistoryAdmin):
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
class QuelleAdmin(SimpleHistoryAdmin):
    formfield_overrides = {models.URLField: ADMIN_HTTPS_ALS_STANDARD}
    list_display = ["titel", "art", "quartier", "gesichtet_am"]
    list_filter = ["art", "quartier"]
    search_fields = ["titel"]
    inlines = [QuellenAuszugInline]


class FrageInline(admin.TabularInline):
    model = Frage
    extra = 1


@admin.register(Befragung)
class BefragungAdmin(admin.ModelAdmin):
    list_display = ["titel", "jahr", "versandt_am"]
    inlines = [FrageInline]


@admin.register(Antwort)
class AntwortAdmin(SimpleHistoryAdmin):
    list_display = ["seniorenbuero", "quartier", "frage", "bewertung", "eingegangen_am"]
    list_filter = ["quartier", "frage__befragung", "frage__handlungsfeld"]
    raw_id_fields = ["frage", "seniorenbuero"]


# --- end of walk-throughs, photos, sources, survey -------------------------------------------------

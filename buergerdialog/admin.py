"""The citizen dialogue in the admin: the catalogues and events, saved through the services."""

from django.contrib import admin
from leaflet.admin import LeafletGeoAdmin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Beteiligungsgegenstand,
    Bewertungsrunde,
    Checklistenpunkt,
    Dokumentation,
    Einladung,
    Ergebnis,
    ErgebnisBewertung,
    Fragebogen,
    Motto,
    Partnerkonto,
    Veranstaltung,
    Weitergabe,
)
from .services import ergebnisse as ergebnis_dienste
from .services import katalog, veranstaltungen
from .services.partner import partnerkonto_zuordnen


@admin.register(Beteiligungsgegenstand)
class BeteiligungsgegenstandAdmin(SimpleHistoryAdmin):
    list_display = ["name", "reihenfolge", "aktiv"]

    def save_model(self, request, obj, form, change):
        katalog.beteiligungsgegenstand_speichern(gegenstand=obj)


@admin.register(Motto)
class MottoAdmin(SimpleHistoryAdmin):
    list_display = ["text", "aktiv"]

    def save_model(self, request, obj, form, change):
        katalog.motto_speichern(motto=obj)


@admin.register(Partnerkonto)
class PartnerkontoAdmin(admin.ModelAdmin):
    """Which organisation a partner's account speaks for (it then sees the events its organisation moderates)."""

    list_display = ["benutzer", "organisation"]

    def save_model(self, request, obj, form, change):
        partnerkonto_zuordnen(benutzer=obj.benutzer, organisation=obj.organisation)


class ChecklistenpunktInline(admin.TabularInline):
    model = Checklistenpunkt
    extra = 0
    fields = [
        "titel",
        "tage_vorher",
        "faellig_am",
        "verantwortlich_mitglied",
        "verantwortlich_organisation",
        "erledigt",
    ]
    readonly_fields = ["faellig_am"]


@admin.register(Veranstaltung)
class VeranstaltungAdmin(SimpleHistoryAdmin, LeafletGeoAdmin):
    list_display = ["titel", "format", "beginn", "status"]
    list_filter = ["format", "status"]
    filter_horizontal = ["quartiere", "handlungsfelder", "moderation", "beobachtung", "gegenstaende"]
    inlines = [ChecklistenpunktInline]

    def save_model(self, request, obj, form, change):
        veranstaltungen.veranstaltung_speichern(veranstaltung=obj)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        veranstaltungen.veranstaltung_speichern(veranstaltung=form.instance)


@admin.register(Ergebnis)
class ErgebnisAdmin(SimpleHistoryAdmin):
    list_display = ["text", "veranstaltung", "art", "punkte", "von_partner"]
    list_filter = ["art", "von_partner"]
    readonly_fields = ["erfasst_von", "von_partner"]

    def save_model(self, request, obj, form, change):
        ergebnis_dienste.ergebnis_speichern(ergebnis=obj)


# Review and the way into practice: written through their pages (services.bewertung, services.praxis);
# the admin shows them read-only.
class NurLesenAdmin(SimpleHistoryAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Bewertungsrunde)
class BewertungsrundeAdmin(NurLesenAdmin):
    list_display = ["veranstaltung", "frist"]


@admin.register(ErgebnisBewertung)
class ErgebnisBewertungAdmin(NurLesenAdmin):
    list_display = ["ergebnis", "mitglied", "relevanz", "machbarkeit"]


@admin.register(Weitergabe)
class WeitergabeAdmin(NurLesenAdmin):
    list_display = ["ergebnis", "projekt", "adressat", "datum", "antwort_am"]


# Documentation, evaluation and invitations: written through their pages (services.dokumentation,
# services.einladungen); the admin shows them read-only.
@admin.register(Dokumentation)
class DokumentationAdmin(NurLesenAdmin):
    list_display = ["veranstaltung", "status", "freigegeben_am", "von_partner"]
    list_filter = ["status", "von_partner"]


class NurLesenOhneHistorieAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Fragebogen)
class FragebogenAdmin(NurLesenOhneHistorieAdmin):
    list_display = ["veranstaltung", *Fragebogen.ITEMS, "von_partner"]


@admin.register(Einladung)
class EinladungAdmin(NurLesenOhneHistorieAdmin):
    list_display = ["veranstaltung", "akteur", "weg", "am", "von"]
    list_filter = ["weg"]

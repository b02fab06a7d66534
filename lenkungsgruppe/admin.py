"""Admin for IT: organisations, members and their accounts; the rest is edited in the app's pages."""

from django.contrib import admin
from django.db import models
from simple_history.admin import SimpleHistoryAdmin

from dwk.forms import ADMIN_HTTPS_ALS_STANDARD

from .models import (
    Aufgabe,
    Beschluss,
    Fachplanung,
    FachplanungBewertung,
    Meilenstein,
    Mitglied,
    Organisation,
    Sitzung,
    Stadtentwicklungsprojekt,
    Tagesordnungspunkt,
    Teilnahme,
)


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["kurzname", "name", "art"]
    list_filter = ["art"]
    search_fields = ["name", "kurzname"]


@admin.register(Mitglied)
class MitgliedAdmin(SimpleHistoryAdmin):
    list_display = ["nachname", "vorname", "organisation", "mitglied_seit", "mitglied_bis", "benutzer"]
    list_filter = ["organisation"]
    list_select_related = ["organisation", "benutzer"]
    search_fields = ["nachname", "vorname", "email"]
    autocomplete_fields = ["stellvertretung"]


class TeilnahmeInline(admin.TabularInline):
    model = Teilnahme
    fk_name = "sitzung"
    extra = 0
    autocomplete_fields = ["mitglied", "vertreten_durch"]


class TagesordnungspunktInline(admin.StackedInline):
    model = Tagesordnungspunkt
    extra = 0


@admin.register(Sitzung)
class SitzungAdmin(SimpleHistoryAdmin):
    list_display = ["nummer", "beginn", "format", "titel", "protokoll_genehmigt_in"]
    list_filter = ["format"]
    inlines = [TagesordnungspunktInline, TeilnahmeInline]


@admin.register(Beschluss)
class BeschlussAdmin(SimpleHistoryAdmin):
    list_display = ["nummer", "titel", "art", "sitzung"]
    list_filter = ["art"]
    list_select_related = ["sitzung"]
    search_fields = ["titel", "text"]


@admin.register(Aufgabe)
class AufgabeAdmin(SimpleHistoryAdmin):
    list_display = ["titel", "verantwortlich_mitglied", "verantwortlich_organisation", "faellig_am", "status"]
    list_filter = ["status"]
    list_select_related = ["verantwortlich_mitglied", "verantwortlich_organisation"]


@admin.register(Fachplanung)
class FachplanungAdmin(SimpleHistoryAdmin):
    formfield_overrides = {models.URLField: ADMIN_HTTPS_ALS_STANDARD}
    list_display = ["titel", "art", "jahr", "federfuehrung"]
    list_filter = ["art"]


admin.site.register(FachplanungBewertung)


@admin.register(Stadtentwicklungsprojekt)
class StadtentwicklungsprojektAdmin(admin.ModelAdmin):
    formfield_overrides = {models.URLField: ADMIN_HTTPS_ALS_STANDARD}


admin.site.register(Meilenstein)

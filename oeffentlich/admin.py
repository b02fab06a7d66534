"""The public pages' texts and releases in the admin, for administrators: news, statutory pages, the
project page, quarter texts, releases of events and photos. Projektteam keeps them on its own pages
(``urls_redaktion``, „Öffentliche Seiten“ in the menu); the feedback counters are not listed."""

from django.contrib import admin

from .models import Auftritt, Fotofreigabe, Neuigkeit, Pflichtseite, Quartiersseite, Veranstaltungsfreigabe


@admin.register(Neuigkeit)
class NeuigkeitAdmin(admin.ModelAdmin):
    list_display = ["titel", "veroeffentlicht_am"]
    prepopulated_fields = {"slug": ["titel"]}
    exclude = ["verfasst_von"]
    search_fields = ["titel"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.verfasst_von = request.user
        super().save_model(request, obj, form, change)


@admin.register(Pflichtseite)
class PflichtseiteAdmin(admin.ModelAdmin):
    list_display = ["art", "kommune", "stand", "ist_beispiel"]


@admin.register(Auftritt)
class AuftrittAdmin(admin.ModelAdmin):
    list_display = ["kommune"]


@admin.register(Quartiersseite)
class QuartiersseiteAdmin(admin.ModelAdmin):
    list_display = ["quartier"]


@admin.register(Veranstaltungsfreigabe)
class VeranstaltungsfreigabeAdmin(admin.ModelAdmin):
    list_display = ["veranstaltung", "freigegeben_am"]
    exclude = ["freigegeben_von"]
    raw_id_fields = ["veranstaltung"]


@admin.register(Fotofreigabe)
class FotofreigabeAdmin(admin.ModelAdmin):
    list_display = ["alternativtext", "freigegeben_am"]
    exclude = ["freigegeben_von"]
    raw_id_fields = ["foto"]

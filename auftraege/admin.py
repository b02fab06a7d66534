from django.contrib import admin

from .models import Auftrag


@admin.register(Auftrag)
class AuftragAdmin(admin.ModelAdmin):
    """Read-only: jobs are started and reported by the app, the admin only looks."""

    list_display = ["titel", "status", "schritte_erledigt", "schritte_gesamt", "gestartet_von", "created_at"]
    list_filter = ["status", "art"]
    readonly_fields = [feld.name for feld in Auftrag._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

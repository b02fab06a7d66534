"""The user admin with one more action: reset a user's two-factor login (``dwk.zwei_faktor``)."""

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from dwk import zwei_faktor

Benutzer = get_user_model()
admin.site.unregister(Benutzer)


@admin.register(Benutzer)
class BenutzerAdmin(UserAdmin):
    actions = ["zwei_faktor_zuruecksetzen"]

    @admin.action(description=_("Zwei-Faktor-Anmeldung zurücksetzen (Telefon verloren)"), permissions=["change"])
    def zwei_faktor_zuruecksetzen(self, request, queryset):
        for user in queryset:
            zwei_faktor.zuruecksetzen(user=user, durch=request.user)
        anzahl = len(queryset)
        self.message_user(
            request,
            ngettext(
                "Die Zwei-Faktor-Anmeldung von %(anzahl)d Konto ist zurückgesetzt; "
                "es richtet sie bei der nächsten Anmeldung neu ein.",
                "Die Zwei-Faktor-Anmeldung von %(anzahl)d Konten ist zurückgesetzt; "
                "sie richten sie bei der nächsten Anmeldung neu ein.",
                anzahl,
            )
            % {"anzahl": anzahl},
            messages.SUCCESS,
        )

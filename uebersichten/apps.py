from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UebersichtenConfig(AppConfig):
    name = "uebersichten"
    verbose_name = _("Übersichten")

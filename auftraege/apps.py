from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuftraegeConfig(AppConfig):
    name = "auftraege"
    verbose_name = _("Hintergrundaufträge")

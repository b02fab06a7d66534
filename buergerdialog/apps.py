from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BuergerdialogConfig(AppConfig):
    name = "buergerdialog"
    verbose_name = _("Bürgerdialog")

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DwkConfig(AppConfig):
    name = "dwk"
    verbose_name = _("DWK Quartiersplanung")

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from dwk.gdal import gdal_absichern


class QuartiereConfig(AppConfig):
    name = "quartiere"
    verbose_name = _("Quartiere")

    def ready(self):
        # Before any file is opened: GDAL without network access and without drivers the app does not use.
        gdal_absichern()

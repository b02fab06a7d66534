from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LenkungsgruppeConfig(AppConfig):
    name = "lenkungsgruppe"
    verbose_name = _("Lenkungsgruppe")

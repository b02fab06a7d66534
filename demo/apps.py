from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The Dortmund demo: every demo generator and ``manage.py demo_daten``.

    The only module that imports every app; no app imports it.
    """

    name = "demo"
    verbose_name = _("Demodaten")

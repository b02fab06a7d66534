from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WegenetzConfig(AppConfig):
    name = "wegenetz"
    verbose_name = _("Wegenetz und Erreichbarkeit")

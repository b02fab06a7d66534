from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuartiersprofilConfig(AppConfig):
    name = "quartiersprofil"
    verbose_name = _("Quartiersprofil")

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DwkConfig(AppConfig):
    name = "dwk"
    verbose_name = _("DWK Quartiersplanung")

    def ready(self):
        from dwk.forms import einzeilige_textfelder_pruefen  # noqa: PLC0415 -- forms need the app registry

        einzeilige_textfelder_pruefen()

        import dwk.middleware  # noqa: F401, PLC0415 -- connects the login-time receiver
        import dwk.protokoll  # noqa: F401, PLC0415 -- connects the login log receivers

"""Settings of DWK Quartiersplanung.

Every value that differs between deployments comes from an environment variable
prefixed ``DWK_``; ``.env.example`` documents all of them. Without any of them the
app is safe: DEBUG is off, hosts are limited to loopback, the secret key is
generated once and kept under ``var/``.

The values are defined by subject in ``dwk/einstellungen/`` (this module imports them all; it stays
``DJANGO_SETTINGS_MODULE``).
"""

from .einstellungen.anmeldung import *  # noqa: F403
from .einstellungen.basis import *  # noqa: F403
from .einstellungen.fachlich import *  # noqa: F403
from .einstellungen.karten import *  # noqa: F403
from .einstellungen.post import *  # noqa: F403
from .einstellungen.protokoll import *  # noqa: F403
from .einstellungen.sicherheit import *  # noqa: F403
from .einstellungen.speicher import *  # noqa: F403

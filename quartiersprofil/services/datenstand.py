"""Changing the Datenstand of the quarter profiles' data (see ``quartiersprofil.queries.datenstand``)."""

from quartiere.services.datenstand import datenstand_erhoehen

from ..queries.datenstand import PROFIL


def profil_datenstand_erhoehen() -> None:
    """Marks the profiles' data as changed: every page part cached for the old Datenstand is computed
    anew. Called by every service of ``quartiersprofil`` that writes (at once and after the commit,
    see ``datenstand_erhoehen``)."""
    datenstand_erhoehen(PROFIL)

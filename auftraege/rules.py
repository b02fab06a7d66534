"""Who may follow a background job: the user who started it, and the Projektteam."""

import rules

from dwk.permissions import ist_projektteam


@rules.predicate
def hat_gestartet(user, auftrag):
    return auftrag is not None and user.is_authenticated and auftrag.gestartet_von_id == user.pk


rules.add_perm("auftraege.view_auftrag", rules.is_authenticated & (ist_projektteam | hat_gestartet))

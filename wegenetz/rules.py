"""Who may do what with the walking network: read like the infrastructure, write as Projektteam."""

import rules

from dwk.permissions import ist_partner, ist_projektteam, liest_alles
from quartiere.rules import darf_quartier_lesen

rules.add_perm("wegenetz.view_wegenetz", liest_alles | ist_partner)
rules.add_perm("wegenetz.view_quartier_abdeckung", darf_quartier_lesen)
rules.add_perm("wegenetz.import_wegenetz", ist_projektteam)
rules.add_perm("wegenetz.change_wegprofil", ist_projektteam)
rules.add_perm("wegenetz.berechnen_distanzfelder", ist_projektteam)
rules.add_perm("wegenetz.change_barriere", ist_projektteam)

"""Who may read and download reports."""

import rules

from dwk.permissions import ist_projektteam, ist_ratsbuero

rules.add_perm("berichte.list_bericht", ist_projektteam | ist_ratsbuero)
rules.add_perm("berichte.download_quartiersprofil", ist_projektteam | ist_ratsbuero)

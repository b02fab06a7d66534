"""Who may read and download reports."""

import rules

from dwk.permissions import ist_projektteam, ist_ratsbuero

rules.add_perm("berichte.list_bericht", ist_projektteam | ist_ratsbuero)
# The profile PDF shows the latest released profile version. Where none is released yet, only
# Projektteam gets the working state (marked as not released); the Ratsbüro gets a page saying so.
rules.add_perm("berichte.download_quartiersprofil", ist_projektteam | ist_ratsbuero)
rules.add_perm("berichte.download_quartiersprofil_arbeitsstand", ist_projektteam)

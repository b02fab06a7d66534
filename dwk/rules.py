"""Permissions of the pages that belong to no single app (see ``dwk.permissions`` for the roles)."""

import rules

from dwk.permissions import ist_projektteam

# Lift login locks (dwk.anmeldesperren).
rules.add_perm("dwk.anmeldesperren_verwalten", ist_projektteam)

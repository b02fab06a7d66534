"""Who may read the city-wide overviews.

The Kommunalprofil is a committee document: Projektteam, the steering group and the council office
read it (page and PDF). Small counts are shown on the page to Projektteam only
(``quartiere.view_fallzahlen``); the PDF always withholds them. The progress report to the
programme is the project's own account: Projektteam and the steering group.
"""

import rules

from dwk.permissions import ist_lenkungsgruppe, ist_projektteam, ist_ratsbuero

rules.add_perm("uebersichten.view_kommunalprofil", ist_projektteam | ist_lenkungsgruppe | ist_ratsbuero)
rules.add_perm("uebersichten.view_sachstandsbericht", ist_projektteam | ist_lenkungsgruppe)

"""Who may do what with the public pages.

Every public page is open to everyone, signed in or not (the views are marked
``login_not_required``; no permission is asked). Writing the public texts and releasing events and
photos is Projektteam's.
"""

import rules

from dwk.permissions import ist_projektteam

rules.add_perm("oeffentlich.change_neuigkeit", ist_projektteam)
rules.add_perm("oeffentlich.change_pflichtseite", ist_projektteam)
rules.add_perm("oeffentlich.change_auftritt", ist_projektteam)
rules.add_perm("oeffentlich.add_veranstaltungsfreigabe", ist_projektteam)
rules.add_perm("oeffentlich.add_fotofreigabe", ist_projektteam)

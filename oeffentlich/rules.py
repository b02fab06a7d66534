"""Who may do what with the public pages.

Every public page is open to everyone, signed in or not (the views are marked
``login_not_required``; no permission is asked). Keeping them — news, the statutory pages, the
project page's and the quarters' texts, releasing events and photos — is Projektteam's alone, on
its pages under ``/oeffentliche-seiten/`` (``urls_redaktion``).
"""

import rules

from dwk.permissions import ist_projektteam

rules.add_perm("oeffentlich.view_redaktion", ist_projektteam)
rules.add_perm("oeffentlich.add_neuigkeit", ist_projektteam)
rules.add_perm("oeffentlich.view_neuigkeit", ist_projektteam)  # drafts and previews
rules.add_perm("oeffentlich.change_neuigkeit", ist_projektteam)
rules.add_perm("oeffentlich.publish_neuigkeit", ist_projektteam)
rules.add_perm("oeffentlich.delete_neuigkeit", ist_projektteam)
rules.add_perm("oeffentlich.change_pflichtseite", ist_projektteam)
rules.add_perm("oeffentlich.change_auftritt", ist_projektteam)
rules.add_perm("oeffentlich.change_quartiersseite", ist_projektteam)
rules.add_perm("oeffentlich.add_veranstaltungsfreigabe", ist_projektteam)
rules.add_perm("oeffentlich.delete_veranstaltungsfreigabe", ist_projektteam)
rules.add_perm("oeffentlich.add_fotofreigabe", ist_projektteam)
rules.add_perm("oeffentlich.delete_fotofreigabe", ist_projektteam)

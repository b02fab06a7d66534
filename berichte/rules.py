"""Who may read, comment on, release and download reports.

- Projektteam: everything (write, put to the steering group, release, link to OParl).
- Lenkungsgruppe: reads a draft while it is in consultation (page and PDF) and comments on it;
  reads released versions.
- Ratsbüro: released reports only (their stored PDFs), never a draft or a comment.
- Partner: the released quarter profile of the quarters assigned to them, as PDF.
"""

import rules

from dwk.permissions import ist_lenkungsgruppe, ist_partner, ist_projektteam, ist_ratsbuero
from quartiere.rules import ist_partner_des_quartiers

from .models import BerichtStatus


@rules.predicate
def ist_in_beratung(user, bericht):
    return bericht is not None and bericht.status == BerichtStatus.IN_BERATUNG


@rules.predicate
def hat_freigabe(user, bericht):
    return bericht is not None and bericht.versionen.exists()


@rules.predicate
def ist_nicht_freigegeben(user, bericht):
    return bericht is not None and bericht.status != BerichtStatus.FREIGEGEBEN


darf_arbeitsstand_lesen = ist_projektteam | (ist_lenkungsgruppe & ist_in_beratung)

rules.add_perm("berichte.list_bericht", ist_projektteam | ist_ratsbuero)
rules.add_perm("berichte.add_bericht", ist_projektteam)
rules.add_perm("berichte.change_bericht", ist_projektteam)
rules.add_perm("berichte.view_bericht", darf_arbeitsstand_lesen | ((ist_ratsbuero | ist_lenkungsgruppe) & hat_freigabe))
rules.add_perm("berichte.view_arbeitsstand", darf_arbeitsstand_lesen)
rules.add_perm("berichte.view_kommentar", darf_arbeitsstand_lesen)
rules.add_perm("berichte.comment_bericht", darf_arbeitsstand_lesen & ist_nicht_freigegeben)
rules.add_perm("berichte.resolve_kommentar", ist_projektteam)
rules.add_perm("berichte.consult_bericht", ist_projektteam)
rules.add_perm("berichte.release_bericht", ist_projektteam)
rules.add_perm("berichte.link_oparl", ist_projektteam)
rules.add_perm("berichte.download_version", ist_projektteam | ist_lenkungsgruppe | ist_ratsbuero)
rules.add_perm("berichte.compare_version", ist_projektteam | ist_lenkungsgruppe | ist_ratsbuero)
# The profile PDF shows the latest released profile version. Where none is released yet, only
# Projektteam gets the working state (marked as not released); the others get a page saying so.
# A partner gets the profiles of their own quarters.
rules.add_perm(
    "berichte.download_quartiersprofil",
    ist_projektteam | ist_ratsbuero | (ist_partner & ist_partner_des_quartiers),
)
rules.add_perm("berichte.download_quartiersprofil_arbeitsstand", ist_projektteam)

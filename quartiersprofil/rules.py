"""Who may do what with the quarter profile and its evidence."""

import rules

from dwk.permissions import ist_partner, ist_projektteam, liest_alles
from quartiere.models import Quartier

# --- Walk-throughs, photos, sources; the survey of the senior offices ----------------------------
# Projektteam writes everything. The Lenkungsgruppe reads everything. A partner reads the
# walk-throughs, findings, photos and sources of the quarters assigned to them, and all photos
# there, also those not marked "darf veröffentlicht werden": partners work in the quarter and see
# the same streets. The flag matters for the public pages and published documents (later);
# photo files are served only through ``FotoDateiView``, which checks these rules, never as
# public media. The survey answers of the senior offices stay with Projektteam and
# Lenkungsgruppe. The Ratsbüro sees none of this.


def _quartier_von(objekt):
    """The quarter an object belongs to (a quarter itself, a walk-through, finding, photo, source)."""
    if objekt is None or isinstance(objekt, Quartier):
        return objekt
    if hasattr(objekt, "quartier_id"):
        return objekt.quartier
    if hasattr(objekt, "begehung_id"):
        return objekt.begehung.quartier
    if hasattr(objekt, "quelle_id"):
        return objekt.quelle.quartier
    return None


@rules.predicate
def ist_partner_des_quartiers_von(user, objekt):
    quartier = _quartier_von(objekt)
    if quartier is None:
        return False
    return quartier.partner.filter(pk=user.pk).exists()


darf_belege_lesen = liest_alles | (ist_partner & ist_partner_des_quartiers_von)

rules.add_perm("quartiersprofil.view_begehung", darf_belege_lesen)
rules.add_perm("quartiersprofil.add_begehung", ist_projektteam)
rules.add_perm("quartiersprofil.change_begehung", ist_projektteam)
rules.add_perm("quartiersprofil.delete_begehung", ist_projektteam)
rules.add_perm("quartiersprofil.view_foto", darf_belege_lesen)
rules.add_perm("quartiersprofil.add_foto", ist_projektteam)
rules.add_perm("quartiersprofil.change_foto", ist_projektteam)
rules.add_perm("quartiersprofil.delete_foto", ist_projektteam)
rules.add_perm("quartiersprofil.view_quelle", darf_belege_lesen)
rules.add_perm("quartiersprofil.add_quelle", ist_projektteam)
rules.add_perm("quartiersprofil.change_quelle", ist_projektteam)
rules.add_perm("quartiersprofil.delete_quelle", ist_projektteam)
rules.add_perm("quartiersprofil.view_befragung", liest_alles)
rules.add_perm("quartiersprofil.change_befragung", ist_projektteam)
rules.add_perm("quartiersprofil.add_antwort", ist_projektteam)
# --- end of walk-throughs, photos, sources, survey ------------------------------------------------

# --- Key persons and talks; the profile texts; measures -------------------------------------------
# Readers of a quarter (Projektteam, Lenkungsgruppe, its partners) read its profile, measures, key
# persons and talks; only Projektteam writes. Names and contact details of persons: Projektteam
# only (``quartiersprofil.queries.personen.akteur_anzeige``). Profile versions: drafts only Projektteam,
# „in Beratung“ also the Lenkungsgruppe, released ones every reader (``sichtbare_profilstatus``).
rules.add_perm("quartiersprofil.view_profil", darf_belege_lesen)
rules.add_perm("quartiersprofil.change_profil", ist_projektteam)
rules.add_perm("quartiersprofil.list_massnahme", liest_alles | ist_partner)
rules.add_perm("quartiersprofil.view_massnahme", darf_belege_lesen)
rules.add_perm("quartiersprofil.change_massnahme", ist_projektteam)
rules.add_perm("quartiersprofil.view_akteur", darf_belege_lesen)
rules.add_perm("quartiersprofil.view_personendaten", ist_projektteam)
rules.add_perm("quartiersprofil.change_akteur", ist_projektteam)
rules.add_perm("quartiersprofil.export_akteur", ist_projektteam)
rules.add_perm("quartiersprofil.anonymise_akteur", ist_projektteam)
rules.add_perm("quartiersprofil.view_gespraech", darf_belege_lesen)
rules.add_perm("quartiersprofil.change_gespraech", ist_projektteam)


def sichtbare_profilstatus(user):
    """The profile states ``user`` may read."""
    from dwk.permissions import ist_lenkungsgruppe

    from .models import ProfilStatus

    if ist_projektteam(user):
        return list(ProfilStatus)
    if ist_lenkungsgruppe(user):
        return [ProfilStatus.IN_BERATUNG, ProfilStatus.FREIGEGEBEN]
    return [ProfilStatus.FREIGEGEBEN]


# --- end of key persons, talks, profile texts, measures -------------------------------------------

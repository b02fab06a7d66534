"""Who may do what in the citizen dialogue.

Projektteam does everything. The Lenkungsgruppe reads every event, its checklist and results.
A partner reads the events assigned to it and enters their results and attendance; everything it
enters is marked as its own (``Ergebnis.von_partner``) and Projektteam can correct it.

Which events are assigned to a partner: a partner's user account speaks for one organisation of
the steering group's register (``Partnerkonto``); an event is the partner's when that organisation
is among its moderation (``Veranstaltung.moderation``, e.g. Stiftung Mitarbeit). A partner account
without an organisation sees no event. The results of all events of a quarter are for those who
read everything. The Ratsbüro sees nothing of the citizen dialogue.
"""

import rules

from dwk.permissions import ist_lenkungsgruppe, ist_partner, ist_projektteam, liest_alles
from lenkungsgruppe.rules import hat_mitglied

from .models import DokumentationStatus, Partnerkonto


def _veranstaltung_von(objekt):
    """The event an object belongs to: the event itself, a card or questionnaire (``veranstaltung``),
    a photo or attachment of the documentation (``dokumentation.veranstaltung``)."""
    if objekt is None:
        return None
    if hasattr(objekt, "veranstaltung_id"):
        return objekt.veranstaltung
    if hasattr(objekt, "dokumentation_id"):
        return objekt.dokumentation.veranstaltung
    return objekt


@rules.predicate
def ist_partner_der_veranstaltung(user, objekt):
    veranstaltung = _veranstaltung_von(objekt)
    if veranstaltung is None or veranstaltung.pk is None:
        return False
    if not hasattr(user, "_dwk_buergerdialog_organisation"):
        konto = Partnerkonto.objects.filter(benutzer=user).values_list("organisation_id", flat=True)
        user._dwk_buergerdialog_organisation = konto.first()
    if user._dwk_buergerdialog_organisation is None:
        return False
    return veranstaltung.moderation.filter(pk=user._dwk_buergerdialog_organisation).exists()


@rules.predicate
def ist_selbst_erfasst(user, eintrag):
    """A card, photo, attachment or questionnaire the user entered."""
    return eintrag is not None and eintrag.erfasst_von_id == user.pk


partner_der_veranstaltung = ist_partner & ist_partner_der_veranstaltung

rules.add_perm("buergerdialog.list_veranstaltung", liest_alles | ist_partner)
rules.add_perm("buergerdialog.view_veranstaltung", liest_alles | partner_der_veranstaltung)
rules.add_perm("buergerdialog.change_veranstaltung", ist_projektteam)
rules.add_perm("buergerdialog.add_ergebnis", ist_projektteam | partner_der_veranstaltung)
# The results of all events of a quarter: who reads everything (a partner reads only its events' results).
rules.add_perm("buergerdialog.view_quartier_ergebnisse", liest_alles)
rules.add_perm("buergerdialog.change_ergebnis", ist_projektteam | (partner_der_veranstaltung & ist_selbst_erfasst))
rules.add_perm("buergerdialog.change_anwesenheit", ist_projektteam | partner_der_veranstaltung)
rules.add_perm("buergerdialog.view_katalog", liest_alles)
rules.add_perm("buergerdialog.change_katalog", ist_projektteam)
# Invitations: personal data of key persons, Projektteam only; flyer and poster with the event.
rules.add_perm("buergerdialog.einladen", ist_projektteam)
# Documentation and evaluation: Projektteam all; the partner of the event writes and reads them (its
# entries are marked); the steering group reads them once Projektteam has released the documentation.


@rules.predicate
def ist_dokumentation_freigegeben(user, objekt):
    veranstaltung = _veranstaltung_von(objekt)
    if veranstaltung is None or veranstaltung.pk is None:
        return False
    dokumentation = getattr(veranstaltung, "dokumentation", None)  # None when there is none yet
    return dokumentation is not None and dokumentation.status == DokumentationStatus.FREIGEGEBEN


dokumentation_schreiben = ist_projektteam | partner_der_veranstaltung
dokumentation_lesen = dokumentation_schreiben | (ist_lenkungsgruppe & ist_dokumentation_freigegeben)
rules.add_perm("buergerdialog.view_dokumentation", dokumentation_lesen)
rules.add_perm("buergerdialog.change_dokumentation", dokumentation_schreiben)
rules.add_perm("buergerdialog.release_dokumentation", ist_projektteam)
rules.add_perm("buergerdialog.view_auswertung", dokumentation_lesen)
rules.add_perm("buergerdialog.add_fragebogen", dokumentation_schreiben)
# One photo, attachment or questionnaire: Projektteam corrects and deletes any, the partner its own.
rules.add_perm(
    "buergerdialog.change_dokumentationseintrag", ist_projektteam | (partner_der_veranstaltung & ist_selbst_erfasst)
)

# Review by the steering group and the way into practice (bewertung, praxis).
rules.add_perm("buergerdialog.add_bewertungsrunde", ist_projektteam)
rules.add_perm("buergerdialog.view_bewertung", liest_alles)
rules.add_perm("buergerdialog.rate_ergebnis", liest_alles & hat_mitglied)
rules.add_perm("buergerdialog.change_praxis", ist_projektteam)

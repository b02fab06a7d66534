"""Who may do what in the citizen dialogue.

Projektteam does everything. The Lenkungsgruppe reads every event, its checklist and results.
A partner reads the events assigned to it and enters their results and attendance; everything it
enters is marked as its own (``Ergebnis.von_partner``) and Projektteam can correct it.

Which events are assigned to a partner: there is no link between a user and an organisation of
the steering group's register for partners (``Mitglied.benutzer`` links members only), so the
assignment is the one the Partner role already has: the quarters a partner user is assigned to
(``Quartier.partner``). An event is a partner's when one of its quarters is. The Ratsbüro sees
nothing of the citizen dialogue.
"""

import rules

from dwk.permissions import ist_lenkungsgruppe, ist_partner, ist_projektteam, liest_alles
from lenkungsgruppe.rules import hat_mitglied
from quartiere.rules import darf_quartier_lesen

from .models import DokumentationStatus


def _veranstaltung_von(objekt):
    if objekt is None:
        return None
    if hasattr(objekt, "veranstaltung_id"):
        return objekt.veranstaltung
    return objekt


@rules.predicate
def ist_partner_der_veranstaltung(user, objekt):
    veranstaltung = _veranstaltung_von(objekt)
    if veranstaltung is None or veranstaltung.pk is None:
        return False
    if not hasattr(user, "_dwk_buergerdialog_quartiere"):
        user._dwk_buergerdialog_quartiere = set(user.partner_quartiere.values_list("pk", flat=True))
    if not user._dwk_buergerdialog_quartiere:
        return False
    return veranstaltung.quartiere.filter(pk__in=user._dwk_buergerdialog_quartiere).exists()


@rules.predicate
def ist_eigenes_ergebnis(user, ergebnis):
    return ergebnis is not None and ergebnis.erfasst_von_id == user.pk


partner_der_veranstaltung = ist_partner & ist_partner_der_veranstaltung

rules.add_perm("buergerdialog.list_veranstaltung", liest_alles | ist_partner)
rules.add_perm("buergerdialog.view_veranstaltung", liest_alles | partner_der_veranstaltung)
rules.add_perm("buergerdialog.change_veranstaltung", ist_projektteam)
rules.add_perm("buergerdialog.add_ergebnis", ist_projektteam | partner_der_veranstaltung)
# The results of all events of a quarter: who reads the quarter (a partner only its own quarters).
rules.add_perm("buergerdialog.view_quartier_ergebnisse", darf_quartier_lesen)
rules.add_perm("buergerdialog.change_ergebnis", ist_projektteam | (partner_der_veranstaltung & ist_eigenes_ergebnis))
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

# Review by the steering group and the way into practice (bewertung, praxis).
rules.add_perm("buergerdialog.add_bewertungsrunde", ist_projektteam)
rules.add_perm("buergerdialog.view_bewertung", liest_alles)
rules.add_perm("buergerdialog.rate_ergebnis", liest_alles & hat_mitglied)
rules.add_perm("buergerdialog.change_praxis", ist_projektteam)

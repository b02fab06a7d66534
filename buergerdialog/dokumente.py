"""Documents of an event: flyer (A5), poster (A3), invitation letters (one PDF, A4), the invitation
e-mails with the flyer attached, the documentation PDF and the evaluation questionnaire.

Nothing here writes to the database; the data come from ``queries``. Every PDF goes through
``dwk.pdf.render_pdf`` (PDF/A, the safe URL fetcher), with ``static/css/pdf.css`` and this app's
``buergerdialog/css/druck.css`` (paper sizes, large print of at least 14 pt).
"""

from collections.abc import Sequence
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from dwk.pdf import render_pdf
from dwk.zeit import heute
from quartiere.models import Kommune
from quartiersprofil.models import Akteur

from .diagramme import auswertung_diagramm
from .karten import veranstaltungsort_karte_svg
from .models import Fragebogen, Veranstaltung
from .queries.dokumente import (
    SKALA,
    auswertung,
    dokumentation_der_veranstaltung,
    ergebnisse_nach_handlungsfeld,
    veranstaltung_fuer_dokumentation,
)
from .queries.einladungen import seniorenbuero_der_veranstaltung

BERLIN = ZoneInfo("Europe/Berlin")


def _stadtname():
    kommune = Kommune.objects.first()
    return kommune.name if kommune else _("Stadt")


def _datum(veranstaltung):
    return timezone.localtime(veranstaltung.beginn, BERLIN).strftime("%d.%m.%Y")


def aushang_daten(veranstaltung: Veranstaltung) -> dict:
    """What flyer, poster, letter and e-mail say about an event (no personal data)."""
    quartiere = list(veranstaltung.quartiere.order_by("name"))
    return {
        "veranstaltung": veranstaltung,
        "beginn": timezone.localtime(veranstaltung.beginn, BERLIN),
        "ende": timezone.localtime(veranstaltung.ende, BERLIN) if veranstaltung.ende else None,
        "quartiere": quartiere,
        "karte": veranstaltungsort_karte_svg(veranstaltung=veranstaltung, quartiere=quartiere),
        "seniorenbuero": seniorenbuero_der_veranstaltung(veranstaltung=veranstaltung),
        "stadtname": _stadtname(),
    }


def _pdf(vorlage, daten, titel):
    html = render_to_string(vorlage, {**daten, "titel": titel})
    return render_pdf(html, title=titel, author=daten["stadtname"], lang="de")


def flyer_titel(veranstaltung: Veranstaltung) -> str:
    return _("%(titel)s am %(datum)s") % {"titel": veranstaltung.titel, "datum": _datum(veranstaltung)}


def flyer_pdf(*, veranstaltung: Veranstaltung) -> bytes:
    """The flyer of an event: one A5 page in large print, with a small map of the place."""
    with translation.override("de"):
        return _pdf("buergerdialog/pdf/flyer.html", aushang_daten(veranstaltung), flyer_titel(veranstaltung))


def plakat_pdf(*, veranstaltung: Veranstaltung) -> bytes:
    """The poster of an event: the flyer's content on one A3 page."""
    with translation.override("de"):
        return _pdf("buergerdialog/pdf/plakat.html", aushang_daten(veranstaltung), flyer_titel(veranstaltung))


def einladung_betreff(veranstaltung: Veranstaltung) -> str:
    return _("Einladung: %(titel)s am %(datum)s") % {"titel": veranstaltung.titel, "datum": _datum(veranstaltung)}


def einladungsbriefe_pdf(*, veranstaltung: Veranstaltung, akteure: Sequence[Akteur]) -> bytes:
    """One letter per person (A4, large print, DIN 5008 address field) as one PDF for printing.

    The caller passes only persons who may be invited (``queries.einladungen.einladbare_akteure``).
    """
    with translation.override("de"):
        daten = {**aushang_daten(veranstaltung), "akteure": akteure, "heute": heute()}
        return _pdf("buergerdialog/pdf/einladungsbriefe.html", daten, einladung_betreff(veranstaltung))


def einladung_nachrichten(*, veranstaltung: Veranstaltung, akteure: Sequence[Akteur]) -> list[EmailMultiAlternatives]:
    """One e-mail per person with an address, the flyer attached as PDF."""
    with translation.override("de"):
        daten = aushang_daten(veranstaltung)
        betreff = einladung_betreff(veranstaltung)
        flyer = flyer_pdf(veranstaltung=veranstaltung)
        nachrichten = []
        for akteur in akteure:
            text = render_to_string("buergerdialog/mail/einladung.txt", {**daten, "akteur": akteur})
            nachricht = EmailMultiAlternatives(
                subject=betreff, body=text, from_email=settings.DEFAULT_FROM_EMAIL, to=[akteur.email]
            )
            nachricht.attach(f"flyer-veranstaltung-{veranstaltung.pk}.pdf", flyer, "application/pdf")
            nachrichten.append(nachricht)
        return nachrichten


def fragebogen_pdf(*, veranstaltung: Veranstaltung) -> bytes:
    """The evaluation questionnaire of an event for printing (A4, large print, boxes to tick)."""
    with translation.override("de"):
        daten = {
            **aushang_daten(veranstaltung),
            "items": [str(Fragebogen._meta.get_field(feld).verbose_name) for feld in Fragebogen.ITEMS],
            "skala": SKALA,
        }
        titel = _("Ihre Meinung zu „%(titel)s“") % {"titel": veranstaltung.titel}
        return _pdf("buergerdialog/pdf/fragebogen.html", daten, titel)


def dokumentation_pdf(*, veranstaltung: Veranstaltung) -> bytes:
    """The documentation of an event: the event, its programme and report, the results by
    Handlungsfeld with votes, the photos as print derivatives and the evaluation (chart and table)."""
    with translation.override("de"):
        veranstaltung = veranstaltung_fuer_dokumentation(pk=veranstaltung.pk)
        bewertung = auswertung(veranstaltung=veranstaltung)
        daten = {
            "veranstaltung": veranstaltung,
            "beginn": timezone.localtime(veranstaltung.beginn, BERLIN),
            "ende": timezone.localtime(veranstaltung.ende, BERLIN) if veranstaltung.ende else None,
            "dokumentation": dokumentation_der_veranstaltung(veranstaltung=veranstaltung),
            "felder": ergebnisse_nach_handlungsfeld(veranstaltung=veranstaltung),
            "auswertung": bewertung,
            "diagramm": auswertung_diagramm(bewertung),
            "stadtname": _stadtname(),
            "stand": heute(),
        }
        titel = _("Dokumentation: %(titel)s am %(datum)s") % {
            "titel": veranstaltung.titel,
            "datum": _datum(veranstaltung),
        }
        return _pdf("buergerdialog/pdf/dokumentation.html", daten, titel)

"""Invitation and minutes as PDF (read back with pypdf) and the meeting as iCalendar file."""

import datetime
import io

from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar
from pypdf import PdfReader

from lenkungsgruppe.dokumente import einladung_ics, einladung_pdf, protokoll_pdf, sitzung_uid
from tests.dwk.test_pdf_fetcher import pdfa_kennung
from tests.factories import (
    BeschlussFactory,
    KommuneFactory,
    MitgliedFactory,
    SitzungFactory,
    TagesordnungspunktFactory,
    TeilnahmeFactory,
)


def _sitzung(**kwargs):
    KommuneFactory(name="Dortmund")
    sitzung = SitzungFactory(
        nummer=7,
        beginn=timezone.make_aware(datetime.datetime(2017, 2, 21, 14, 0)),
        ende=timezone.make_aware(datetime.datetime(2017, 2, 21, 16, 30)),
        ort="Rathaus Dortmund, Raum 120",
        **kwargs,
    )
    TeilnahmeFactory(
        sitzung=sitzung, mitglied=MitgliedFactory(vorname="Ruth", nachname="Kemper", email="rk@example.org")
    )
    TeilnahmeFactory(sitzung=sitzung, mitglied=MitgliedFactory(email=""), status="entschuldigt")
    top = TagesordnungspunktFactory(
        sitzung=sitzung,
        nummer=1,
        titel="Ergebnisse des Planungstreffens",
        protokoll="**Einvernehmen** über die Termine.",
    )
    TagesordnungspunktFactory(sitzung=sitzung, nummer=2, titel="Beteiligungsgegenstände")
    BeschlussFactory(sitzung=sitzung, tagesordnungspunkt=top, nummer=4, titel="Termine der Bürgerdialoge")
    return sitzung


def _text(pdf):
    return " ".join(" ".join(seite.extract_text().split()) for seite in pdf.pages)


def test_einladung_pdf_enthaelt_tagesordnung(db):
    pdf = PdfReader(io.BytesIO(einladung_pdf(sitzung=_sitzung())))
    text = _text(pdf)
    assert "Einladung zur 7. Sitzung der Lenkungsgruppe am 21.02.2017" in text
    assert "Ergebnisse des Planungstreffens" in text
    assert "Beteiligungsgegenstände" in text
    assert "Ruth Kemper" in text
    assert len(pdf.pages) == 1
    assert pdfa_kennung(pdf) == ("3", "B")
    assert pdf.metadata.title == "Einladung zur 7. Sitzung der Lenkungsgruppe am 21.02.2017"
    assert pdf.metadata.author == "Dortmund"


def test_protokoll_pdf_enthaelt_protokoll_und_beschluesse(db):
    sitzung = _sitzung()
    sitzung.protokoll_genehmigt_in = SitzungFactory(nummer=8)
    sitzung.save()
    pdf = PdfReader(io.BytesIO(protokoll_pdf(sitzung=sitzung)))
    text = _text(pdf)
    assert "Protokoll der 7. Sitzung der Lenkungsgruppe vom 21.02.2017" in text
    assert "Einvernehmen über die Termine." in text
    assert "Beschluss Nr. 4: Termine der Bürgerdialoge" in text
    assert "entschuldigt" in text
    assert "Genehmigt in der 8. Sitzung" in text
    assert len(pdf.pages) == 1
    assert pdfa_kennung(pdf) == ("3", "B")


def test_einladung_ics(db):
    sitzung = _sitzung()
    kalender = Calendar.from_ical(einladung_ics(sitzung=sitzung))
    termin = kalender.walk("VEVENT")[0]
    assert str(kalender["METHOD"]) == "REQUEST"
    assert str(termin["UID"]) == sitzung_uid(sitzung) == f"sitzung-{sitzung.pk}@dwk-quartiersplanung"
    assert termin.decoded("DTSTART").isoformat() == "2017-02-21T14:00:00+01:00"
    assert str(termin.decoded("DTSTART").tzinfo) == "Europe/Berlin"
    assert termin.decoded("DTEND").isoformat() == "2017-02-21T16:30:00+01:00"
    assert str(termin["LOCATION"]) == "Rathaus Dortmund, Raum 120"
    assert str(termin["ORGANIZER"]) == "mailto:dwk@localhost"
    teilnehmer = termin["ATTENDEE"]
    teilnehmer = teilnehmer if isinstance(teilnehmer, list) else [teilnehmer]
    assert [str(t) for t in teilnehmer] == ["mailto:rk@example.org"]
    assert "TOP 1: Ergebnisse des Planungstreffens" in str(termin["DESCRIPTION"])
    assert [tz["TZID"] for tz in kalender.walk("VTIMEZONE")] == ["Europe/Berlin"]


def test_einladung_ics_uid_bleibt_sequenz_steigt(db):
    sitzung = _sitzung()
    vorher = Calendar.from_ical(einladung_ics(sitzung=sitzung)).walk("VEVENT")[0]
    sitzung.einladung_sequenz = 2
    nachher = Calendar.from_ical(einladung_ics(sitzung=sitzung)).walk("VEVENT")[0]
    assert (str(vorher["UID"]), vorher["SEQUENCE"]) == (str(nachher["UID"]), 0)
    assert nachher["SEQUENCE"] == 2


def test_einladung_downloads(client_mitglied):
    sitzung = _sitzung()
    ics = client_mitglied.get(reverse("lenkungsgruppe:einladung_ics", args=[sitzung.pk]))
    assert ics["Content-Type"] == "text/calendar; charset=utf-8"
    assert ics["Content-Disposition"] == 'attachment; filename="sitzung-7.ics"'
    assert "private" in ics["Cache-Control"]
    pdf = client_mitglied.get(reverse("lenkungsgruppe:einladung_pdf", args=[sitzung.pk]))
    assert pdf["Content-Disposition"] == 'attachment; filename="einladung-sitzung-7.pdf"'
    assert pdf.content.startswith(b"%PDF-")


def test_einladung_versenden_view(client_projektteam, django_capture_on_commit_callbacks, mailoutbox):
    sitzung = _sitzung()
    with django_capture_on_commit_callbacks(execute=True):
        antwort = client_projektteam.post(reverse("lenkungsgruppe:einladung_versenden", args=[sitzung.pk]))
    assert antwort.status_code == 302
    assert [m.to for m in mailoutbox] == [["rk@example.org"]]
    assert mailoutbox[0].subject == "Einladung zur 7. Sitzung der Lenkungsgruppe am 21.02.2017"
    assert [a[0] for a in mailoutbox[0].attachments] == ["einladung-sitzung-7.pdf", "sitzung-7.ics"]

"""Public events as iCalendar (the library the steering group's invitations use: icalendar)."""

from collections.abc import Iterable
from zoneinfo import ZoneInfo

from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from buergerdialog.models import Veranstaltung
from dwk.zeit import jetzt
from lenkungsgruppe.dokumente import ICS_DOMAIN

BERLIN = ZoneInfo("Europe/Berlin")


def _zugang(veranstaltung: Veranstaltung) -> str:
    teile = []
    if veranstaltung.stufenlos:
        teile.append(_("stufenlos erreichbar"))
    if veranstaltung.hoerschleife:
        teile.append(_("Hörschleife"))
    if veranstaltung.wc:
        teile.append(_("barrierefreies WC"))
    if veranstaltung.haltestelle:
        teile.append(_("Haltestelle: %(haltestelle)s") % {"haltestelle": veranstaltung.haltestelle})
    return ", ".join(teile)


def kalender_ics(*, veranstaltungen: Iterable[Veranstaltung], basis: str) -> bytes:
    """A calendar (METHOD:PUBLISH) of public events: title, time, place, accessibility, the
    public short text and the link to the event's page (``basis``: the site's absolute root).
    No organiser, no attendee: nothing personal."""
    with translation.override("de"):
        kalender = Calendar()
        kalender.add("prodid", "-//DWK Quartiersplanung//Öffentliche Veranstaltungen//DE")
        kalender.add("version", "2.0")
        kalender.add("method", "PUBLISH")
        kalender.add("x-wr-calname", _("Veranstaltungen: Gut älter werden im Quartier"))
        stempel = jetzt()
        for veranstaltung in veranstaltungen:
            termin = Event()
            termin.add("uid", f"veranstaltung-{veranstaltung.pk}@{ICS_DOMAIN}")
            termin.add("dtstamp", stempel)
            termin.add("dtstart", timezone.localtime(veranstaltung.beginn, BERLIN))
            if veranstaltung.ende:
                termin.add("dtend", timezone.localtime(veranstaltung.ende, BERLIN))
            termin.add("summary", veranstaltung.titel)
            if veranstaltung.adresse:
                termin.add("location", " ".join(veranstaltung.adresse.split()))
            beschreibung = [veranstaltung.freigabe.kurztext] if veranstaltung.freigabe.kurztext else []
            zugang = _zugang(veranstaltung)
            if zugang:
                beschreibung.append(_("Barrierefreiheit: %(zugang)s") % {"zugang": zugang})
            if beschreibung:
                termin.add("description", "\n".join(beschreibung))
            seite = reverse("oeffentlich:veranstaltung", kwargs={"pk": veranstaltung.pk})
            termin.add("url", basis.rstrip("/") + seite)
            kalender.add_component(termin)
        kalender.add_missing_timezones()
        return kalender.to_ical()

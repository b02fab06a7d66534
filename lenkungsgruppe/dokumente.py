"""Documents of a meeting: the invitation (PDF, iCalendar, e-mail) and the approved minutes (PDF).

Nothing here writes to the database; the data comes from ``queries.sitzung_unterlagen``, and
``services.einladung_versenden`` sends what ``einladung_nachrichten`` builds.
"""

from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress, vText

from dwk.pdf import render_pdf
from dwk.zeit import jetzt

from .queries import einladungs_empfaenger, sitzung_unterlagen

BERLIN = ZoneInfo("Europe/Berlin")
ICS_DOMAIN = "dwk-quartiersplanung"


def einladung_titel(sitzung):
    return _("Einladung zur %(nummer)s. Sitzung der Lenkungsgruppe am %(datum)s") % {
        "nummer": sitzung.nummer,
        "datum": timezone.localtime(sitzung.beginn, BERLIN).strftime("%d.%m.%Y"),
    }


def einladung_pdf(*, sitzung):
    """The invitation with agenda as PDF/A bytes (German)."""
    with translation.override("de"):
        daten = sitzung_unterlagen(sitzung)
        titel = einladung_titel(sitzung)
        html = render_to_string("lenkungsgruppe/pdf/einladung.html", {**daten, "titel": titel})
        return render_pdf(html, title=titel, author=daten["stadtname"], lang="de")


def protokoll_pdf(*, sitzung):
    """The approved minutes as PDF/A bytes (German). The caller checks that they are approved."""
    with translation.override("de"):
        daten = sitzung_unterlagen(sitzung)
        titel = _("Protokoll der %(nummer)s. Sitzung der Lenkungsgruppe vom %(datum)s") % {
            "nummer": sitzung.nummer,
            "datum": timezone.localtime(sitzung.beginn, BERLIN).strftime("%d.%m.%Y"),
        }
        html = render_to_string("lenkungsgruppe/pdf/protokoll.html", {**daten, "titel": titel})
        return render_pdf(html, title=titel, author=daten["stadtname"], lang="de")


def sitzung_uid(sitzung):
    """The iCalendar UID of a meeting: the same for every version, so calendars update the event."""
    return f"sitzung-{sitzung.pk}@{ICS_DOMAIN}"


def einladung_ics(*, sitzung, empfaenger=None):
    """The meeting as iCalendar bytes (METHOD:REQUEST), times in Europe/Berlin.

    Attendees are the invited members with an e-mail address (or ``empfaenger``).
    """
    with translation.override("de"):
        kalender = Calendar()
        kalender.add("prodid", "-//DWK Quartiersplanung//Lenkungsgruppe//DE")
        kalender.add("version", "2.0")
        kalender.add("method", "REQUEST")
        termin = Event()
        termin.add("uid", sitzung_uid(sitzung))
        termin.add("sequence", sitzung.einladung_sequenz)
        termin.add("dtstamp", jetzt())
        termin.add("dtstart", timezone.localtime(sitzung.beginn, BERLIN))
        termin.add("dtend", timezone.localtime(sitzung.ende_oder_standard, BERLIN))
        termin.add("summary", _("Lenkungsgruppe: %(sitzung)s") % {"sitzung": sitzung.titel or str(sitzung)})
        if sitzung.ort:
            termin.add("location", sitzung.ort)
        tops = sitzung.tagesordnungspunkte.order_by("nummer").values_list("nummer", "titel")
        termin.add("description", "\n".join([_("Tagesordnung:")] + [f"TOP {n}: {t}" for n, t in tops]))
        organisator = vCalAddress(f"mailto:{settings.DEFAULT_FROM_EMAIL}")
        organisator.params["cn"] = vText(_("Geschäftsführung der Lenkungsgruppe"))
        termin.add("organizer", organisator)
        if empfaenger is None:
            empfaenger = einladungs_empfaenger(sitzung)
        for mitglied in empfaenger:
            teilnehmer = vCalAddress(f"mailto:{mitglied.email}")
            teilnehmer.params["cn"] = vText(str(mitglied))
            teilnehmer.params["role"] = vText("REQ-PARTICIPANT")
            teilnehmer.params["partstat"] = vText("NEEDS-ACTION")
            teilnehmer.params["rsvp"] = vText("TRUE")
            termin.add("attendee", teilnehmer, encode=0)
        kalender.add_component(termin)
        kalender.add_missing_timezones()
        return kalender.to_ical()


def einladung_nachrichten(*, sitzung, empfaenger, absender=None):
    """One e-mail per member: agenda in the text, the invitation PDF and the .ics attached."""
    with translation.override("de"):
        daten = sitzung_unterlagen(sitzung)
        betreff = einladung_titel(sitzung)
        pdf = einladung_pdf(sitzung=sitzung)
        ics = einladung_ics(sitzung=sitzung, empfaenger=empfaenger)
        nachrichten = []
        for mitglied in empfaenger:
            text = render_to_string(
                "lenkungsgruppe/mail/einladung.txt", {**daten, "mitglied": mitglied, "absender": absender}
            )
            nachricht = EmailMultiAlternatives(
                subject=betreff, body=text, from_email=settings.DEFAULT_FROM_EMAIL, to=[mitglied.email]
            )
            nachricht.attach(f"einladung-sitzung-{sitzung.nummer}.pdf", pdf, "application/pdf")
            nachricht.attach(f"sitzung-{sitzung.nummer}.ics", ics, "text/calendar; method=REQUEST; charset=utf-8")
            nachrichten.append(nachricht)
        return nachrichten

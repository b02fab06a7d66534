"""The database state of the public pages' tests: one city with its project page and statutory
pages, a reference quarter with a released profile, an upcoming and a documented public event,
a photo released for the public, a measure traced to a result, news; and beside each released
thing its unreleased twin (a draft, an event without release, a photo without release)."""

import datetime

from django.urls import get_resolver, reverse
from django.utils import timezone

from buergerdialog.models import DokumentationStatus, VeranstaltungStatus
from oeffentlich.models import PflichtseiteArt
from quartiere.models import Handlungsfeld
from quartiersprofil.models import MassnahmeStatus, ProfilAbschnitt, ProfilStatus
from tests import factories as f

HEUTE = datetime.date(2017, 10, 16)


def zeit(tag, stunde=15):
    return timezone.make_aware(datetime.datetime.combine(tag, datetime.time(stunde, 0)))


def stand_anlegen(quartier=None):
    """Create the state (see the module docstring); returns the objects by name."""
    quartier = quartier or f.QuartierFactory(name="Menglinghausen", slug="menglinghausen")
    kommune = quartier.stadtbezirk.kommune
    feld = Handlungsfeld.objects.order_by("reihenfolge").first()
    f.AuftrittFactory(kommune=kommune)
    for art in PflichtseiteArt.values:
        f.PflichtseiteFactory(kommune=kommune, art=art, ist_beispiel=art == PflichtseiteArt.IMPRESSUM)
    f.QuartiersseiteFactory(quartier=quartier)
    fassung = f.ProfilfassungFactory(quartier=quartier, status=ProfilStatus.FREIGEGEBEN, freigegeben_am=zeit(HEUTE, 9))
    ProfilAbschnitt.objects.create(
        fassung=fassung, handlungsfeld=feld, staerken="Viele Bänke.", handlungsbedarf="Ein Laden fehlt."
    )
    f.MeilensteinFactory()
    kommend = f.VeranstaltungFactory(
        titel="Bürgerwerkstatt im Herbst",
        beginn=zeit(HEUTE + datetime.timedelta(days=24)),
        quartiere=[quartier],
        status=VeranstaltungStatus.EINGELADEN,
        stufenlos=True,
        haltestelle="Markt",
    )
    f.VeranstaltungsfreigabeFactory(veranstaltung=kommend)
    vergangen = f.VeranstaltungFactory(
        titel="Bürgerwerkstatt im Sommer",
        beginn=zeit(datetime.date(2017, 6, 29)),
        quartiere=[quartier],
        status=VeranstaltungStatus.DOKUMENTIERT,
    )
    f.VeranstaltungsfreigabeFactory(veranstaltung=vergangen)
    dokumentation = f.DokumentationFactory(veranstaltung=vergangen, status=DokumentationStatus.FREIGEGEBEN)
    foto = f.DokumentationsfotoFactory(dokumentation=dokumentation, darf_veroeffentlicht_werden=True)
    f.FotofreigabeFactory(foto=foto)
    # Released with an alternative text, but not marked publishable (persons recognisable).
    f.FotofreigabeFactory(foto=f.DokumentationsfotoFactory(dokumentation=dokumentation))
    f.DokumentationsfotoFactory(dokumentation=dokumentation)  # not released for the public
    ergebnis = f.ErgebnisFactory(veranstaltung=vergangen, handlungsfeld=feld, text="Eine Bank am Markt")
    massnahme = f.MassnahmeFactory(
        quartier=quartier, handlungsfeld=feld, status=MassnahmeStatus.IN_UMSETZUNG, fortschritt=40
    )
    f.UmsetzungFactory(ergebnis=ergebnis, massnahme=massnahme)
    f.MassnahmeMeilensteinFactory(massnahme=massnahme, erreicht_am=datetime.date(2017, 9, 20))
    # The unreleased twins.
    intern = f.VeranstaltungFactory(
        titel="Planungstreffen intern", beginn=zeit(HEUTE + datetime.timedelta(days=3)), quartiere=[quartier]
    )
    entwurf = f.VeranstaltungFactory(
        titel="Werkstatt mit Entwurf",
        beginn=zeit(datetime.date(2017, 7, 13)),
        quartiere=[quartier],
        status=VeranstaltungStatus.DURCHGEFUEHRT,
    )
    f.VeranstaltungsfreigabeFactory(veranstaltung=entwurf)
    f.DokumentationFactory(veranstaltung=entwurf, status=DokumentationStatus.ENTWURF, text="Geheimer Entwurf")
    neu = f.NeuigkeitFactory(titel="Erste Neuigkeit", slug="erste-neuigkeit")
    f.NeuigkeitFactory(titel="Entwurf einer Neuigkeit", slug="entwurf", veroeffentlicht_am=None)
    f.NeuigkeitFactory(
        titel="Neuigkeit von morgen", slug="morgen", veroeffentlicht_am=zeit(HEUTE + datetime.timedelta(days=1))
    )
    return {
        "quartier": quartier,
        "kommend": kommend,
        "vergangen": vergangen,
        "foto": foto,
        "neuigkeit": neu,
        "intern": intern,
        "entwurf": entwurf,
    }


def oeffentliche_urls(objekte):
    """Every URL of the public pages, one per URL pattern (``oeffentlich:``), for ``objekte``.

    Fails on a pattern it does not know, so a new public page is tested without anyone remembering."""
    argumente = {
        "projekt": {},
        "quartiere": {},
        "quartier": {"slug": objekte["quartier"].slug},
        "profil_pdf": {"slug": objekte["quartier"].slug},
        "veranstaltungen": {},
        "kalender": {},
        "veranstaltung": {"pk": objekte["kommend"].pk},
        "flyer": {"pk": objekte["kommend"].pk},
        "termin": {"pk": objekte["kommend"].pk},
        "dokumentation": {"pk": objekte["vergangen"].pk},
        "foto": {"pk": objekte["vergangen"].pk, "foto_pk": objekte["foto"].pk},
        "neuigkeiten": {},
        "neuigkeiten_feed": {},
        "neuigkeit": {"slug": objekte["neuigkeit"].slug},
        "rueckmeldung_danke": {},
    }
    urls = [reverse(f"oeffentlich:{name}", kwargs=kwargs) for name, kwargs in argumente.items()]
    urls += [reverse("oeffentlich:pflichtseite", kwargs={"art": art}) for art in PflichtseiteArt.values]
    muster = {m.name for m in get_resolver().namespace_dict["oeffentlich"][1].url_patterns}
    # The feedback form's address answers POST (GET redirects to the statement that holds the form).
    assert muster - {"pflichtseite", "rueckmeldung"} == set(argumente), "Öffentliches URL-Muster ohne Testadresse"
    return urls


def html_urls(urls):
    return [u for u in urls if u.endswith("/")]

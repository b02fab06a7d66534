"""factory_boy factories, called explicitly by the tests.

Geometries are small squares near Dortmund (about 1.4 km × 2.2 km); each new area of a
level gets its own square so that areas of one level never overlap.
"""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.gis.geos import MultiPolygon, Point, Polygon
from django.db.models import Max

from quartiere import models

TESTPASSWORT = "geheim-und-lang-123"  # of every user the factory makes
X0, Y0 = 7.40, 51.48  # south-west corner of the test grid
SEITE = 0.02  # degrees


def quadrat(spalte, zeile=0, seite=SEITE, x0=X0, y0=Y0):
    """A MultiPolygon square in EPSG:4326 at grid cell (spalte, zeile)."""
    x, y = x0 + spalte * seite, y0 + zeile * seite
    return MultiPolygon(Polygon.from_bbox((x, y, x + seite, y + seite)), srid=4326)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"person{n}")
    first_name = "Erika"
    last_name = factory.Sequence(lambda n: f"Muster{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password(TESTPASSWORT)

    @factory.post_generation
    def rolle(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(Group.objects.get(name=extracted))


class KommuneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Kommune
        django_get_or_create = ("gemeindeschluessel",)

    name = "Dortmund"
    gemeindeschluessel = "05913000"


class StadtbezirkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Stadtbezirk

    kommune = factory.SubFactory(KommuneFactory)
    code = factory.Sequence(lambda n: f"{n + 1:02d}")
    name = factory.Sequence(lambda n: f"Stadtbezirk {n + 1}")
    geometrie = factory.Sequence(lambda n: quadrat(n, 0))


class StatistischerBezirkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.StatistischerBezirk

    stadtbezirk = factory.SubFactory(StadtbezirkFactory)
    code = factory.Sequence(lambda n: f"{(n + 1) * 10:03d}")
    name = factory.Sequence(lambda n: f"Bezirk {n + 1}")
    geometrie = factory.LazyAttribute(lambda o: o.stadtbezirk.geometrie)


class UnterbezirkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Unterbezirk

    bezirk = factory.SubFactory(StatistischerBezirkFactory)
    code = factory.Sequence(lambda n: f"U{n + 1:04d}")
    name = factory.Sequence(lambda n: f"Unterbezirk {n + 1}")
    geometrie = factory.LazyAttribute(lambda o: o.bezirk.geometrie)


class QuartierFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Quartier
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Quartier {n + 1}")
    slug = factory.Sequence(lambda n: f"quartier-{n + 1}")
    stadtbezirk = factory.SubFactory(StadtbezirkFactory)
    siedlungsepoche = models.Siedlungsepoche.GRUENDERZEIT
    grenze = factory.LazyAttribute(lambda o: o.stadtbezirk.geometrie)
    ist_referenzquartier = True
    auswahlbegruendung = "Typisches Quartier der Gründerzeit mit vielen älteren Menschen."
    status = models.QuartierStatus.PROFIL


class InfrastrukturFactory(factory.django.DjangoModelFactory):
    """A facility of an existing category (from data migration 0004), by default an Apotheke."""

    class Meta:
        model = models.Infrastruktur

    kategorie = factory.LazyFunction(lambda: models.InfrastrukturKategorie.objects.get(slug="apotheke"))
    name = factory.Sequence(lambda n: f"Einrichtung {n + 1}")
    punkt = factory.LazyFunction(lambda: Point(X0 + SEITE / 2, Y0 + SEITE / 2, srid=4326))
    adresse = factory.Sequence(lambda n: f"Hauptstraße {n + 1}, 44137 Dortmund")
    quelle = models.Infrastrukturquelle.BEGEHUNG
    stand = datetime.date(2016, 9, 1)


# --- Lenkungsgruppe ------------------------------------------------------------------------

import datetime as _dt  # noqa: E402

from django.utils import timezone as _timezone  # noqa: E402

from lenkungsgruppe import models as lg  # noqa: E402


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = lg.Organisation
        django_get_or_create = ("kurzname",)

    name = factory.Sequence(lambda n: f"Fachbereich {n + 1}")
    kurzname = factory.Sequence(lambda n: f"FB {n + 1}")
    art = lg.OrganisationArt.FACHBEREICH


class MitgliedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = lg.Mitglied

    vorname = "Maria"
    nachname = factory.Sequence(lambda n: f"Mitglied{n + 1}")
    organisation = factory.SubFactory(OrganisationFactory)
    funktion = "Vertretung"
    email = factory.LazyAttribute(lambda m: f"{m.nachname.lower()}@example.org")
    mitglied_seit = _dt.date(2016, 1, 15)


class SitzungFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = lg.Sitzung

    nummer = factory.Sequence(lambda n: n + 1)
    titel = ""
    beginn = factory.Sequence(
        lambda n: _timezone.make_aware(_dt.datetime(2016, 2, 1, 14, 0) + _dt.timedelta(days=30 * n))
    )
    ende = factory.LazyAttribute(lambda s: s.beginn + _dt.timedelta(hours=2))
    ort = "Rathaus, Friedensplatz 1, Raum 120"
    format = lg.SitzungFormat.ARBEITSTREFFEN


class TeilnahmeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = lg.Teilnahme

    sitzung = factory.SubFactory(SitzungFactory)
    mitglied = factory.SubFactory(MitgliedFactory)


class TagesordnungspunktFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = lg.Tagesordnungspunkt

    sitzung = factory.SubFactory(SitzungFactory)
    nummer = factory.Sequence(lambda n: n + 1)
    titel = factory.Sequence(lambda n: f"Tagesordnungspunkt {n + 1}")


class BeschlussFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = lg.Beschluss

    nummer = factory.Sequence(lambda n: n + 1)
    titel = factory.Sequence(lambda n: f"Beschluss {n + 1}")
    text = "Die Lenkungsgruppe beschließt."
    art = lg.BeschlussArt.SONSTIGES
    sitzung = factory.SubFactory(SitzungFactory)


class AufgabeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = lg.Aufgabe

    titel = factory.Sequence(lambda n: f"Aufgabe {n + 1}")
    verantwortlich_mitglied = factory.SubFactory(MitgliedFactory)
    faellig_am = _dt.date(2030, 1, 31)


class FachplanungFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = lg.Fachplanung
        skip_postgeneration_save = True

    titel = factory.Sequence(lambda n: f"Masterplan {n + 1}")
    art = lg.FachplanungArt.MASTERPLAN
    jahr = 2015
    federfuehrung = "Stadtplanungs- und Bauordnungsamt"

    @factory.post_generation
    def handlungsfelder(self, create, extracted, **kwargs):
        if create and extracted:
            self.handlungsfelder.set(extracted)


class FachplanungBewertungFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = lg.FachplanungBewertung

    fachplanung = factory.SubFactory(FachplanungFactory)
    mitglied = factory.SubFactory(MitgliedFactory)
    handlungsfeld = factory.LazyFunction(lambda: models.Handlungsfeld.objects.first())
    relevanz = 4


class StadtentwicklungsprojektFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = lg.Stadtentwicklungsprojekt

    name = factory.Sequence(lambda n: f"Projekt {n + 1}")
    kontakt_name = "Jana Beispiel"


class MeilensteinFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = lg.Meilenstein

    titel = factory.Sequence(lambda n: f"Meilenstein {n + 1}")
    geplant_am = _dt.date(2016, 6, 30)


class KennzahlFactory(factory.django.DjangoModelFactory):
    """A value of an Unterbezirk; pass ``indikator`` (from the catalogue of migration 0005)."""

    class Meta:
        model = models.Kennzahl

    jahr = 2020
    ebene = models.Ebene.UNTERBEZIRK
    unterbezirk = factory.SubFactory(UnterbezirkFactory)
    wert = 100


# --- Quartiersprofil: walk-throughs, sources, survey ----------------------------------------

from quartiersprofil import models as qp  # noqa: E402


class BegehungFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = qp.Quartiersbegehung

    quartier = factory.SubFactory(QuartierFactory)
    datum = factory.Sequence(lambda n: _dt.date(2016, 9, 1) + _dt.timedelta(days=n))
    zusammenfassung = "Breite Gehwege, aber zu wenige Bänke."


class BefundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = qp.Befund

    begehung = factory.SubFactory(BegehungFactory)
    text = factory.Sequence(lambda n: f"Befund {n + 1}: Bordstein zu hoch")
    handlungsfeld = factory.LazyFunction(lambda: models.Handlungsfeld.objects.first())
    art = qp.BefundArt.MANGEL
    ort = factory.LazyFunction(lambda: Point(X0 + SEITE / 2, Y0 + SEITE / 2, srid=4326))


class QuelleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = qp.Quelle

    quartier = factory.SubFactory(QuartierFactory)
    titel = factory.Sequence(lambda n: f"Bericht {n + 1}")
    art = qp.QuelleArt.BERICHT
    gesichtet_am = _dt.date(2016, 8, 1)


class QuellenAuszugFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = qp.QuellenAuszug

    quelle = factory.SubFactory(QuelleFactory)
    handlungsfeld = factory.LazyFunction(lambda: models.Handlungsfeld.objects.first())
    text = "Der Bericht nennt fehlende Sitzgelegenheiten."


class BefragungFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = qp.Befragung

    titel = factory.Sequence(lambda n: f"Befragung der Seniorenbüros {n + 1}")
    jahr = 2016


class FrageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = qp.Frage

    befragung = factory.SubFactory(BefragungFactory)
    handlungsfeld = factory.LazyFunction(lambda: models.Handlungsfeld.objects.first())
    text = factory.Sequence(lambda n: f"Frage {n + 1}: Wie beurteilen Sie das Angebot?")
    reihenfolge = factory.Sequence(lambda n: n)


class SeniorenbueroFactory(InfrastrukturFactory):
    kategorie = factory.LazyFunction(lambda: models.InfrastrukturKategorie.objects.get(slug="seniorenbuero"))
    name = factory.Sequence(lambda n: f"Seniorenbüro {n + 1}")


class AntwortFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = qp.Antwort

    frage = factory.SubFactory(FrageFactory)
    quartier = factory.SubFactory(QuartierFactory)
    seniorenbuero = factory.SubFactory(SeniorenbueroFactory)
    bewertung = 3
    text = "Angebot vorhanden, aber schwer erreichbar."


# --- Key persons and talks, profile texts, measures ------------------------------------------


class AkteurFactory(factory.django.DjangoModelFactory):
    """A key person with consent (name and contact details kept)."""

    class Meta:
        model = qp.Akteur

    quartier = factory.SubFactory(QuartierFactory)
    organisation = "Seniorenbüro"
    rolle = factory.Sequence(lambda n: f"Ansprechperson {n + 1}")
    ist_schluesselperson = True
    name = factory.Sequence(lambda n: f"Erika Beispiel{n + 1}")
    email = factory.Sequence(lambda n: f"akteur{n + 1}@example.org")
    telefon = "0231 000000"
    einwilligung_am = datetime.date(2017, 1, 10)
    einwilligung_umfang = "Kontaktaufnahme und Einladungen"
    einwilligung_einladungen = factory.LazyAttribute(lambda o: o.einwilligung_am is not None)
    einwilligung_textfassung = "2017-01"


class GespraechFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = qp.Gespraech

    quartier = factory.SubFactory(QuartierFactory)
    datum = datetime.date(2017, 2, 1)
    art = qp.GespraechArt.INTERVIEW_AKTEUR
    zusammenfassung = "Gespräch über Treffpunkte im Quartier."


class ProfilfassungFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = qp.Profilfassung

    quartier = factory.SubFactory(QuartierFactory)
    # Counted per quarter like quartiersprofil.services.profil (highest + 1), not by a Sequence: that
    # counts per process and does not go back with a rolled-back test (tests/test_fabriken.py).
    nummer = factory.LazyAttribute(
        lambda o: (o.quartier.profilfassungen.aggregate(h=Max("nummer"))["h"] or 0) + 1 if o.quartier.pk else 1
    )


class MassnahmeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = qp.Massnahme

    quartier = factory.SubFactory(QuartierFactory)
    handlungsfeld = factory.LazyFunction(lambda: models.Handlungsfeld.objects.order_by("reihenfolge").first())
    titel = factory.Sequence(lambda n: f"Maßnahme {n + 1}")
    herkunft = qp.MassnahmeHerkunft.PROFIL


class MassnahmeMeilensteinFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = qp.MassnahmeMeilenstein

    massnahme = factory.SubFactory(MassnahmeFactory)
    titel = factory.Sequence(lambda n: f"Meilenstein {n + 1}")
    geplant_am = datetime.date(2017, 9, 1)


# --- buergerdialog -------------------------------------------------------------------------------

from buergerdialog import models as bd  # noqa: E402


class BeteiligungsgegenstandFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = bd.Beteiligungsgegenstand

    name = factory.Sequence(lambda n: f"Gegenstand {n + 1}")
    reihenfolge = factory.Sequence(lambda n: 100 + n)


class MottoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = bd.Motto

    text = factory.Sequence(lambda n: f"Motto {n + 1}")


class VeranstaltungFactory(factory.django.DjangoModelFactory):
    """An event saved directly (no checklist); ``veranstaltung_speichern`` makes the checklist."""

    class Meta:
        model = bd.Veranstaltung
        skip_postgeneration_save = True

    format = bd.VeranstaltungFormat.BUERGERWERKSTATT
    titel = factory.Sequence(lambda n: f"Bürgerwerkstatt {n + 1}")
    beginn = factory.LazyFunction(lambda: _timezone.make_aware(_dt.datetime(2017, 6, 29, 15, 0)))
    adresse = "Gemeindehaus, Dorfstraße 1"
    status = bd.VeranstaltungStatus.PLANUNG

    @factory.post_generation
    def quartiere(self, create, extracted, **kwargs):
        if create and extracted:
            self.quartiere.set(extracted)

    @factory.post_generation
    def moderation(self, create, extracted, **kwargs):
        if create and extracted:
            self.moderation.set(extracted)


class PartnerkontoFactory(factory.django.DjangoModelFactory):
    """Links a partner's account to an organisation (by default a new external partner)."""

    class Meta:
        model = bd.Partnerkonto

    benutzer = factory.SubFactory(UserFactory, rolle="Partner")
    organisation = factory.SubFactory(
        OrganisationFactory,
        name=factory.Sequence(lambda n: f"Moderation {n + 1}"),
        kurzname=factory.Sequence(lambda n: f"Mod {n + 1}"),
        art=lg.OrganisationArt.EXTERNER_PARTNER,
    )


class ChecklistenpunktFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = bd.Checklistenpunkt

    veranstaltung = factory.SubFactory(VeranstaltungFactory)
    titel = factory.Sequence(lambda n: f"Aufgabe {n + 1}")
    tage_vorher = 7
    faellig_am = datetime.date(2017, 6, 22)


class NachhaltigkeitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = bd.Nachhaltigkeit

    veranstaltung = factory.SubFactory(VeranstaltungFactory)
    gegenstand = factory.SubFactory(BeteiligungsgegenstandFactory)
    traeger_gruppe = "Nachbarschaftskreis"


class ErgebnisFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = bd.Ergebnis

    veranstaltung = factory.SubFactory(VeranstaltungFactory, status=bd.VeranstaltungStatus.DURCHGEFUEHRT)
    text = factory.Sequence(lambda n: f"Karte {n + 1}: eine Bank am Marktplatz")
    art = bd.ErgebnisArt.IDEE
    punkte = 0


class EinladungFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = bd.Einladung

    veranstaltung = factory.SubFactory(VeranstaltungFactory)
    akteur = factory.SubFactory(AkteurFactory)
    weg = bd.EinladungWeg.BRIEF
    am = factory.LazyFunction(lambda: _timezone.make_aware(_dt.datetime(2017, 6, 1, 10, 0)))


class DokumentationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = bd.Dokumentation

    veranstaltung = factory.SubFactory(VeranstaltungFactory, status=bd.VeranstaltungStatus.DURCHGEFUEHRT)
    programm = "1. Begrüßung\n2. Arbeit an den Pinnwänden"
    text = "Rund **40 Gäste** kamen."


class DokumentationsfotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = bd.Dokumentationsfoto

    dokumentation = factory.SubFactory(DokumentationFactory)
    web = factory.django.ImageField(color="blue", format="JPEG", filename="web.jpg")
    druck = factory.django.ImageField(color="blue", format="JPEG", filename="druck.jpg")
    bildunterschrift = "Pinnwand am Tisch 1"


class DokumentationsanhangFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = bd.Dokumentationsanhang

    dokumentation = factory.SubFactory(DokumentationFactory)
    titel = "Präsentation"
    datei = factory.django.FileField(data=b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", filename="anhang.pdf")


class FragebogenFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = bd.Fragebogen

    veranstaltung = factory.SubFactory(VeranstaltungFactory, status=bd.VeranstaltungStatus.DURCHGEFUEHRT)
    zufriedenheit = 4
    verstaendlich = 5
    barrierefrei = 4
    wiederkommen = 5
    kommentar = "Gern wieder."


# --- buergerdialog: review by the steering group, the way into practice -------------------------


class BewertungsrundeFactory(factory.django.DjangoModelFactory):
    """A round over the event's results (by default one new result); pass ``ergebnisse=[...]``."""

    class Meta:
        model = bd.Bewertungsrunde
        skip_postgeneration_save = True

    veranstaltung = factory.SubFactory(VeranstaltungFactory, status=bd.VeranstaltungStatus.DURCHGEFUEHRT)
    frist = datetime.date(2017, 8, 31)

    @factory.post_generation
    def ergebnisse(self, create, extracted, **kwargs):
        if create:
            if extracted is None:
                extracted = [ErgebnisFactory(veranstaltung=self.veranstaltung)]
            self.ergebnisse.set(extracted)


class ErgebnisBewertungFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = bd.ErgebnisBewertung

    runde = factory.SubFactory(BewertungsrundeFactory)
    ergebnis = factory.LazyAttribute(lambda b: b.runde.ergebnisse.first())
    mitglied = factory.SubFactory(MitgliedFactory)
    relevanz = 4
    machbarkeit = 3


class BewertungsErinnerungFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = bd.BewertungsErinnerung

    runde = factory.SubFactory(BewertungsrundeFactory)
    mitglied = factory.SubFactory(MitgliedFactory)
    gesendet_am = factory.LazyFunction(lambda: _timezone.make_aware(_dt.datetime(2017, 8, 28, 8, 0)))


class UmsetzungFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = bd.Umsetzung

    ergebnis = factory.SubFactory(ErgebnisFactory)
    massnahme = factory.SubFactory(MassnahmeFactory, herkunft=qp.MassnahmeHerkunft.BUERGERDIALOG)


class WeitergabeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = bd.Weitergabe

    ergebnis = factory.SubFactory(ErgebnisFactory)
    projekt = factory.SubFactory(StadtentwicklungsprojektFactory)
    adressat = "Koordinierungsstelle nordwärts"
    datum = datetime.date(2017, 9, 5)


# --- Public pages (oeffentlich) ----------------------------------------------------------------

from oeffentlich import models as oe  # noqa: E402


class AuftrittFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = oe.Auftritt
        django_get_or_create = ("kommune",)

    kommune = factory.SubFactory(KommuneFactory)
    einleitung = "Gut älter werden im eigenen Quartier."
    foerderung = "Gefördert im Bundesprogramm Demografiewerkstatt Kommunen."
    partner = "Stiftung Mitarbeit"
    kontakt = "Seniorenbüro, Musterstraße 1"
    feedback_email = "barrieren@example.org"


class PflichtseiteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = oe.Pflichtseite
        django_get_or_create = ("kommune", "art")

    kommune = factory.SubFactory(KommuneFactory)
    art = oe.PflichtseiteArt.IMPRESSUM
    text = "Herausgeberin: die Stadt."
    stand = datetime.date(2017, 10, 1)


class QuartiersseiteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = oe.Quartiersseite

    quartier = factory.SubFactory(QuartierFactory)
    charakter = "Reihenhäuser und Gärten."


class NeuigkeitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = oe.Neuigkeit

    titel = factory.Sequence(lambda n: f"Neuigkeit {n + 1}")
    slug = factory.Sequence(lambda n: f"neuigkeit-{n + 1}")
    text = "Es gibt etwas Neues."
    veroeffentlicht_am = factory.LazyFunction(lambda: _timezone.make_aware(_dt.datetime(2017, 9, 1, 10, 0)))


class VeranstaltungsfreigabeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = oe.Veranstaltungsfreigabe

    veranstaltung = factory.SubFactory(VeranstaltungFactory)
    kurztext = "Kommen Sie vorbei."
    freigegeben_am = factory.LazyFunction(lambda: _timezone.make_aware(_dt.datetime(2017, 6, 1, 10, 0)))


class FotofreigabeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = oe.Fotofreigabe

    foto = factory.SubFactory(DokumentationsfotoFactory)
    alternativtext = "Pinnwand mit Karten"
    freigegeben_am = factory.LazyFunction(lambda: _timezone.make_aware(_dt.datetime(2017, 7, 1, 10, 0)))


from berichte import models as be  # noqa: E402


class BerichtFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = be.Bericht

    betreff = factory.Sequence(lambda n: f"Bericht {n + 1}")
    gremium = be.Gremium.BEZIRKSVERTRETUNG
    beschlussvorschlag = "Das Gremium nimmt den Bericht zur Kenntnis."
    begruendung = "Grundlage ist das Quartiersprofil."


class BerichtVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = be.BerichtVersion

    bericht = factory.SubFactory(BerichtFactory)
    nummer = factory.Sequence(lambda n: n + 1)
    datei = factory.django.FileField(filename="bericht.pdf", data=b"%PDF-1.7\n%%EOF\n")
    sha256 = "0" * 64
    groesse = 15
    seiten = 1
    inhalt = factory.LazyFunction(lambda: [{"schluessel": "begruendung", "titel": "Begründung", "text": "Text"}])
    freigegeben_am = factory.LazyFunction(lambda: _timezone.make_aware(_dt.datetime(2017, 5, 2, 10, 0)))


class BerichtKommentarFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = be.Kommentar

    bericht = factory.SubFactory(BerichtFactory)
    abschnitt = "begruendung"
    text = "Bitte ergänzen."
    created_at = factory.LazyFunction(lambda: _timezone.make_aware(_dt.datetime(2017, 4, 20, 10, 0)))


class ProfilDateiFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = be.ProfilDatei

    fassung = factory.SubFactory(ProfilfassungFactory)
    datei = factory.django.FileField(filename="profil.pdf", data=b"%PDF-1.7\n%%EOF\n")
    sha256 = "0" * 64
    groesse = 15


class BelegstandFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = be.Belegstand

    fassung = factory.SubFactory(ProfilfassungFactory)
    belege = factory.LazyFunction(dict)


# --- Wegenetz ------------------------------------------------------------------------------
import struct as _struct  # noqa: E402

from django.contrib.gis.geos import LineString as _LineString  # noqa: E402

from wegenetz import models as wn  # noqa: E402
from wegenetz.queries.koordinaten import koordinaten_metrisch as _koordinaten_metrisch  # noqa: E402

# Two nodes about 100 m apart, inside the test grid's first square.
_WEG_LONLAT = ((X0 + 0.005, Y0 + 0.005), (X0 + 0.005 + 100 / 69_400, Y0 + 0.005))


class NetzstandFactory(factory.django.DjangoModelFactory):
    """An imported network of one edge (add it with ``WegabschnittFactory(netz=...)``)."""

    class Meta:
        model = wn.Netzstand

    quelle = factory.Sequence(lambda n: f"auszug-{n + 1}.osm.pbf")
    importiert_am = factory.LazyFunction(lambda: _timezone.make_aware(_dt.datetime(2017, 3, 1, 10, 0)))
    anzahl_kanten = 1
    anzahl_knoten = 2
    bericht = factory.LazyFunction(lambda: {"behalten": {"footway": 1}, "verworfen": {}})
    knoten_koordinaten = factory.LazyFunction(lambda: _koordinaten_metrisch(_WEG_LONLAT).astype("<f8").tobytes())


class WegabschnittFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = wn.Wegabschnitt

    netz = factory.SubFactory(NetzstandFactory)
    osm_weg = factory.Sequence(lambda n: 1000 + n)
    von_knoten = 1
    nach_knoten = 2
    von_index = 0
    nach_index = 1
    geometrie = factory.LazyFunction(lambda: _LineString(_WEG_LONLAT, srid=4326))
    laenge_m = 100.0
    art = "footway"
    name = factory.Sequence(lambda n: f"Fußweg {n + 1}")
    oberflaeche = "asphalt"
    lit = "yes"


class WegprofilFactory(factory.django.DjangoModelFactory):
    """One of the three profiles (made by data migration 0002; fetched, not duplicated)."""

    class Meta:
        model = wn.Wegprofil
        django_get_or_create = ("art",)

    art = wn.Profilart.FUSS
    geschwindigkeit_m_s = "0.90"


class DistanzfeldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = wn.Distanzfeld

    netz = factory.SubFactory(NetzstandFactory)
    kategorie = factory.LazyFunction(lambda: models.InfrastrukturKategorie.objects.get(slug="apotheke"))
    profil = factory.SubFactory(WegprofilFactory)
    sekunden = factory.LazyFunction(lambda: _struct.pack("<2f", 0.0, 111.0))
    fingerabdruck = "0" * 64
    berechnet_am = factory.LazyFunction(lambda: _timezone.make_aware(_dt.datetime(2017, 3, 1, 11, 0)))


class BarriereFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = wn.Barriere

    befund = factory.SubFactory(BefundFactory)
    wegabschnitt = factory.SubFactory(WegabschnittFactory)

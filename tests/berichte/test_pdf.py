"""The quarter profile as PDF: its content read back with pypdf, the download view, the list, the command."""

import datetime
import io

import pytest
from django.contrib.gis.geos import MultiPolygon, Polygon
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from pypdf import PdfReader

from berichte.pdf import quartiersprofil_pdf
from berichte.services.berichte import belegstand_einfrieren
from berichte.services.pdf_bericht import profil_pdf_abgeschottet
from dwk.permissions import PROJEKTTEAM
from quartiere.models import Handlungsfeld, QuartierStatus
from quartiere.services import quartier_unterbezirke_ableiten
from quartiersprofil.models import MassnahmeStatus, Profilfassung
from quartiersprofil.services.profil import (
    abschnitt_speichern,
    profil_entwurf_anlegen,
    profil_freigeben,
    profil_zur_beratung_geben,
)
from tests.dwk.test_pdf_fetcher import pdfa_kennung
from tests.factories import (
    KommuneFactory,
    MassnahmeFactory,
    QuartierFactory,
    StadtbezirkFactory,
    StatistischerBezirkFactory,
    UnterbezirkFactory,
    UserFactory,
    quadrat,
)


@pytest.fixture
def hombruch(db):
    return hombruch_anlegen()


def hombruch_anlegen():
    """Stadtbezirk Hombruch (2 × 2 grid cells), one statistical district, four Unterbezirke."""
    bezirk = StadtbezirkFactory(
        kommune=KommuneFactory(name="Dortmund"), code="07", name="Hombruch", geometrie=quadrat(0, 0, seite=0.04)
    )
    statistisch = StatistischerBezirkFactory(
        stadtbezirk=bezirk, code="061", name="Menglinghausen", geometrie=bezirk.geometrie
    )
    for spalte in (0, 1):
        for zeile in (0, 1):
            UnterbezirkFactory(
                bezirk=statistisch,
                code=f"061{spalte}{zeile}",
                name=f"Menglinghausen {spalte}-{zeile}",
                geometrie=quadrat(spalte, zeile),
            )
    return bezirk


def quartier_in(bezirk, **kwargs):
    """A quarter in the middle of ``bezirk`` covering a quarter of each of its four Unterbezirke."""
    kwargs.setdefault("grenze", MultiPolygon(Polygon.from_bbox((7.41, 51.49, 7.43, 51.51)), srid=4326))
    quartier = QuartierFactory(stadtbezirk=bezirk, **kwargs)
    quartier_unterbezirke_ableiten(quartier=quartier)
    return quartier


@pytest.fixture
def menglinghausen(hombruch):
    return quartier_in(hombruch, name="Menglinghausen", slug="menglinghausen")


def freigeben(quartier, benutzer, *, tag, bestand=""):
    """Release the next version of ``quartier``'s profile on ``tag`` (``DWK_HEUTE``), with
    ``bestand`` as the text of the first field of action; returns the version."""
    from django.conf import settings

    fassung = profil_entwurf_anlegen(quartier=quartier)
    if bestand:
        abschnitt = fassung.abschnitte.order_by("handlungsfeld__reihenfolge").first()
        abschnitt_speichern(abschnitt=abschnitt, bestand=bestand, staerken="", handlungsbedarf="")
    profil_zur_beratung_geben(fassung=fassung)
    vorher, settings.DWK_HEUTE = settings.DWK_HEUTE, tag
    try:
        return profil_freigeben(fassung=fassung, benutzer=benutzer)
    finally:
        settings.DWK_HEUTE = vorher


def lesen(pdf):
    """The reader and the text of each page, runs of white space (line breaks) as one space."""
    reader = PdfReader(io.BytesIO(pdf))
    return reader, [" ".join(seite.extract_text().split()) for seite in reader.pages]


def titelseite(pdf):
    """The text of the first page as ``lesen`` gives it, the other pages not read (for the tests that
    check only the title page)."""
    return " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())


def kapiteltexte(reader, seiten):
    """The text of each chapter (second-level bookmark) by its title, from its first page to the page
    before the next chapter's (a page shared by two chapters counts for both)."""
    _titel, kapitel = reader.outline[0], reader.outline[1]
    eintraege = [e for e in kapitel if not isinstance(e, list)]
    anfaenge = [reader.get_destination_page_number(e) for e in eintraege]
    enden = [*anfaenge[1:], len(seiten) - 1]
    return {e.title: " ".join(seiten[a : max(a, b) + 1]) for e, a, b in zip(eintraege, anfaenge, enden, strict=True)}


KAPITEL = [
    "1 Zusammenfassung",
    "2 Das Quartier in der Stadt",
    "3 Das Quartier im Detail",
    "4 Demografie",
    "5 Handlungsfelder",
    "6 Bürgerdialog",
    "Anhang: Quellen und Methode",
]


# Menglinghausen is built and its profile rendered once for each class below (WeasyPrint takes about
# 3 s for each rendering): the rows live in a transaction rolled back when the class is done, each test
# runs in a savepoint inside it (``db``). The rendering is kept in the PDF cache (the database cache,
# inside the same transaction; dwk.pdf.pdf_zwischengespeichert, keyed by the HTML and the metadata): a
# view or the command builds its HTML itself and takes the PDF from there when it is the same document.
HEUTE = datetime.date(2017, 10, 16)


@pytest.fixture(scope="class")
def arbeitsstand_stand(django_db_setup, django_db_blocker):
    """(Menglinghausen without a released version, its working state as PDF on ``HEUTE``)."""
    with django_db_blocker.unblock(), transaction.atomic():
        quartier = quartier_in(hombruch_anlegen(), name="Menglinghausen", slug="menglinghausen")
        with override_settings(DWK_HEUTE=HEUTE):
            pdf = quartiersprofil_pdf(quartier=quartier)
        yield quartier, pdf
        transaction.set_rollback(True)


@pytest.fixture(scope="class")
def arbeitsstand_gelesen(arbeitsstand_stand):
    """The class's PDF read back once (``lesen``: the reader and the text of each page)."""
    return lesen(arbeitsstand_stand[1])


class TestArbeitsstand:
    """The working state of Menglinghausen: the PDF's content, and the view and command that deliver it."""

    def test_quartiersprofil_pdf_has_pages_with_name_and_page_numbers(self, arbeitsstand_gelesen, db):
        _reader, seiten = arbeitsstand_gelesen

        anzahl = len(seiten)
        assert anzahl > 6
        assert "Menglinghausen" in seiten[0]
        assert all(f"Seite {n} von {anzahl}" in seite for n, seite in enumerate(seiten, start=1))

    def test_quartiersprofil_pdf_is_pdfa_3b_with_title_author_and_language(self, arbeitsstand_gelesen, db):
        reader, _seiten = arbeitsstand_gelesen

        assert pdfa_kennung(reader) == ("3", "B")
        assert reader.metadata.title == "Quartiersprofil Menglinghausen"
        assert reader.metadata.author == "Dortmund"
        assert reader.trailer["/Root"]["/Lang"] == "de"

    def test_quartiersprofil_pdf_headings_become_bookmarks(self, arbeitsstand_gelesen, db):
        reader, _seiten = arbeitsstand_gelesen

        titel, kapitel = reader.outline
        assert titel.title == "Menglinghausen"
        assert [eintrag.title for eintrag in kapitel if not isinstance(eintrag, list)] == KAPITEL
        unterkapitel = kapitel[
            kapitel.index(next(e for e in kapitel if getattr(e, "title", "") == "5 Handlungsfelder")) + 1
        ]
        assert [e.title for e in unterkapitel] == [
            f"5.{n} {feld.name}" for n, feld in enumerate(Handlungsfeld.objects.order_by("reihenfolge"), start=1)
        ]

    def test_quartiersprofil_pdf_shows_map_key_facts_unterbezirke_and_handlungsfelder(self, arbeitsstand_gelesen, db):
        reader, seiten = arbeitsstand_gelesen
        kapitel = kapiteltexte(reader, seiten)
        titelseite = seiten[0]

        assert "Demografiewerkstatt Kommunen – altersgerechte Quartiersentwicklung" in titelseite
        assert "Stadtbezirk Hombruch · Dortmund" in titelseite
        assert "Referenzquartier" in titelseite
        assert "Demodaten" not in "".join(seiten)
        detail = kapitel["3 Das Quartier im Detail"]
        for code in ("06100", "06101", "06110", "06111"):
            # Once on the map, once in the table.
            assert detail.count(code) == 2
        assert detail.count("25 %") == 4
        assert "1 km" in detail
        lage = kapitel["2 Das Quartier in der Stadt"]
        assert "Fläche" in lage
        assert "061 Menglinghausen" in lage
        text = kapitel["5 Handlungsfelder"]
        for handlungsfeld in Handlungsfeld.objects.all():
            assert handlungsfeld.name in text
        assert text.count("noch keine Analyseergebnisse erfasst") == 6

    def test_quartiersprofil_view_without_release_is_the_marked_working_state_for_projektteam(
        self, client_projektteam, arbeitsstand_stand, settings
    ):
        settings.DWK_HEUTE = datetime.date(2017, 10, 16)

        antwort = client_projektteam.get(reverse("berichte:quartiersprofil_pdf", kwargs={"slug": "menglinghausen"}))

        assert antwort.status_code == 200
        _reader, seiten = lesen(antwort.content)
        assert all("Stand: Arbeitsstand vom 16. Oktober 2017, nicht freigegeben" in seite for seite in seiten)
        # "Über dieses Dokument", beside the contents.
        assert "Es ist noch keine Fassung des Quartiersprofils freigegeben" in seiten[1]

    def test_command_writes_pdf_file(self, arbeitsstand_stand, db, settings, tmp_path):
        settings.DWK_HEUTE = HEUTE  # the day of the class's rendering: the same document
        ausgabe = tmp_path / "profil.pdf"
        stdout = io.StringIO()

        call_command("quartiersprofil_pdf", "menglinghausen", str(ausgabe), stdout=stdout)

        assert "Menglinghausen" in titelseite(ausgabe.read_bytes())
        assert stdout.getvalue().startswith(
            f"Quartiersprofil „Menglinghausen“ (Arbeitsstand, nicht freigegeben) geschrieben: {ausgabe} ("
        )


@pytest.fixture(scope="class")
def freigabe_stand(django_db_setup, django_db_blocker):
    """Menglinghausen with version 1 released on 14 March 2017, its evidence frozen and its PDF set as
    the download's job sets it (``profil_pdf_abgeschottet``, in the cache): each download below still
    runs the job that stores the file (``ProfilDatei``) and streams the stored file; the job takes the
    PDF from the cache. That the download freezes the evidence first: tests/berichte/test_belegstand.py."""
    with django_db_blocker.unblock(), transaction.atomic():
        quartier = quartier_in(hombruch_anlegen(), name="Menglinghausen", slug="menglinghausen")
        fassung = freigeben(
            quartier, UserFactory(username="freigabe", rolle=PROJEKTTEAM), tag=datetime.date(2017, 3, 14)
        )
        belegstand_einfrieren(fassung=fassung)
        # As read by the job (the release moment as the database gives it back, which is in the cache key).
        profil_pdf_abgeschottet(fassung=Profilfassung.objects.get(pk=fassung.pk))
        yield quartier
        transaction.set_rollback(True)


@pytest.fixture
def menglinghausen_freigegeben(freigabe_stand, db):
    return freigabe_stand


class TestFreigabe:
    """The released version 1 of Menglinghausen, through the download view and the command."""

    @pytest.mark.parametrize("rolle", ["projektteam", "ratsbuero"])
    def test_quartiersprofil_view_returns_pdf_download(
        self, client, request, settings, menglinghausen_freigegeben, rolle
    ):
        # The job that stores the file runs inside the request (tests/berichte/test_belegstand.py: with the queue).
        settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
        client.force_login(request.getfixturevalue(rolle))

        antwort = client.get(reverse("berichte:quartiersprofil_pdf", kwargs={"slug": "menglinghausen"}))

        assert antwort.status_code == 200
        assert antwort["Content-Type"] == "application/pdf"
        assert antwort["Content-Disposition"] == 'attachment; filename="quartiersprofil-menglinghausen-fassung-1.pdf"'
        assert "no-store" in antwort["Cache-Control"]
        # The stored file of the release (berichte.ProfilDatei), streamed.
        erste = titelseite(b"".join(antwort.streaming_content))
        assert "Menglinghausen" in erste
        assert "Stand: Fassung 1, freigegeben am 14. März 2017" in erste

    def test_command_writes_the_latest_release(self, menglinghausen_freigegeben, tmp_path):
        ausgabe = tmp_path / "profil.pdf"
        stdout = io.StringIO()

        call_command("quartiersprofil_pdf", "menglinghausen", str(ausgabe), stdout=stdout)

        assert "Stand: Fassung 1, freigegeben am 14. März 2017" in titelseite(ausgabe.read_bytes())
        assert stdout.getvalue().startswith(f"Quartiersprofil „Menglinghausen“ (Fassung 1) geschrieben: {ausgabe} (")


# 12 to collect, and one to look the PDF up in the cache (dwk.pdf.pdf_zwischengespeichert; the second
# rendering of the same HTML is taken from there).
QUERIES_ARBEITSSTAND = 13


@pytest.mark.parametrize(
    ("ausdehnung", "anzahl"),
    [((7.41, 51.49, 7.415, 51.495), 1), ((7.41, 51.49, 7.43, 51.51), 4)],
)
def test_quartiersprofil_pdf_queries_do_not_grow_with_unterbezirke(
    hombruch, ausdehnung, anzahl, django_assert_num_queries
):
    quartier = quartier_in(hombruch, name="Derne", grenze=MultiPolygon(Polygon.from_bbox(ausdehnung), srid=4326))
    assert quartier.abdeckungen.count() == anzahl

    quartiersprofil_pdf(quartier=quartier)  # once before: the reference systems and the analysis cache

    # The quarter with Stadtbezirk, Kommune and Unterbezirke, the Handlungsfelder, the measures, the
    # analysis (cached), the coverage of every category and the facilities near, the footpath network,
    # the events of the citizen dialogue, the sources (no released version here, so no sections).
    with django_assert_num_queries(QUERIES_ARBEITSSTAND):
        quartiersprofil_pdf(quartier=quartier)


def test_quartiersprofil_pdf_of_a_release_queries(hombruch, projektteam, django_assert_num_queries):
    quartier = quartier_in(hombruch, name="Derne")
    fassung = freigeben(quartier, projektteam, tag=datetime.date(2017, 3, 14))
    MassnahmeFactory.create_batch(3, quartier=quartier)

    quartiersprofil_pdf(quartier=quartier, fassung=fassung)

    # As above, and the version's sections, the moment of its release (for the measures' and the
    # evidence's history), the frozen evidence (none stored yet) and one query per kind of evidence
    # the sections link.
    with django_assert_num_queries(QUERIES_ARBEITSSTAND + 11):
        quartiersprofil_pdf(quartier=quartier, fassung=fassung)


def test_quartiersprofil_pdf_marks_demo_data(hombruch):
    hombruch.kommune.ist_demo = True
    hombruch.kommune.save()
    quartier = quartier_in(hombruch, name="Derne")

    _reader, seiten = lesen(quartiersprofil_pdf(quartier=quartier))

    assert "Demodaten:" in seiten[0]
    assert all("Demodaten, nicht amtlich" in seite for seite in seiten[1:])


def test_quartiersprofil_pdf_of_quarter_without_unterbezirke(db):
    bezirk = StadtbezirkFactory(name="Eving")
    quartier = QuartierFactory(name="Brechten", stadtbezirk=bezirk, ist_referenzquartier=False, auswahlbegruendung="")

    _reader, seiten = lesen(quartiersprofil_pdf(quartier=quartier))
    text = "".join(seiten)

    assert "Brechten" in seiten[0]
    assert "noch keine statistischen Unterbezirke zugeordnet" in text
    assert "keine Begründung der Auswahl erfasst" in text


# The download view


def test_quartiersprofil_pdf_shows_the_release_not_the_download_day(menglinghausen, projektteam, settings):
    freigeben(menglinghausen, projektteam, tag=datetime.date(2017, 3, 14), bestand="Text der ersten Fassung.")
    zweite = freigeben(menglinghausen, projektteam, tag=datetime.date(2017, 9, 1), bestand="Text der zweiten Fassung.")
    entwurf = profil_entwurf_anlegen(quartier=menglinghausen)
    abschnitt_speichern(
        abschnitt=entwurf.abschnitte.order_by("handlungsfeld__reihenfolge").first(),
        bestand="Text des Entwurfs.",
        staerken="",
        handlungsbedarf="",
    )
    settings.DWK_HEUTE = datetime.date(2017, 10, 16)

    _reader, seiten = lesen(quartiersprofil_pdf(quartier=menglinghausen, fassung=zweite))
    text = " ".join(seiten)

    assert "Stand: Fassung 2, freigegeben am 1. September 2017" in seiten[0]
    assert all("Stand: Fassung 2, freigegeben am 1. September 2017" in seite for seite in seiten)
    assert "16. Oktober 2017" not in text
    assert ("Text der zweiten Fassung." in text, "Text der ersten Fassung." in text, "Text des Entwurfs." in text) == (
        True,
        False,
        False,
    )


def test_quartiersprofil_pdf_shows_the_measures_as_they_stood_at_the_release(menglinghausen, projektteam):
    feld = Handlungsfeld.objects.order_by("reihenfolge").first()
    vorgeschlagen = MassnahmeFactory(quartier=menglinghausen, handlungsfeld=feld, titel="Bänke am Markt")
    verworfen_danach = MassnahmeFactory(quartier=menglinghausen, handlungsfeld=feld, titel="Quartiersbus")
    fassung = freigeben(menglinghausen, projektteam, tag=datetime.date(2017, 3, 14))
    # After the release: one measure is decided, one rejected, one new one decided in the draft's time.
    vorgeschlagen.status = MassnahmeStatus.BESCHLOSSEN
    vorgeschlagen.save()
    verworfen_danach.status, verworfen_danach.verworfen_grund = MassnahmeStatus.VERWORFEN, "zu teuer"
    verworfen_danach.save()
    MassnahmeFactory(
        quartier=menglinghausen, handlungsfeld=feld, titel="Mittagstisch", status=MassnahmeStatus.BESCHLOSSEN
    )

    _reader, seiten = lesen(quartiersprofil_pdf(quartier=menglinghausen, fassung=fassung))
    text = " ".join(seiten)

    assert "Bänke am Markt vorgeschlagen" in text
    assert "Quartiersbus vorgeschlagen" in text
    assert "Mittagstisch" not in text
    assert "beschlossen" not in text


def test_quartiersprofil_view_without_release_is_404_for_the_ratsbuero(client, ratsbuero, menglinghausen):
    MassnahmeFactory(quartier=menglinghausen, status=MassnahmeStatus.BESCHLOSSEN)
    profil_entwurf_anlegen(quartier=menglinghausen)
    client.force_login(ratsbuero)

    antwort = client.get(reverse("berichte:quartiersprofil_pdf", kwargs={"slug": "menglinghausen"}))

    assert (antwort.status_code, antwort["Content-Type"]) == (404, "text/html; charset=utf-8")
    assert "no-store" in antwort["Cache-Control"]
    assert "Für Menglinghausen ist noch keine Fassung des Quartiersprofils freigegeben." in antwort.content.decode()


@pytest.mark.parametrize("rolle", ["lenkungsgruppe", "partner"])
def test_quartiersprofil_view_forbidden_for_other_roles(client, request, menglinghausen, rolle):
    client.force_login(request.getfixturevalue(rolle))

    antwort = client.get(reverse("berichte:quartiersprofil_pdf", kwargs={"slug": "menglinghausen"}))

    assert antwort.status_code == 403


def test_quartiersprofil_view_forbidden_before_unknown_slug(client, partner):
    client.force_login(partner)

    antwort = client.get(reverse("berichte:quartiersprofil_pdf", kwargs={"slug": "gibt-es-nicht"}))

    assert antwort.status_code == 403


def test_quartiersprofil_view_unknown_slug_is_404(client_projektteam, db):
    antwort = client_projektteam.get(reverse("berichte:quartiersprofil_pdf", kwargs={"slug": "gibt-es-nicht"}))

    assert antwort.status_code == 404


def test_quartiersprofil_view_anonymous_redirects_to_login(client, menglinghausen):
    url = reverse("berichte:quartiersprofil_pdf", kwargs={"slug": "menglinghausen"})

    antwort = client.get(url)

    assert antwort.status_code == 302
    assert antwort["Location"] == f"{reverse('login')}?next={url}"


# The list of reports


def test_bericht_list_shows_download_links_reference_quarters_first(client, ratsbuero, projektteam, hombruch):
    quartier_in(hombruch, name="Aplerbeck", slug="aplerbeck", ist_referenzquartier=False)
    menglinghausen = quartier_in(
        hombruch, name="Menglinghausen", slug="menglinghausen", status=QuartierStatus.BUERGERDIALOG
    )
    freigeben(menglinghausen, projektteam, tag=datetime.date(2017, 3, 14))
    client.force_login(ratsbuero)

    antwort = client.get(reverse("berichte:liste"))

    assert antwort.status_code == 200
    assert [q.slug for q in antwort.context["quartiere"]] == ["menglinghausen", "aplerbeck"]
    html = antwort.content.decode()
    assert "Quartiersprofil Menglinghausen (PDF)" in html
    assert "Fassung 1, freigegeben am 14. März 2017" in html
    assert 'href="/quartiere/menglinghausen/profil.pdf"' in html
    # Aplerbeck has no released version: no link for the Ratsbüro.
    assert 'href="/quartiere/aplerbeck/profil.pdf"' not in html
    assert "noch nicht freigegeben" in html
    assert "Bürgerdialog" in html
    assert "Hombruch" in html


def test_bericht_list_offers_projektteam_the_working_state(client_projektteam, hombruch):
    quartier_in(hombruch, name="Aplerbeck", slug="aplerbeck")

    html = client_projektteam.get(reverse("berichte:liste")).content.decode()

    assert 'href="/quartiere/aplerbeck/profil.pdf"' in html
    assert "Arbeitsstand Aplerbeck (PDF, nicht freigegeben)" in html


def test_bericht_list_without_quarters(client, ratsbuero):
    client.force_login(ratsbuero)

    antwort = client.get(reverse("berichte:liste"))

    assert antwort.status_code == 200
    assert "Es sind noch keine Quartiere erfasst" in antwort.content.decode()


@pytest.mark.parametrize("rolle", ["lenkungsgruppe", "partner"])
def test_bericht_list_forbidden_for_other_roles(db, client, request, rolle):
    client.force_login(request.getfixturevalue(rolle))

    assert client.get(reverse("berichte:liste")).status_code == 403


@pytest.mark.parametrize("anzahl", [1, 3])
def test_bericht_list_queries_do_not_grow_with_quarters(
    client, ratsbuero, projektteam, hombruch, anzahl, django_assert_num_queries
):
    for i in range(anzahl):
        freigeben(quartier_in(hombruch, name=f"Quartier {i}", slug=f"quartier-{i}"), projektteam, tag=None)
    client.force_login(ratsbuero)

    # Session, user, the user's groups (rules), the Kommune (context processor), Django's two permission
    # lookups (ModelBackend, for the menu's {% has_perm %} that rules deny), the committee reports, the quarters
    # with their Stadtbezirk and their latest release.
    with django_assert_num_queries(8):
        antwort = client.get(reverse("berichte:liste"))

    assert antwort.status_code == 200


# The management command


def test_command_unknown_slug_names_existing_slugs(hombruch, tmp_path):
    quartier_in(hombruch, name="Derne", slug="derne")
    quartier_in(hombruch, name="Marten", slug="marten")

    with pytest.raises(CommandError) as fehler:
        call_command("quartiersprofil_pdf", "menglinghusen", str(tmp_path / "profil.pdf"))

    assert (
        str(fehler.value) == "Es gibt kein Quartier mit dem Kürzel „menglinghusen“. Vorhandene Kürzel: derne, marten."
    )
    assert not (tmp_path / "profil.pdf").exists()

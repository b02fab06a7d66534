"""Committee reports: release into stored versions, consultation rules, the list, the profile file."""

import datetime
import hashlib

import pytest
from django.db import transaction
from django.urls import reverse

from auftraege.models import Auftrag
from berichte.models import BerichtStatus, BerichtVersion, Kommentar, ProfilDatei
from berichte.services.berichte import belegstand_einfrieren, bericht_zur_beratung_stellen, kommentar_schreiben
from berichte.services.pdf_bericht import bericht_html_teile, profil_pdf_abgeschottet
from berichte.services.rendern import pdf_abgeschottet
from dwk.permissions import PROJEKTTEAM
from quartiersprofil.models import Profilfassung
from tests.berichte.hilfen import bericht_anlegen, fassung_freigeben, lesezeichen, pdf_lesen, quartier_anlegen
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sofort(settings):
    """Background jobs run inside the request (the worker is tested in tests/auftraege)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


# The released profile version is built once for the module, its evidence frozen and its PDF set as the
# jobs set it (``profil_pdf_abgeschottet``), and so is version 1 of the report ``bericht`` (its cover
# letter and the profile, ``pdf_abgeschottet``; the report's rows only for that, rolled back), both kept
# in the PDF cache (the database cache): the rows live in a transaction rolled back when the module is
# done, each test runs in a savepoint inside it. The jobs (a report's release, the profile download) build
# their HTML themselves and take the PDF from the cache when it is the same document; a changed report
# (version 2, the draft) is set by its test.
@pytest.fixture(scope="module")
def fassung_stand(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        fassung = fassung_freigeben(quartier_anlegen(), UserFactory(username="freigabe", rolle=PROJEKTTEAM))
        belegstand_einfrieren(fassung=fassung)
        profil_pdf_abgeschottet(fassung=Profilfassung.objects.get(pk=fassung.pk))  # as the jobs read it
        with transaction.atomic():
            teile, titel, autor = bericht_html_teile(bericht=bericht_anlegen([fassung]), version_nummer=1)
            transaction.set_rollback(True)
        pdf_abgeschottet(teile=teile, titel=titel, autor=autor)
        yield fassung.pk
        transaction.set_rollback(True)


@pytest.fixture
def fassung(fassung_stand, db):
    return Profilfassung.objects.get(pk=fassung_stand)


@pytest.fixture
def bericht(fassung):
    return bericht_anlegen([fassung])


def freigeben(client, bericht):
    antwort = client.post(reverse("berichte:freigeben", args=[bericht.pk]), {"beschluss": ""})
    assert antwort.status_code == 302
    auftrag = Auftrag.objects.get(pk=antwort.url.rstrip("/").split("/")[-1])
    assert auftrag.status == Auftrag.Status.FERTIG, (auftrag.ergebnis, auftrag.fehler)
    return bericht.versionen.order_by("-nummer").first()


def herunterladen(client, url):
    antwort = client.get(url)
    assert antwort.status_code == 200, antwort.status_code
    return b"".join(antwort.streaming_content), antwort


def test_freigabe_speichert_ein_pdf_das_byte_gleich_ausgeliefert_wird(sofort, client, projektteam, ratsbuero, bericht):
    client.force_login(projektteam)
    version = freigeben(client, bericht)

    assert version.nummer == 1
    assert version.freigegeben_von == projektteam
    gespeichert = version.datei.read()
    assert hashlib.sha256(gespeichert).hexdigest() == version.sha256
    client.force_login(ratsbuero)
    url = reverse("berichte:version_pdf", args=[bericht.pk, 1])
    erste, antwort = herunterladen(client, url)
    zweite, _antwort = herunterladen(client, url)
    assert erste == zweite == gespeichert
    assert antwort["ETag"] == f'"{version.sha256}"'
    assert client.get(url, HTTP_IF_NONE_MATCH=f'"{version.sha256}"').status_code == 304
    # One document: cover letter then the profile, page numbers running through, bookmarks of both.
    reader, seiten = pdf_lesen(erste)
    assert len(seiten) == version.seiten > 2
    assert "Beschlussvorschlag" in seiten[0] or "Beschlussvorschlag" in seiten[1]
    assert f"Seite {len(seiten)}" in seiten[-1]
    assert not any(" von " in s.split("Seite")[-1][:10] for s in seiten if "Seite" in s)
    titel = lesezeichen(reader)
    assert "Beschlussvorschlag" in titel
    assert any("Menglinghausen" in t for t in titel)
    bericht.refresh_from_db()
    assert bericht.status == BerichtStatus.FREIGEGEBEN
    # The same state cannot be released twice.
    client.force_login(projektteam)
    zweimal = client.post(reverse("berichte:freigeben", args=[bericht.pk]), {"beschluss": ""})
    assert "Dieser Stand ist bereits freigegeben." in zweimal.content.decode()
    assert bericht.versionen.count() == 1
    # The released profile in it is stored as a file too.
    assert ProfilDatei.objects.filter(fassung__in=bericht.profilfassungen.all()).count() == 1


def test_bearbeiten_nach_freigabe_ergibt_neue_version_und_alte_bleibt(sofort, client, projektteam, bericht):
    client.force_login(projektteam)
    erste = freigeben(client, bericht)
    alte_bytes = erste.datei.read()
    seite = client.get(reverse("berichte:bearbeiten", args=[bericht.pk]))
    daten = {k: v for k, v in seite.context["form"].initial.items() if v is not None}
    daten.update(
        profilfassungen=[f.pk for f in bericht.profilfassungen.all()],
        beschluss="",
        sitzungsdatum="",
        beschlussvorschlag="Die Bezirksvertretung beschließt die Maßnahmen.",
    )
    antwort = client.post(reverse("berichte:bearbeiten", args=[bericht.pk]), daten)
    assert antwort.status_code == 302, antwort.context["form"].errors
    bericht.refresh_from_db()
    assert bericht.status == BerichtStatus.ENTWURF
    zweite = freigeben(client, bericht)

    assert zweite.nummer == 2
    erste.refresh_from_db()
    assert erste.datei.read() == alte_bytes
    assert erste.sha256 == hashlib.sha256(alte_bytes).hexdigest() != zweite.sha256
    vergleich = client.get(reverse("berichte:vergleich", args=[bericht.pk]), {"alt": 1, "neu": 2})
    inhalt = vergleich.content.decode()
    assert "Die Bezirksvertretung beschließt die Maßnahmen." in inhalt
    assert "nimmt das Quartiersprofil zur Kenntnis" in inhalt
    assert vergleich.context["aenderungen"][1].art == "geaendert"
    assert vergleich.context["aenderungen"][2].art == "gleich"


def test_vergleich_mit_unsinnigen_versionen_sagt_was_fehlt(client_projektteam, bericht):
    antwort = client_projektteam.get(reverse("berichte:vergleich", args=[bericht.pk]), {"alt": "x'\"", "neu": "9"})
    assert antwort.status_code == 200
    assert "Bitte wählen Sie zwei Versionen als Zahlen." in antwort.content.decode()


def test_freigabe_verlangt_freigegebene_profile(sofort, client_projektteam, bericht, fassung):
    from quartiersprofil.services.profil import profil_entwurf_anlegen

    entwurf = profil_entwurf_anlegen(quartier=quartier_anlegen("Derne", "derne"))
    bericht.profilfassungen.add(entwurf)
    seite = client_projektteam.get(reverse("berichte:freigeben", args=[bericht.pk]))
    assert "Das Quartiersprofil Derne (Fassung 1) ist noch nicht freigegeben." in seite.content.decode()
    antwort = client_projektteam.post(reverse("berichte:freigeben", args=[bericht.pk]), {"beschluss": ""})
    assert antwort.status_code == 200
    assert BerichtVersion.objects.count() == 0


@pytest.fixture
def mitglied(db):
    return UserFactory(username="mitglied", rolle="Lenkungsgruppe")


def test_nur_mitglieder_und_projektteam_kommentieren_den_entwurf_in_beratung(
    client, projektteam, mitglied, ratsbuero, partner, bericht
):
    url = reverse("berichte:kommentieren", args=[bericht.pk])
    daten = {"abschnitt": "beschlussvorschlag", "text": "Bitte das Datum ergänzen."}
    # Not yet in consultation: the member may not comment (nor read the draft).
    client.force_login(mitglied)
    assert client.post(url, daten).status_code == 403
    assert client.get(bericht.get_absolute_url()).status_code == 403

    bericht_zur_beratung_stellen(bericht=bericht, frist=datetime.date.today() + datetime.timedelta(days=14))
    assert client.post(url, daten).status_code == 302
    for fremd in (ratsbuero, partner):
        client.force_login(fremd)
        assert client.post(url, daten).status_code == 403
    client.force_login(projektteam)
    faden = Kommentar.objects.get()
    assert client.post(url, {"antwort_auf": faden.pk, "text": "Ist ergänzt."}).status_code == 302
    assert faden.antworten.count() == 1
    assert faden.autor == mitglied
    # Projektteam sees every comment beside the text and resolves the thread.
    seite = client.get(bericht.get_absolute_url()).content.decode()
    assert "Bitte das Datum ergänzen." in seite and "Ist ergänzt." in seite
    client.post(reverse("berichte:kommentar_erledigt", args=[faden.pk]), {"erledigt": "on"})
    faden.refresh_from_db()
    assert faden.erledigt and faden.erledigt_von == projektteam
    # The member cannot resolve threads.
    client.force_login(mitglied)
    assert client.post(reverse("berichte:kommentar_erledigt", args=[faden.pk]), {}).status_code == 403


def test_kommentar_zu_unbekanntem_abschnitt_oder_leer_wird_abgewiesen(client, projektteam, bericht):
    bericht_zur_beratung_stellen(bericht=bericht, frist=datetime.date.today())
    client.force_login(projektteam)
    url = reverse("berichte:kommentieren", args=[bericht.pk])
    antwort = client.post(url, {"abschnitt": "gibt-es-nicht", "text": "x"}, follow=True)
    assert "Diesen Abschnitt gibt es im Bericht nicht." in antwort.content.decode()
    antwort = client.post(url, {"abschnitt": "begruendung", "text": "   "}, follow=True)
    assert "Dieses Feld ist zwingend erforderlich." in antwort.content.decode()
    assert Kommentar.objects.count() == 0


def test_ratsbuero_sieht_keine_entwuerfe_und_keine_kommentare(
    sofort, client, projektteam, mitglied, ratsbuero, bericht, fassung
):
    bericht_zur_beratung_stellen(bericht=bericht, frist=datetime.date.today())
    kommentar_schreiben(bericht=bericht, abschnitt="begruendung", autor=mitglied, text="Geheimer Hinweis XYZ")
    entwurf = bericht_anlegen([fassung], betreff="Noch ein Entwurf QWERTZ")
    client.force_login(ratsbuero)
    assert client.get(bericht.get_absolute_url()).status_code == 403
    assert client.get(reverse("berichte:entwurf_pdf", args=[bericht.pk])).status_code == 403
    assert "QWERTZ" not in client.get(reverse("berichte:liste")).content.decode()

    client.force_login(projektteam)
    freigeben(client, bericht)
    client.force_login(ratsbuero)
    seite = client.get(bericht.get_absolute_url()).content.decode()
    assert "Geheimer Hinweis XYZ" not in seite
    liste = client.get(reverse("berichte:liste")).content.decode()
    assert bericht.betreff in liste and entwurf.betreff not in liste


def test_bearbeiteter_bericht_zeigt_dem_ratsbuero_die_freigegebene_fassung(
    sofort, client, projektteam, ratsbuero, bericht
):
    client.force_login(projektteam)
    freigeben(client, bericht)
    from berichte.services.berichte import bericht_speichern

    bericht.begruendung = "Neuer, noch nicht freigegebener Text ZZZ."
    bericht_speichern(bericht=bericht, profilfassungen=bericht.profilfassungen.all())
    client.force_login(ratsbuero)
    seite = client.get(bericht.get_absolute_url()).content.decode()
    assert "ZZZ" not in seite
    assert "Das Profil ist die Grundlage des Bürgerdialogs." in seite


def test_meine_lenkungsgruppe_listet_wartende_entwuerfe(client, mitglied, bericht):
    bericht_zur_beratung_stellen(bericht=bericht, frist=datetime.date(2099, 5, 3))
    from tests.factories import MitgliedFactory

    MitgliedFactory(benutzer=mitglied)
    client.force_login(mitglied)
    seite = client.get(reverse("lenkungsgruppe:meine")).content.decode()
    assert bericht.betreff in seite
    assert "3. Mai 2099" in seite


def test_entwurf_pdf_im_hintergrund_und_danach_gespeichert(sofort, client, mitglied, bericht):
    bericht_zur_beratung_stellen(bericht=bericht, frist=datetime.date.today())
    client.force_login(mitglied)
    url = reverse("berichte:entwurf_pdf", args=[bericht.pk])
    antwort = client.get(url)
    assert antwort.status_code == 302 and "/auftraege/" in antwort.url
    assert Auftrag.objects.get().status == Auftrag.Status.FERTIG
    pdf, _antwort = herunterladen(client, url)
    _reader, seiten = pdf_lesen(pdf)
    assert "Entwurf – nicht freigegeben" in " ".join(seiten)


def test_profil_pdf_wird_einmal_gespeichert_und_partner_laedt_es(sofort, client, projektteam, partner, fassung):
    fassung.quartier.partner.add(partner)
    fremd = UserFactory(username="fremd", rolle="Partner")
    url = reverse("berichte:quartiersprofil_pdf", args=[fassung.quartier.slug])
    client.force_login(partner)
    erste, _antwort = herunterladen(client, url)
    zweite, _antwort = herunterladen(client, url)
    assert erste == zweite == ProfilDatei.objects.get(fassung=fassung).datei.read()
    client.force_login(fremd)
    assert client.get(url).status_code == 403


def test_berichtsliste_query_guard(client, projektteam, fassung, django_assert_max_num_queries):
    client.force_login(projektteam)
    bericht_anlegen([fassung])
    client.get(reverse("berichte:liste"))
    with django_assert_max_num_queries(15) as eins:
        client.get(reverse("berichte:liste"))
    for nummer in range(2):
        zweit = fassung_freigeben(quartier_anlegen(f"Q{nummer}", f"q{nummer}"), projektteam)
        bericht_anlegen([fassung, zweit])
    with django_assert_max_num_queries(15) as drei:
        antwort = client.get(reverse("berichte:liste"))
    assert len(antwort.context["berichte"]) == 3
    assert len(drei.captured_queries) == len(eins.captured_queries)

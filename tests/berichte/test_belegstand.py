"""A released profile version shows its evidence as it stood at the release (``Belegstand``), and a
released version without a stored PDF gets a background job that stores it, with a German page
„wird erstellt“ until then."""

import pytest
from django.urls import reverse

from auftraege.models import Auftrag
from berichte.models import Belegstand, ProfilDatei
from berichte.pdf import quartiersprofil_pdf
from berichte.queries.bericht import versionen_vergleichen
from berichte.services.berichte import belegstand_einfrieren, bericht_freigeben
from berichte.services.pdf_bericht import profil_pdf_erstellen
from quartiere.models import Handlungsfeld
from quartiersprofil.services.profil import (
    abschnitt_speichern,
    profil_entwurf_anlegen,
    profil_freigeben,
    profil_zur_beratung_geben,
)
from tests.berichte.hilfen import bericht_anlegen, pdf_lesen, quartier_anlegen
from tests.berichte.matrix import _kleines_pdf
from tests.factories import AntwortFactory, BefundFactory, BegehungFactory, QuellenAuszugFactory

pytestmark = pytest.mark.django_db


def _in_beratung(quartier, feld, **belege):
    """A new version of ``quartier`` in consultation whose section ``feld`` links ``belege``."""
    fassung = profil_entwurf_anlegen(quartier=quartier)
    abschnitt_speichern(
        abschnitt=fassung.abschnitte.get(handlungsfeld=feld),
        bestand="Text der Fassung.",
        staerken="",
        handlungsbedarf="",
        belege=belege,
    )
    profil_zur_beratung_geben(fassung=fassung)
    return fassung


@pytest.fixture
def mit_belegen(projektteam):
    """A released version whose first field links a finding, a survey answer and a source excerpt."""
    quartier = quartier_anlegen()
    feld = Handlungsfeld.objects.order_by("reihenfolge").first()
    befund = BefundFactory(begehung=BegehungFactory(quartier=quartier), handlungsfeld=feld, text="Bordstein alt")
    antwort = AntwortFactory(quartier=quartier, frage__handlungsfeld=feld, text="Antwort alt")
    auszug = QuellenAuszugFactory(quelle__quartier=quartier, handlungsfeld=feld, text="Auszug alt")
    fassung = _in_beratung(quartier, feld, befunde=[befund], antworten=[antwort], quellen_auszuege=[auszug])
    fassung = profil_freigeben(fassung=fassung, benutzer=projektteam)
    return fassung, befund, antwort, auszug


def _text(fassung):
    _reader, seiten = pdf_lesen(quartiersprofil_pdf(quartier=fassung.quartier, fassung=fassung))
    return " ".join(seiten)


def _nach_der_freigabe_geaendert_zeigt_den_alten_stand(fassung, befund, antwort):
    # Changed through the models' save (a history row each), before anything froze the state.
    befund.text = "Bordstein neu"
    befund.save()
    antwort.text = "Antwort neu"
    antwort.save()

    text = _text(fassung)

    assert ("Bordstein alt" in text, "Bordstein neu" in text) == (True, False)
    assert ("Antwort alt" in text, "Antwort neu" in text) == (True, False)


def test_beleg_nach_der_freigabe_geaendert_die_fassung_zeigt_den_alten_stand(mit_belegen):
    fassung, befund, antwort, _auszug = mit_belegen
    _nach_der_freigabe_geaendert_zeigt_den_alten_stand(fassung, befund, antwort)


@pytest.fixture
def verlauf_voraus():
    """Other findings and answers saved a few times first, so that the history rows' numbers
    (``history_id``) run ahead of the objects' ids, as they do in any database that has lived a while."""
    for _ in range(2):
        for objekt in (BefundFactory(text="anderer Befund"), AntwortFactory(text="andere Antwort")):
            objekt.save()
            objekt.save()


def test_alter_stand_auch_wenn_verlaufsnummern_und_ids_auseinanderliegen(verlauf_voraus, mit_belegen):
    """The state at the release is looked up by the object's id, not by the history row's number
    (``pk__in`` on a history query meant ``history_id``; it held only while both counted alike)."""
    fassung, befund, antwort, _auszug = mit_belegen
    assert befund.history.latest().history_id != befund.pk
    assert antwort.history.latest().history_id != antwort.pk
    _nach_der_freigabe_geaendert_zeigt_den_alten_stand(fassung, befund, antwort)


def test_eingefrorene_belege_bleiben_auch_ohne_verlauf(mit_belegen):
    fassung, befund, _antwort, auszug = mit_belegen
    stand = belegstand_einfrieren(fassung=fassung)
    # Excerpts have no history: only the frozen state keeps the old text.
    auszug.text = "Auszug neu"
    auszug.save()
    befund.delete()

    assert belegstand_einfrieren(fassung=fassung) == stand  # kept, never replaced
    text = _text(fassung)
    assert ("Auszug alt" in text, "Auszug neu" in text, "Bordstein alt" in text) == (True, False, True)


def test_versionsvergleich_zeigt_die_belege_vom_stand_der_freigabe(mit_belegen, projektteam):
    fassung, befund, _antwort, _auszug = mit_belegen
    belegstand_einfrieren(fassung=fassung)
    bericht = bericht_anlegen([fassung])
    bericht.refresh_from_db()
    version = bericht_freigeben(
        bericht=bericht, pdf=_kleines_pdf(), benutzer=projektteam, stand=bericht.updated_at.isoformat()
    )
    befund.text = "Bordstein neu"
    befund.save()

    (profil,) = [a for a in versionen_vergleichen(version, version) if a.titel.startswith("Quartiersprofil")]
    zeilen = [zeile for _art, zeile in profil.zeilen]
    assert "- Befund (Mangel, " + befund.begehung.datum.isoformat() + "): Bordstein alt" in zeilen
    assert "Antwort alt" in " ".join(zeilen)


def test_freigabe_ohne_gespeichertes_pdf_zeigt_wird_erstellt_und_startet_einen_auftrag(client, ratsbuero, mit_belegen):
    fassung, _befund, _antwort, _auszug = mit_belegen
    url = reverse("berichte:quartiersprofil_pdf", args=[fassung.quartier.slug])
    client.force_login(ratsbuero)

    # The database queue: no worker runs here, so the job waits.
    antwort = client.get(url)
    nochmal = client.get(url)

    assert (antwort.status_code, nochmal.status_code) == (202, 202)
    inhalt = antwort.content.decode()
    assert "wird gerade erstellt" in inhalt
    assert f"Fassung {fassung.nummer}" in inhalt
    auftrag = Auftrag.objects.get()  # the second request found the waiting job
    assert (auftrag.status, auftrag.art) == (Auftrag.Status.WARTET, profil_pdf_erstellen.module_path)
    assert Belegstand.objects.filter(fassung=fassung).exists()  # frozen at the first request

    profil_pdf_erstellen.call(auftrag_id=str(auftrag.pk), fassung_id=fassung.pk)  # what the worker does

    auftrag.refresh_from_db()
    assert auftrag.status == Auftrag.Status.FERTIG, (auftrag.ergebnis, auftrag.fehler)
    fertig = client.get(url)
    assert fertig.status_code == 200
    assert b"".join(fertig.streaming_content) == ProfilDatei.objects.get(fassung=fassung).datei.read()


def test_gescheiterter_auftrag_wird_beim_naechsten_abruf_neu_gestartet(client, ratsbuero, mit_belegen):
    fassung, _befund, _antwort, _auszug = mit_belegen
    url = reverse("berichte:quartiersprofil_pdf", args=[fassung.quartier.slug])
    client.force_login(ratsbuero)
    client.get(url)
    Auftrag.objects.update(status=Auftrag.Status.FEHLGESCHLAGEN, fehler=["Zeitlimit überschritten."])

    antwort = client.get(url)

    assert antwort.status_code == 202
    assert Auftrag.objects.filter(status=Auftrag.Status.WARTET).count() == 1


def _beratene_fassung():
    """A version in consultation whose first field links a source excerpt (no history of its own)."""
    quartier = quartier_anlegen()
    feld = Handlungsfeld.objects.order_by("reihenfolge").first()
    auszug = QuellenAuszugFactory(quelle__quartier=quartier, handlungsfeld=feld, text="Auszug alt")
    return _in_beratung(quartier, feld, quellen_auszuege=[auszug]), auszug


def test_freigabe_ueber_die_seite_friert_die_belege_sofort_ein_und_startet_das_pdf(client_projektteam, projektteam):
    fassung, auszug = _beratene_fassung()
    url = reverse("berichte:profil_freigeben", kwargs={"slug": fassung.quartier.slug})

    antwort = client_projektteam.post(url, {"fassung": fassung.pk}, follow=True)
    # Changed right after the release, before anyone opened the PDF: excerpts have no history.
    auszug.text = "Auszug neu"
    auszug.save()

    assert antwort.redirect_chain == [
        (
            reverse("quartiersprofil:profil_fassung", kwargs={"slug": fassung.quartier.slug, "nummer": fassung.nummer}),
            302,
        )
    ]
    assert "freigegeben und damit eingefroren" in antwort.content.decode()
    fassung.refresh_from_db()
    assert (fassung.status, fassung.freigegeben_von) == ("freigegeben", projektteam)
    eingefroren = str(Belegstand.objects.get(fassung=fassung).belege)
    assert ("Auszug alt" in eingefroren, "Auszug neu" in eingefroren) == (True, False)
    auftrag = Auftrag.objects.get()
    assert (auftrag.status, auftrag.art) == (Auftrag.Status.WARTET, profil_pdf_erstellen.module_path)
    profil_pdf_erstellen.call(auftrag_id=str(auftrag.pk), fassung_id=fassung.pk)  # what the worker does
    text = " ".join(pdf_lesen(ProfilDatei.objects.get(fassung=fassung).datei.read())[1])
    assert ("Auszug alt" in text, "Auszug neu" in text) == (True, False)


def test_freigabe_einer_fassung_im_entwurf_wird_abgewiesen_und_nichts_gespeichert(client_projektteam):
    fassung = profil_entwurf_anlegen(quartier=quartier_anlegen())
    url = reverse("berichte:profil_freigeben", kwargs={"slug": fassung.quartier.slug})

    antwort = client_projektteam.post(url, {"fassung": fassung.pk}, follow=True)

    fassung.refresh_from_db()
    assert fassung.status == "entwurf"
    assert (Belegstand.objects.count(), Auftrag.objects.count()) == (0, 0)
    assert "alert" in antwort.content.decode()


@pytest.mark.parametrize("wert", ["", "abc", "1 OR 1=1", "99999999"])
def test_freigabe_mit_unsinniger_fassung_ist_404(client_projektteam, wert):
    fassung, _auszug = _beratene_fassung()
    url = reverse("berichte:profil_freigeben", kwargs={"slug": fassung.quartier.slug})

    assert client_projektteam.post(url, {"fassung": wert}).status_code == 404
    fassung.refresh_from_db()
    assert fassung.status == "in_beratung"


def test_nur_projektteam_gibt_frei(client, lenkungsgruppe):
    fassung, _auszug = _beratene_fassung()
    client.force_login(lenkungsgruppe)

    antwort = client.post(
        reverse("berichte:profil_freigeben", kwargs={"slug": fassung.quartier.slug}), {"fassung": fassung.pk}
    )

    assert antwort.status_code == 403
    fassung.refresh_from_db()
    assert fassung.status == "in_beratung"


def test_seite_der_freigegebenen_fassung_zeigt_den_eingefrorenen_stand(client_projektteam):
    fassung, auszug = _beratene_fassung()
    auszug.fundstelle = "S. 12"
    auszug.save()
    client_projektteam.post(
        reverse("berichte:profil_freigeben", kwargs={"slug": fassung.quartier.slug}), {"fassung": fassung.pk}
    )
    auszug.fundstelle = "S. 99"
    auszug.save()
    url = reverse("quartiersprofil:profil_fassung", kwargs={"slug": fassung.quartier.slug, "nummer": fassung.nummer})

    inhalt = client_projektteam.get(url).content.decode()

    assert "Stand der Freigabe" in inhalt
    assert ("S. 12" in inhalt, "S. 99" in inhalt) == (True, False)


def test_seite_eines_entwurfs_zeigt_die_belege_von_heute(client_projektteam):
    fassung, auszug = _beratene_fassung()
    auszug.fundstelle = "S. 99"
    auszug.save()
    url = reverse("quartiersprofil:profil_fassung", kwargs={"slug": fassung.quartier.slug, "nummer": fassung.nummer})

    inhalt = client_projektteam.get(url).content.decode()

    assert ("Stand der Freigabe" in inhalt, "S. 99" in inhalt) == (False, True)

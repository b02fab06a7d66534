"""The profile versions (draft → in consultation → released), writing a section, stale edits,
visibility per role, the quarter page's overview."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from quartiere.models import Handlungsfeld, Indikator
from quartiersprofil.models import ProfilAbschnitt, ProfilStatus
from quartiersprofil.services.datenstand import profil_datenstand_erhoehen
from quartiersprofil.services.profil import (
    VeralteterStand,
    abschnitt_speichern,
    profil_entwurf_anlegen,
    profil_freigeben,
    profil_ueberarbeiten,
    profil_zur_beratung_geben,
)
from tests.factories import (
    AkteurFactory,
    BefundFactory,
    BegehungFactory,
    GespraechFactory,
    MassnahmeFactory,
    QuartierFactory,
)

pytestmark = pytest.mark.django_db


def _schreiben(abschnitt, text="Text", **belege):
    return abschnitt_speichern(abschnitt=abschnitt, bestand=text, staerken="", handlungsbedarf="", belege=belege)


def _freigegeben(quartier, benutzer):
    fassung = profil_entwurf_anlegen(quartier=quartier)
    profil_zur_beratung_geben(fassung=fassung)
    return profil_freigeben(fassung=fassung, benutzer=benutzer)


def test_entwurf_anlegen_legt_je_handlungsfeld_einen_leeren_abschnitt_an():
    fassung = profil_entwurf_anlegen(quartier=QuartierFactory())

    assert (fassung.nummer, fassung.status, fassung.vorgaenger) == (1, ProfilStatus.ENTWURF, None)
    assert [a.handlungsfeld.name for a in fassung.abschnitte.order_by("handlungsfeld__reihenfolge")] == list(
        Handlungsfeld.objects.order_by("reihenfolge").values_list("name", flat=True)
    )
    assert fassung.abschnitte.first().leere_teile == ["Bestand", "Stärken", "Handlungsbedarf"]


def test_entwurf_anlegen_bei_vorhandenem_arbeitsstand_abgelehnt():
    quartier = QuartierFactory()
    profil_entwurf_anlegen(quartier=quartier)

    with pytest.raises(ValidationError):
        profil_entwurf_anlegen(quartier=quartier)
    assert quartier.profilfassungen.count() == 1


def test_freigabe_nur_aus_der_beratung(projektteam):
    fassung = profil_entwurf_anlegen(quartier=QuartierFactory())

    with pytest.raises(ValidationError):
        profil_freigeben(fassung=fassung, benutzer=projektteam)
    profil_zur_beratung_geben(fassung=fassung)
    profil_ueberarbeiten(fassung=fassung)
    profil_zur_beratung_geben(fassung=fassung)
    fassung = profil_freigeben(fassung=fassung, benutzer=projektteam)

    assert (fassung.status, fassung.freigegeben_von) == (ProfilStatus.FREIGEGEBEN, projektteam)
    with pytest.raises(ValidationError):
        profil_ueberarbeiten(fassung=fassung)


def test_freigegebene_fassung_ist_eingefroren(projektteam):
    quartier = QuartierFactory()
    fassung = profil_entwurf_anlegen(quartier=quartier)
    abschnitt = fassung.abschnitte.first()
    _schreiben(abschnitt, "Vor der Freigabe")
    profil_zur_beratung_geben(fassung=fassung)
    profil_freigeben(fassung=fassung, benutzer=projektteam)

    with pytest.raises(ValidationError) as fehler:
        _schreiben(abschnitt, "Nach der Freigabe")
    assert fehler.value.code == "eingefroren"
    assert ProfilAbschnitt.objects.get(pk=abschnitt.pk).bestand == "Vor der Freigabe"


def test_abschnitt_in_beratung_nicht_bearbeitbar():
    fassung = profil_entwurf_anlegen(quartier=QuartierFactory())
    profil_zur_beratung_geben(fassung=fassung)

    with pytest.raises(ValidationError):
        _schreiben(fassung.abschnitte.first(), "neu")


def test_naechster_entwurf_ist_kopie_mit_belegen(projektteam):
    quartier = QuartierFactory()
    befund = BefundFactory(begehung=BegehungFactory(quartier=quartier))
    fassung = profil_entwurf_anlegen(quartier=quartier)
    abschnitt = fassung.abschnitte.get(handlungsfeld=befund.handlungsfeld)
    _schreiben(abschnitt, "Viele Ältere wohnen allein.", befunde=[befund])
    profil_zur_beratung_geben(fassung=fassung)
    profil_freigeben(fassung=fassung, benutzer=projektteam)

    neu = profil_entwurf_anlegen(quartier=quartier)
    kopie = neu.abschnitte.get(handlungsfeld=befund.handlungsfeld)
    _schreiben(kopie, "Geändert im neuen Entwurf.", befunde=[])

    assert (neu.nummer, neu.vorgaenger, neu.status) == (2, fassung, ProfilStatus.ENTWURF)
    assert ProfilAbschnitt.objects.get(pk=abschnitt.pk).bestand == "Viele Ältere wohnen allein."
    assert list(abschnitt.befunde.all()) == [befund]
    assert kopie.history.earliest().bestand == "Viele Ältere wohnen allein."


def test_abschnitt_speichern_mit_veraltetem_stand_abgelehnt():
    abschnitt = profil_entwurf_anlegen(quartier=QuartierFactory()).abschnitte.first()
    stand = abschnitt.updated_at.isoformat()
    abschnitt_speichern(abschnitt=abschnitt, bestand="erste", staerken="", handlungsbedarf="", stand=stand)

    with pytest.raises(VeralteterStand):
        abschnitt_speichern(abschnitt=abschnitt, bestand="zweite", staerken="", handlungsbedarf="", stand=stand)
    assert ProfilAbschnitt.objects.get(pk=abschnitt.pk).bestand == "erste"


def test_jede_aenderung_steht_im_verlauf():
    abschnitt = profil_entwurf_anlegen(quartier=QuartierFactory()).abschnitte.first()
    _schreiben(abschnitt, "eins")
    _schreiben(abschnitt, "zwei")

    assert [h.bestand for h in abschnitt.history.order_by("history_date")] == ["", "eins", "zwei"]


def _formdaten(antwort, bestand):
    form = antwort.context["form"]
    return {
        "bearbeitungsstand": form.initial["bearbeitungsstand"],
        "bestand": bestand,
        "staerken": "",
        "handlungsbedarf": "",
    }


def test_zweite_speicherung_zeigt_die_andere_aenderung(client_projektteam):
    quartier = QuartierFactory()
    abschnitt = profil_entwurf_anlegen(quartier=quartier).abschnitte.first()
    url = reverse("quartiersprofil:profil_abschnitt_bearbeiten", kwargs={"slug": quartier.slug, "pk": abschnitt.pk})
    erste = client_projektteam.get(url)
    zweite = client_projektteam.get(url)

    gespeichert = client_projektteam.post(url, _formdaten(erste, "Text von Person A"))
    abgelehnt = client_projektteam.post(url, _formdaten(zweite, "Text von Person B"))

    assert gespeichert.status_code == 302
    assert abgelehnt.status_code == 200
    inhalt = abgelehnt.content.decode()
    assert "Text von Person A" in inhalt  # the other change is shown …
    assert "Text von Person B" in inhalt  # … and the own input is kept in the form
    assert "von jemand anderem geändert" in inhalt
    assert ProfilAbschnitt.objects.get(pk=abschnitt.pk).bestand == "Text von Person A"


def test_abschnitt_einer_freigegebenen_fassung_leitet_zurueck(client_projektteam, projektteam):
    quartier = QuartierFactory()
    fassung = _freigegeben(quartier, projektteam)
    abschnitt = fassung.abschnitte.first()
    url = reverse("quartiersprofil:profil_abschnitt_bearbeiten", kwargs={"slug": quartier.slug, "pk": abschnitt.pk})

    assert client_projektteam.get(url).status_code == 302


@pytest.mark.parametrize(
    ("rolle", "sichtbar"),
    [
        ("projektteam", ["Fassung 2 (Entwurf)", "Fassung 1 (freigegeben)"]),
        ("lenkungsgruppe", ["Fassung 1 (freigegeben)"]),
        ("partner", ["Fassung 1 (freigegeben)"]),
    ],
)
def test_entwurf_sieht_nur_das_projektteam(client, request, projektteam, rolle, sichtbar):
    benutzer = request.getfixturevalue(rolle)
    quartier = QuartierFactory()
    quartier.partner.add(benutzer)
    _freigegeben(quartier, projektteam)
    profil_entwurf_anlegen(quartier=quartier)
    client.force_login(benutzer)

    antwort = client.get(reverse("quartiersprofil:profil", kwargs={"slug": quartier.slug}))

    assert [str(f) for f in antwort.context["fassungen"]] == [f"Quartiersprofil {quartier.name}, {s}" for s in sichtbar]


def test_lenkungsgruppe_sieht_fassung_in_beratung(client, lenkungsgruppe):
    quartier = QuartierFactory()
    fassung = profil_entwurf_anlegen(quartier=quartier)
    profil_zur_beratung_geben(fassung=fassung)
    client.force_login(lenkungsgruppe)

    antwort = client.get(reverse("quartiersprofil:profil", kwargs={"slug": quartier.slug}))

    assert antwort.context["fassung"] == fassung


def test_profilaktionen_ueber_die_seite(client_projektteam, projektteam):
    quartier = QuartierFactory()
    url = lambda aktion: reverse("quartiersprofil:profil_aktion", kwargs={"slug": quartier.slug, "aktion": aktion})  # noqa: E731
    client_projektteam.post(url("entwurf"))
    fassung = quartier.profilfassungen.get()
    client_projektteam.post(url("beratung"), {"fassung": fassung.pk})
    freigeben = reverse("berichte:profil_freigeben", kwargs={"slug": quartier.slug})
    assert client_projektteam.post(url("freigeben"), {"fassung": fassung.pk}).status_code == 404
    client_projektteam.post(freigeben, {"fassung": fassung.pk})
    client_projektteam.post(url("entwurf"))

    assert list(quartier.profilfassungen.order_by("nummer").values_list("nummer", "status")) == [
        (1, ProfilStatus.FREIGEGEBEN),
        (2, ProfilStatus.ENTWURF),
    ]
    assert quartier.profilfassungen.get(nummer=1).freigegeben_von == projektteam


def _belege(quartier, anzahl):
    """A draft whose every section links ``anzahl`` items of every kind of evidence."""
    fassung = profil_entwurf_anlegen(quartier=quartier)
    begehung = BegehungFactory(quartier=quartier)
    befunde = [BefundFactory(begehung=begehung) for _ in range(anzahl)]
    gespraeche = [GespraechFactory(quartier=quartier) for _ in range(anzahl)]
    indikatoren = list(Indikator.objects.order_by("pk")[:anzahl])
    for abschnitt in fassung.abschnitte.all():
        _schreiben(abschnitt, "Bestand", befunde=befunde, gespraeche=gespraeche, indikatoren=indikatoren)
    for _ in range(anzahl):
        MassnahmeFactory(quartier=quartier)
        AkteurFactory(quartier=quartier)
    return fassung


@pytest.mark.parametrize("anzahl", [1, 3])
def test_profilseite_abfragen_unabhaengig_von_den_belegen(client_projektteam, django_assert_num_queries, anzahl):
    quartier = QuartierFactory()
    _belege(quartier, anzahl)
    url = reverse("quartiersprofil:profil", kwargs={"slug": quartier.slug})
    client_projektteam.get(url)  # warm caches (content types, Handlungsfeld colours, the quarter's analysis)
    # After a change the next request computes the sections with their evidence and fills the cache with
    # them and with their rendered fragment …
    profil_datenstand_erhoehen()
    with django_assert_num_queries(32):
        assert client_projektteam.get(url).status_code == 200
    # … every further one reads the fragment from it (Datenstände and one cache read).
    with django_assert_num_queries(8):
        assert client_projektteam.get(url).status_code == 200


@pytest.mark.parametrize("anzahl", [1, 3, 12])
def test_quartierseite_hoechstens_30_abfragen(client_projektteam, django_assert_max_num_queries, anzahl):
    quartier = QuartierFactory()
    _belege(quartier, anzahl)
    url = reverse("quartiere:detail", kwargs={"slug": quartier.slug})

    with django_assert_max_num_queries(30):
        antwort = client_projektteam.get(url)

    assert antwort.context["quartier"] == quartier
    assert "Vollständigkeit der Fassung 1 (Entwurf) je Handlungsfeld" in antwort.content.decode()


def test_quartierseite_zeigt_leere_teile(client_projektteam):
    quartier = QuartierFactory()
    fassung = profil_entwurf_anlegen(quartier=quartier)
    erster = fassung.abschnitte.order_by("handlungsfeld__reihenfolge").first()
    abschnitt_speichern(abschnitt=erster, bestand="B", staerken="S", handlungsbedarf="H")

    antwort = client_projektteam.get(reverse("quartiere:detail", kwargs={"slug": quartier.slug}))

    inhalt = antwort.content.decode()
    assert inhalt.count("noch leer: Bestand, Stärken, Handlungsbedarf") == Handlungsfeld.objects.count() - 1
    assert inhalt.count("vollständig</td>") == 1


def test_bericht_nimmt_die_letzte_freigegebene_fassung(projektteam):
    from berichte.daten import quartiersprofil_sammeln

    quartier = QuartierFactory()
    fassung = profil_entwurf_anlegen(quartier=quartier)
    erster = fassung.abschnitte.order_by("handlungsfeld__reihenfolge").first()
    abschnitt_speichern(abschnitt=erster, bestand="Freigegebener Text", staerken="", handlungsbedarf="")
    massnahme = MassnahmeFactory(quartier=quartier, handlungsfeld=erster.handlungsfeld)
    profil_zur_beratung_geben(fassung=fassung)
    profil_freigeben(fassung=fassung, benutzer=projektteam)
    entwurf = profil_entwurf_anlegen(quartier=quartier).abschnitte.get(handlungsfeld=erster.handlungsfeld)
    abschnitt_speichern(abschnitt=entwurf, bestand="Entwurfstext", staerken="", handlungsbedarf="")
    MassnahmeFactory(quartier=quartier, handlungsfeld=erster.handlungsfeld)  # after the release: not in it

    kapitel = quartiersprofil_sammeln(quartier=quartier, fassung=fassung).kapitel[0]

    assert (kapitel.bestand, kapitel.massnahmen) == ("Freigegebener Text", (massnahme,))


def test_verknuepfte_belege_stehen_im_verlauf():
    quartier = QuartierFactory()
    befund = BefundFactory(begehung=BegehungFactory(quartier=quartier))
    abschnitt = profil_entwurf_anlegen(quartier=quartier).abschnitte.get(handlungsfeld=befund.handlungsfeld)

    _schreiben(abschnitt, "Mit Beleg.", befunde=[befund])
    _schreiben(abschnitt, "Ohne Beleg.", befunde=[])

    verlauf = [
        (eintrag.bestand, [b.befund_id for b in eintrag.befunde.all()])
        for eintrag in abschnitt.history.order_by("history_date", "history_id")
    ]
    assert ("Mit Beleg.", [befund.pk]) in verlauf
    assert verlauf[-1] == ("Ohne Beleg.", [])

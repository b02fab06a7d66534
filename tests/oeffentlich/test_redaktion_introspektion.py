"""The rules every page must keep, checked over every page of ``redaktion:`` (Projektteam's pages
for the public pages) found in the URL configuration and the permission matrix, so the next page is
covered without anyone remembering:

* every edit page refuses a save from a stale state (someone else saved meanwhile) and saves nothing;
* no hostile query string and no hostile form value makes any redaktion or public page answer 500;
* of two first saves of a page that did not exist yet, one wins and the other is refused as stale;
* what Projektteam writes on these pages is public only once released: a draft, an unsaved preview,
  an unreleased event or photo never shows on a public page or download.
"""

import datetime
import threading
from urllib.parse import quote

import pytest
from django.db import connection, transaction
from django.urls import get_resolver, reverse

from oeffentlich import forms as oe_forms
from oeffentlich.models import Neuigkeit, Pflichtseite
from tests.dwk.test_feindliche_anfragen import FEINDLICHE_WERTE, _abfragen, _anfrage, _pfad_varianten, parameter_namen
from tests.dwk.test_gleichzeitig_speichern import gleichzeitig_speichern
from tests.dwk.test_veralteter_stand import _bearbeitungsformular
from tests.factories import KommuneFactory, UserFactory
from tests.matrix import ohne_anmeldung
from tests.oeffentlich.matrix import MATRIX
from tests.oeffentlich.stand import oeffentliche_urls
from tests.oeffentlich.test_nichts_unveroeffentlichtes import _inhalt

pytestmark = pytest.mark.django_db

REDAKTION = sorted(name for name in MATRIX if name.startswith("redaktion:"))


def _objekte(stand):
    """The objects by the names the matrix's kwargs use (``oe_…`` and the quarter)."""
    return {"quartier": stand["quartier"], **{f"oe_{name}": objekt for name, objekt in stand.items()}}


def _url(name, objekte):
    _methode, kwargs, _erwartet = MATRIX[name]
    return reverse(name, kwargs=kwargs(objekte) if callable(kwargs) else kwargs)


def test_matrix_kennt_jede_seite_der_redaktion():
    muster = {f"redaktion:{m.name}" for m in get_resolver("oeffentlich.urls_redaktion").url_patterns}
    assert muster == set(REDAKTION)


def test_jede_bearbeitungsseite_weist_veralteten_stand_ab(client_projektteam, stand):
    objekte = _objekte(stand)
    geprueft, maengel = [], []
    for name in REDAKTION:
        if MATRIX[name][2]["projektteam"] != 200:
            continue
        url = _url(name, objekte)
        antwort = client_projektteam.get(url)
        form = antwort.context.get("form") if antwort.context else None
        if form is None or not getattr(form, "instance", None) or not form.instance.pk:
            continue
        daten = _bearbeitungsformular(antwort)
        if daten is None:
            maengel.append(f"{name}: die Seite sendet kein bearbeitungsstand")
            continue
        modell = type(form.instance)
        anderer_stand = form.instance.updated_at + datetime.timedelta(seconds=1)
        modell._base_manager.filter(pk=form.instance.pk).update(updated_at=anderer_stand)  # someone else saved
        vorher = modell._base_manager.get(pk=form.instance.pk)
        antwort = client_projektteam.post(url, daten)
        form = (antwort.context or {}).get("form")
        nachher = modell._base_manager.get(pk=form.instance.pk if form else vorher.pk)
        if antwort.status_code != 200 or form is None or not form.has_error("__all__", code="veraltet"):
            maengel.append(f"{name}: veraltete Fassung nicht abgewiesen (Antwort {antwort.status_code})")
        elif nachher.updated_at != anderer_stand:
            maengel.append(f"{name}: abgewiesen, aber trotzdem gespeichert")
        elif "Neuere Fassung vom" not in antwort.content.decode():
            maengel.append(f"{name}: die neuere Fassung wird nicht gezeigt")
        geprueft.append(name.removeprefix("redaktion:"))
    assert maengel == [], "\n".join(maengel)
    # Every page that edits an existing row, by its name: a new one must turn up here.
    assert sorted(geprueft) == [
        "auftritt_bearbeiten",
        "foto_freigabe",
        "neuigkeit_bearbeiten",
        "pflichtseite_bearbeiten",
        "quartiersseite_bearbeiten",
        "veranstaltung_freigabe",
    ]


def _namen():
    """The query parameters of the project's views, and every field of this app's forms."""
    namen = set(parameter_namen()) | {"vorschau", "weiter"}
    for klasse in vars(oe_forms).values():
        if isinstance(klasse, type) and hasattr(klasse, "base_fields"):
            namen |= set(klasse.base_fields)
    return sorted(namen)


OEFFENTLICH_UND_REDAKTION = sorted(name for name in MATRIX if name.startswith(("redaktion:", "oeffentlich:")))


@pytest.mark.parametrize("rolle", ["projektteam", "anonym"])
def test_feindliche_anfragen_geben_nie_500(client, stand, projektteam, rolle):
    if rolle == "projektteam":
        client.force_login(projektteam)
    objekte, namen, fehler = _objekte(stand), _namen(), {}
    # Anonymously a page of the redaktion never reaches its view (the login redirect comes first; see
    # tests/dwk/test_feindliche_anfragen.py ``faelle``): the public pages, and one of the redaktion.
    offen = [n for n in ohne_anmeldung(MATRIX) if n in OEFFENTLICH_UND_REDAKTION] + [REDAKTION[0]]
    for name in OEFFENTLICH_UND_REDAKTION if rolle == "projektteam" else offen:
        methode, kwargs, _erwartet = MATRIX[name]
        kwargs = kwargs(objekte) if callable(kwargs) else kwargs
        url = reverse(name, kwargs=kwargs)
        for label, abfrage in _abfragen(namen, []):
            _anfrage(client, methode, url, abfrage, label, name, fehler)
        for label, pfad in _pfad_varianten(name, kwargs):
            _anfrage(client, methode, pfad, "", label, name, fehler)
        # The same values as form data of a POST (the forms of these pages and the feedback form).
        for label, wert in FEINDLICHE_WERTE.items():
            daten = "&".join(f"{feld}={quote(wert, safe='')}" for feld in namen)
            try:
                antwort = client.post(url, daten, content_type="application/x-www-form-urlencoded", **_herkunft())
            except Exception as ausnahme:
                fehler.setdefault((name, type(ausnahme).__name__), f"POST {label}: {str(ausnahme)[:160]}")
                continue
            if antwort.status_code >= 500:
                fehler.setdefault((name, antwort.status_code), f"POST {label}")
    meldungen = [f"{url_name} [{art}] bei {wert}" for (url_name, art), wert in sorted(fehler.items(), key=str)]
    assert meldungen == [], "\n".join(meldungen)


def _herkunft():
    return {"HTTP_ORIGIN": "http://testserver"}


SENTINEL = "Zqentwurfx"


def test_entwuerfe_und_vorschauen_nie_oeffentlich(client, stand, projektteam):
    """Projektteam writes a sentinel into everything these pages can hold back: a draft post, the
    previews (not saved) of a statutory page, a quarter text and an event's release, a release
    text of an event that stays unreleased (preview only); then every public page and download is
    read anonymously, cached and uncached: the sentinel is nowhere."""
    client.force_login(projektteam)
    for url in oeffentliche_urls(stand):  # fill the public page cache first
        client.get(url)
    entwurf = {"titel": f"{SENTINEL} Titel", "text": SENTINEL}
    assert client.post(reverse("redaktion:neuigkeit_neu"), entwurf).status_code == 302
    vorschauen = {
        reverse("redaktion:pflichtseite_bearbeiten", kwargs={"art": "impressum"}): {
            "text": SENTINEL,
            "stand": "2017-10-16",
        },
        reverse("redaktion:quartiersseite_bearbeiten", kwargs={"slug": stand["quartier"].slug}): {
            "charakter": SENTINEL
        },
        reverse("redaktion:veranstaltung_freigabe", kwargs={"pk": stand["intern"].pk}): {"kurztext": SENTINEL},
        reverse("redaktion:auftritt_bearbeiten"): {"einleitung": SENTINEL},
    }
    for url, daten in vorschauen.items():
        form = client.get(url).context["form"]
        stand_ = form.initial.get("bearbeitungsstand", "")
        antwort = client.post(url, {**daten, "bearbeitungsstand": stand_, "vorschau": "1"})
        assert antwort.status_code == 200 and SENTINEL in antwort.content.decode(), url
    client.logout()
    gefunden = [url for url in oeffentliche_urls(stand) if SENTINEL in _inhalt(client.get(url))]
    assert gefunden == []
    assert client.get(reverse("oeffentlich:veranstaltung", kwargs={"pk": stand["intern"].pk})).status_code == 404


def _erste_daten(text):
    return {"text": text, "stand": "2017-10-16", "bearbeitungsstand": ""}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_gleichzeitige_erste_speicherung_genau_eine_gewinnt():
    """Two people write the statutory page that does not exist yet at the same moment, ten times
    over: one save wins, the other is refused as stale (no server error), never both."""
    kommune = KommuneFactory()
    person = UserFactory(is_superuser=True)
    url = reverse("redaktion:pflichtseite_bearbeiten", kwargs={"art": "datenschutz"})
    for runde in range(10):
        Pflichtseite.objects.filter(kommune=kommune, art="datenschutz").delete()
        barriere, ergebnisse = threading.Barrier(2), []
        threads = [
            threading.Thread(
                target=gleichzeitig_speichern,
                args=(url, _erste_daten(text), person, barriere, ergebnisse),
                kwargs={"kennung": "text", "neu": True},
            )
            for text in (f"A{runde}", f"B{runde}")
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=60)
        gewonnen = [text for text, status, _veraltet in ergebnisse if status == 302]
        abgewiesen = [text for text, status, veraltet in ergebnisse if status == 200 and veraltet]
        assert (len(gewonnen), len(abgewiesen)) == (1, 1), (runde, ergebnisse)
        assert Pflichtseite.objects.get(kommune=kommune, art="datenschutz").text == gewonnen[0]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_zwei_neue_neuigkeiten_gleichen_titels_zur_selben_zeit_bekommen_zwei_kuerzel():
    """Another session has inserted a post titled the same but not committed yet (its slug is not
    visible): this save waits on the unique index, then chooses the slug again instead of failing."""
    from oeffentlich.services.inhalte import neuigkeit_speichern

    eingefuegt, weiter = threading.Event(), threading.Event()

    def andere_sitzung():
        try:
            with transaction.atomic():
                Neuigkeit.objects.create(slug="gleicher-titel", titel="Gleicher Titel", text="Die andere.")
                eingefuegt.set()
                weiter.wait(timeout=20)
        finally:
            connection.close()

    faden = threading.Thread(target=andere_sitzung)
    faden.start()
    assert eingefuegt.wait(timeout=20)
    threading.Timer(1.0, weiter.set).start()  # the other commits while this insert waits on it

    neuigkeit = neuigkeit_speichern(titel="Gleicher Titel", text="Diese.", veroeffentlicht_am=None)
    faden.join(timeout=30)

    assert neuigkeit.slug == "gleicher-titel-2"
    assert sorted(Neuigkeit.objects.values_list("slug", "text")) == [
        ("gleicher-titel", "Die andere."),
        ("gleicher-titel-2", "Diese."),
    ]

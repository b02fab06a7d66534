"""Does the walking network hold personal data? Said here column by column, so that a new column
must be classified before the suite passes.

No: the network is OpenStreetMap data (ways, their tags and street names — open data, ODbL, no
person), the profiles are settings, the distance fields numbers, a barrier only ties a
walk-through finding (whose text lives in ``quartiersprofil`` and is erased there) to an edge. The
one text a user chooses is the file name of an uploaded extract (``Netzstand.quelle``): it could
name someone („Auszug von Ida Qwenzel.osm.pbf“). The erasure searches every text column of every
model by introspection (``quartiersprofil.queries.anonymisierung.textspalten``), these included —
``test_anonymisierung`` writes its sentinel into them through the factories, and the last test
below erases a name from the file name. No wegenetz page is public, and every wegenetz URL is in
the permission matrix and gets the hostile query strings.
"""

import pytest
from django.apps import apps
from django.db import models

from quartiersprofil.queries.anonymisierung import textspalten
from quartiersprofil.services.anonymisierung import akteur_anonymisieren
from tests.dwk.test_berechtigungen import MATRIX
from tests.dwk.test_feindliche_anfragen import APPS
from tests.factories import (
    AkteurFactory,
    BarriereFactory,
    DistanzfeldFactory,
    NetzstandFactory,
    WegabschnittFactory,
    WegprofilFactory,
)
from tests.oeffentlich.test_nichts_unveroeffentlichtes import OEFFENTLICH
from tests.wegenetz.matrix import MATRIX as WEGENETZ_MATRIX

OSM = "OpenStreetMap-Daten (offene Daten, keine Person)"
ZAHL = "Zahl, Zeit oder Verweis ohne Personenbezug"
EINSTELLUNG = "Einstellung eines Profils"

# model → field → why it holds no personal data (or how it is erased).
KLASSIFIKATION = {
    "netzstand": {
        "id": ZAHL,
        "quelle": "Dateiname des Uploads: kann einen Namen enthalten, die Anonymisierung durchsucht ihn",
        "importiert_am": ZAHL,
        "anzahl_kanten": ZAHL,
        "anzahl_knoten": ZAHL,
        "bericht": "Zählungen je OSM-Wegeart und Grund (fester Text)",
        "knoten_koordinaten": OSM,
    },
    "wegabschnitt": {
        "id": ZAHL,
        "netz": ZAHL,
        "osm_weg": OSM,
        "von_knoten": OSM,
        "nach_knoten": OSM,
        "von_index": ZAHL,
        "nach_index": ZAHL,
        "geometrie": OSM,
        "laenge_m": ZAHL,
        "art": OSM,
        "name": OSM + ": Straßenname",
        "ist_treppe": OSM,
        "steigung_prozent": OSM,
        "oberflaeche": OSM,
        "smoothness": OSM,
        "kerb": OSM,
        "wheelchair": OSM,
        "lit": OSM,
    },
    "wegprofil": {
        "id": ZAHL,
        "art": EINSTELLUNG,
        "geschwindigkeit_m_s": EINSTELLUNG,
        "treppen_meiden": EINSTELLUNG,
        "max_steigung_prozent": EINSTELLUNG,
        "max_gefaelle_prozent": EINSTELLUNG,
        "hohe_bordsteine_meiden": EINSTELLUNG,
        "aufschlag_unbefestigt": EINSTELLUNG,
        "aufschlag_holprig": EINSTELLUNG,
        "barrieren_beachten": EINSTELLUNG,
        "updated_at": ZAHL,
    },
    "distanzfeld": {
        "id": ZAHL,
        "netz": ZAHL,
        "kategorie": ZAHL,
        "profil": ZAHL,
        "sekunden": ZAHL,
        "fingerabdruck": "SHA-256 über Netz, Profil, Einrichtungen und Barrieren",
        "berechnet_am": ZAHL,
    },
    "barriere": {
        "id": ZAHL,
        "befund": "Verweis auf einen Befund (dessen Text löscht quartiersprofil; die Barriere fällt mit ihm)",
        "wegabschnitt": ZAHL,
        "created_at": ZAHL,
    },
}


def test_jede_spalte_ist_eingeordnet():
    modelle = {m._meta.model_name: m for m in apps.get_app_config("wegenetz").get_models()}
    assert set(modelle) == set(KLASSIFIKATION), "neues Modell in wegenetz: bitte hier einordnen"
    for name, modell in modelle.items():
        felder = {f.name for f in modell._meta.concrete_fields}
        assert felder == set(KLASSIFIKATION[name]), f"{name}: Spalten nicht eingeordnet oder entfallen"


def test_kein_verweis_auf_personen():
    """No wegenetz row points at an account or an Akteur; a barrier goes with its finding."""
    personen = {apps.get_model("auth.User"), apps.get_model("quartiersprofil.Akteur")}
    for modell in apps.get_app_config("wegenetz").get_models():
        for feld in modell._meta.concrete_fields:
            if isinstance(feld, models.ForeignKey):
                assert feld.related_model not in personen, (modell, feld.name)
    befund = apps.get_model("wegenetz.Barriere")._meta.get_field("befund")
    assert befund.remote_field.on_delete is models.CASCADE


def test_die_anonymisierung_durchsucht_die_textspalten_des_wegenetzes():
    durchsucht = {s.schluessel for s in textspalten()}
    for modell in apps.get_app_config("wegenetz").get_models():
        for feld in modell._meta.concrete_fields:
            if isinstance(feld, (models.CharField, models.TextField, models.JSONField)):
                assert (modell._meta.label_lower, feld.name) in durchsucht


def test_nichts_davon_ist_oeffentlich_und_jede_url_ist_in_matrix_und_feindlichen_anfragen():
    assert not [label for label in OEFFENTLICH if label.startswith("wegenetz.")]
    assert "wegenetz" in APPS
    assert set(WEGENETZ_MATRIX) <= set(MATRIX)


@pytest.mark.django_db
def test_ein_name_im_dateinamen_wird_anonymisiert():
    netz = NetzstandFactory(quelle="Auszug von Ida Qwenzel.osm.pbf")
    WegabschnittFactory(netz=netz)
    DistanzfeldFactory(netz=netz)
    BarriereFactory()
    WegprofilFactory()
    akteur = AkteurFactory(name="Ida Qwenzel")

    akteur_anonymisieren(akteur=akteur)

    netz.refresh_from_db()
    assert "Qwenzel" not in netz.quelle
    assert netz.quelle == "Auszug von [anonymisiert].osm.pbf"

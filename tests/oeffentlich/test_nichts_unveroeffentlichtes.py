"""Nothing unreleased and nothing personal on any public page or download, tested by introspection.

One row of every model (``tests/dwk/test_anonymisierung.py``'s helper, through the factories) and
the public state with its unreleased twins (``stand.py``) are made; then every free-text column of
every model Django knows (history tables included; not choices, slugs or file paths, which pages
use as keys) gets a sentinel naming its model, column and row. Every public URL and download
(HTML, PDF read back with pypdf, iCalendar, Atom) is fetched and every sentinel found must be an
allowed public field (``OEFFENTLICH``) of a row that is released (its predicate). A new model or
column is covered without anyone remembering: it is not in the list, so it must not appear.
"""

import datetime
import io
import re

import pytest
from django.apps import apps
from django.db import models
from django.db.models import CharField, Q, TextField, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone
from PIL import Image
from pypdf import PdfReader

from buergerdialog.models import DokumentationStatus
from tests.dwk.test_anonymisierung import _eine_zeile_je_modell
from tests.oeffentlich.stand import oeffentliche_urls, stand_anlegen

pytestmark = pytest.mark.django_db

FREIGEGEBENE_VERANSTALTUNG = Q(freigabe__isnull=False)
DOKUMENTIERT = Q(
    veranstaltung__freigabe__isnull=False, veranstaltung__dokumentation__status=DokumentationStatus.FREIGEGEBEN
)
ALLE = Q()

# model label → (the fields a public page or download may show, which rows may show them).
OEFFENTLICH = {
    "quartiere.kommune": ({"name"}, ALLE),
    "quartiere.handlungsfeld": ({"name", "kurzname", "beschreibung"}, ALLE),
    "quartiere.stadtbezirk": ({"name", "code"}, ALLE),
    "quartiere.statistischerbezirk": ({"name", "code"}, ALLE),
    "quartiere.unterbezirk": ({"name", "code"}, ALLE),
    "quartiere.quartier": ({"name", "auswahlbegruendung"}, Q(ist_referenzquartier=True)),
    "quartiere.infrastruktur": ({"name", "adresse", "oeffnungshinweise"}, ALLE),
    "quartiere.infrastrukturkategorie": ({"name"}, ALLE),
    "quartiere.indikator": ({"name", "einheit", "beschreibung", "quelle"}, ALLE),
    "lenkungsgruppe.organisation": ({"name", "kurzname"}, ALLE),
    "lenkungsgruppe.meilenstein": ({"titel"}, ALLE),
    "quartiersprofil.profilabschnitt": ({"bestand", "staerken", "handlungsbedarf"}, Q(fassung__status="freigegeben")),
    "quartiersprofil.massnahme": (
        {"titel"},
        Q(buergerdialog_umsetzungen__ergebnis__veranstaltung__freigabe__isnull=False),
    ),
    "quartiersprofil.historicalmassnahme": ({"titel", "beschreibung", "verantwortlich"}, ALLE),
    "quartiersprofil.massnahmemeilenstein": ({"titel"}, ALLE),
    "buergerdialog.veranstaltung": ({"titel", "adresse", "haltestelle", "veranstalter"}, FREIGEGEBENE_VERANSTALTUNG),
    "buergerdialog.motto": ({"text"}, Q(veranstaltungen__freigabe__isnull=False)),
    "buergerdialog.dokumentation": (
        {"programm", "text"},
        Q(status=DokumentationStatus.FREIGEGEBEN, veranstaltung__freigabe__isnull=False),
    ),
    "buergerdialog.ergebnis": ({"text"}, DOKUMENTIERT),
    "oeffentlich.auftritt": ({"einleitung", "foerderung", "partner", "kontakt"}, ALLE),
    "oeffentlich.pflichtseite": ({"text"}, ALLE),
    "oeffentlich.quartiersseite": ({"charakter"}, ALLE),
    "oeffentlich.neuigkeit": (
        {"titel", "text"},
        Q(
            veroeffentlicht_am__isnull=False,
            veroeffentlicht_am__lte=timezone.make_aware(datetime.datetime(2017, 10, 16)),
        ),
    ),
    "oeffentlich.veranstaltungsfreigabe": ({"kurztext"}, ALLE),
    "oeffentlich.fotofreigabe": ({"alternativtext"}, ALLE),
}
MUSTER = re.compile(r"Zq(\d{3})x(\d+)q")


def _textfelder():
    """(model, field) of every free-text column that may carry a sentinel."""
    for modell in apps.get_models():
        if not modell._meta.managed or modell._meta.proxy:
            continue
        for feld in modell._meta.concrete_fields:
            if not isinstance(feld, (CharField, TextField)) or isinstance(feld, (models.SlugField, models.FileField)):
                continue
            if feld.choices or feld.primary_key or (feld.max_length or 1000) < 12 or feld.name.startswith("history_"):
                continue
            if modell._meta.label_lower in {
                "auth.user",
                "sessions.session",
                "contenttypes.contenttype",
                "auth.permission",
            } and feld.name in {
                "password",
                "username",
                "session_key",
                "session_data",
                "app_label",
                "model",
                "codename",
            }:
                continue
            yield modell, feld


def _saeen():
    felder = list(_textfelder())
    for nummer, (modell, feld) in enumerate(felder):
        modell._base_manager.update(
            **{feld.name: Concat(Value(f"Zq{nummer:03d}x"), Cast("pk", CharField()), Value("q"))}
        )
    return felder


def _inhalt(antwort):
    art = antwort["Content-Type"]
    daten = b"".join(antwort.streaming_content) if antwort.streaming else antwort.content
    if art.startswith("application/pdf"):
        return "\n".join(seite.extract_text() or "" for seite in PdfReader(io.BytesIO(daten)).pages)
    if art.startswith("image/"):
        bild = Image.open(io.BytesIO(daten))
        assert not bild.getexif(), "Foto mit Metadaten"
        return ""
    return daten.decode()


def test_oeffentliche_seiten_zeigen_nur_freigegebene_oeffentliche_felder(client, oeffentlich_einstellungen):
    _eine_zeile_je_modell()
    objekte = stand_anlegen()
    felder = _saeen()
    gefunden = {}
    for url in oeffentliche_urls(objekte):
        antwort = client.get(url)
        assert antwort.status_code == 200, url
        for nummer, pk in MUSTER.findall(_inhalt(antwort)):
            modell, feld = felder[int(nummer)]
            gefunden.setdefault((modell._meta.label_lower, feld.name, int(pk)), url)
    assert gefunden, "kein Text der Datenbank auf den öffentlichen Seiten: die Prüfung greift nicht"
    verboten = []
    for (label, feld, pk), url in sorted(gefunden.items()):
        erlaubt, zeilen = OEFFENTLICH.get(label, (set(), Q(pk__in=[])))
        modell = apps.get_model(label)
        if feld not in erlaubt or not modell._base_manager.filter(zeilen, pk=pk).exists():
            verboten.append((label, feld, pk, url))
    assert verboten == []

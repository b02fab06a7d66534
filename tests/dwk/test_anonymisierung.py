"""Erasure of a person reaches every free-text column of every model, history included.

Introspection, so that the next model is covered without anyone remembering: one row of every
model is made through ``tests/factories.py``; then a sentinel person's name, e-mail and telephone
are written into every text, varchar and JSON column of every table that belongs to a Django
model (found in the database catalogue, not in the erasure's own list); after the erasure the
whole database is searched the way ``pg_dump --data-only | grep`` would, and the person is found
nowhere. Mentions of the surname alone („Frau Qwenzel“) are listed for review, and gone once
each is replaced.
"""

import inspect
import io

import factory
import pytest
from django.apps import apps
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, models, transaction
from PIL import Image

from quartiere.models import Indikator
from quartiersprofil.models import Akteur
from quartiersprofil.queries.anonymisierung import erwaehnungen_zur_pruefung
from quartiersprofil.services.anonymisierung import akteur_anonymisieren, erwaehnung_ersetzen
from quartiersprofil.services.begehungen import fotos_hochladen
from quartiersprofil.services.profil import profil_entwurf_anlegen
from tests import factories
from tests.factories import AkteurFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def medien(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


VORNAME, NACHNAME = "Ida", "Qwenzel"
NAME = f"{VORNAME} {NACHNAME}"
EMAIL = "iq@qwz.de"
TELEFON = "0231 774411"
# What the sentinel leaves in a column, longest first; each row gets a numbered prefix („#3 “),
# so that unique columns stay unique. Written differently from the Akteur's own record on purpose:
# upper case, a line break, the number with other separators and as +49.
FASSUNGEN = (
    f"Gäste: {NAME.upper()}, {EMAIL.upper()}, Tel. 0231/77 44-11 oder +49 231 774411.\n"
    f"{VORNAME}\n{NACHNAME} kommt wieder; Frau {NACHNAME} bringt Unterlagen",
    f"{VORNAME}  {NACHNAME.lower()}",
    EMAIL,
)
MIT_NACHNAME_ALLEIN = FASSUNGEN[0]
ALLEIN = f"; Frau {NACHNAME} bringt Unterlagen"


def _tabellen_der_modelle():
    """Table name → model, for every model Django knows, automatic m2m tables included."""
    return {m._meta.db_table: m for m in apps.get_models(include_auto_created=True)}


def _nicht_freitext(modell, spalte):
    """Columns the erasure leaves alone on purpose (say why in ``queries.anonymisierung``)."""
    label = modell._meta.label_lower
    if label in {"contenttypes.contenttype", "auth.permission", "sessions.session"} or not modell._meta.managed:
        return True
    if (label, spalte) in {("auth.user", "password"), ("auth.user", "username")}:
        return True
    # Storage paths of files (kept as text in the history tables).
    quelle = getattr(modell, "instance_type", None) or modell
    return any(isinstance(f, models.FileField) and f.column == spalte for f in quelle._meta.concrete_fields)


def _textspalten_im_katalog(nur_modelle=True):
    """(table, column, data type, maximum length) of every text, varchar and JSON column in the database."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.table_name, c.column_name, c.data_type, c.character_maximum_length "
            "FROM information_schema.columns c JOIN information_schema.tables t "
            "ON t.table_schema = c.table_schema AND t.table_name = c.table_name "
            "WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' "
            "AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb')"
        )
        spalten = cursor.fetchall()
    if not nur_modelle:
        return spalten
    modelle = _tabellen_der_modelle()
    return [s for s in spalten if s[0] in modelle and not _nicht_freitext(modelle[s[0]], s[1])]


def _jpeg():
    puffer = io.BytesIO()
    Image.new("RGB", (64, 48), (90, 120, 30)).save(puffer, format="JPEG")
    return SimpleUploadedFile("foto.jpg", puffer.getvalue(), content_type="image/jpeg")


def _eine_zeile_je_modell():
    """Every factory once (with what it cannot know: the indicator of a Kennzahl); what has no
    factory through its service: a photo, a profile draft with its sections, a changed indicator
    (history), an admin log entry."""
    for _name, klasse in inspect.getmembers(factories, inspect.isclass):
        if issubclass(klasse, factory.django.DjangoModelFactory) and klasse._meta.model is not None:
            extra = {"indikator": Indikator.objects.first()} if klasse is factories.KennzahlFactory else {}
            with transaction.atomic():
                klasse(**extra)
    begehung = factories.BegehungFactory()
    fotos_hochladen(quartier=begehung.quartier, begehung=begehung, dateien=[_jpeg()])
    profil_entwurf_anlegen(quartier=begehung.quartier)
    indikator = Indikator.objects.first()
    indikator.save()
    LogEntry.objects.create(
        user=UserFactory(),
        content_type=ContentType.objects.get_for_model(Akteur),
        object_id="1",
        object_repr="Leitung, AWO",
        action_flag=ADDITION,
        change_message="[]",
    )


def _apps_mit_factories():
    return {
        klasse._meta.model._meta.app_label
        for _name, klasse in inspect.getmembers(factories, inspect.isclass)
        if issubclass(klasse, factory.django.DjangoModelFactory) and klasse._meta.model is not None
    }


def _q(name):
    return connection.ops.quote_name(name)


def _saeen(akteur):
    """Write the sentinel into every text column of every row (except the person's own record);
    return the (table, column) pairs that got the version with the surname alone."""
    mit_nachname = set()
    with connection.cursor() as cursor:
        for tabelle, spalte, typ, laenge in _textspalten_im_katalog():
            fassung = next((f for f in FASSUNGEN if laenge is None or len(f) + 6 <= laenge), None)
            if fassung is None:
                continue
            # The surname alone only in the first row of a table: one mention per column to review.
            wert = "'#' || n.zeilennr || ' ' || CASE WHEN n.zeilennr = 1 THEN %s ELSE %s END"
            if typ in ("json", "jsonb"):
                wert = f"to_jsonb({wert})::{typ}"
            eigene = (
                f"WHERE id <> {int(akteur.pk)}"
                if tabelle in ("quartiersprofil_akteur", "quartiersprofil_historicalakteur")
                else ""
            )
            cursor.execute(
                f"UPDATE {_q(tabelle)} AS t SET {_q(spalte)} = {wert} "  # noqa: S608 -- names from the catalogue
                f"FROM (SELECT ctid AS zeile, row_number() OVER () AS zeilennr FROM {_q(tabelle)} {eigene}) AS n "
                "WHERE t.ctid = n.zeile",
                [fassung, fassung.replace(ALLEIN, "")],
            )
            if cursor.rowcount and fassung == MIT_NACHNAME_ALLEIN:
                mit_nachname.add((tabelle, spalte))
    return mit_nachname


def _fundstellen(*, muster, ziffern=None):
    """Every (table, column) in the whole database whose text matches ``muster`` (case-insensitive)
    or, ignoring everything but digits, contains ``ziffern``. One query per table."""
    je_tabelle = {}
    for tabelle, spalte, _typ, _laenge in _textspalten_im_katalog(nur_modelle=False):
        je_tabelle.setdefault(tabelle, []).append(spalte)
    treffer = set()
    with connection.cursor() as cursor:
        for tabelle, spalten in je_tabelle.items():
            bedingungen = []
            for spalte in spalten:
                text = f"{_q(spalte)}::text"
                bedingung = f"{text} ~* %(muster)s"
                if ziffern:
                    bedingung += f" OR regexp_replace({text}, '\\D', '', 'g') LIKE %(ziffern)s"
                bedingungen.append(f"bool_or({bedingung})")
            cursor.execute(
                f"SELECT {', '.join(bedingungen)} FROM {_q(tabelle)}",  # noqa: S608 -- names from the catalogue
                {"muster": muster, "ziffern": f"%{ziffern}%"},
            )
            treffer |= {(tabelle, s) for s, gefunden in zip(spalten, cursor.fetchone(), strict=True) if gefunden}
    return treffer


def _die_person_irgendwo():
    """Where the full name (white space also as escaped in JSON text), the e-mail or the
    telephone number (in any notation) is found."""
    return _fundstellen(muster=rf"{VORNAME}(\s|\\[nrt])+{NACHNAME}|{EMAIL.replace('.', r'[.]')}", ziffern="231774411")


def test_jedes_modell_hat_eine_zeile_fuer_die_pruefung(medien):
    """An app that has factories has one for each of its models (or the setup above makes a row
    another way), so the erasure test below writes into every table of it."""
    _eine_zeile_je_modell()
    AkteurFactory()
    modelle = _tabellen_der_modelle()
    apps_mit_factories = _apps_mit_factories()

    leer = set()
    with connection.cursor() as cursor:
        for tabelle in sorted({s[0] for s in _textspalten_im_katalog()}):
            if modelle[tabelle]._meta.app_label not in apps_mit_factories:
                continue
            cursor.execute(f"SELECT count(*) FROM {_q(tabelle)}")  # noqa: S608 -- names from the catalogue
            if not cursor.fetchone()[0]:
                leer.add(tabelle)

    assert leer == set(), "Tabellen ohne Zeile: bitte eine Factory in tests/factories.py ergänzen"


def test_nach_dem_anonymisieren_steht_die_person_nirgends(medien):
    _eine_zeile_je_modell()
    akteur = AkteurFactory(name=NAME, email=EMAIL, telefon=TELEFON, anschrift="Qwenzelweg 7, 44135 Dortmund")
    mit_nachname = _saeen(akteur)
    vorher = _die_person_irgendwo()
    assert len(vorher) > 100  # the sentinel is really everywhere before
    assert ("lenkungsgruppe_sitzung", "gaeste") in vorher
    assert ("lenkungsgruppe_historicaltagesordnungspunkt", "protokoll") in vorher
    assert ("quartiere_infrastruktur", "oeffnungshinweise") in vorher
    assert ("quartiersprofil_gespraech", "zusammenfassung") in vorher

    ergebnis = akteur_anonymisieren(akteur=akteur)

    assert _die_person_irgendwo() == set()
    # What only names the surname is left for review, and listed for it.
    zur_pruefung = erwaehnungen_zur_pruefung(akteur=Akteur.objects.get(pk=akteur.pk))
    modelle = {m._meta.label_lower: m for m in apps.get_models()}
    gelistet = {
        (modelle[e.modell]._meta.db_table, modelle[e.modell]._meta.get_field(e.feld).column) for e in zur_pruefung
    }
    assert gelistet == mit_nachname
    assert ergebnis.offene_erwaehnungen == len(zur_pruefung)
    assert _fundstellen(muster=rf"\m{NACHNAME}\M") == mit_nachname | {("quartiersprofil_akteur", "name")}

    for erwaehnung in zur_pruefung:
        erwaehnung_ersetzen(akteur=akteur, modell=erwaehnung.modell, feld=erwaehnung.feld, pk=erwaehnung.pk)

    assert _fundstellen(muster=NACHNAME) == set()
    assert Akteur.objects.values_list("name", "ist_anonymisiert").get(pk=akteur.pk) == ("", True)

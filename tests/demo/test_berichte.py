"""The demo's committee reports: one released with its stored PDF, one draft in consultation with comments."""

import hashlib

from django.utils import timezone

from berichte.models import Bericht, BerichtStatus
from berichte.queries.bericht import wartende_entwuerfe
from demo.berichte import AUSSCHUSS_BETREFF, BV_BETREFF, berichte_demo_anlegen
from tests.berichte.hilfen import lesezeichen, pdf_lesen


def test_demo_bericht_an_die_bezirksvertretung_ist_freigegeben(demo):
    bericht = Bericht.objects.get(betreff=BV_BETREFF)
    version = bericht.versionen.get()
    inhalt = version.datei.read()

    assert bericht.status == BerichtStatus.FREIGEGEBEN
    assert bericht.gremium_anzeige == "Bezirksvertretung Hombruch"
    assert timezone.localtime(version.freigegeben_am).date().isoformat() == "2017-05-30"
    assert hashlib.sha256(inhalt).hexdigest() == version.sha256
    reader, seiten = pdf_lesen(inhalt)
    assert len(seiten) == version.seiten
    assert "Drucksache 07654-17" in seiten[0]
    assert "Menglinghausen" in " ".join(lesezeichen(reader))


def test_demo_entwurf_liegt_der_lenkungsgruppe_mit_kommentaren_vor(demo):
    from django.contrib.auth import get_user_model

    bericht = Bericht.objects.get(betreff=AUSSCHUSS_BETREFF)
    assert bericht.status == BerichtStatus.IN_BERATUNG
    assert sorted(f.quartier.slug for f in bericht.profilfassungen.all()) == ["derne", "menglinghausen"]
    assert bericht.kommentare.count() == 3
    assert bericht.kommentare.filter(antwort_auf__isnull=True, erledigt=False).count() == 1
    assert bericht in wartende_entwuerfe(get_user_model().objects.get(username="lenkungsgruppe"))


def test_demo_berichte_ein_zweiter_lauf_legt_nichts_an(demo):
    vorher = Bericht.objects.count()
    ergebnis = berichte_demo_anlegen()
    assert (ergebnis.versionen, ergebnis.kommentare, ergebnis.berichte) == (0, 0, vorher)

"""The demo evidence: Menglinghausen complete, the other reference quarters in part, repeatable.

The demo is written once for the module inside a transaction that is rolled back at the end.
"""

import io

from PIL import Image

from demo.begehungen import begehungen_demo_anlegen
from quartiersprofil.models import Antwort, Befund, Foto, Quartiersbegehung


def test_demo_menglinghausen_vollstaendig(demo):
    begehung = Quartiersbegehung.objects.get(quartier__slug="menglinghausen")
    felder = set(Befund.objects.filter(begehung=begehung).values_list("handlungsfeld__slug", flat=True))
    fotos = list(Foto.objects.filter(begehung=begehung))
    assert (len(felder), len(fotos)) == (6, 4)
    assert all(begehung.quartier.grenze.contains(f.standort) for f in fotos)
    assert begehung.route.geom_type == "MultiLineString"
    assert "Belege der Quartiersprofile: 4 Begehungen" in demo


def test_demo_fotos_ohne_metadaten(demo):
    foto = Foto.objects.filter(quartier__slug="menglinghausen").first()
    with foto.druck.open("rb") as f:
        daten = f.read()
    assert (dict(Image.open(io.BytesIO(daten)).getexif()), b"GPS" in daten) == ({}, False)


def test_demo_antworten_des_seniorenbueros_im_stadtbezirk_hombruch(demo):
    antworten = Antwort.objects.filter(quartier__slug="menglinghausen").select_related("seniorenbuero", "quartier")
    bueros = {a.seniorenbuero for a in antworten}
    (buero,) = bueros
    hombruch = antworten[0].quartier.stadtbezirk
    assert (hombruch.name, hombruch.geometrie.contains(buero.punkt), antworten.count()) == ("Hombruch", True, 7)


def test_demo_zweiter_lauf_aendert_nichts(demo):
    vorher = (Quartiersbegehung.objects.count(), Befund.objects.count(), Foto.objects.count(), Antwort.objects.count())
    historie = Befund.history.count() + Foto.history.count() + Antwort.history.count()

    ergebnis = begehungen_demo_anlegen()

    nachher = (Quartiersbegehung.objects.count(), Befund.objects.count(), Foto.objects.count(), Antwort.objects.count())
    assert (nachher, Befund.history.count() + Foto.history.count() + Antwort.history.count()) == (vorher, historie)
    assert ergebnis.seniorenbueros_angelegt == 0

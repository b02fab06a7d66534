"""``manage.py demo_daten``: the Dortmund demo on real PostGIS.

The command runs once for the whole module (``demo`` in ``conftest``), as the local demo
with DEBUG on; the tests that refuse it run without (pytest's default, DEBUG off).
"""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.gis.geos import MultiPolygon
from django.core.management import CommandError, call_command
from django.db.models import Sum

from demo.konten import DEMO_PASSWORT
from dwk.permissions import LENKUNGSGRUPPE, PARTNER, PROJEKTTEAM, RATSBUERO
from quartiere.models import (
    Ebene,
    Indikator,
    Kennzahl,
    Kommune,
    Quartier,
    QuartierUnterbezirk,
    Siedlungsepoche,
    Stadtbezirk,
    StatistischerBezirk,
    Unterbezirk,
)
from quartiere.queries import metrisch
from quartiere.queries.analyse import quartier_rohwerte
from tests.demo.test_buergerdialog import zeilenstand as buergerdialog_stand
from tests.demo.test_buergerdialog_bewertung import zeilenstand as bewertung_stand
from tests.demo.test_buergerdialog_dokumentation import zeilenstand as dokumentation_stand


def zeilenstand():
    """Everything the demo writes, as comparable plain values."""
    return {
        "kommunen": list(Kommune.objects.values_list("name", "gemeindeschluessel", "ist_demo")),
        "stadtbezirke": [(g.code, g.name, g.kommune_id, g.geometrie.wkt) for g in Stadtbezirk.objects.all()],
        "bezirke": [(g.code, g.name, g.stadtbezirk_id, g.geometrie.wkt) for g in StatistischerBezirk.objects.all()],
        "unterbezirke": [(g.code, g.name, g.bezirk_id, g.geometrie.wkt) for g in Unterbezirk.objects.all()],
        "quartiere": [
            (q.pk, q.slug, q.name, q.stadtbezirk_id, q.siedlungsepoche, q.status, q.auswahlbegruendung, q.grenze.wkt)
            for q in Quartier.objects.order_by("slug")
        ],
        "abdeckungen": list(
            QuartierUnterbezirk.objects.order_by("quartier__slug", "unterbezirk__code").values_list(
                "quartier__slug", "unterbezirk__code", "anteil"
            )
        ),
        "partner": sorted(Quartier.partner.through.objects.values_list("quartier__slug", "user__username")),
        "nutzer": sorted(
            get_user_model().objects.values_list("pk", "username", "is_staff", "is_superuser", "groups__name")
        ),
        "historie": (Quartier.history.count(), Kommune.history.count()),
    }


def test_demo_daten_anzahlen_wie_in_dortmund(demo):
    assert (Stadtbezirk.objects.count(), StatistischerBezirk.objects.count(), Unterbezirk.objects.count()) == (
        12,
        62,
        170,
    )


def test_demo_daten_kommune_ist_demo(demo):
    assert list(Kommune.objects.values_list("name", "gemeindeschluessel", "ist_demo")) == [
        ("Dortmund", "05913000", True)
    ]


def test_demo_daten_stadtbezirke_in_amtlicher_reihenfolge(demo):
    assert list(Stadtbezirk.objects.values_list("code", "name")) == [
        ("01", "Innenstadt-West"),
        ("02", "Innenstadt-Nord"),
        ("03", "Innenstadt-Ost"),
        ("04", "Eving"),
        ("05", "Scharnhorst"),
        ("06", "Brackel"),
        ("07", "Aplerbeck"),
        ("08", "Hörde"),
        ("09", "Hombruch"),
        ("10", "Lütgendortmund"),
        ("11", "Huckarde"),
        ("12", "Mengede"),
    ]


def test_demo_daten_bezirke_der_referenzquartiere_mit_echten_codes(demo):
    bezirke = StatistischerBezirk.objects.filter(code__in=["690", "210", "830", "740"]).order_by("code")
    assert [(b.code, b.name, b.stadtbezirk.name) for b in bezirke] == [
        ("210", "Derne", "Scharnhorst"),
        ("690", "Menglinghausen", "Hombruch"),
        ("740", "Marten", "Lütgendortmund"),
        ("830", "Jungferntal-Rahm", "Huckarde"),
    ]


def test_demo_daten_bezirkscodes_folgen_den_stadtbezirken(demo):
    # First digit of a district's code: 0 for the three Innenstadt districts, then 1 (Eving) … 9 (Mengede).
    gruppen = {}
    for code, stadtbezirk in StatistischerBezirk.objects.values_list("code", "stadtbezirk__code"):
        gruppen.setdefault(code[0], set()).add(stadtbezirk)
    assert gruppen == {
        "0": {"01", "02", "03"},
        **{str(ziffer): {f"{ziffer + 3:02d}"} for ziffer in range(1, 10)},
    }


def test_demo_daten_unterbezirke_zwei_bis_vier_je_bezirk_mit_bezirkscode(demo):
    for bezirk in StatistischerBezirk.objects.prefetch_related("unterbezirke"):
        codes = [u.code for u in bezirk.unterbezirke.all()]
        assert 2 <= len(codes) <= 4, bezirk
        assert codes == [f"{bezirk.code[:2]}{nummer}" for nummer in range(1, len(codes) + 1)]


def test_demo_daten_referenzquartiere_mit_stadtbezirk_und_epoche(demo):
    quartiere = Quartier.objects.filter(ist_referenzquartier=True).order_by("name")
    assert [(q.name, q.stadtbezirk.name, q.siedlungsepoche, q.partner.count() > 0) for q in quartiere] == [
        ("Derne", "Scharnhorst", Siedlungsepoche.ZWANZIGER_BIS_FUENFZIGER, True),
        ("Jungferntal", "Huckarde", Siedlungsepoche.GROSSWOHNSIEDLUNG, False),
        ("Marten", "Lütgendortmund", Siedlungsepoche.GRUENDERZEIT, False),
        ("Menglinghausen", "Hombruch", Siedlungsepoche.REIHENHAUSGEBIET, True),
    ]
    assert all(q.auswahlbegruendung.count(".") >= 2 for q in quartiere)


def test_demo_daten_kandidaten_zum_vergleich(demo):
    assert list(Quartier.objects.filter(ist_referenzquartier=False).values_list("name", "status")) == [
        ("Nordmarkt", "kandidat"),
        ("Scharnhorst-Ost", "kandidat"),
    ]


def test_demo_daten_quartiere_decken_unterbezirke_ab_auch_teilweise(demo):
    for quartier in Quartier.objects.all():
        eigene = set(Unterbezirk.objects.filter(bezirk__name__startswith=quartier.name).values_list("code", flat=True))
        abgedeckt = {a.unterbezirk.code: a.anteil for a in quartier.abdeckungen.select_related("unterbezirk")}
        assert abgedeckt, quartier
        assert eigene <= set(abgedeckt), quartier
    teilweise = QuartierUnterbezirk.objects.filter(anteil__lt=0.99, quartier__ist_referenzquartier=True)
    assert sorted(teilweise.values_list("quartier__name", flat=True)) == [
        "Derne",
        "Jungferntal",
        "Marten",
        "Menglinghausen",
    ]


def test_demo_daten_flaechen_ueberlappen_nicht_und_lassen_keine_luecken(demo):
    for ebene in (Stadtbezirk, StatistischerBezirk, Unterbezirk):
        flaechen = [metrisch(g.geometrie) for g in ebene.objects.all()]
        summe = sum(f.area for f in flaechen)
        stadt = MultiPolygon([p for f in flaechen for p in f], srid=flaechen[0].srid).unary_union
        assert summe == pytest.approx(stadt.area, rel=0.001), ebene
        assert stadt.geom_type == "Polygon", ebene
        assert stadt.area / 1_000_000 == pytest.approx(280, rel=0.05), ebene


def test_demo_daten_unterbezirke_fuellen_ihren_bezirk(demo):
    for bezirk in StatistischerBezirk.objects.prefetch_related("unterbezirke"):
        flaeche = metrisch(bezirk.geometrie)
        teile = [metrisch(u.geometrie) for u in bezirk.unterbezirke.all()]
        vereinigt = MultiPolygon([p for t in teile for p in t], srid=flaeche.srid).unary_union
        assert flaeche.sym_difference(vereinigt).area < 0.001 * flaeche.area, bezirk


def test_demo_daten_geometrien_gueltig(demo):
    geometrien = [
        *(g.geometrie for g in Stadtbezirk.objects.all()),
        *(g.geometrie for g in StatistischerBezirk.objects.all()),
        *(g.geometrie for g in Unterbezirk.objects.all()),
        *(q.grenze for q in Quartier.objects.all()),
    ]
    assert {(g.geom_type, g.srid, g.valid) for g in geometrien} == {("MultiPolygon", 4326, True)}


def test_demo_daten_liegen_in_dortmund(demo):
    lon_min, lat_min, lon_max, lat_max = MultiPolygon(
        [p for g in Stadtbezirk.objects.all() for p in g.geometrie], srid=4326
    ).extent
    assert (round(lon_min, 1), round(lat_min, 1), round(lon_max, 1), round(lat_max, 1)) == (7.3, 51.4, 7.6, 51.6)


def test_demo_daten_einwohner_der_stadt_des_seeds(demo):
    # The seed: "600.390 Einwohner in 09 2016"; the Stadtbezirke of Dortmund's size (36,000 to 59,000).
    einwohner = Kennzahl.objects.filter(indikator__schluessel="ew_gesamt", ebene=Ebene.UNTERBEZIRK)
    je_jahr = dict(einwohner.values_list("jahr").annotate(summe=Sum("wert")))
    je_stadtbezirk = einwohner.filter(jahr=2016).values_list("unterbezirk__bezirk__stadtbezirk__code")
    je_stadtbezirk = dict(je_stadtbezirk.annotate(summe=Sum("wert")))

    assert (sorted(je_jahr), je_jahr[2016]) == ([2012, 2013, 2014, 2015, 2016], 600_390)
    assert 570_000 < je_jahr[2012] < je_jahr[2016]
    assert (len(je_stadtbezirk), all(35_000 < wert < 60_000 for wert in je_stadtbezirk.values())) == (12, True)


def test_demo_daten_quartiere_mit_einigen_tausend_einwohnern(demo):
    ew = Indikator.objects.get(schluessel="ew_gesamt")
    einwohner = {
        quartier.slug: round(
            quartier_rohwerte(abdeckungen=quartier.abdeckungen.all(), indikator_ids=[ew.pk])[(ew.pk, 2016)]
        )
        for quartier in Quartier.objects.filter(ist_referenzquartier=True)
    }

    assert all(3_000 <= wert <= 12_000 for wert in einwohner.values()), einwohner
    assert min(einwohner, key=einwohner.get) == "menglinghausen"  # the small village at the city's edge


def test_demo_daten_nutzer_je_rolle(demo):
    nutzer = {u.username: u for u in get_user_model().objects.prefetch_related("groups")}
    assert {name: ([g.name for g in u.groups.all()], u.is_superuser) for name, u in nutzer.items()} == {
        "admin": ([], True),
        "projektteam": ([PROJEKTTEAM], False),
        "lenkungsgruppe": ([LENKUNGSGRUPPE], False),
        "ratsbuero": ([RATSBUERO], False),
        "partner": ([PARTNER], False),
    }
    assert {name: u.check_password(DEMO_PASSWORT) for name, u in nutzer.items()} == dict.fromkeys(nutzer, True)
    assert sorted(nutzer["partner"].partner_quartiere.values_list("name", flat=True)) == ["Derne", "Menglinghausen"]


def test_demo_daten_ausgabe_nennt_zugaenge_und_passwort(demo):
    zeilen = demo.splitlines()
    assert zeilen[1:3] == [
        "  Die Demo erzählt den Stand vom 16.10.2017 (`make run` setzt DWK_HEUTE auf diesen Tag).",
        "  12 Stadtbezirke, 62 statistische Bezirke, 170 Unterbezirke, zusammen 283,5 km²",
    ]
    assert (
        "  Kennzahlen 2012–2016: 8500 Werte der 170 Unterbezirke (8500 neu, 0 geändert); "
        "600.390 Einwohnerinnen und Einwohner 2016"
    ) in zeilen
    assert f"Anmeldungen — Passwort für alle: {DEMO_PASSWORT} (wird bei jedem Lauf wieder gesetzt)" in zeilen
    assert [zeile.split()[0] for zeile in zeilen[-5:]] == [
        "admin",
        "projektteam",
        "lenkungsgruppe",
        "ratsbuero",
        "partner",
    ]


def _alles():
    """Everything the demo writes, in every app (each app's test module names its part)."""
    return {
        "gebiete und konten": zeilenstand(),
        "buergerdialog": buergerdialog_stand(),
        "bewertung": bewertung_stand(),
        "dokumentation": dokumentation_stand(),
    }


def test_demo_daten_zweiter_lauf_aendert_nichts(demo):
    """A second run (`make run` again) changes no row in any app. One run for every app's check: the
    demo takes seconds."""
    vorher = _alles()
    call_command("demo_daten", stdout=StringIO())
    assert _alles() == vorher


def test_demo_daten_zweiter_lauf_setzt_demo_zugaenge_zurueck_und_laesst_fremde(demo):
    """A second run resets a demo account's password and groups, and leaves an account of the same
    name that is not a demo account (here: ``admin`` with a real address) as it is."""
    ratsbuero = get_user_model().objects.get(username="ratsbuero")
    ratsbuero.set_password("anders-und-lang-2024")
    ratsbuero.save()
    ratsbuero.groups.clear()
    fremd = get_user_model().objects.get(username="admin")
    fremd.email = "it@stadt.example"
    fremd.set_password("echtes-passwort-2024")
    fremd.save()
    ausgabe = StringIO()
    call_command("demo_daten", stdout=ausgabe)
    ratsbuero.refresh_from_db()
    fremd.refresh_from_db()
    assert (ratsbuero.check_password(DEMO_PASSWORT), list(ratsbuero.groups.values_list("name", flat=True))) == (
        True,
        [RATSBUERO],
    )
    assert (fremd.check_password("echtes-passwort-2024"), fremd.email) == (True, "it@stadt.example")
    assert "  admin           Administration  Jens Wiemers  (übersprungen: kein Demo-Zugang, bleibt unverändert)" in (
        ausgabe.getvalue().splitlines()
    )


def test_demo_daten_ueberschreibt_keine_amtlichen_gebiete(demo):
    Kommune.objects.create(name="Musterstadt", gemeindeschluessel="09999000", ist_demo=False)
    Quartier.objects.filter(slug="marten").update(status="umsetzung")
    fehler = StringIO()
    call_command("demo_daten", stdout=StringIO(), stderr=fehler)
    assert fehler.getvalue() == (
        "In dieser Datenbank sind amtliche Gebiete importiert; die Demodaten werden nicht darübergeschrieben. "
        "Es wurde nichts geändert.\n"
    )
    assert Quartier.objects.get(slug="marten").status == "umsetzung"


def test_demo_daten_ohne_debug_verweigert_und_schreibt_nichts(db, settings):
    settings.DEBUG = False  # a deployment; the module's demo runs as the local demo
    get_user_model().objects.filter(username="admin").delete()
    vorher = zeilenstand()

    with pytest.raises(CommandError) as fehler:
        call_command("demo_daten", stdout=StringIO())

    assert "deren Passwort veröffentlicht ist" in str(fehler.value)
    assert "--ich-weiss-was-ich-tue" in str(fehler.value)
    assert (zeilenstand(), get_user_model().objects.filter(username="admin").exists()) == (vorher, False)


def test_demo_daten_ohne_debug_nur_auf_ausdruecklichen_wunsch(demo, settings):
    settings.DEBUG = False
    get_user_model().objects.filter(username="admin").delete()

    call_command("demo_daten", "--ich-weiss-was-ich-tue", stdout=StringIO())

    admin = get_user_model().objects.get(username="admin")
    assert (admin.is_superuser, admin.check_password(DEMO_PASSWORT)) == (True, True)

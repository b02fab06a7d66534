"""The demo facilities: placed in the city, gaps in every reference quarter, repeatable.

Like ``test_demo_daten``, the demo is written once for the module inside a transaction
that is rolled back at the end.
"""

from demo.infrastruktur import (
    ANZAHLEN,
    DEMO_KENNUNG,
    LUECKEN,
    infrastruktur_demo_anlegen,
    infrastruktur_demo_erzeugen,
)
from quartiere.models import Infrastruktur, Quartier, Stadtbezirk
from quartiere.queries.abdeckung import erreichbarkeit_berechnen


def test_demo_legt_einrichtungen_in_der_stadt_an(demo):
    einrichtungen = Infrastruktur.objects.filter(quelle_hinweis__startswith=DEMO_KENNUNG)
    anzahl = einrichtungen.count()
    innerhalb = {e.pk for s in Stadtbezirk.objects.all() for e in einrichtungen.filter(punkt__within=s.geometrie)}
    assert sum(ANZAHLEN.values()) < anzahl < 1000
    assert len(innerhalb) == anzahl
    assert f"  {anzahl} Infrastruktureinrichtungen (erfunden)" in demo


def test_demo_referenzquartiere_haben_die_geplanten_luecken(demo):
    quartiere = list(Quartier.objects.filter(slug__in=LUECKEN))
    ergebnis = erreichbarkeit_berechnen(quartiere=quartiere)
    for quartier in quartiere:
        ohne = sorted(e.kategorie.slug for e in ergebnis[quartier.pk] if e.anzahl == 0 and e.ist_luecke)
        erreichbar = [e.kategorie.slug for e in ergebnis[quartier.pk] if not e.ist_luecke]
        assert set(LUECKEN[quartier.slug]) <= set(ohne), quartier.slug
        assert "haltestelle" in erreichbar, quartier.slug


def test_demo_zweiter_lauf_aendert_nichts(demo):
    geschichte = Infrastruktur.history.count()
    ergebnis = infrastruktur_demo_anlegen()
    assert (ergebnis.angelegt, ergebnis.aktualisiert, ergebnis.entfernt) == (0, 0, 0)
    assert Infrastruktur.history.count() == geschichte


def test_demo_ist_reproduzierbar(demo):
    def werte():
        return [(e.kategorie_id, e.name, e.punkt.coords, e.adresse, e.stand) for e in infrastruktur_demo_erzeugen()]

    assert werte() == werte()


def test_demo_laesst_andere_einrichtungen_stehen(demo):
    andere = Infrastruktur.objects.filter(quelle_hinweis__startswith=DEMO_KENNUNG).first()
    andere.quelle_hinweis = "Befragung der Seniorenbüros 2016"
    andere.save()
    ergebnis = infrastruktur_demo_anlegen()
    assert ergebnis.angelegt == 1  # the demo creates its own again …
    assert Infrastruktur.objects.filter(pk=andere.pk).exists()  # … and leaves the changed one alone

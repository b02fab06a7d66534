"""The demo city's generated walking network: fits the quarters, has what makes the difference, stays put."""

import pytest

from demo.gebiete import demo_daten_anlegen
from demo.infrastruktur import infrastruktur_demo_anlegen
from demo.wegenetz import wegenetz_demo_anlegen
from quartiere.models import Quartier
from wegenetz.models import Distanzfeld, Netzstand, Wegabschnitt
from wegenetz.queries.abdeckung import abdeckung_vergleich

pytestmark = pytest.mark.django_db


def test_demo_wegenetz_deterministisch_idempotent_und_mit_barrieren():
    demo_daten_anlegen()
    infrastruktur_demo_anlegen()
    ergebnis = wegenetz_demo_anlegen()

    assert ergebnis.neu
    assert ergebnis.distanzfelder == Distanzfeld.objects.count() > 0
    assert Wegabschnitt.objects.filter(ist_treppe=True).count() == Quartier.objects.count()
    assert Wegabschnitt.objects.filter(steigung_prozent=10).exists()
    assert Wegabschnitt.objects.filter(name="Bahnübergang").count() == Quartier.objects.count()
    netz = Netzstand.objects.get()

    zweiter = wegenetz_demo_anlegen()
    assert (zweiter.neu, zweiter.distanzfelder, zweiter.kanten) == (False, 0, ergebnis.kanten)
    assert Netzstand.objects.get().pk == netz.pk

    # The railway and the footbridge's steps make the rollator's coverage smaller than walking's somewhere.
    derne = Quartier.objects.get(slug="derne")
    vergleich = abdeckung_vergleich(quartier=derne)
    assert not vergleich.abdeckung.veraltet
    unterschiede = [z for z in vergleich.zeilen if dict(z.profile)["rollator"].anteil < dict(z.profile)["fuss"].anteil]
    assert unterschiede
    abweichend = [z for z in vergleich.zeilen if abs(z.luftlinie_prozent - dict(z.profile)["fuss"].prozent) > 5]
    assert abweichend

"""The city generator of the measurements (demo/grossstadt.py), built small."""

import io

import pytest
from django.core.management import CommandError, call_command

from buergerdialog.models import Ergebnis, Veranstaltung
from lenkungsgruppe.models import Sitzung
from quartiere.models import Infrastruktur, Kennzahl, Quartier, Stadtbezirk, StatistischerBezirk, Unterbezirk
from quartiersprofil.models import Foto, Profilfassung, ProfilStatus

KLEIN = {
    "stadtbezirke": 2,
    "bezirke": 5,
    "unterbezirke": 13,
    "kennzahlen": 18,
    "jahre": 2,
    "einrichtungen": 30,
    "quartiere": 2,
    "veranstaltungen": 2,
    "ergebnisse": 7,
    "sitzungen": 2,
    "fotos": 3,
    "profile": 1,
}


@pytest.mark.django_db
def test_kleine_grossstadt_hat_die_verlangten_anzahlen(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("demo_grossstadt", *[f"--{k}={v}" for k, v in KLEIN.items()], stdout=io.StringIO())

    assert Stadtbezirk.objects.count() == 2
    assert StatistischerBezirk.objects.count() == 5
    assert Unterbezirk.objects.count() == 13
    # Every count of the catalogue (10, plus 2 added to reach 18 indicators) × 13 Unterbezirke × 2 years.
    assert Kennzahl.objects.count() == 12 * 13 * 2
    assert Infrastruktur.objects.count() == 30
    assert Quartier.objects.count() == 2
    assert all(q.abdeckungen.exists() for q in Quartier.objects.all())
    assert (Veranstaltung.objects.count(), Ergebnis.objects.count(), Sitzung.objects.count()) == (2, 7, 2)
    assert Foto.objects.count() == 3
    # The first quarter's profile is written in full, every section's texts and evidence, and released.
    (fassung,) = Profilfassung.objects.all()
    assert (fassung.quartier.name, fassung.status) == ("Quartier 1", ProfilStatus.FREIGEGEBEN)
    assert fassung.belegstand is not None and fassung.freigegeben_von.has_usable_password() is False
    abschnitte = list(fassung.abschnitte.all())
    assert len(abschnitte) == 6
    assert all(a.bestand and a.staerken and a.handlungsbedarf and a.indikatoren.exists() for a in abschnitte)
    assert sum(a.fotos.count() for a in abschnitte) == Foto.objects.filter(quartier=fassung.quartier).count()
    # The Unterbezirke tile their statistische Bezirke without gaps or overlaps.
    for bezirk in StatistischerBezirk.objects.all():
        teile = [u.geometrie for u in bezirk.unterbezirke.all()]
        summe = sum(t.area for t in teile)
        assert summe == pytest.approx(bezirk.geometrie.area, rel=1e-6)


@pytest.mark.django_db
def test_grossstadt_nur_in_leerer_datenbank(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    call_command("demo_grossstadt", *[f"--{k}={v}" for k, v in KLEIN.items()], "--fotos=0", stdout=io.StringIO())
    with pytest.raises(CommandError, match="leere Datenbank"):
        call_command("demo_grossstadt", "--stadtbezirke=1", stdout=io.StringIO())

import pytest
from django.core.exceptions import ValidationError

from buergerdialog.models import Ergebnis, ErgebnisArt
from buergerdialog.models import VeranstaltungStatus as S
from buergerdialog.queries.ergebnisse import ergebnisse_liste, ergebnisse_zeilen
from buergerdialog.rules import ist_partner_der_veranstaltung
from buergerdialog.services.ergebnisse import ergebnis_erfassen, ergebnis_speichern, ergebnis_zuruecknehmen
from quartiere.models import Handlungsfeld
from tests.factories import ErgebnisFactory, PartnerkontoFactory, QuartierFactory, UserFactory, VeranstaltungFactory

pytestmark = pytest.mark.django_db


def _erfassen(veranstaltung, user, text, **felder):
    return ergebnis_erfassen(
        veranstaltung=veranstaltung,
        text=text,
        art=felder.pop("art", ErgebnisArt.IDEE),
        erfasst_von=user,
        von_partner=felder.pop("von_partner", False),
        **felder,
    )


def test_ergebnisse_erst_nach_der_veranstaltung(projektteam):
    veranstaltung = VeranstaltungFactory(status=S.EINGELADEN)
    with pytest.raises(ValidationError):
        _erfassen(veranstaltung, projektteam, "Mehr Bänke")
    veranstaltung.status = S.DURCHGEFUEHRT
    assert _erfassen(veranstaltung, projektteam, "  Mehr Bänke ").text == "Mehr Bänke"


def test_zuruecknehmen_nimmt_nur_die_letzte_eigene_karte(projektteam, partner):
    veranstaltung = VeranstaltungFactory(status=S.DURCHGEFUEHRT)
    erste = _erfassen(veranstaltung, projektteam, "eins")
    _erfassen(veranstaltung, projektteam, "zwei")
    fremde = _erfassen(veranstaltung, partner, "drei", von_partner=True)
    assert ergebnis_zuruecknehmen(veranstaltung=veranstaltung, erfasst_von=projektteam).text == "zwei"
    assert set(Ergebnis.objects.all()) == {erste, fremde}
    assert Ergebnis.history.filter(history_type="-").count() == 1
    ergebnis_zuruecknehmen(veranstaltung=veranstaltung, erfasst_von=projektteam)
    assert ergebnis_zuruecknehmen(veranstaltung=veranstaltung, erfasst_von=projektteam) is None
    assert list(Ergebnis.objects.all()) == [fremde]


def test_korrektur_durch_projektteam_laesst_partnermarke_stehen(partner, projektteam):
    veranstaltung = VeranstaltungFactory(status=S.DURCHGEFUEHRT)
    karte = _erfassen(veranstaltung, partner, "Treffpnkt", von_partner=True)
    karte.text = "Treffpunkt"
    ergebnis_speichern(ergebnis=karte)
    karte.refresh_from_db()
    assert (karte.text, karte.von_partner, karte.erfasst_von) == ("Treffpunkt", True, partner)


def test_filter_und_sortierung():
    veranstaltung = VeranstaltungFactory(status=S.DOKUMENTIERT)
    wohnen, gesundheit = Handlungsfeld.objects.order_by("reihenfolge")[:2]
    a = ErgebnisFactory(veranstaltung=veranstaltung, punkte=2, handlungsfeld=gesundheit, art=ErgebnisArt.KRITIK)
    b = ErgebnisFactory(veranstaltung=veranstaltung, punkte=7, handlungsfeld=wohnen)
    c = ErgebnisFactory(veranstaltung=veranstaltung, punkte=4, handlungsfeld=wohnen, art=ErgebnisArt.FRAGE)
    ErgebnisFactory(punkte=99)
    assert list(ergebnisse_liste(veranstaltung=veranstaltung)) == [b, c, a]
    assert list(ergebnisse_liste(veranstaltung=veranstaltung, handlungsfeld=wohnen.slug)) == [b, c]
    assert list(ergebnisse_liste(veranstaltung=veranstaltung, art="kritik")) == [a]
    assert list(ergebnisse_liste(veranstaltung=veranstaltung, art="x'; --")) == []
    assert list(ergebnisse_liste(veranstaltung=veranstaltung, gegenstand="1 OR 1=1")) == []
    assert list(ergebnisse_liste(veranstaltung=veranstaltung, sortierung="handlungsfeld")) == [b, c, a]
    assert list(ergebnisse_liste(veranstaltung=veranstaltung, sortierung="unsinn")) == [b, c, a]
    assert ergebnisse_zeilen([b])[0] == [1, b.text, "Idee", wohnen.name, "", "", 7, False]


def test_partner_nur_fuer_veranstaltungen_seiner_organisation():
    konto = PartnerkontoFactory()
    partner = konto.benutzer
    eigenes = QuartierFactory()
    eigenes.partner.add(partner)  # the quarter does not matter, the moderation does
    assert ist_partner_der_veranstaltung(partner, VeranstaltungFactory(moderation=[konto.organisation]))
    partner = UserFactory(username=partner.username)  # a fresh request: nothing cached on the user
    assert not ist_partner_der_veranstaltung(partner, VeranstaltungFactory(quartiere=[eigenes]))
    andere = PartnerkontoFactory().organisation
    assert not ist_partner_der_veranstaltung(partner, VeranstaltungFactory(moderation=[andere]))


def test_filter_und_sortierung_aller_veranstaltungen_eines_quartiers():
    quartier = QuartierFactory()
    erste = VeranstaltungFactory(quartiere=[quartier], status=S.DOKUMENTIERT)
    zweite = VeranstaltungFactory(quartiere=[quartier, QuartierFactory()], status=S.DOKUMENTIERT)
    wohnen = Handlungsfeld.objects.order_by("reihenfolge").first()
    a = ErgebnisFactory(veranstaltung=erste, punkte=2, art=ErgebnisArt.KRITIK)
    b = ErgebnisFactory(veranstaltung=zweite, punkte=7, handlungsfeld=wohnen)
    ErgebnisFactory(punkte=99)
    assert list(ergebnisse_liste(quartier=quartier)) == [b, a]
    assert list(ergebnisse_liste(quartier=quartier, sortierung="erfasst")) == [a, b]
    assert list(ergebnisse_liste(quartier=quartier, handlungsfeld=wohnen.slug)) == [b]
    assert list(ergebnisse_liste(quartier=quartier, art="kritik")) == [a]
    assert ergebnisse_zeilen([b], mit_veranstaltung=True)[0][:3] == [1, zweite.titel, b.text]
    with pytest.raises(TypeError):
        ergebnisse_liste(veranstaltung=erste, quartier=quartier)

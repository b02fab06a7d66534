"""Partner access by organisation: a partner account speaks for one organisation of the steering
group's register and sees and edits exactly the events that organisation moderates."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from buergerdialog.models import Ergebnis, Partnerkonto
from buergerdialog.models import VeranstaltungStatus as S
from buergerdialog.queries.veranstaltungen import meine_aufgaben, sichtbare_veranstaltungen
from buergerdialog.services.partner import partnerkonto_zuordnen
from dwk.permissions import LENKUNGSGRUPPE, PARTNER
from tests.factories import (
    ChecklistenpunktFactory,
    OrganisationFactory,
    PartnerkontoFactory,
    QuartierFactory,
    UserFactory,
    VeranstaltungFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def demo_tag(settings):
    settings.DWK_HEUTE = datetime.date(2017, 7, 20)


@pytest.fixture
def lage():
    """Two moderating organisations, a partner of the first, an event of each (both in the partner's quarter)."""
    konto = PartnerkontoFactory()
    quartier = QuartierFactory()
    quartier.partner.add(konto.benutzer)
    fremde_organisation = PartnerkontoFactory().organisation
    eigene = VeranstaltungFactory(
        quartiere=[quartier], titel="Eigene Werkstatt", status=S.DURCHGEFUEHRT, moderation=[konto.organisation]
    )
    fremde = VeranstaltungFactory(
        quartiere=[quartier], titel="Fremde Werkstatt", status=S.DURCHGEFUEHRT, moderation=[fremde_organisation]
    )
    return konto.benutzer, eigene, fremde


def test_partner_sieht_nur_die_veranstaltungen_seiner_organisation(client, lage):
    partner, eigene, fremde = lage
    assert list(sichtbare_veranstaltungen(user=partner)) == [eigene]
    client.force_login(partner)
    liste = client.get(reverse("buergerdialog:veranstaltung_liste")).content.decode()
    assert "Eigene Werkstatt" in liste and "Fremde Werkstatt" not in liste
    for veranstaltung, erwartet in ((eigene, 200), (fremde, 403)):
        for name in ("veranstaltung_detail", "ergebnis_liste", "ergebnis_erfassen", "anwesenheit"):
            url = reverse(f"buergerdialog:{name}", kwargs={"pk": veranstaltung.pk})
            assert (name, client.get(url).status_code) == (name, erwartet)


def test_partner_erfasst_nur_bei_seinen_veranstaltungen(client, lage):
    partner, eigene, fremde = lage
    client.force_login(partner)
    for veranstaltung, erwartet in ((eigene, 302), (fremde, 403)):
        url = reverse("buergerdialog:ergebnis_erfassen", kwargs={"pk": veranstaltung.pk})
        assert client.post(url, {"text": "Bank am Markt", "art": "idee"}).status_code == erwartet
    karte = Ergebnis.objects.get()
    assert (karte.veranstaltung, karte.von_partner, karte.erfasst_von) == (eigene, True, partner)
    url = reverse("buergerdialog:dokumentation_bearbeiten", kwargs={"pk": fremde.pk})
    assert client.post(url, {"text": "fremd", "programm": "", "bearbeitungsstand": ""}).status_code == 403


def test_partner_ohne_organisation_sieht_nichts(client):
    partner = UserFactory(rolle=PARTNER)
    quartier = QuartierFactory()
    quartier.partner.add(partner)
    veranstaltung = VeranstaltungFactory(quartiere=[quartier], moderation=[OrganisationFactory()])
    assert list(sichtbare_veranstaltungen(user=partner)) == []
    client.force_login(partner)
    assert client.get(veranstaltung.get_absolute_url()).status_code == 403


def test_zuordnung_nur_fuer_partnerkonten_und_ersetzt_die_alte():
    partner = UserFactory(rolle=PARTNER)
    erste, zweite = OrganisationFactory(), OrganisationFactory()
    partnerkonto_zuordnen(benutzer=partner, organisation=erste)
    partnerkonto_zuordnen(benutzer=partner, organisation=zweite)
    assert list(Partnerkonto.objects.values_list("benutzer", "organisation")) == [(partner.pk, zweite.pk)]
    mitglied = UserFactory(rolle=LENKUNGSGRUPPE)
    with pytest.raises(ValidationError) as fehler:
        partnerkonto_zuordnen(benutzer=mitglied, organisation=erste)
    assert fehler.value.message_dict == {
        "benutzer": ["Nur Konten mit der Rolle Partner können einer Organisation zugeordnet werden."]
    }
    assert not Partnerkonto.objects.filter(benutzer=mitglied).exists()


def test_meine_aufgaben_des_partners(client, lage):
    partner, eigene, fremde = lage
    organisation = partner.partnerkonto.organisation
    offen = ChecklistenpunktFactory(
        veranstaltung=eigene, titel="Material besorgen", verantwortlich_organisation=organisation
    )
    ChecklistenpunktFactory(
        veranstaltung=eigene, titel="Erledigt", verantwortlich_organisation=organisation, erledigt=True
    )
    ChecklistenpunktFactory(
        veranstaltung=fremde, titel="Fremde Veranstaltung", verantwortlich_organisation=organisation
    )
    ChecklistenpunktFactory(
        veranstaltung=eigene, titel="Andere Organisation", verantwortlich_organisation=OrganisationFactory()
    )
    assert list(meine_aufgaben(user=partner)) == [offen]
    assert list(meine_aufgaben(user=UserFactory(rolle=PARTNER))) == []
    client.force_login(partner)
    assert "Material besorgen" in client.get(reverse("buergerdialog:uebersicht")).content.decode()

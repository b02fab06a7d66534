import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from buergerdialog.models import Checklistenpunkt, Nachhaltigkeit, Veranstaltung, VeranstaltungFormat
from buergerdialog.models import VeranstaltungStatus as S
from buergerdialog.queries.veranstaltungen import meine_aufgaben, sichtbare_veranstaltungen, ueberfaellige_punkte
from buergerdialog.services.veranstaltungen import (
    UEBERGAENGE,
    VORLAGEN,
    checklistenpunkt_erledigen,
    nachhaltigkeit_speichern,
    veranstaltung_speichern,
    veranstaltung_status_setzen,
)
from tests.factories import (
    ChecklistenpunktFactory,
    MitgliedFactory,
    OrganisationFactory,
    PartnerkontoFactory,
    QuartierFactory,
    UserFactory,
    VeranstaltungFactory,
)

pytestmark = pytest.mark.django_db


def _zeitpunkt(tag, stunde=15):
    return timezone.make_aware(datetime.datetime.combine(tag, datetime.time(stunde)))


def _neu(format, tag, **felder):
    return Veranstaltung(format=format, titel=felder.pop("titel", "Veranstaltung"), beginn=_zeitpunkt(tag), **felder)


def test_neue_veranstaltung_bekommt_checkliste_ihres_formats():
    veranstaltung = veranstaltung_speichern(
        veranstaltung=_neu(VeranstaltungFormat.BUERGERWERKSTATT, datetime.date(2017, 11, 16))
    )
    punkte = list(veranstaltung.checkliste.order_by("reihenfolge"))
    assert [p.titel for p in punkte] == [str(t) for t, _ in VORLAGEN[VeranstaltungFormat.BUERGERWERKSTATT]]
    raum = punkte[0]
    assert (raum.tage_vorher, raum.faellig_am) == (42, datetime.date(2017, 10, 5))


def test_faelligkeit_folgt_dem_neuen_datum():
    veranstaltung = veranstaltung_speichern(
        veranstaltung=_neu(VeranstaltungFormat.PLANUNGSTREFFEN, datetime.date(2017, 2, 6))
    )
    veranstaltung.beginn = _zeitpunkt(datetime.date(2017, 2, 13))
    veranstaltung_speichern(veranstaltung=veranstaltung)
    assert sorted(veranstaltung.checkliste.values_list("faellig_am", flat=True)) == [
        datetime.date(2017, 1, 2),
        datetime.date(2017, 2, 11),
    ]


def test_fachworkshop_braucht_themengruppe_und_nur_er():
    with pytest.raises(ValidationError) as fehler:
        veranstaltung_speichern(veranstaltung=_neu(VeranstaltungFormat.FACHWORKSHOP, datetime.date(2016, 6, 1)))
    assert "themengruppe" in fehler.value.message_dict
    with pytest.raises(ValidationError):
        veranstaltung_speichern(
            veranstaltung=_neu(VeranstaltungFormat.RUNDER_TISCH, datetime.date(2016, 6, 1), themengruppe="I")
        )


@pytest.mark.parametrize("von", S.values)
@pytest.mark.parametrize("nach", S.values)
def test_statuswechsel_jedes_paar(settings, von, nach):
    settings.DWK_HEUTE = datetime.date(2017, 10, 16)
    veranstaltung = VeranstaltungFactory(status=von, beginn=_zeitpunkt(datetime.date(2017, 6, 29)))
    erlaubt = {
        ("planung", "eingeladen"),
        ("eingeladen", "planung"),
        ("eingeladen", "durchgefuehrt"),
        ("durchgefuehrt", "dokumentiert"),
        ("dokumentiert", "durchgefuehrt"),
        ("dokumentiert", "evaluiert"),
        ("evaluiert", "dokumentiert"),
    }
    assert {(v, n) for v, ziele in UEBERGAENGE.items() for n in ziele} == erlaubt
    if (von, nach) in erlaubt:
        veranstaltung_status_setzen(veranstaltung=veranstaltung, status=nach)
        veranstaltung.refresh_from_db()
        assert veranstaltung.status == nach
    else:
        with pytest.raises(ValidationError):
            veranstaltung_status_setzen(veranstaltung=veranstaltung, status=nach)
        veranstaltung.refresh_from_db()
        assert veranstaltung.status == von


def test_durchgefuehrt_erst_am_tag_der_veranstaltung(settings):
    settings.DWK_HEUTE = datetime.date(2017, 10, 16)
    veranstaltung = VeranstaltungFactory(status=S.EINGELADEN, beginn=_zeitpunkt(datetime.date(2017, 11, 16)))
    with pytest.raises(ValidationError):
        veranstaltung_status_setzen(veranstaltung=veranstaltung, status=S.DURCHGEFUEHRT)
    settings.DWK_HEUTE = datetime.date(2017, 11, 16)
    assert veranstaltung_status_setzen(veranstaltung=veranstaltung, status=S.DURCHGEFUEHRT).status == S.DURCHGEFUEHRT


def test_ueberfaellig_nach_heute(settings, projektteam):
    settings.DWK_HEUTE = datetime.date(2017, 10, 16)
    offen = ChecklistenpunktFactory(faellig_am=datetime.date(2017, 10, 15))
    ChecklistenpunktFactory(faellig_am=datetime.date(2017, 10, 16))
    erledigt = ChecklistenpunktFactory(faellig_am=datetime.date(2017, 10, 1))
    checklistenpunkt_erledigen(punkt=erledigt, erledigt=True)
    assert list(ueberfaellige_punkte(user=projektteam)) == [offen]
    assert erledigt.erledigt_am == datetime.date(2017, 10, 16)
    assert sichtbare_veranstaltungen(user=projektteam).get(pk=offen.veranstaltung_id).ueberfaellig == 1
    checklistenpunkt_erledigen(punkt=erledigt, erledigt=False)
    assert (erledigt.erledigt, erledigt.erledigt_am) == (False, None)


def test_meine_aufgaben_namentlich_und_ueber_die_organisation():
    user = UserFactory()
    organisation = OrganisationFactory()
    mitglied = MitgliedFactory(benutzer=user, organisation=organisation)
    eigene = ChecklistenpunktFactory(verantwortlich_mitglied=mitglied)
    der_organisation = ChecklistenpunktFactory(verantwortlich_organisation=organisation)
    ChecklistenpunktFactory(verantwortlich_organisation=organisation, verantwortlich_mitglied=MitgliedFactory())
    ChecklistenpunktFactory(verantwortlich_mitglied=mitglied, erledigt=True)
    ChecklistenpunktFactory()
    assert set(meine_aufgaben(user=user)) == {eigene, der_organisation}
    assert list(meine_aufgaben(user=UserFactory())) == []


def test_partner_sieht_nur_veranstaltungen_seiner_organisation(partner, lenkungsgruppe, ratsbuero):
    eigene = PartnerkontoFactory(benutzer=partner).organisation
    quartier = QuartierFactory()
    quartier.partner.add(partner)
    meine = VeranstaltungFactory(quartiere=[quartier], moderation=[eigene, OrganisationFactory()])
    VeranstaltungFactory(quartiere=[quartier], moderation=[OrganisationFactory()])
    VeranstaltungFactory()
    assert list(sichtbare_veranstaltungen(user=partner)) == [meine]
    assert sichtbare_veranstaltungen(user=lenkungsgruppe).count() == 3
    assert list(sichtbare_veranstaltungen(user=ratsbuero)) == []


def test_nachhaltigkeit_nur_fuer_angebotenen_gegenstand_und_kontakt_nur_mit_einwilligung():
    from buergerdialog.models import Beteiligungsgegenstand

    fest, boerse = Beteiligungsgegenstand.objects.order_by("reihenfolge")[:2]
    veranstaltung = VeranstaltungFactory()
    veranstaltung.gegenstaende.set([fest])
    with pytest.raises(ValidationError) as fehler:
        nachhaltigkeit_speichern(
            eintrag=Nachhaltigkeit(veranstaltung=veranstaltung, gegenstand=boerse, traeger_gruppe="Nachbarn")
        )
    assert "gegenstand" in fehler.value.message_dict
    with pytest.raises(ValidationError) as fehler:
        nachhaltigkeit_speichern(
            eintrag=Nachhaltigkeit(
                veranstaltung=veranstaltung, gegenstand=fest, traeger_gruppe="Nachbarn", kontakt="0231 123"
            )
        )
    assert "kontakt" in fehler.value.message_dict
    eintrag = nachhaltigkeit_speichern(
        eintrag=Nachhaltigkeit(
            veranstaltung=veranstaltung,
            gegenstand=fest,
            traeger_gruppe="Festkomitee",
            kontakt="0231 123",
            kontakt_einwilligung=True,
            naechster_termin=datetime.date(2017, 11, 2),
        )
    )
    assert Nachhaltigkeit.objects.get().pk == eintrag.pk


def test_kataloge_aus_der_datenmigration():
    from buergerdialog.models import Beteiligungsgegenstand, Motto

    assert Beteiligungsgegenstand.objects.count() == 12
    assert Beteiligungsgegenstand.objects.first().name.startswith("Ein Fest im Quartier")
    assert Beteiligungsgegenstand.objects.last().name == "Barrierefreier Bewegungspark / Umweltpfad"
    assert set(Motto.objects.values_list("text", flat=True)) >= {"Miteinander aktiv im Quartier"}
    assert Motto.objects.count() == 4


def test_aufschluesselung_nicht_groesser_als_die_zahl():
    veranstaltung = VeranstaltungFactory(teilnehmende_anzahl=10, alter_ab_80=6, alter_70_bis_79=5)
    with pytest.raises(ValidationError) as fehler:
        veranstaltung.full_clean()
    assert "alter_unter_60" in fehler.value.message_dict
    assert Checklistenpunkt.objects.count() == 0

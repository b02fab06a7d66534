"""The citizen dialogue's demo data: the seed's events on the seed's dates; a second run changes nothing."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from buergerdialog.models import Checklistenpunkt, Ergebnis, Nachhaltigkeit, Partnerkonto, Veranstaltung
from buergerdialog.queries.veranstaltungen import meine_aufgaben, sichtbare_veranstaltungen
from demo.zeit import DEMO_TAG, am_tag


def zeilenstand():
    """What the demo writes here, as comparable values (a second run of the demo must leave it: test_demo_daten)."""
    return {
        "veranstaltungen": list(
            Veranstaltung.objects.order_by("pk").values_list("pk", "titel", "status", "updated_at")
        ),
        "punkte": list(Checklistenpunkt.objects.order_by("pk").values_list("pk", "erledigt", "updated_at")),
        "ergebnisse": list(Ergebnis.objects.order_by("pk").values_list("pk", "text", "punkte", "updated_at")),
        "historie": (Veranstaltung.history.count(), Ergebnis.history.count(), Checklistenpunkt.history.count()),
        "partnerkonten": list(Partnerkonto.objects.values_list("pk", "benutzer", "organisation")),
    }


def test_die_veranstaltungen_des_seeds(demo):
    termine = {
        v.titel: (v.format, v.themengruppe, timezone.localtime(v.beginn).date(), v.status)
        for v in Veranstaltung.objects.all()
    }
    workshops = sorted((t[2], t[1]) for t in termine.values() if t[0] == "fachworkshop")
    assert [gruppe for _tag, gruppe in workshops] == ["I", "II", "III"]
    assert all(datetime.date(2016, 6, 1) <= tag <= datetime.date(2016, 9, 30) for tag, _ in workshops)
    assert termine["Planungstreffen Bürgerdialoge"][2] == datetime.date(2017, 2, 6)
    assert termine["Arbeitstreffen mit den Seniorenbüros"][:3] == (
        "informationsgespraech",
        "",
        datetime.date(2017, 3, 1),
    )
    assert termine["Bürgerwerkstatt Menglinghausen"][2:] == (datetime.date(2017, 6, 29), "dokumentiert")
    assert termine["Bürgerdialog Derne"][2:] == (datetime.date(2017, 7, 13), "dokumentiert")
    assert termine["Interviews mit Älteren in Marten"][0] == "interviewrunde"
    jungferntal = termine["Bürgerwerkstatt Jungferntal"]
    assert jungferntal[2] > DEMO_TAG and jungferntal[3] == "planung"
    planung = Veranstaltung.objects.get(titel="Planungstreffen Bürgerdialoge")
    assert [o.kurzname for o in planung.moderation.all()] == ["Stiftung Mitarbeit"]
    assert sorted(o.kurzname for o in planung.beobachtung.all()) == ["FFG", "TDC e.V."]


def test_dokumentierte_buergerdialoge_mit_karten_und_punkten(demo):
    for titel in ("Bürgerwerkstatt Menglinghausen", "Bürgerdialog Derne"):
        karten = Ergebnis.objects.filter(veranstaltung__titel=titel)
        assert 38 <= karten.count() <= 42
        assert karten.filter(punkte__gt=0).count() > 20
        assert karten.filter(handlungsfeld__isnull=True).count() == 0
        assert 5 < karten.filter(ort__isnull=False).count() < 30
    assert Ergebnis.objects.filter(von_partner=True, veranstaltung__titel="Bürgerdialog Derne").exists()
    assert not Ergebnis.objects.filter(von_partner=True, veranstaltung__titel="Bürgerwerkstatt Menglinghausen").exists()
    assert Nachhaltigkeit.objects.count() == 4
    derne = Veranstaltung.objects.get(titel="Bürgerdialog Derne")
    assert derne.teilnehmende_anzahl == 38
    derne.full_clean()  # the breakdown adds up


def test_jungferntal_checkliste_am_demotag(demo):
    lenkungsgruppe = get_user_model().objects.get(username="lenkungsgruppe")
    with am_tag(DEMO_TAG):
        aufgaben = list(meine_aufgaben(user=lenkungsgruppe))
        ueberfaellig = [
            p
            for p in Checklistenpunkt.objects.filter(veranstaltung__titel="Bürgerwerkstatt Jungferntal")
            if p.ist_ueberfaellig
        ]
    assert [(p.titel, p.veranstaltung.titel) for p in aufgaben] == [
        ("Runde Tische der Seniorenbüros informiert", "Bürgerwerkstatt Jungferntal")
    ]
    assert [p.titel for p in ueberfaellig] == ["Runde Tische der Seniorenbüros informiert"]
    assert (
        not Checklistenpunkt.objects.exclude(veranstaltung__titel="Bürgerwerkstatt Jungferntal")
        .filter(erledigt=False)
        .exists()
    )


def test_partner_sieht_die_von_der_stiftung_mitarbeit_moderierten(demo):
    partner = get_user_model().objects.get(username="partner")
    assert partner.partnerkonto.organisation.kurzname == "Stiftung Mitarbeit"
    titel = {v.titel for v in sichtbare_veranstaltungen(user=partner)}
    assert titel == {
        "Planungstreffen Bürgerdialoge",
        "Bürgerwerkstatt Menglinghausen",
        "Bürgerdialog Derne",
        "Bürgerwerkstatt Jungferntal",
    }
    # „Meine Aufgaben“ of the foundation's account: its open item of Jungferntal's checklist.
    assert [(p.veranstaltung.titel, p.titel) for p in meine_aufgaben(user=partner)] == [
        ("Bürgerwerkstatt Jungferntal", "Schlüsselpersonen eingeladen")
    ]


def test_ausgabe_nennt_den_buergerdialog(demo):
    assert "Bürgerdialog: 9 Veranstaltungen, 80 Ergebnisse" in demo

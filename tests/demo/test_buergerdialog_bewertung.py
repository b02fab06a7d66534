"""The demo of the review by the steering group: most members rated Menglinghausen and Derne, several
cards became measures, one went to „nordwärts“; the demo member's Derne review still waits; a second
run changes nothing."""

import datetime

from django.utils import timezone

from buergerdialog.models import Bewertungsrunde, ErgebnisBewertung, Umsetzung, Weitergabe
from buergerdialog.queries.bewertung import auswertung, offene_bewertungen
from demo.zeit import DEMO_TAG
from lenkungsgruppe.models import Mitglied, Tagesordnungspunkt
from quartiersprofil.models import Massnahme


def zeilenstand():
    """What the demo writes here, as comparable values (a second run of the demo must leave it: test_demo_daten)."""
    return {
        "runden": list(Bewertungsrunde.objects.order_by("pk").values_list("pk", "frist", "updated_at")),
        "bewertungen": list(
            ErgebnisBewertung.objects.order_by("pk").values_list("pk", "relevanz", "machbarkeit", "updated_at")
        ),
        "umsetzungen": list(Umsetzung.objects.order_by("pk").values_list("pk", "ergebnis", "massnahme")),
        "weitergaben": list(Weitergabe.objects.order_by("pk").values_list("pk", "updated_at")),
        "massnahmen": list(Massnahme.objects.order_by("pk").values_list("pk", "updated_at")),
        "historie": (ErgebnisBewertung.history.count(), Bewertungsrunde.history.count(), Massnahme.history.count()),
        "tagesordnung": list(Tagesordnungspunkt.objects.order_by("pk").values_list("pk", "titel", "updated_at")),
    }


def test_bewertungen_massnahmen_und_weitergabe(demo):
    runden = {r.veranstaltung.titel: r for r in Bewertungsrunde.objects.select_related("veranstaltung")}
    assert set(runden) == {"Bürgerwerkstatt Menglinghausen", "Bürgerdialog Derne"}
    aktive = Mitglied.objects.aktiv().count()
    for runde in runden.values():
        daten = auswertung(runde=runde)
        assert daten["anzahl_ergebnisse"] >= 35
        assert aktive / 2 < daten["anzahl_bewertende"] < aktive  # most members, not all
    assert Umsetzung.objects.filter(neu_angelegt=True).count() == 5
    assert Massnahme.objects.filter(herkunft="buergerdialog").count() >= 5
    weitergabe = Weitergabe.objects.get()
    assert (weitergabe.projekt.name, weitergabe.ergebnis.veranstaltung.titel) == ("nordwärts", "Bürgerdialog Derne")


def test_rangliste_als_tagesordnungspunkt_der_sitzung_nach_der_werkstatt(demo):
    [top] = Tagesordnungspunkt.objects.filter(titel__startswith="Ergebnisse der Bürgerwerkstatt")
    assert top.titel == "Ergebnisse der Bürgerwerkstatt „Bürgerwerkstatt Menglinghausen“"
    assert timezone.localdate(top.sitzung.beginn) == datetime.date(2017, 9, 20)
    assert top.quartier.slug == "menglinghausen"
    runde = Bewertungsrunde.objects.get(veranstaltung__titel="Bürgerwerkstatt Menglinghausen")
    erste = next(r for r in auswertung(runde=runde)["raenge"] if r.platz == 1)
    assert erste.ergebnis.text in top.beschreibung


def test_demo_mitglied_sieht_offene_bewertung(demo, settings):
    settings.DWK_HEUTE = DEMO_TAG
    benutzer = Mitglied.objects.get(benutzer__username="lenkungsgruppe").benutzer
    [offen] = offene_bewertungen(benutzer=benutzer)
    assert (offen["veranstaltung"].titel, offen["bewertet"]) == ("Bürgerdialog Derne", 0)

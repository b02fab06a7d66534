"""Services of the steering group: numbering, invitations, minutes, approval, decisions, tasks, ratings."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from lenkungsgruppe import services
from lenkungsgruppe.models import (
    AufgabeStatus,
    Beschluss,
    BeschlussArt,
    Fachplanung,
    FachplanungArt,
    Sitzung,
    Tagesordnungspunkt,
    TeilnahmeStatus,
)
from quartiere.models import Handlungsfeld, QuartierStatus
from tests.factories import (
    AufgabeFactory,
    FachplanungFactory,
    MitgliedFactory,
    QuartierFactory,
    SitzungFactory,
    TagesordnungspunktFactory,
)


def zeit(tag, stunde=14):
    return timezone.make_aware(datetime.datetime(2016, 3, tag, stunde))


def test_sitzung_speichern_vergibt_naechste_nummer_und_laedt_ein(db):
    SitzungFactory(nummer=6)
    mitglieder = MitgliedFactory.create_batch(2)
    sitzung = services.sitzung_speichern(
        sitzung=Sitzung(beginn=zeit(1), format="arbeitstreffen"), eingeladene=mitglieder
    )
    assert sitzung.nummer == 7
    assert sorted(sitzung.teilnahmen.values_list("mitglied_id", "status")) == sorted(
        (m.pk, TeilnahmeStatus.EINGELADEN) for m in mitglieder
    )
    assert sitzung.history.count() == 1


def test_sitzung_speichern_gleicht_eingeladene_ab(db):
    a, b, c = MitgliedFactory.create_batch(3)
    sitzung = services.sitzung_speichern(sitzung=Sitzung(beginn=zeit(1)), eingeladene=[a, b])
    services.sitzung_speichern(sitzung=sitzung, eingeladene=[b, c])
    assert set(sitzung.teilnahmen.values_list("mitglied_id", flat=True)) == {b.pk, c.pk}


def test_sitzung_speichern_ende_vor_beginn_abgelehnt(db):
    with pytest.raises(ValidationError):
        services.sitzung_speichern(sitzung=Sitzung(beginn=zeit(2), ende=zeit(1)))
    assert Sitzung.objects.count() == 0


def test_tagesordnungspunkt_wird_angehaengt(db):
    sitzung = SitzungFactory()
    TagesordnungspunktFactory(sitzung=sitzung, nummer=1)
    top = services.tagesordnungspunkt_speichern(tagesordnungspunkt=Tagesordnungspunkt(sitzung=sitzung, titel="Neu"))
    assert top.nummer == 2


def test_protokoll_speichern_schreibt_verlauf(db):
    top = TagesordnungspunktFactory()
    services.protokoll_speichern(tagesordnungspunkt=top, text="Erste Fassung")
    services.protokoll_speichern(tagesordnungspunkt=top, text="Zweite Fassung")
    assert list(top.history.order_by("history_date").values_list("protokoll", flat=True)) == [
        "",
        "Erste Fassung",
        "Zweite Fassung",
    ]


def test_protokoll_nach_genehmigung_gesperrt(db):
    spaeter = SitzungFactory(beginn=zeit(20))
    top = TagesordnungspunktFactory(sitzung=SitzungFactory(beginn=zeit(1)), protokoll="genehmigt")
    services.protokoll_genehmigen(sitzung=top.sitzung, in_sitzung=spaeter)
    with pytest.raises(ValidationError):
        services.protokoll_speichern(tagesordnungspunkt=top, text="nachträglich")
    top.refresh_from_db()
    assert top.protokoll == "genehmigt"


def test_protokoll_genehmigen_nur_in_spaeterer_sitzung(db):
    frueher, sitzung = SitzungFactory(beginn=zeit(1)), SitzungFactory(beginn=zeit(10))
    with pytest.raises(ValidationError):
        services.protokoll_genehmigen(sitzung=sitzung, in_sitzung=frueher)
    spaeter = SitzungFactory(beginn=zeit(20))
    services.protokoll_genehmigen(sitzung=sitzung, in_sitzung=spaeter)
    sitzung.refresh_from_db()
    assert sitzung.protokoll_genehmigt_in == spaeter
    with pytest.raises(ValidationError):
        services.protokoll_genehmigen(sitzung=sitzung, in_sitzung=spaeter)


def test_teilnahme_erfassen(db):
    a, b = MitgliedFactory.create_batch(2)
    sitzung = services.sitzung_speichern(sitzung=Sitzung(beginn=zeit(1)), eingeladene=[a, b])
    services.teilnahme_erfassen(
        sitzung=sitzung, status_je_mitglied={a.pk: TeilnahmeStatus.ANWESEND, b.pk: TeilnahmeStatus.ENTSCHULDIGT}
    )
    assert dict(sitzung.teilnahmen.values_list("mitglied_id", "status")) == {a.pk: "anwesend", b.pk: "entschuldigt"}
    with pytest.raises(ValidationError):
        services.teilnahme_erfassen(sitzung=sitzung, status_je_mitglied={MitgliedFactory().pk: "anwesend"})


def test_teilnahme_mit_vertretung(db):
    mitglied, vertretung = MitgliedFactory.create_batch(2)
    sitzung = services.sitzung_speichern(sitzung=Sitzung(beginn=zeit(1)), eingeladene=[mitglied])
    services.teilnahme_erfassen(
        sitzung=sitzung,
        status_je_mitglied={mitglied.pk: TeilnahmeStatus.ENTSCHULDIGT},
        vertretung_je_mitglied={mitglied.pk: vertretung},
    )
    assert list(sitzung.teilnahmen.values_list("status", "vertreten_durch")) == [("entschuldigt", vertretung.pk)]
    with pytest.raises(ValidationError):
        services.teilnahme_erfassen(
            sitzung=sitzung, status_je_mitglied={}, vertretung_je_mitglied={mitglied.pk: mitglied}
        )
    # Without a substitute named, the recorded one stays.
    services.teilnahme_erfassen(sitzung=sitzung, status_je_mitglied={mitglied.pk: TeilnahmeStatus.ENTSCHULDIGT})
    assert sitzung.teilnahmen.get().vertreten_durch == vertretung


def test_teilnahmeseite_erfasst_vertretung(client_projektteam):
    from django.urls import reverse

    mitglied, vertretung = MitgliedFactory.create_batch(2)
    sitzung = services.sitzung_speichern(sitzung=Sitzung(beginn=zeit(1)), eingeladene=[mitglied])
    url = reverse("lenkungsgruppe:teilnahme", args=[sitzung.pk])
    seite = client_projektteam.get(url)
    assert "vertreten durch" in seite.content.decode()
    antwort = client_projektteam.post(
        url,
        {
            f"mitglied_{mitglied.pk}": "entschuldigt",
            f"vertretung_{mitglied.pk}": str(vertretung.pk),
            "bearbeitungsstand": seite.context["form"].initial["bearbeitungsstand"],
        },
    )
    assert antwort.status_code == 302
    assert sitzung.teilnahmen.get().vertreten_durch == vertretung
    selbst = client_projektteam.post(
        url,
        {
            f"mitglied_{mitglied.pk}": "anwesend",
            f"vertretung_{mitglied.pk}": str(mitglied.pk),
            "bearbeitungsstand": client_projektteam.get(url).context["form"].initial["bearbeitungsstand"],
        },
    )
    assert "kann sich nicht selbst vertreten" in selbst.content.decode()


def test_einladung_versenden_an_eingeladene_mit_ics(db, django_capture_on_commit_callbacks):
    mit = MitgliedFactory(email="ruth.kemper@example.org", vorname="Ruth", nachname="Kemper")
    ohne = MitgliedFactory(email="")
    sitzung = services.sitzung_speichern(sitzung=Sitzung(beginn=zeit(8), ort="Rathaus"), eingeladene=[mit, ohne])
    TagesordnungspunktFactory(sitzung=sitzung, nummer=1, titel="Auswahl der Referenzquartiere")
    with django_capture_on_commit_callbacks(execute=True):
        empfaenger = services.einladung_versenden(sitzung=sitzung)
    assert empfaenger == ["ruth.kemper@example.org"]
    assert len(mail.outbox) == 1
    nachricht = mail.outbox[0]
    assert nachricht.to == ["ruth.kemper@example.org"]
    assert nachricht.subject == f"Einladung zur {sitzung.nummer}. Sitzung der Lenkungsgruppe am 08.03.2016"
    assert "TOP 1: Auswahl der Referenzquartiere" in nachricht.body
    assert "Guten Tag Ruth Kemper," in nachricht.body
    namen = [anhang[0] for anhang in nachricht.attachments]
    assert namen == [f"einladung-sitzung-{sitzung.nummer}.pdf", f"sitzung-{sitzung.nummer}.ics"]
    ics = nachricht.attachments[1]
    assert ics[2].startswith("text/calendar")
    inhalt = ics[1].decode() if isinstance(ics[1], bytes) else ics[1]
    assert "METHOD:REQUEST" in inhalt
    assert "mailto:ruth.kemper@example.org" in inhalt.replace("\r\n ", "")
    sitzung.refresh_from_db()
    assert sitzung.einladung_sequenz == 1
    assert sitzung.einladung_versendet_am is not None


def test_einladung_ohne_adressen_abgelehnt(db):
    sitzung = services.sitzung_speichern(sitzung=Sitzung(beginn=zeit(8)), eingeladene=[MitgliedFactory(email="")])
    with pytest.raises(ValidationError):
        services.einladung_versenden(sitzung=sitzung)
    assert mail.outbox == []


def test_beschluss_fassen_nummeriert_und_verknuepft(db):
    sitzung = SitzungFactory()
    felder = list(Handlungsfeld.objects.all())
    erster = services.beschluss_fassen(
        beschluss=Beschluss(
            titel="Handlungsfelder", text="Sechs Felder", art=BeschlussArt.HANDLUNGSFELDER, sitzung=sitzung
        ),
        handlungsfelder=felder,
    )
    zweiter = services.beschluss_fassen(beschluss=Beschluss(titel="Sonstiges", text="x", sitzung=sitzung))
    assert (erster.nummer, zweiter.nummer) == (1, 2)
    assert erster.handlungsfelder.count() == 6
    # Created, then the linked Handlungsfelder are recorded in the history as well.
    assert list(erster.history.order_by("history_date").values_list("history_type", flat=True)) == ["+", "~"]
    assert erster.history.latest().handlungsfelder.count() == 6


def test_beschluss_auswahl_referenzquartiere_markiert_quartiere(db):
    kandidat = QuartierFactory(ist_referenzquartier=False, status=QuartierStatus.KANDIDAT)
    anderer = QuartierFactory(ist_referenzquartier=False, status=QuartierStatus.KANDIDAT)
    beschluss = services.beschluss_fassen(
        beschluss=Beschluss(
            titel="Auswahl", text="Vier Quartiere", art=BeschlussArt.REFERENZQUARTIERE, sitzung=SitzungFactory()
        ),
        quartiere=[kandidat],
    )
    kandidat.refresh_from_db()
    anderer.refresh_from_db()
    assert (kandidat.ist_referenzquartier, kandidat.status) == (True, QuartierStatus.AUSGEWAEHLT)
    assert (anderer.ist_referenzquartier, anderer.status) == (False, QuartierStatus.KANDIDAT)
    assert list(kandidat.lenkungsgruppe_beschluesse.all()) == [beschluss]


def test_beschluss_abstimmung_braucht_stimmen(db):
    beschluss = Beschluss(titel="Abstimmung", text="x", sitzung=SitzungFactory(), einvernehmlich=False)
    with pytest.raises(ValidationError):
        services.beschluss_fassen(beschluss=beschluss)
    beschluss.ja, beschluss.nein, beschluss.enthaltungen = 12, 1, 2
    services.beschluss_fassen(beschluss=beschluss)
    assert str(beschluss.abstimmung) == "12 ja, 1 nein, 2 Enthaltungen"


def test_beschluss_top_aus_anderer_sitzung_abgelehnt(db):
    top = TagesordnungspunktFactory()
    with pytest.raises(ValidationError):
        services.beschluss_fassen(
            beschluss=Beschluss(titel="x", text="x", sitzung=SitzungFactory(), tagesordnungspunkt=top)
        )


def test_aufgabe_status_setzen_haelt_erledigt_am(db):
    aufgabe = AufgabeFactory()
    services.aufgabe_status_setzen(aufgabe=aufgabe, status=AufgabeStatus.ERLEDIGT)
    assert aufgabe.erledigt_am == timezone.localdate()
    services.aufgabe_status_setzen(aufgabe=aufgabe, status=AufgabeStatus.OFFEN)
    assert aufgabe.erledigt_am is None
    with pytest.raises(ValidationError):
        services.aufgabe_status_setzen(aufgabe=aufgabe, status="unbekannt")


def test_aufgabe_ueberfaellig(db):
    assert AufgabeFactory(faellig_am=datetime.date(2017, 1, 1)).ist_ueberfaellig is True
    assert AufgabeFactory(faellig_am=datetime.date(2017, 1, 1), status="erledigt").ist_ueberfaellig is False
    assert AufgabeFactory(faellig_am=None).ist_ueberfaellig is False


def test_fachplanung_bewerten_eigene_bewertungen(db):
    wohnen, mobilitaet, sicherheit = Handlungsfeld.objects.all()[:3]
    plan = FachplanungFactory(handlungsfelder=[wohnen, mobilitaet])
    mitglied, andere = MitgliedFactory.create_batch(2)
    services.fachplanung_bewerten(fachplanung=plan, mitglied=andere, bewertungen={wohnen: (2, "")})
    services.fachplanung_bewerten(
        fachplanung=plan, mitglied=mitglied, bewertungen={wohnen: (5, "zentral"), mobilitaet: (3, "")}
    )
    services.fachplanung_bewerten(fachplanung=plan, mitglied=mitglied, bewertungen={mobilitaet: (None, "")})
    assert sorted(plan.bewertungen.values_list("mitglied_id", "handlungsfeld_id", "relevanz", "kommentar")) == sorted(
        [(andere.pk, wohnen.pk, 2, ""), (mitglied.pk, wohnen.pk, 5, "zentral")]
    )
    with pytest.raises(ValidationError):
        services.fachplanung_bewerten(fachplanung=plan, mitglied=mitglied, bewertungen={sicherheit: (4, "")})
    with pytest.raises(ValidationError):
        services.fachplanung_bewerten(fachplanung=plan, mitglied=mitglied, bewertungen={wohnen: (6, "")})


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_fachplanung_pdf_wird_geprueft(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    plan = Fachplanung(titel="Masterplan Mobilität", art=FachplanungArt.MASTERPLAN)
    plan.datei = SimpleUploadedFile("plan.pdf", PDF, content_type="application/pdf")
    services.fachplanung_speichern(fachplanung=plan)
    assert plan.datei.read() == PDF

    falsch = Fachplanung(titel="Kein PDF", art=FachplanungArt.BERICHT)
    falsch.datei = SimpleUploadedFile("bericht.pdf", b"<html>kein pdf</html>", content_type="application/pdf")
    with pytest.raises(ValidationError) as fehler:
        services.fachplanung_speichern(fachplanung=falsch)
    assert fehler.value.message_dict["datei"] == ["Die Datei ist kein gültiges PDF-Dokument."]


def test_fachplanung_pdf_groessengrenze(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    plan = Fachplanung(titel="Zu groß", art=FachplanungArt.BERICHT)
    plan.datei = SimpleUploadedFile("gross.pdf", PDF[:-7] + b" " * (20 * 1024 * 1024) + b"%%EOF\n")
    with pytest.raises(ValidationError) as fehler:
        services.fachplanung_speichern(fachplanung=plan)
    assert fehler.value.message_dict["datei"] == ["Die Datei ist zu groß; erlaubt sind höchstens 20,0\xa0MB."]

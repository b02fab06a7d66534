"""The demo of documentation, evaluation and invitations: Menglinghausen and Derne released with about
25 questionnaires each, invitations only to consenting persons; a second run changes nothing."""

from buergerdialog.models import Dokumentation, Dokumentationsfoto, Einladung, EinladungWeg, Fragebogen
from buergerdialog.queries.dokumente import auswertung


def zeilenstand():
    """What the demo writes here, as comparable values (a second run of the demo must leave it: test_demo_daten)."""
    return {
        "dokumentationen": list(Dokumentation.objects.order_by("pk").values_list("pk", "updated_at")),
        "frageboegen": list(Fragebogen.objects.order_by("pk").values_list("pk", "zufriedenheit")),
        "einladungen": list(Einladung.objects.order_by("pk").values_list("pk", "am")),
        "fotos": list(Dokumentationsfoto.objects.order_by("pk").values_list("pk", "web")),
        "historie": Dokumentation.history.count(),
    }


def test_freigegebene_dokumentation_auswertung_und_einladungen(demo):
    dokumentationen = {d.veranstaltung.titel: d for d in Dokumentation.objects.select_related("veranstaltung")}
    assert set(dokumentationen) == {"Bürgerwerkstatt Menglinghausen", "Bürgerdialog Derne"}
    for dokumentation in dokumentationen.values():
        assert dokumentation.ist_freigegeben and dokumentation.freigegeben_am.year == 2017
        ergebnis = auswertung(veranstaltung=dokumentation.veranstaltung)
        assert 24 <= ergebnis.anzahl <= 27
        assert all(item.mittelwert and 3 <= item.mittelwert <= 5 for item in ergebnis.items)
        assert ergebnis.kommentare
        assert [f.bildunterschrift for f in dokumentation.fotos.filter(ergebnis=None)] == [
            "Pinnwand Wohnen und Wohnumfeld",
            "Pinnwand Mobilität und Nahversorgung",
        ]
        # The three best-voted cards have a photo of their pin board, through the photo pipeline.
        karten = list(dokumentation.veranstaltung.ergebnisse.order_by("-punkte", "pk")[:3])
        kartenfotos = list(dokumentation.fotos.exclude(ergebnis=None).order_by("pk"))
        assert [f.ergebnis for f in kartenfotos] == karten
        assert all(f.darf_veroeffentlicht_werden and f.web.name and f.druck.name for f in kartenfotos)
    einladungen = Einladung.objects.select_related("akteur")
    assert einladungen.exists()
    for einladung in einladungen:
        assert einladung.akteur.darf_eingeladen_werden
        assert einladung.weg == EinladungWeg.BRIEF or einladung.akteur.email
        assert einladung.am.year == 2017

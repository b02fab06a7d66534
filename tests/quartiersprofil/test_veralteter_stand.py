"""Lost updates in the quarter profile: A saves, then B saves from the older form and is refused;
A's change stays and B sees the newer version (one test per edit page)."""

import pytest
from django.urls import reverse

from quartiere.models import Handlungsfeld
from quartiersprofil.models import Befund, Frage, Gespraech, Massnahme, Quartiersbegehung, Quelle
from tests.factories import (
    BefundFactory,
    BegehungFactory,
    FrageFactory,
    GespraechFactory,
    MassnahmeFactory,
    QuelleFactory,
)

pytestmark = pytest.mark.django_db


def _stand(client, url, feld="bearbeitungsstand"):
    """The state the edit page hands out when it is opened (the hidden field's value)."""
    antwort = client.get(url)
    assert antwort.status_code == 200
    return antwort.context["form"].initial[feld]


def _a_dann_b(client, url, daten, feld, *, stand_feld="bearbeitungsstand", stand=None):
    """A and B opened the page at the same state; A saves first, then B. Returns B's answer."""
    stand = stand or _stand(client, url)
    erste = client.post(url, {**daten, feld: "Von A", stand_feld: stand})
    assert erste.status_code == 302, getattr(erste, "context", {}) and erste.context["form"].errors
    return client.post(url, {**daten, feld: "Von B", stand_feld: stand})


def _abgewiesen(antwort):
    assert antwort.status_code == 200
    form = antwort.context["form"]
    assert form.has_error("__all__", code="veraltet")
    assert form.andere_fassung is not None
    assert "Neuere Fassung vom" in antwort.content.decode()


def test_massnahme_veralteter_stand_abgewiesen(client_projektteam):
    massnahme = MassnahmeFactory()
    url = reverse("quartiersprofil:massnahme_bearbeiten", args=[massnahme.pk])
    daten = {
        "handlungsfeld": massnahme.handlungsfeld_id,
        "beschreibung": "",
        "prioritaet": massnahme.prioritaet,
        "verantwortlich": "",
        "kosten_schaetzung": "",
        "herkunft": massnahme.herkunft,
        "fortschritt": 0,
    }
    _abgewiesen(_a_dann_b(client_projektteam, url, daten, "titel"))
    assert Massnahme.objects.get(pk=massnahme.pk).titel == "Von A"


def test_befund_veralteter_stand_abgewiesen(client_projektteam):
    befund = BefundFactory(ort=None)
    url = reverse("quartiersprofil:befund_bearbeiten", args=[befund.pk])
    daten = {"handlungsfeld": befund.handlungsfeld_id, "art": befund.art, "ort": "", "breite": "", "laenge": ""}
    _abgewiesen(_a_dann_b(client_projektteam, url, daten, "text"))
    assert Befund.objects.get(pk=befund.pk).text == "Von A"


def test_begehung_veralteter_stand_abgewiesen(client_projektteam):
    begehung = BegehungFactory()
    url = reverse("quartiersprofil:begehung_bearbeiten", args=[begehung.pk])
    daten = {"datum": begehung.datum.isoformat(), "route": ""}
    _abgewiesen(_a_dann_b(client_projektteam, url, daten, "zusammenfassung"))
    assert Quartiersbegehung.objects.get(pk=begehung.pk).zusammenfassung == "Von A"


def test_quelle_veralteter_stand_abgewiesen(client_projektteam):
    quelle = QuelleFactory()
    url = reverse("quartiersprofil:quelle_bearbeiten", args=[quelle.pk])
    daten = {
        "art": quelle.art,
        "gesichtet_am": quelle.gesichtet_am.isoformat(),
        "notiz": "",
        "url": "",
        "auszuege-TOTAL_FORMS": "0",
        "auszuege-INITIAL_FORMS": "0",
    }
    _abgewiesen(_a_dann_b(client_projektteam, url, daten, "titel"))
    assert Quelle.objects.get(pk=quelle.pk).titel == "Von A"


def test_gespraech_veralteter_stand_abgewiesen(client_projektteam):
    gespraech = GespraechFactory()
    url = reverse("quartiersprofil:gespraech_bearbeiten", args=[gespraech.pk])
    daten = {"datum": gespraech.datum.isoformat(), "art": gespraech.art, "vereinbarungen": ""}
    _abgewiesen(_a_dann_b(client_projektteam, url, daten, "zusammenfassung"))
    assert Gespraech.objects.get(pk=gespraech.pk).zusammenfassung == "Von A"


def test_frage_veralteter_stand_abgewiesen(client_projektteam):
    """The questionnaire is one formset: a question someone else changed meanwhile is refused, and
    nothing of the questionnaire is saved."""
    frage = FrageFactory()
    zweite = FrageFactory(befragung=frage.befragung)
    url = reverse("quartiersprofil:fragen_bearbeiten", args=[frage.befragung_id])
    formset = client_projektteam.get(url).context["form"]
    staende = {f.instance.pk: f.initial["bearbeitungsstand"] for f in formset.forms if f.instance.pk}
    feld = Handlungsfeld.objects.order_by("reihenfolge").first().pk

    def daten(text_erste, text_zweite):
        return {
            "fragen-TOTAL_FORMS": "2",
            "fragen-INITIAL_FORMS": "2",
            **{
                f"fragen-{i}-{name}": wert
                for i, (f, text) in enumerate(((frage, text_erste), (zweite, text_zweite)))
                for name, wert in {
                    "id": f.pk,
                    "handlungsfeld": feld,
                    "text": text,
                    "reihenfolge": f.reihenfolge,
                    "bearbeitungsstand": staende[f.pk],
                }.items()
            },
        }

    assert client_projektteam.post(url, daten("Von A", zweite.text)).status_code == 302
    antwort = client_projektteam.post(url, daten("Von B", "Auch von B"))
    assert antwort.status_code == 200
    assert antwort.context["form"].forms[0].has_error("__all__", code="veraltet")
    assert Frage.objects.get(pk=frage.pk).text == "Von A"
    assert Frage.objects.get(pk=zweite.pk).text == zweite.text

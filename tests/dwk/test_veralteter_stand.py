"""Lost updates: every edit form refuses a stale save, and of two simultaneous saves exactly one wins.

``test_jede_bearbeitungsseite_prueft_den_stand`` walks every URL pattern of the project, so a new
edit page is covered without anyone remembering; ``test_gleichzeitiges_speichern_genau_einer_gewinnt``
lets two threads with two real database connections save the same task from the same state (in
``test_gleichzeitig_speichern``: a transactional test cannot share a module with the permission
matrix's state, which holds one transaction open for the whole module).
"""

import datetime
from html.parser import HTMLParser

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.views.generic.edit import BaseUpdateView, ModelFormMixin

from dwk.forms import VeralteterStandMixin
from dwk.views import FormularMixin
from lenkungsgruppe.models import Aufgabe
from tests.dwk.test_berechtigungen import MATRIX, benutzer  # noqa: F401 -- shared fixture
from tests.factories import AufgabeFactory


def _ansichten(resolver=None, namespace=""):
    """(URL name, view class) of every class-based view of the project (the admin aside)."""
    resolver = resolver or get_resolver()
    for eintrag in resolver.url_patterns:
        if isinstance(eintrag, URLResolver):
            if eintrag.namespace == "admin":
                continue
            ns = f"{namespace}{eintrag.namespace}:" if eintrag.namespace else namespace
            yield from _ansichten(eintrag, ns)
        elif isinstance(eintrag, URLPattern) and hasattr(eintrag.callback, "view_class"):
            yield f"{namespace}{eintrag.name}", eintrag.callback.view_class


def _mangel(name, ansicht, form_klasse):
    """What is missing for the edit page ``name`` to refuse stale and simultaneous saves ('' = nothing)."""
    fehlt = []
    if not issubclass(form_klasse, VeralteterStandMixin):
        fehlt.append(f"{form_klasse.__name__} ohne VeralteterStandMixin")
    modell = form_klasse._meta.model
    felder = {f.name: f for f in modell._meta.concrete_fields}
    if not getattr(felder.get("updated_at"), "auto_now", False):
        fehlt.append(f"{modell.__name__} ohne updated_at(auto_now=True)")
    if not issubclass(ansicht, FormularMixin):
        fehlt.append(f"{ansicht.__name__} nicht über FormularMixin")
    return f"{name}: {', '.join(fehlt)}" if fehlt else ""


def test_jede_update_view_prueft_den_stand():
    """Statically: every UpdateView-like page (a model form on an existing object) of every URL."""
    maengel = []
    for name, ansicht in _ansichten():
        if issubclass(ansicht, BaseUpdateView) or (
            issubclass(ansicht, ModelFormMixin) and not ansicht.__name__.endswith("CreateView")
        ):
            form_klasse = ansicht.form_class
            if form_klasse is None:
                maengel.append(f"{name}: {ansicht.__name__} ohne form_class (Formular aus fields=)")
                continue
            maengel.append(_mangel(name, ansicht, form_klasse))
    maengel = [m for m in maengel if m]
    assert maengel == [], "\n".join(maengel)


@pytest.fixture(scope="module")
def bearbeitungsseiten(matrix_stand, django_db_blocker):
    """Every URL of the permission matrix whose page (as Projektteam) shows a model form on an existing
    object — also FormViews that pass ``instance`` themselves — as ``{name: (url, view class, form
    class)}``. Found once for both tests below (each of the matrix's pages opened once, not once per
    test), in a savepoint of the matrix's state that is rolled back after."""
    client = Client()
    seiten = {}
    with django_db_blocker.unblock(), transaction.atomic():
        client.force_login(matrix_stand["benutzer"]["projektteam"])
        objekte = matrix_stand["objekte"]
        for name, (methode, kwargs, erwartet) in sorted(MATRIX.items()):
            if methode != "get" or erwartet["projektteam"] != 200:
                continue
            url = reverse(name, kwargs=kwargs(objekte) if callable(kwargs) else kwargs)
            antwort = client.get(url)
            form = (antwort.context or {}).get("form") if antwort.status_code == 200 else None
            if form is not None and getattr(form, "instance", None) and form.instance.pk:
                seiten[name] = (url, resolve(url).func.view_class, type(form))
        transaction.set_rollback(True)
    return seiten


def test_jede_bearbeitungsseite_prueft_den_stand(db, bearbeitungsseiten):
    """By the page itself: every page that shows a model form on an existing object. (``db``: it runs
    among the database tests, beside the next test, on the same worker: tests/conftest.py GRUPPEN.)"""
    assert "lenkungsgruppe:aufgabe_bearbeiten" in bearbeitungsseiten
    maengel = [_mangel(name, ansicht, form_klasse) for name, (_url, ansicht, form_klasse) in bearbeitungsseiten.items()]
    maengel = [m for m in maengel if m]
    assert maengel == [], "\n".join(maengel)


class _Formulare(HTMLParser):
    """The POST forms of a page with the values a browser would send (files aside)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.formulare, self._form, self._select, self._textarea = [], None, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and a.get("method", "").lower() == "post":
            self._form = []
            self.formulare.append(self._form)
        elif self._form is None or "disabled" in a:
            return
        elif tag == "input" and a.get("name") and a.get("type") not in ("file", "submit", "button"):
            if a.get("type") not in ("checkbox", "radio") or "checked" in a:
                self._form.append((a["name"], a.get("value", "on" if a.get("type") == "checkbox" else "")))
        elif tag == "select" and a.get("name"):
            self._select = a["name"]
        elif tag == "option" and self._select and "selected" in a:
            self._form.append((self._select, a.get("value", "")))
        elif tag == "textarea" and a.get("name"):
            self._textarea = [a["name"], ""]
            self._form.append(self._textarea)

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data


def _bearbeitungsformular(antwort):
    """What the edit form of the page sends, as a browser would (the form with the stale-edit field)."""
    leser = _Formulare()
    leser.feed(antwort.content.decode())
    for formular in leser.formulare:
        if any(name == "bearbeitungsstand" for name, _wert in formular):
            daten = {}
            for name, wert in formular:
                daten.setdefault(name, []).append(wert.removeprefix("\n") if isinstance(wert, str) else wert)
            return daten
    return None


def test_jede_bearbeitungsseite_weist_veralteten_stand_ab(client, benutzer, bearbeitungsseiten):  # noqa: F811
    """By behaviour: open every edit page as Projektteam, let someone else save the object in the
    meantime, send the form unchanged: it is refused as stale and nothing is saved."""
    client.force_login(benutzer["projektteam"])
    maengel, geprueft = [], []
    for name, (url, _ansicht, _form_klasse) in bearbeitungsseiten.items():
        antwort = client.get(url)
        form = antwort.context["form"]
        daten = _bearbeitungsformular(antwort)
        if daten is None:
            maengel.append(f"{name}: die Seite sendet kein bearbeitungsstand")
            continue
        modell = type(form.instance)
        if not any(f.name == "updated_at" for f in modell._meta.concrete_fields):
            maengel.append(f"{name}: {modell.__name__} ohne updated_at")
            continue
        anderer_stand = form.instance.updated_at + datetime.timedelta(seconds=1)
        modell._base_manager.filter(pk=form.instance.pk).update(updated_at=anderer_stand)  # someone else saved
        geprueft.append(name)
        antwort = client.post(url, daten)
        nachher = modell._base_manager.get(pk=form.instance.pk).updated_at
        form = (antwort.context or {}).get("form")
        if antwort.status_code != 200 or form is None or not form.has_error("__all__", code="veraltet"):
            maengel.append(f"{name}: veraltete Fassung nicht abgewiesen (Antwort {antwort.status_code})")
        elif nachher != anderer_stand:
            maengel.append(f"{name}: abgewiesen, aber trotzdem gespeichert")
    assert "lenkungsgruppe:aufgabe_bearbeiten" in geprueft
    assert maengel == [], "\n".join(maengel)


def test_veraltete_form_wird_abgewiesen(client_projektteam):
    """The ordinary case: A saves, then B saves from the older form and is refused; A's title stays."""
    aufgabe = AufgabeFactory(titel="Alt")
    url = reverse("lenkungsgruppe:aufgabe_bearbeiten", kwargs={"pk": aufgabe.pk})
    daten = {
        "verantwortlich_mitglied": aufgabe.verantwortlich_mitglied_id,
        "faellig_am": aufgabe.faellig_am.isoformat(),
        "status": aufgabe.status,
        "bearbeitungsstand": aufgabe.updated_at.isoformat(),
    }
    assert client_projektteam.post(url, {**daten, "titel": "Von A"}).status_code == 302
    antwort = client_projektteam.post(url, {**daten, "titel": "Von B"})
    assert antwort.status_code == 200
    assert antwort.context["form"].has_error("__all__", code="veraltet")
    assert Aufgabe.objects.get(pk=aufgabe.pk).titel == "Von A"

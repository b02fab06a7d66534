"""Line breaks in one-line fields (titles, names) are refused in every form of the project.

``test_jede_modelform_weist_zeilenumbrueche_ab`` walks every ModelForm class of our apps and the
admin's form of every registered model, so a new form is covered without anyone remembering.
"""

import pytest
from django import forms
from django.contrib import admin
from django.test import RequestFactory
from django.urls import get_resolver, reverse

from dwk.forms import ist_einzeilig
from lenkungsgruppe.models import Aufgabe
from tests.factories import AufgabeFactory, UserFactory

APPS = ("dwk", "quartiere", "lenkungsgruppe", "quartiersprofil", "buergerdialog", "berichte")
UMBRUECHE = ["Zeile\neins", "Zeile\rzwei", "Zeile\r\ndrei", "Zeile\u2028vier"]


def _unterklassen(klasse):
    for unter in klasse.__subclasses__():
        yield unter
        yield from _unterklassen(unter)


def _modelforms():
    """(name, form instance or class) of every ModelForm class of our apps (the admin's included)."""
    assert get_resolver().url_patterns  # imports every view module, and with it every form
    anfrage = RequestFactory().get("/")
    anfrage.user = UserFactory(username="admin-formulare", is_superuser=True, is_staff=True)
    for modell, modell_admin in admin.site._registry.items():
        if modell._meta.app_label in APPS:
            yield f"admin:{modell.__name__}", modell_admin.get_form(anfrage)
    for klasse in set(_unterklassen(forms.ModelForm)):
        if klasse.__module__.split(".")[0] in APPS and getattr(klasse._meta, "model", None):
            yield f"{klasse.__module__}.{klasse.__name__}", klasse


def _felder(klasse):
    """The fields as a form shows them (after its ``__init__``); where the form cannot be made
    without arguments or an object, its declared fields."""
    try:
        return klasse().fields
    except Exception:  # needs arguments (TypeError) or a related object; the class's fields then
        return klasse.base_fields


@pytest.mark.django_db
def test_jede_modelform_weist_zeilenumbrueche_ab():
    durchgelassen, geprueft = [], 0
    for name, klasse in _modelforms():
        for feldname, feld in _felder(klasse).items():
            if not isinstance(feld, forms.CharField) or not ist_einzeilig(feld.widget):
                continue
            geprueft += 1
            for wert in UMBRUECHE:
                try:
                    feld.clean(wert)
                except forms.ValidationError:
                    continue
                durchgelassen.append(f"{name}.{feldname}: {wert!r}")
    assert geprueft > 50
    assert durchgelassen == [], "\n".join(durchgelassen)


def test_mehrzeilige_felder_behalten_zeilenumbrueche():
    assert forms.CharField(widget=forms.Textarea).clean("Absatz eins\n\nAbsatz zwei") == "Absatz eins\n\nAbsatz zwei"
    feld = forms.CharField()
    feld.widget = forms.Textarea()  # a form may switch the widget in its __init__
    assert feld.clean("a\nb") == "a\nb"
    with pytest.raises(forms.ValidationError) as fehler:
        forms.CharField().clean("a\nb")
    assert fehler.value.code == "zeilenumbruch"


def test_titel_mit_zeilenumbruch_wird_nicht_gespeichert(client_projektteam):
    aufgabe = AufgabeFactory(titel="Alt")
    antwort = client_projektteam.post(
        reverse("lenkungsgruppe:aufgabe_bearbeiten", kwargs={"pk": aufgabe.pk}),
        {
            "titel": "Neu\nmit Umbruch",
            "verantwortlich_mitglied": aufgabe.verantwortlich_mitglied_id,
            "faellig_am": aufgabe.faellig_am.isoformat(),
            "status": aufgabe.status,
            "bearbeitungsstand": aufgabe.updated_at.isoformat(),
        },
    )
    assert antwort.status_code == 200
    assert antwort.context["form"].has_error("titel", code="zeilenumbruch")
    assert Aufgabe.objects.get(pk=aufgabe.pk).titel == "Alt"

"""Form helpers shared by every app."""

from django import forms
from django.utils.translation import gettext_lazy as _


class VeralteterStandMixin(forms.ModelForm):
    """Refuses to save a form that was filled in on an outdated state of its object.

    The form carries the object's ``updated_at`` from the moment it was opened (hidden field
    ``bearbeitungsstand``); when the object has been saved since, validation fails with a clear message and
    nothing is overwritten. The model needs an ``updated_at = DateTimeField(auto_now=True)``.
    Render ``{{ form.bearbeitungsstand }}`` in the template. ``andere_fassung`` then holds the newer object,
    so the template can show what the other person saved.
    """

    bearbeitungsstand = forms.CharField(widget=forms.HiddenInput, required=False)
    veraltet_meldung = _(
        "Dieser Eintrag wurde inzwischen von jemand anderem geändert. Ihre Änderungen wurden nicht "
        "gespeichert, damit nichts überschrieben wird. Unten sehen Sie die neuere Fassung; bitte "
        "übernehmen Sie Ihre Änderungen dort erneut."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.andere_fassung = None
        if self.instance.pk and not self.is_bound:
            self.initial["bearbeitungsstand"] = self.instance.updated_at.isoformat()

    def andere_fassung_angaben(self):
        """(label, value as text) of this form's fields in the newer version, for the template."""
        from django.contrib.gis.db.models import GeometryField
        from django.db.models import ManyToManyField

        if self.andere_fassung is None:
            return []
        angaben = []
        for name in self._meta.fields or []:
            feld = self.andere_fassung._meta.get_field(name)
            if isinstance(feld, GeometryField):
                continue
            if isinstance(feld, ManyToManyField):
                wert = ", ".join(str(o) for o in getattr(self.andere_fassung, name).all())
            elif feld.choices:
                wert = getattr(self.andere_fassung, f"get_{name}_display")()
            elif isinstance(getattr(self.andere_fassung, name), bool):
                wert = _("ja") if getattr(self.andere_fassung, name) else _("nein")
            else:
                wert = getattr(self.andere_fassung, name)
            angaben.append((feld.verbose_name, "–" if wert in (None, "") else wert))
        return angaben

    def clean(self):
        daten = super().clean()
        self.veralteten_stand_abweisen()
        return daten

    def veralteten_stand_abweisen(self, *, sperren=False):
        """Raises ``ValidationError(code="veraltet")`` when the object was saved after this form was opened.

        ``clean()`` calls it without a lock, so a stale form is refused early; ``FormularMixin.form_valid``
        calls it again with ``sperren=True`` inside the saving transaction: the row stays locked
        (``SELECT … FOR UPDATE``) until the save commits, so of two simultaneous saves from the same
        state exactly one wins and the other sees the newer ``updated_at``.
        """
        if not self.instance.pk:
            return
        zeilen = type(self.instance)._base_manager.filter(pk=self.instance.pk)
        if sperren:
            zeilen = zeilen.select_for_update()
        neuer = zeilen.first()
        stand = (self.cleaned_data or {}).get("bearbeitungsstand")
        if neuer is not None and stand != neuer.updated_at.isoformat():
            self.andere_fassung = neuer
            raise forms.ValidationError(self.veraltet_meldung, code="veraltet")


# What ``str.splitlines()`` splits on: CR, LF and the rarer separators an attacker may try instead.
ZEILENUMBRUECHE = "\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029"
ZEILENUMBRUCH_MELDUNG = _("Dieses Feld ist einzeilig: bitte ohne Zeilenumbruch eingeben.")


def ist_einzeilig(widget):
    """A visible one-line text input (text, e-mail, URL, number, search …), not a text area, a
    password, a hidden value or a file."""
    return isinstance(widget, forms.widgets.Input) and not isinstance(
        widget, forms.PasswordInput | forms.HiddenInput | forms.FileInput
    )


def einzeilige_textfelder_pruefen():
    """Every text field of every form shown as a one-line input refuses line breaks.

    A browser never sends one from ``<input type="text">`` (it strips them), so a line break there
    comes from a crafted request and would later break one-line places: titles in lists, CSV cells,
    file names, e-mail subjects. Django has no project-wide hook for form fields, so ``DwkConfig.ready``
    wraps ``forms.CharField.to_python`` once: it covers fields made from model fields and declared
    ones, in our forms and the admin's alike. The widget is looked at when the value is cleaned, so a
    form that switches a field to a ``Textarea`` keeps its line breaks.
    """
    if getattr(forms.CharField.to_python, "prueft_zeilenumbrueche", False):
        return
    bisher = forms.CharField.to_python

    def to_python(self, value):
        wert = bisher(self, value)
        if isinstance(wert, str) and ist_einzeilig(self.widget) and any(z in wert for z in ZEILENUMBRUECHE):
            raise forms.ValidationError(ZEILENUMBRUCH_MELDUNG, code="zeilenumbruch")
        return wert

    to_python.prueft_zeilenumbrueche = True
    forms.CharField.to_python = to_python


def https_als_standard(model_field, **kwargs):
    """``Meta.formfield_callback`` for ModelForms with links: a link typed without a scheme
    gets https:// (Django 6's default, and what every city's site uses)."""
    from django.db import models

    if isinstance(model_field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return model_field.formfield(**kwargs)


# For ModelAdmins of models with links: the same https default as ``https_als_standard``.
ADMIN_HTTPS_ALS_STANDARD = {"assume_scheme": "https"}

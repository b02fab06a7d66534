"""Role predicates shared by every app's ``rules.py``.

The roles are Django groups created by the data migration ``dwk/migrations/0001``;
superusers count as Projektteam.
"""

import rules
from rules.contrib.views import PermissionRequiredMixin

PROJEKTTEAM = "Projektteam"
LENKUNGSGRUPPE = "Lenkungsgruppe"
RATSBUERO = "Ratsbüro"
PARTNER = "Partner"
ROLLEN = [PROJEKTTEAM, LENKUNGSGRUPPE, RATSBUERO, PARTNER]


def _in_gruppe(name):
    @rules.predicate(name=f"in_gruppe_{name}")
    def predicate(user):
        if not user.is_authenticated:
            return False
        # Cache the group names on the user object: one query per request, not per check.
        if not hasattr(user, "_dwk_gruppen"):
            user._dwk_gruppen = set(user.groups.values_list("name", flat=True))
        return name in user._dwk_gruppen

    return predicate


ist_projektteam = rules.is_superuser | _in_gruppe(PROJEKTTEAM)
ist_lenkungsgruppe = _in_gruppe(LENKUNGSGRUPPE)
ist_ratsbuero = _in_gruppe(RATSBUERO)
ist_partner = _in_gruppe(PARTNER)
liest_alles = ist_projektteam | ist_lenkungsgruppe


def rollen_von(user):
    """The role names of ``user`` for display (superusers show as Projektteam)."""
    if not user.is_authenticated:
        return []
    gruppen = [rolle for rolle in ROLLEN if _in_gruppe(rolle)(user)]
    if user.is_superuser and PROJEKTTEAM not in gruppen:
        gruppen.insert(0, PROJEKTTEAM)
    return gruppen


class Geschuetzt(PermissionRequiredMixin):
    """View mixin: logged-in users without the permission get 403 (anonymous users never get
    this far: the LoginRequiredMiddleware sends them to the login page)."""

    raise_exception = True


class EinmalGeladenMixin:
    """For views with one object (``DetailView``, ``UpdateView``) behind ``Geschuetzt``: the object is
    read once, for the permission check (rules asks ``get_object()``) and for the page, not twice."""

    def get_object(self, queryset=None):
        if not hasattr(self, "_objekt"):
            self._objekt = super().get_object(queryset)
        return self._objekt


class KartenformularMixin:
    """Form views with django-leaflet map widgets: each widget writes an inline script, which the
    Content-Security-Policy runs only with this request's nonce."""

    def get_form(self, form_class=None):
        from leaflet.forms.widgets import LeafletWidget

        form = super().get_form(form_class)
        for feld in form.fields.values():
            if isinstance(feld.widget, LeafletWidget):
                feld.widget.csp_nonce = self.request.csp_nonce
        return form

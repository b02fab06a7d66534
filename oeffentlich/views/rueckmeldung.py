"""The feedback mechanism of the accessibility statement: a form that reaches Projektteam by e-mail.

No cookie may be set for anonymous visitors, so the form carries no CSRF token. Instead a POST is
accepted only from this site's own pages (``Origin`` or, without it, ``Referer`` names this host),
a field hidden from people must stay empty (robots fill it), and the service limits the number of
messages per hour, per sender and for the whole site, in the database (shared by every server).
Nothing of the message is stored (see ``services.rueckmeldung``).
"""

from urllib.parse import urlsplit

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt

from dwk.anmeldesperren import client_adresse
from dwk.http import nicht_speichern

from ..forms import RueckmeldungForm
from ..services import RueckmeldungAbgelehnt, rueckmeldung_senden
from .basis import oeffentliche_seite


def _von_dieser_seite(request) -> bool:
    herkunft = request.headers.get("Origin") or request.headers.get("Referer") or ""
    teile = urlsplit(herkunft)
    return bool(teile.netloc) and teile.netloc == request.get_host()


@method_decorator(csrf_exempt, name="dispatch")
@method_decorator(login_not_required, name="dispatch")
class RueckmeldungView(View):
    template_name = "oeffentlich/rueckmeldung.html"

    def get(self, request):
        return redirect("oeffentlich:pflichtseite", art="barrierefreiheit")

    def _seite(self, request, form, *, status, abgelehnt=False):
        antwort = render(request, self.template_name, {"form": form, "abgelehnt": abgelehnt}, status=status)
        return nicht_speichern(antwort)

    def post(self, request):
        form = RueckmeldungForm(request.POST)
        if not _von_dieser_seite(request):
            form.is_valid()
            form.add_error(None, "Bitte senden Sie das Formular von der Seite „Erklärung zur Barrierefreiheit“ ab.")
            return self._seite(request, form, status=403)
        if not form.is_valid():
            return self._seite(request, form, status=400)
        if form.cleaned_data["webseite"]:
            # A robot: answered like a person, sent nowhere.
            return redirect("oeffentlich:rueckmeldung_danke")
        try:
            rueckmeldung_senden(
                text=form.cleaned_data["text"],
                email=form.cleaned_data["email"],
                seite=form.cleaned_data["seite"],
                adresse=client_adresse(request),
            )
        except ValidationError as fehler:
            for feld, meldungen in fehler.message_dict.items():
                for meldung in meldungen:
                    form.add_error(feld if feld in form.fields else None, meldung)
            return self._seite(request, form, status=400)
        except RueckmeldungAbgelehnt:
            return self._seite(request, form, status=429, abgelehnt=True)
        return redirect("oeffentlich:rueckmeldung_danke")


@method_decorator(oeffentliche_seite, name="dispatch")
class RueckmeldungDankeView(View):
    def get(self, request):
        return render(request, "oeffentlich/rueckmeldung_danke.html")

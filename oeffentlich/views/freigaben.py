"""Projektteam's pages for what of the citizen dialogue is public: the events with their public
release (announce with a short text, change it, take it back) and the photos of a released
documentation (release with an alternative text, take back). The documentation itself and the
quarter profile are released in their own apps (``buergerdialog``, ``quartiersprofil``)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, UpdateView

from buergerdialog.models import Dokumentationsfoto, Veranstaltung
from dwk.views import FormularMixin
from dwk.zeit import jetzt

from ..forms import FotofreigabeForm, VeranstaltungsfreigabeForm
from ..models import Fotofreigabe, Veranstaltungsfreigabe
from ..queries import redaktion
from ..services import (
    foto_freigabe_zuruecknehmen,
    foto_freigeben,
    veranstaltung_freigabe_zuruecknehmen,
    veranstaltung_freigeben,
)
from .redaktion import NeuOderVorhandenMixin, Redaktion, VorschauMixin


class VeranstaltungListView(Redaktion, TemplateView):
    permission_required = "oeffentlich.add_veranstaltungsfreigabe"
    template_name = "oeffentlich/redaktion/veranstaltung_list.html"

    def get_context_data(self, **kwargs):
        veranstaltungen = list(redaktion.veranstaltungen_mit_freigabe())
        for veranstaltung in veranstaltungen:
            veranstaltung.dokumentation_freigegeben = redaktion.dokumentation_freigegeben(veranstaltung)
        return super().get_context_data(veranstaltungen=veranstaltungen, **kwargs)


class VeranstaltungBezugMixin:
    def veranstaltung(self):
        if not hasattr(self, "_veranstaltung"):
            self._veranstaltung = get_object_or_404(Veranstaltung, pk=self.kwargs["pk"])
        return self._veranstaltung

    def get_context_data(self, **kwargs):
        return super().get_context_data(veranstaltung=self.veranstaltung(), **kwargs)


class VeranstaltungFreigabeView(
    Redaktion, VeranstaltungBezugMixin, NeuOderVorhandenMixin, VorschauMixin, FormularMixin, UpdateView
):
    """Announce an event publicly with a short text, or change the text of its release."""

    permission_required = "oeffentlich.add_veranstaltungsfreigabe"
    form_class = VeranstaltungsfreigabeForm
    template_name = "oeffentlich/redaktion/veranstaltungsfreigabe_form.html"

    def vorhandenes(self):
        return Veranstaltungsfreigabe.objects.filter(veranstaltung=self.veranstaltung()).first()

    def neues(self):
        return Veranstaltungsfreigabe(veranstaltung=self.veranstaltung(), freigegeben_am=jetzt())

    def get_titel(self):
        if self.object.pk:
            return _("Öffentliche Ankündigung bearbeiten")
        return _("Veranstaltung öffentlich ankündigen")

    def get_zurueck_url(self):
        return reverse("redaktion:veranstaltung_liste")

    def get_success_url_fuer(self, objekt):
        return reverse("redaktion:veranstaltung_liste")

    def get_erfolgsmeldung(self, objekt):
        return _("„%(titel)s“ ist öffentlich angekündigt: auf den Projektseiten, im Kalender und als Flyer.") % {
            "titel": self.veranstaltung().titel
        }

    def speichern(self, form):
        return veranstaltung_freigeben(
            veranstaltung=self.veranstaltung(),
            kurztext=form.cleaned_data["kurztext"],
            von=self.request.user,
            nur_anlegen=self.nur_anlegen(form),
        )


class VeranstaltungFreigabeZuruecknehmenView(Redaktion, VeranstaltungBezugMixin, TemplateView):
    """Asks first; a POST takes the event off the public pages (with its photos' releases)."""

    permission_required = "oeffentlich.delete_veranstaltungsfreigabe"
    template_name = "oeffentlich/redaktion/zuruecknehmen.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            titel=_("„%(titel)s“ nicht mehr öffentlich zeigen") % {"titel": self.veranstaltung().titel},
            hinweis=_(
                "Die Veranstaltung verschwindet von den öffentlichen Seiten und aus dem Kalender; die Freigaben "
                "ihrer Fotos werden mit zurückgenommen. In der Anwendung bleibt sie erhalten."
            ),
            zurueck=reverse("redaktion:veranstaltung_liste"),
            **kwargs,
        )

    def post(self, request, pk):
        veranstaltung_freigabe_zuruecknehmen(veranstaltung=self.veranstaltung())
        messages.success(request, _("„%(titel)s“ ist nicht mehr öffentlich.") % {"titel": self.veranstaltung().titel})
        return redirect("redaktion:veranstaltung_liste")


class FotoListView(Redaktion, VeranstaltungBezugMixin, TemplateView):
    """The photos of an event's documentation with their public release and why one cannot be released."""

    permission_required = "oeffentlich.add_fotofreigabe"
    template_name = "oeffentlich/redaktion/foto_list.html"

    def get_context_data(self, **kwargs):
        veranstaltung = self.veranstaltung()
        return super().get_context_data(
            fotos=list(redaktion.fotos_der_veranstaltung(veranstaltung=veranstaltung)),
            ist_oeffentlich=Veranstaltungsfreigabe.objects.filter(veranstaltung=veranstaltung).exists(),
            dokumentation_freigegeben=redaktion.dokumentation_freigegeben(veranstaltung),
            **kwargs,
        )


class FotoBezugMixin:
    def foto(self):
        if not hasattr(self, "_foto"):
            self._foto = get_object_or_404(
                Dokumentationsfoto.objects.select_related("dokumentation__veranstaltung"), pk=self.kwargs["pk"]
            )
        return self._foto

    def get_context_data(self, **kwargs):
        foto = self.foto()
        return super().get_context_data(foto=foto, veranstaltung=foto.dokumentation.veranstaltung, **kwargs)

    def zur_liste(self):
        return reverse("redaktion:foto_liste", kwargs={"pk": self.foto().dokumentation.veranstaltung_id})


class FotoFreigabeView(Redaktion, FotoBezugMixin, NeuOderVorhandenMixin, FormularMixin, UpdateView):
    """Release a photo for the public with its alternative text, or change the text."""

    permission_required = "oeffentlich.add_fotofreigabe"
    form_class = FotofreigabeForm
    template_name = "oeffentlich/redaktion/fotofreigabe_form.html"
    titel = gettext_lazy("Foto öffentlich zeigen")
    erfolgsmeldung = gettext_lazy("Das Foto ist freigegeben und auf der öffentlichen Dokumentation zu sehen.")

    def vorhandenes(self):
        return Fotofreigabe.objects.filter(foto=self.foto()).first()

    def neues(self):
        return Fotofreigabe(foto=self.foto(), freigegeben_am=jetzt())

    def get_zurueck_url(self):
        return self.zur_liste()

    def get_success_url_fuer(self, objekt):
        return self.zur_liste()

    def speichern(self, form):
        try:
            return foto_freigeben(
                foto=self.foto(),
                alternativtext=form.cleaned_data["alternativtext"],
                von=self.request.user,
                nur_anlegen=self.nur_anlegen(form),
            )
        except ValidationError as fehler:
            if fehler.code == "veraltet":
                raise
            raise ValidationError(fehler.messages) from fehler


class FotoFreigabeZuruecknehmenView(Redaktion, FotoBezugMixin, TemplateView):
    permission_required = "oeffentlich.delete_fotofreigabe"
    template_name = "oeffentlich/redaktion/zuruecknehmen.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            titel=_("Foto nicht mehr öffentlich zeigen"),
            hinweis=_("Das Foto verschwindet von der öffentlichen Dokumentation; in der Anwendung bleibt es erhalten."),
            zurueck=self.zur_liste(),
            **kwargs,
        )

    def post(self, request, pk):
        foto_freigabe_zuruecknehmen(foto=self.foto())
        messages.success(request, _("Das Foto ist nicht mehr öffentlich."))
        return redirect(self.zur_liste())

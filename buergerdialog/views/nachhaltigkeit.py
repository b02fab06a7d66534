"""Who carries a participation subject on after the event."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django.views.generic import CreateView, UpdateView

from dwk.views import FormularMixin

from ..forms import NachhaltigkeitForm
from ..models import Nachhaltigkeit
from ..services import veranstaltungen as dienste
from .basis import FORMULAR, VeranstaltungBezugMixin


class NachhaltigkeitMixin(VeranstaltungBezugMixin, FormularMixin):
    permission_required = "buergerdialog.change_veranstaltung"
    form_class = NachhaltigkeitForm
    template_name = FORMULAR
    erfolgsmeldung = _("Die Weiterführung von „%(objekt)s“ ist gespeichert.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "veranstaltung": self.get_veranstaltung()}

    def get_zurueck_url(self):
        return self.get_veranstaltung().get_absolute_url() + "#nachhaltigkeit"

    def speichern(self, form):
        return dienste.nachhaltigkeit_speichern(eintrag=form.instance)


class NachhaltigkeitCreateView(NachhaltigkeitMixin, CreateView):
    def get_titel(self):
        return _("Weiterführung nach „%(titel)s“") % {"titel": self.get_veranstaltung().titel}


class NachhaltigkeitUpdateView(NachhaltigkeitMixin, UpdateView):
    veranstaltung_kwarg = "veranstaltung_pk"

    def get_object(self, queryset=None):
        return get_object_or_404(Nachhaltigkeit, pk=self.kwargs["pk"], veranstaltung=self.get_veranstaltung())

    def get_titel(self):
        return _("Weiterführung bearbeiten: %(gegenstand)s") % {"gegenstand": self.object.gegenstand}

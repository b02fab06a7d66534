"""The public pages' models and services: releases only of what may be public, clear errors,
nothing half saved; the admin lists every model."""

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse

from buergerdialog.models import DokumentationStatus
from oeffentlich.models import Fotofreigabe, Neuigkeit, Rueckmeldungszaehler
from oeffentlich.services import foto_freigeben, neuigkeit_speichern, veranstaltung_freigabe_zuruecknehmen
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_foto_nur_aus_freigegebener_dokumentation_einer_oeffentlichen_veranstaltung():
    foto = f.DokumentationsfotoFactory()
    with pytest.raises(ValidationError, match="nicht zur Veröffentlichung markiert"):
        foto_freigeben(foto=foto, alternativtext="Pinnwand")
    foto.darf_veroeffentlicht_werden = True
    foto.save()
    with pytest.raises(ValidationError, match="erst nach deren Freigabe"):
        foto_freigeben(foto=foto, alternativtext="Pinnwand")
    foto.dokumentation.status = DokumentationStatus.FREIGEGEBEN
    foto.dokumentation.save()
    with pytest.raises(ValidationError, match="nicht öffentlich"):
        foto_freigeben(foto=foto, alternativtext="Pinnwand")
    assert Fotofreigabe.objects.count() == 0
    f.VeranstaltungsfreigabeFactory(veranstaltung=foto.dokumentation.veranstaltung)
    assert foto_freigeben(foto=foto, alternativtext="Pinnwand").foto == foto
    veranstaltung_freigabe_zuruecknehmen(veranstaltung=foto.dokumentation.veranstaltung)
    assert Fotofreigabe.objects.count() == 0


def test_neuigkeit_bekommt_eindeutiges_kuerzel_und_fehler_sagen_wo():
    erste = neuigkeit_speichern(titel="Große Pläne für Hörde", text="Text", veroeffentlicht_am=None)
    zweite = neuigkeit_speichern(titel="Große Pläne für Hörde", text="Text", veroeffentlicht_am=None)
    assert (erste.slug, zweite.slug) == ("grosse-plaene-fuer-hoerde", "grosse-plaene-fuer-hoerde-2")
    with pytest.raises(ValidationError) as fehler:
        neuigkeit_speichern(titel="", text="", veroeffentlicht_am=None)
    assert set(fehler.value.message_dict) == {"titel", "text"}
    assert Neuigkeit.objects.count() == 2


# The feedback counters are the service's own bookkeeping (numbers of the current hour), not content.
INHALTE = [m._meta.model_name for m in apps.get_app_config("oeffentlich").get_models() if m is not Rueckmeldungszaehler]


def test_zaehler_hat_keine_textspalte():
    """Nothing a sender typed or where they came from can land in the counters."""
    felder = Rueckmeldungszaehler._meta.concrete_fields
    assert [f.name for f in felder if f.get_internal_type() in ("CharField", "TextField", "JSONField")] == []


@pytest.mark.parametrize("modell", INHALTE)
def test_admin_listet_jedes_modell(client, superuser, modell):
    client.force_login(superuser)
    assert client.get(reverse(f"admin:oeffentlich_{modell}_changelist")).status_code == 200
    assert client.get(reverse(f"admin:oeffentlich_{modell}_add")).status_code == 200

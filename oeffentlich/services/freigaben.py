"""Releases for the public: an event of the citizen dialogue, a photo of a released documentation."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from buergerdialog.models import Dokumentationsfoto, Veranstaltung
from dwk.zeit import jetzt

from ..models import Fotofreigabe, Veranstaltungsfreigabe
from .inhalte import pruefen, schon_angelegt


@transaction.atomic
def veranstaltung_freigeben(
    *,
    veranstaltung: Veranstaltung,
    kurztext: str = "",
    von: AbstractBaseUser | None = None,
    nur_anlegen: bool = False,
) -> Veranstaltungsfreigabe:
    """Announce ``veranstaltung`` publicly (its date, place, accessibility, flyer and calendar
    entry) with the public ``kurztext``; a second call updates the text (with ``nur_anlegen`` it is
    refused, ``inhalte.schon_angelegt``). One row."""
    freigabe = Veranstaltungsfreigabe.objects.filter(veranstaltung=veranstaltung).first()
    schon_angelegt(freigabe, nur_anlegen=nur_anlegen)
    if freigabe is None:
        freigabe = Veranstaltungsfreigabe(veranstaltung=veranstaltung, freigegeben_am=jetzt(), freigegeben_von=von)
    freigabe.kurztext = kurztext
    pruefen(freigabe)
    freigabe.save()
    return freigabe


@transaction.atomic
def veranstaltung_freigabe_zuruecknehmen(*, veranstaltung: Veranstaltung) -> None:
    """Take ``veranstaltung`` off the public pages (deletes its release and the releases of its
    documentation's photos)."""
    Fotofreigabe.objects.filter(foto__dokumentation__veranstaltung=veranstaltung).delete()
    Veranstaltungsfreigabe.objects.filter(veranstaltung=veranstaltung).delete()


@transaction.atomic
def foto_freigeben(
    *,
    foto: Dokumentationsfoto,
    alternativtext: str,
    von: AbstractBaseUser | None = None,
    nur_anlegen: bool = False,
) -> Fotofreigabe:
    """Mark ``foto`` publishable with its public ``alternativtext``. Only photos of a released
    documentation of a released event (``Fotofreigabe.clean``); otherwise ValidationError, nothing
    saved; with ``nur_anlegen`` also when it is released already (``inhalte.schon_angelegt``). One row."""
    vorhanden = Fotofreigabe.objects.filter(foto=foto).first()
    schon_angelegt(vorhanden, nur_anlegen=nur_anlegen)
    freigabe = vorhanden or Fotofreigabe(foto=foto, freigegeben_am=jetzt(), freigegeben_von=von)
    freigabe.alternativtext = alternativtext
    pruefen(freigabe)
    freigabe.save()
    return freigabe


@transaction.atomic
def foto_freigabe_zuruecknehmen(*, foto: Dokumentationsfoto) -> None:
    """The photo is no longer shown publicly."""
    Fotofreigabe.objects.filter(foto=foto).delete()

"""Writes of the walking profiles and of the barriers that tie walk-through findings to edges."""

from django.contrib.auth.models import AbstractBaseUser
from django.contrib.gis.db.models.functions import Distance
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from quartiersprofil.models import Befund

from ..models import Barriere, Wegabschnitt, Wegprofil
from ..queries.netz import aktuelles_netz
from .distanzfelder import distanzfelder_neu_starten

# A finding is linked to the nearest edge within this distance of its location.
BARRIERE_HOECHSTABSTAND_M = 30


@transaction.atomic
def wegprofil_speichern(*, profil: Wegprofil, benutzer: AbstractBaseUser | None) -> Wegprofil:
    """Save a changed walking profile and start the job that computes its distance fields again.

    Side effects: saves ``profil`` (after ``full_clean``); enqueues the distance-field job when a
    network is imported (``distanzfelder_neu_starten``), committed with the profile.
    """
    profil.full_clean()
    profil.save()
    if aktuelles_netz() is not None:
        distanzfelder_neu_starten(benutzer=benutzer)
    return profil


@transaction.atomic
def barriere_verknuepfen(
    *, befund: Befund, benutzer: AbstractBaseUser | None, wegabschnitt: Wegabschnitt | None = None
) -> Barriere:
    """Tie a walk-through finding to an edge of the network: ``wegabschnitt``, or the edge nearest
    the finding's location (at most ``BARRIERE_HOECHSTABSTAND_M`` away).

    Side effects: creates the ``Barriere`` (once per finding and edge); enqueues the distance-field
    job, since the rollator and wheelchair profiles now avoid the edge. Raises ``ValidationError``
    with a German sentence when there is no network, the finding has no location, or no edge is
    near it.
    """
    netz = aktuelles_netz()
    if netz is None:
        raise ValidationError(_("Es ist noch kein Wegenetz importiert."))
    if wegabschnitt is None:
        if befund.ort is None:
            raise ValidationError(_("Der Befund hat keinen Ort; bitte setzen Sie ihn bei der Begehung auf der Karte."))
        ort = befund.ort.transform(25832, clone=True)
        naechster = (
            Wegabschnitt.objects.filter(netz=netz, geometrie__intersects=befund.ort.buffer(0.0006))
            .annotate(abstand=Distance("geometrie", befund.ort))
            .order_by("abstand", "pk")
            .first()
        )
        if (
            naechster is None
            or naechster.geometrie.transform(25832, clone=True).distance(ort) > BARRIERE_HOECHSTABSTAND_M
        ):
            raise ValidationError(
                _("Kein Wegabschnitt liegt näher als %(meter)s m am Ort des Befunds.")
                % {"meter": BARRIERE_HOECHSTABSTAND_M}
            )
        wegabschnitt = naechster
    barriere, _neu = Barriere.objects.get_or_create(befund=befund, wegabschnitt=wegabschnitt)
    distanzfelder_neu_starten(benutzer=benutzer)
    return barriere


@transaction.atomic
def barriere_loesen(*, barriere: Barriere, benutzer: AbstractBaseUser | None) -> None:
    """Remove the tie between a finding and an edge; the distance fields are computed again.

    Side effects: deletes ``barriere``; enqueues the distance-field job.
    """
    barriere.delete()
    distanzfelder_neu_starten(benutzer=benutzer)

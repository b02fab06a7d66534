"""Writes of the link between a partner's user account and its organisation."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from lenkungsgruppe.models import Organisation

from ..models import Partnerkonto


@transaction.atomic
def partnerkonto_zuordnen(*, benutzer: AbstractBaseUser, organisation: Organisation) -> Partnerkonto:
    """Link ``benutzer`` (a user of the Partner role) to ``organisation``, replacing an earlier link.

    From then on the user sees and edits exactly the events ``organisation`` moderates. Raises
    ``ValidationError`` when the user does not have the Partner role (``Partnerkonto.clean``).
    """
    konto = Partnerkonto.objects.select_for_update().filter(benutzer=benutzer).first() or Partnerkonto(
        benutzer=benutzer
    )
    konto.organisation = organisation
    konto.full_clean()
    konto.save()
    return konto

"""The partners of the buergerdialog permission matrix: ``partner`` speaks for the organisation that
moderates the matrix's events, ``partner_fremd`` for another one."""

from buergerdialog.models import Partnerkonto
from tests.factories import PartnerkontoFactory


def moderation_des_partners(benutzer):
    """The organisation of the matrix's ``partner`` (made once); ``partner_fremd`` speaks for another."""
    konto = Partnerkonto.objects.filter(benutzer=benutzer["partner"]).first()
    if konto is None:
        PartnerkontoFactory(benutzer=benutzer["partner_fremd"])
        konto = PartnerkontoFactory(benutzer=benutzer["partner"])
    return [konto.organisation]

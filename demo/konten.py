"""The demo accounts: one per role and an administrator, with a published password.

They exist for the local demo only (``make run``: DEBUG on); ``demo_daten`` refuses to create
them elsewhere unless asked explicitly.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from buergerdialog.models import Partnerkonto
from buergerdialog.services.partner import partnerkonto_zuordnen
from dwk.permissions import LENKUNGSGRUPPE, PARTNER, PROJEKTTEAM, RATSBUERO
from dwk.zwei_faktor import DEMO_EMAIL_DOMAIN
from lenkungsgruppe.models import Organisation

DEMO_PASSWORT = "dwk-demo-2017"  # documented on purpose: printed by the command, reset on every run

# (username, first name, last name, role group or None for the administrator); invented people.
DEMO_NUTZER = [
    ("admin", "Jens", "Wiemers", None),
    ("projektteam", "Sabine", "Kortenbach", PROJEKTTEAM),
    ("lenkungsgruppe", "Thomas", "Overkamp", LENKUNGSGRUPPE),
    ("ratsbuero", "Claudia", "Hennecke", RATSBUERO),
    ("partner", "Martin", "Lohmeyer", PARTNER),
]


def demo_konten_anlegen():
    """Create or reset the demo users; returns ``{username: (user or None, role, skipped)}``."""
    User = get_user_model()
    ergebnis = {}
    for username, vorname, nachname, rolle in DEMO_NUTZER:
        email = f"{username}@{DEMO_EMAIL_DOMAIN}"
        user = User.objects.filter(username=username).first()
        if user is not None and user.email != email:
            ergebnis[username] = (None, rolle, True)
            continue
        user = user or User(username=username)
        user.first_name, user.last_name, user.email = vorname, nachname, email
        user.is_active = True
        user.is_staff = user.is_superuser = rolle is None
        if user.pk is None or not user.check_password(DEMO_PASSWORT):
            user.set_password(DEMO_PASSWORT)
        user.save()
        user.groups.set([Group.objects.get(name=rolle)] if rolle else [])
        ergebnis[username] = (user, rolle, False)
    return ergebnis


DEMO_PARTNERORGANISATION = {"partner": "Stiftung Mitarbeit"}  # username → kurzname of its organisation


def demo_partnerkonten_verknuepfen():
    """Link the demo partner account to its organisation (the moderating Stiftung Mitarbeit), once
    the organisations exist (``lenkungsgruppe_demo_anlegen``). Returns the links that hold."""
    User = get_user_model()
    konten = []
    for username, kurzname in DEMO_PARTNERORGANISATION.items():
        user = User.objects.filter(username=username, email=f"{username}@{DEMO_EMAIL_DOMAIN}").first()
        organisation = Organisation.objects.filter(kurzname=kurzname).first()
        if user is None or organisation is None:
            continue
        konto = Partnerkonto.objects.filter(benutzer=user, organisation=organisation).first()
        konten.append(konto or partnerkonto_zuordnen(benutzer=user, organisation=organisation))
    return konten

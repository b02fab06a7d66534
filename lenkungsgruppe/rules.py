"""Who may do what in the steering group.

Members (role Lenkungsgruppe) and Projektteam read everything of the group; only
Projektteam (superusers count as Projektteam) changes meetings, minutes, decisions, tasks,
plans and projects. A member whose account is linked to a ``Mitglied`` rates plans (only
their own ratings) and sets the status of their own tasks. Ratsbüro and Partner see
nothing of the group.
"""

import rules

from dwk.permissions import ist_lenkungsgruppe, ist_projektteam, liest_alles

from .models import Mitglied


def mitglied_von(user):
    """The ``Mitglied`` linked to ``user``, or None (cached on the user object)."""
    if not user.is_authenticated:
        return None
    if not hasattr(user, "_dwk_mitglied"):
        user._dwk_mitglied = Mitglied.objects.select_related("organisation").filter(benutzer=user).first()
    return user._dwk_mitglied


@rules.predicate
def hat_mitglied(user):
    return mitglied_von(user) is not None


@rules.predicate
def ist_eigene_aufgabe(user, aufgabe):
    mitglied = mitglied_von(user)
    if aufgabe is None or mitglied is None:
        return False
    return aufgabe.verantwortlich_mitglied_id == mitglied.pk or (
        aufgabe.verantwortlich_mitglied_id is None
        and aufgabe.verantwortlich_organisation_id == mitglied.organisation_id
    )


liest_lenkungsgruppe = liest_alles
bewertet = liest_alles & hat_mitglied

rules.add_perm("lenkungsgruppe.view_lenkungsgruppe", liest_lenkungsgruppe)
rules.add_perm("lenkungsgruppe.view_meine", ist_lenkungsgruppe | ist_projektteam)
rules.add_perm("lenkungsgruppe.export_beschluss", liest_lenkungsgruppe)
rules.add_perm("lenkungsgruppe.rate_fachplanung", bewertet)
rules.add_perm("lenkungsgruppe.change_aufgabe_status", ist_projektteam | (ist_lenkungsgruppe & ist_eigene_aufgabe))

for modell in (
    "mitglied",
    "sitzung",
    "tagesordnungspunkt",
    "beschluss",
    "aufgabe",
    "fachplanung",
    "stadtentwicklungsprojekt",
    "meilenstein",
):
    rules.add_perm(f"lenkungsgruppe.view_{modell}", liest_lenkungsgruppe)
    rules.add_perm(f"lenkungsgruppe.add_{modell}", ist_projektteam)
    rules.add_perm(f"lenkungsgruppe.change_{modell}", ist_projektteam)
# Minutes, attendance, approval and invitations belong to the meeting: Projektteam only.
rules.add_perm("lenkungsgruppe.change_protokoll", ist_projektteam)
rules.add_perm("lenkungsgruppe.send_einladung", ist_projektteam)

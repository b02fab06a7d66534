"""Who may do what in the steering group (predicates, not pages: see the permission matrix)."""

import pytest

from tests.factories import AufgabeFactory, MitgliedFactory, OrganisationFactory, SitzungFactory


def test_lesen_projektteam_und_mitglieder(projektteam, lenkungsgruppe, ratsbuero, partner, superuser):
    erlaubt = {
        name: user.has_perm("lenkungsgruppe.view_sitzung", SitzungFactory())
        for name, user in [
            ("projektteam", projektteam),
            ("lenkungsgruppe", lenkungsgruppe),
            ("ratsbuero", ratsbuero),
            ("partner", partner),
            ("superuser", superuser),
        ]
    }
    assert erlaubt == {
        "projektteam": True,
        "lenkungsgruppe": True,
        "ratsbuero": False,
        "partner": False,
        "superuser": True,
    }


@pytest.mark.parametrize(
    "perm",
    [
        "lenkungsgruppe.change_sitzung",
        "lenkungsgruppe.change_protokoll",
        "lenkungsgruppe.add_beschluss",
        "lenkungsgruppe.change_fachplanung",
        "lenkungsgruppe.send_einladung",
    ],
)
def test_bearbeiten_nur_projektteam(perm, projektteam, lenkungsgruppe, ratsbuero, partner):
    assert [u.has_perm(perm) for u in (projektteam, lenkungsgruppe, ratsbuero, partner)] == [True, False, False, False]


def test_bewerten_nur_mit_mitglied(projektteam, lenkungsgruppe):
    assert lenkungsgruppe.has_perm("lenkungsgruppe.rate_fachplanung") is False
    MitgliedFactory(benutzer=lenkungsgruppe)
    del lenkungsgruppe._dwk_mitglied
    assert lenkungsgruppe.has_perm("lenkungsgruppe.rate_fachplanung") is True
    assert projektteam.has_perm("lenkungsgruppe.rate_fachplanung") is False


def test_aufgabenstatus_nur_eigene_aufgaben(lenkungsgruppe, projektteam):
    organisation = OrganisationFactory()
    mitglied = MitgliedFactory(benutzer=lenkungsgruppe, organisation=organisation)
    eigene = AufgabeFactory(verantwortlich_mitglied=mitglied)
    der_organisation = AufgabeFactory(verantwortlich_mitglied=None, verantwortlich_organisation=organisation)
    kollegin = AufgabeFactory(verantwortlich_mitglied=MitgliedFactory(organisation=organisation))
    fremde = AufgabeFactory()
    perm = "lenkungsgruppe.change_aufgabe_status"
    assert [lenkungsgruppe.has_perm(perm, a) for a in (eigene, der_organisation, kollegin, fremde)] == [
        True,
        True,
        False,
        False,
    ]
    assert projektteam.has_perm(perm, fremde) is True


def test_ratsbuero_und_partner_sehen_nichts(ratsbuero, partner):
    for user in (ratsbuero, partner):
        assert [
            user.has_perm(p)
            for p in (
                "lenkungsgruppe.view_lenkungsgruppe",
                "lenkungsgruppe.view_meine",
                "lenkungsgruppe.view_beschluss",
                "lenkungsgruppe.export_beschluss",
                "lenkungsgruppe.view_fachplanung",
            )
        ] == [False] * 5

"""Who may do what with the city structure and the quarters."""

import rules

from dwk.permissions import ist_partner, ist_projektteam, liest_alles


@rules.predicate
def ist_partner_des_quartiers(user, quartier):
    if quartier is None:
        return False
    return quartier.partner.filter(pk=user.pk).exists()


darf_quartier_lesen = liest_alles | (ist_partner & ist_partner_des_quartiers)

rules.add_perm("quartiere.view_uebersicht", rules.is_authenticated)
rules.add_perm("quartiere.view_karte", liest_alles | ist_partner)
rules.add_perm("quartiere.list_quartier", liest_alles | ist_partner)
rules.add_perm("quartiere.view_quartier", darf_quartier_lesen)
rules.add_perm("quartiere.add_quartier", ist_projektteam)
rules.add_perm("quartiere.change_quartier", ist_projektteam)
rules.add_perm("quartiere.import_gebiete", ist_projektteam)

# Small-area analysis. Small counts (below DWK_MIN_FALLZAHL) are seen only by Projektteam.
rules.add_perm("quartiere.view_analyse", liest_alles | ist_partner)
rules.add_perm("quartiere.view_quartier_analyse", darf_quartier_lesen)
rules.add_perm("quartiere.view_indikator_karte", liest_alles)
rules.add_perm("quartiere.import_kennzahlen", ist_projektteam)
rules.add_perm("quartiere.view_fallzahlen", ist_projektteam)

# Infrastructure inventory: public places, read like the city map; written only by Projektteam.
rules.add_perm("quartiere.view_infrastruktur", liest_alles | ist_partner)
rules.add_perm("quartiere.view_quartier_infrastruktur", darf_quartier_lesen)
rules.add_perm("quartiere.add_infrastruktur", ist_projektteam)
rules.add_perm("quartiere.change_infrastruktur", ist_projektteam)
rules.add_perm("quartiere.delete_infrastruktur", ist_projektteam)
rules.add_perm("quartiere.import_infrastruktur", ist_projektteam)
rules.add_perm("quartiere.change_infrastrukturkategorie", ist_projektteam)

"""Views of the quarter profile: evidence from the field (begehungen) and the profile itself (profil)."""

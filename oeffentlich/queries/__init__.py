"""Reads of the public pages (``seiten``, ``datenstand``): every function returns only what is
released for the public, and of it only the fields the public pages show (see
``tests/oeffentlich/test_nichts_unveroeffentlichtes.py``). ``redaktion``: the reads of Projektteam's
pages that keep them, drafts and unreleased rows included (never used by a public page)."""

"""Reads of the public pages. Every function returns only what is released for the public, and
of it only the fields the public pages show (see ``tests/oeffentlich/test_nichts_unveroeffentlichtes.py``)."""

"""Every write of the quarter profile, by subject (the app's first door; reads are in ``queries``).

Each function takes keyword-only arguments, validates with ``full_clean()``, runs in one
transaction and lists its side effects in its docstring; a history entry is written for every
changed row of a model with history. Import the subject module:
``from quartiersprofil.services import begehungen``.
"""

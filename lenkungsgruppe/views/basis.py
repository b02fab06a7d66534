"""What the steering group's views share: the read permission and the form template.

Create and edit pages use ``dwk.views.FormularMixin`` (one ``speichern()`` per view) with
``Geschuetzt``; cache headers come from ``dwk.http``.
"""

LESEN = "lenkungsgruppe.view_lenkungsgruppe"
FORMULAR = "lenkungsgruppe/formular.html"

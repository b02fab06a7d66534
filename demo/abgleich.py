"""Finding demo rows again by their natural key and writing them only when something differs.

A second run of the demo therefore writes no row and no history entry.
"""


def geaendert(objekt, werte):
    """The names of the fields in ``werte`` whose value differs from ``objekt``'s."""
    return [feld for feld, wert in werte.items() if getattr(objekt, feld) != wert]


def abgleichen(model, suche, werte, speichern):
    """Find the row by ``suche``; create or update it through ``speichern`` only if something differs."""
    objekt = model.objects.filter(**suche).first()
    if objekt is not None and not geaendert(objekt, werte):
        return objekt
    objekt = objekt or model(**suche)
    for feld, wert in werte.items():
        setattr(objekt, feld, wert)
    return speichern(objekt)


def gespeichert(objekt):
    """Save ``objekt`` after ``full_clean()`` (for models without a service of their own)."""
    objekt.full_clean()
    objekt.save()
    return objekt

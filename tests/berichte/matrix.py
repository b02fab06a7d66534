"""The reports part of the permission matrix (see tests/dwk/test_berechtigungen.py).

Objects: a draft in consultation with the steering group (``bericht``, with a comment) and a
released report (``freigegeben``, version 1 with a small stored PDF), both with the released
profile of a second quarter (Derne), so the other parts' Menglinghausen stays as they expect it.
"""

import datetime
import io

from pypdf import PdfWriter

from tests.matrix import nur

ALLE_LESER = ("projektteam", "lenkungsgruppe", "ratsbuero", "superuser")
NUR_PROJEKTTEAM = ("projektteam", "superuser")
ENTWURF = lambda o: {"pk": o["bericht"].pk}  # noqa: E731
FREIGEGEBEN = lambda o: {"pk": o["freigegeben"].pk}  # noqa: E731


def umleitung(*rollen):
    """A redirect (302) for ``rollen``, 403 for the other roles, the login page for anonymous users."""
    return {**nur(*rollen), **dict.fromkeys(rollen, 302)}


MATRIX = {
    "berichte:liste": ("get", {}, nur("projektteam", "ratsbuero", "superuser")),
    # The latest released profile version of the quarter (released by the quartiersprofil part); a
    # partner gets the profiles of their own quarters. No file is stored yet: a job is started (the
    # database queue, no worker runs here) and the page „wird erstellt“ answers 202.
    "berichte:quartiersprofil_pdf": (
        "get",
        {"slug": "menglinghausen"},
        {
            **nur("projektteam", "ratsbuero", "partner", "superuser"),
            **dict.fromkeys(("projektteam", "ratsbuero", "partner", "superuser"), 202),
        },
    ),
    # POST only (the release button on the profile page): GET is 405 for who may release.
    "berichte:profil_freigeben": (
        "get",
        {"slug": "menglinghausen"},
        {**nur(*NUR_PROJEKTTEAM), "projektteam": 405, "superuser": 405},
    ),
    "berichte:neu": ("get", {}, nur(*NUR_PROJEKTTEAM)),
    # A draft in consultation: Projektteam and the steering group read it; the Ratsbüro does not.
    "berichte:detail": ("get", ENTWURF, nur("projektteam", "lenkungsgruppe", "superuser")),
    "berichte:bearbeiten": ("get", ENTWURF, nur(*NUR_PROJEKTTEAM)),
    "berichte:beratung": ("get", ENTWURF, nur(*NUR_PROJEKTTEAM)),
    "berichte:freigeben": ("get", ENTWURF, nur(*NUR_PROJEKTTEAM)),
    # POST without text: the form is refused with a message, back to the report.
    "berichte:kommentieren": (
        "post",
        ENTWURF,
        umleitung("projektteam", "lenkungsgruppe", "superuser"),
    ),
    "berichte:kommentar_erledigt": (
        "post",
        lambda o: {"pk": o["kommentar"].pk},
        umleitung(*NUR_PROJEKTTEAM),
    ),
    # Starts a background job (the database queue; no worker runs here) and sends to its status page.
    "berichte:entwurf_pdf": (
        "get",
        ENTWURF,
        umleitung("projektteam", "lenkungsgruppe", "superuser"),
    ),
    # Without DWK_OPARL_URL: a message, back to the report.
    "berichte:oparl": ("post", ENTWURF, umleitung(*NUR_PROJEKTTEAM)),
    "berichte:version_pdf": ("get", lambda o: {"pk": o["freigegeben"].pk, "nummer": 1}, nur(*ALLE_LESER)),
    "berichte:vergleich": ("get", FREIGEGEBEN, nur(*ALLE_LESER)),
}


def _kleines_pdf():
    schreiber = PdfWriter()
    schreiber.add_blank_page(width=595, height=842)
    puffer = io.BytesIO()
    schreiber.write(puffer)
    return puffer.getvalue()


def anlegen(benutzer, quartier):
    from berichte.services.berichte import bericht_freigeben, bericht_zur_beratung_stellen, kommentar_schreiben
    from tests.berichte.hilfen import bericht_anlegen, fassung_freigeben
    from tests.factories import QuartierFactory

    derne = QuartierFactory(name="Derne", slug="derne", stadtbezirk=quartier.stadtbezirk)
    fassung = fassung_freigeben(derne, benutzer["projektteam"])
    bericht = bericht_anlegen([fassung], betreff="Entwurf in Beratung")
    bericht_zur_beratung_stellen(bericht=bericht, frist=datetime.date(2099, 1, 1))
    kommentar = kommentar_schreiben(
        bericht=bericht, abschnitt="begruendung", autor=benutzer["lenkungsgruppe"], text="Bitte ergänzen."
    )
    freigegeben = bericht_anlegen([fassung], betreff="Freigegebener Bericht")
    freigegeben.refresh_from_db()
    bericht_freigeben(
        bericht=freigegeben,
        pdf=_kleines_pdf(),
        benutzer=benutzer["projektteam"],
        stand=freigegeben.updated_at.isoformat(),
    )
    return {"bericht": bericht, "kommentar": kommentar, "freigegeben": freigegeben}

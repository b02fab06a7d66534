"""The quartiersprofil part of the permission matrix (see tests/dwk/test_berechtigungen.py)."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tests.factories import BefragungFactory, BefundFactory, BegehungFactory, FrageFactory, QuelleFactory
from tests.matrix import nur

LESEN_ALLE = ("projektteam", "lenkungsgruppe", "superuser")
NUR_PROJEKTTEAM = ("projektteam", "superuser")
# Walk-throughs, photos and sources: also the partner of the quarter (not a partner of another quarter).
BELEGE_LESEN = (*LESEN_ALLE, "partner")
Q = {"slug": "menglinghausen"}
NUR_POST = {**nur(*NUR_PROJEKTTEAM), "projektteam": 405, "superuser": 405}

# name: (method, kwargs, {role: expected})
MATRIX = {
    # --- Walk-throughs, findings, photos -------------------------------------------------------------
    "quartiersprofil:begehung_liste": ("get", Q, nur(*BELEGE_LESEN)),
    "quartiersprofil:begehung_neu": ("get", Q, nur(*NUR_PROJEKTTEAM)),
    "quartiersprofil:begehung_detail": ("get", lambda o: {"pk": o["begehung"].pk}, nur(*BELEGE_LESEN)),
    "quartiersprofil:begehung_bearbeiten": ("get", lambda o: {"pk": o["begehung"].pk}, nur(*NUR_PROJEKTTEAM)),
    "quartiersprofil:begehung_loeschen": ("get", lambda o: {"pk": o["begehung"].pk}, nur(*NUR_PROJEKTTEAM)),
    "quartiersprofil:befund_neu": ("get", lambda o: {"pk": o["begehung"].pk}, nur(*NUR_PROJEKTTEAM)),
    "quartiersprofil:befund_bearbeiten": ("get", lambda o: {"pk": o["befund"].pk}, nur(*NUR_PROJEKTTEAM)),
    "quartiersprofil:befund_loeschen": ("get", lambda o: {"pk": o["befund"].pk}, nur(*NUR_PROJEKTTEAM)),
    "quartiersprofil:foto_hochladen": ("get", lambda o: {"pk": o["begehung"].pk}, nur(*NUR_PROJEKTTEAM)),
    "quartiersprofil:foto_bearbeiten": ("get", lambda o: {"pk": o["foto"].pk}, nur(*NUR_PROJEKTTEAM)),
    "quartiersprofil:foto_loeschen": ("get", lambda o: {"pk": o["foto"].pk}, nur(*NUR_PROJEKTTEAM)),
    # Photo files: only through this view, never as public media; partners of the quarter see all its photos.
    "quartiersprofil:foto_datei": ("get", lambda o: {"pk": o["foto"].pk, "groesse": "web"}, nur(*BELEGE_LESEN)),
    "quartiersprofil:foto_galerie": ("get", Q, nur(*BELEGE_LESEN)),
    "quartiersprofil:belege_karte": ("get", Q, nur(*BELEGE_LESEN)),
    # --- Sources ------------------------------------------------------------------------------------
    "quartiersprofil:quelle_liste": ("get", Q, nur(*BELEGE_LESEN)),
    "quartiersprofil:quelle_neu": ("get", Q, nur(*NUR_PROJEKTTEAM)),
    "quartiersprofil:quelle_bearbeiten": ("get", lambda o: {"pk": o["quelle"].pk}, nur(*NUR_PROJEKTTEAM)),
    "quartiersprofil:quelle_loeschen": ("get", lambda o: {"pk": o["quelle"].pk}, nur(*NUR_PROJEKTTEAM)),
    # --- The survey of the senior offices: Projektteam and Lenkungsgruppe only ------------------------
    "quartiersprofil:befragung_liste": ("get", {}, nur(*LESEN_ALLE)),
    "quartiersprofil:befragung_neu": ("get", {}, nur(*NUR_PROJEKTTEAM)),
    "quartiersprofil:fragen_bearbeiten": ("get", lambda o: {"pk": o["befragung"].pk}, nur(*NUR_PROJEKTTEAM)),
    "quartiersprofil:antworten_erfassen": ("get", lambda o: {"pk": o["befragung"].pk}, nur(*NUR_PROJEKTTEAM)),
    "quartiersprofil:befragung_uebersicht": ("get", Q, nur(*LESEN_ALLE)),
    # --- Profile texts, measures, key persons and talks ------------------------------------------------
    # Readers of the quarter read; Projektteam writes. POST-only actions answer GET with 405 after the check.
    "quartiersprofil:profil": ("get", Q, nur(*BELEGE_LESEN)),
    "quartiersprofil:profil_fassung": ("get", {**Q, "nummer": 1}, nur(*BELEGE_LESEN)),
    "quartiersprofil:profil_verlauf": ("get", Q, nur(*NUR_PROJEKTTEAM)),
    "quartiersprofil:profil_abschnitt_bearbeiten": (
        "get",
        lambda o: {**Q, "pk": o["abschnitt"].pk},
        nur(*NUR_PROJEKTTEAM),
    ),
    "quartiersprofil:profil_aktion": ("get", {**Q, "aktion": "beratung"}, NUR_POST),
    "quartiersprofil:massnahme_board": ("get", Q, nur(*BELEGE_LESEN)),
    "quartiersprofil:massnahme_neu": ("get", Q, nur(*NUR_PROJEKTTEAM)),
    "quartiersprofil:massnahme_liste": ("get", {}, nur(*LESEN_ALLE, "partner", "partner_fremd")),
    "quartiersprofil:massnahme_detail": ("get", lambda o: {"pk": o["massnahme"].pk}, nur(*BELEGE_LESEN)),
    "quartiersprofil:massnahme_bearbeiten": ("get", lambda o: {"pk": o["massnahme"].pk}, nur(*NUR_PROJEKTTEAM)),
    "quartiersprofil:massnahme_status": ("get", lambda o: {"pk": o["massnahme"].pk}, NUR_POST),
    "quartiersprofil:massnahme_fortschritt": ("get", lambda o: {"pk": o["massnahme"].pk}, NUR_POST),
    "quartiersprofil:meilenstein_neu": ("get", lambda o: {"pk": o["massnahme"].pk}, nur(*NUR_PROJEKTTEAM)),
    "quartiersprofil:meilenstein_erreicht": ("get", lambda o: {"pk": o["massnahme_meilenstein"].pk}, NUR_POST),
    "quartiersprofil:akteur_liste": ("get", Q, nur(*BELEGE_LESEN)),
    "quartiersprofil:akteur_neu": ("get", Q, nur(*NUR_PROJEKTTEAM)),
    "quartiersprofil:akteur_bearbeiten": ("get", lambda o: {"pk": o["akteur"].pk}, nur(*NUR_PROJEKTTEAM)),
    "quartiersprofil:akteur_export": ("get", lambda o: {"pk": o["akteur"].pk}, nur(*NUR_PROJEKTTEAM)),
    "quartiersprofil:akteur_anonymisieren": ("get", lambda o: {"pk": o["akteur"].pk}, nur(*NUR_PROJEKTTEAM)),
    "quartiersprofil:akteur_widerrufen": ("get", lambda o: {"pk": o["akteur"].pk}, nur(*NUR_PROJEKTTEAM)),
    "quartiersprofil:akteur_erwaehnungen": ("get", lambda o: {"pk": o["akteur"].pk}, nur(*NUR_PROJEKTTEAM)),
    "quartiersprofil:gespraech_liste": ("get", Q, nur(*BELEGE_LESEN)),
    "quartiersprofil:gespraech_neu": ("get", Q, nur(*NUR_PROJEKTTEAM)),
    "quartiersprofil:gespraech_bearbeiten": ("get", lambda o: {"pk": o["gespraech"].pk}, nur(*NUR_PROJEKTTEAM)),
}


def _jpeg():
    puffer = io.BytesIO()
    Image.new("RGB", (64, 48), (90, 120, 30)).save(puffer, format="JPEG")
    return SimpleUploadedFile("matrix.jpg", puffer.getvalue(), content_type="image/jpeg")


def anlegen(benutzer, quartier):
    """A walk-through with a finding and a photo, a source, a survey with a question."""
    from quartiersprofil.services.begehungen import fotos_hochladen

    begehung = BegehungFactory(quartier=quartier)
    (foto,) = fotos_hochladen(quartier=quartier, begehung=begehung, dateien=[_jpeg()])
    befragung = BefragungFactory()
    FrageFactory(befragung=befragung)
    return {
        **_profil_anlegen(benutzer, quartier),
        "begehung": begehung,
        "befund": BefundFactory(begehung=begehung),
        "foto": foto,
        "quelle": QuelleFactory(quartier=quartier),
        "befragung": befragung,
    }


def _profil_anlegen(benutzer, quartier):
    """Version 1 released, version 2 a draft; a measure with a milestone, a key person, a talk."""
    from quartiersprofil.services.profil import profil_entwurf_anlegen, profil_freigeben, profil_zur_beratung_geben
    from tests.factories import AkteurFactory, GespraechFactory, MassnahmeFactory, MassnahmeMeilensteinFactory

    erste = profil_entwurf_anlegen(quartier=quartier)
    profil_zur_beratung_geben(fassung=erste)
    profil_freigeben(fassung=erste, benutzer=benutzer["projektteam"])
    entwurf = profil_entwurf_anlegen(quartier=quartier)
    massnahme = MassnahmeFactory(quartier=quartier)
    return {
        "abschnitt": entwurf.abschnitte.first(),
        "massnahme": massnahme,
        "massnahme_meilenstein": MassnahmeMeilensteinFactory(massnahme=massnahme),
        "akteur": AkteurFactory(quartier=quartier),
        "gespraech": GespraechFactory(quartier=quartier),
    }

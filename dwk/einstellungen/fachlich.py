"""Settings of the app's own subjects: confidentiality, the profile's title page, the demo's day,
retention, upload limits of indicators and photos, limits of jobs and report PDFs, OParl."""

import datetime
import os

from django.core.exceptions import ImproperlyConfigured

# Statistical confidentiality: counts below this are shown as "< N" to everyone but Projektteam.
DWK_MIN_FALLZAHL = int(os.environ.get("DWK_MIN_FALLZAHL", "3"))
# The title page of the quarter profile: the programme, who funds it, the partners ("; " between several).
DWK_PROGRAMM = os.environ.get("DWK_PROGRAMM", "Demografiewerkstatt Kommunen (DWK)")
DWK_FOERDERER = os.environ.get("DWK_FOERDERER", "Bundesministerium für Familie, Senioren, Frauen und Jugend")
DWK_PARTNER = os.environ.get("DWK_PARTNER", "Stiftung Mitarbeit (Moderation des Bürgerdialogs)")


def _heute():
    wert = os.environ.get("DWK_HEUTE", "").strip()
    if not wert:
        return None
    try:
        return datetime.date.fromisoformat(wert)
    except ValueError:
        raise ImproperlyConfigured(f"DWK_HEUTE={wert!r}: erwartet wird ein Datum wie 2017-10-16 oder nichts.") from None


# A fixed "today" (ISO date) for the local demo, which lives in autumn 2017; empty: the real date.
# Read through dwk.zeit.heute() / jetzt() only.
DWK_HEUTE = _heute()


def _projektende():
    wert = os.environ.get("DWK_PROJEKTENDE", "").strip()
    try:
        return datetime.date.fromisoformat(wert) if wert else None
    except ValueError:
        raise ImproperlyConfigured(
            f"DWK_PROJEKTENDE={wert!r}: erwartet wird ein Datum wie 2019-12-31 oder nichts."
        ) from None


# Retention of the key persons' contact data (quartiersprofil.services.aufbewahrung): names and
# contact details are erased DWK_AUFBEWAHRUNG_JAHRE years after the project's end (ISO date; empty:
# no end yet, nothing erased) by `manage.py aufbewahrung_anwenden`.
DWK_PROJEKTENDE = _projektende()
DWK_AUFBEWAHRUNG_JAHRE = int(os.environ.get("DWK_AUFBEWAHRUNG_JAHRE", "2"))
# Largest accepted upload of indicator values (CSV).
DWK_KENNZAHLEN_UPLOAD_MAX_BYTES = int(os.environ.get("DWK_KENNZAHLEN_UPLOAD_MAX_BYTES", 20 * 1024 * 1024))
# Photos of walk-throughs: largest accepted file and most pixels per photo (decompression bombs).
DWK_FOTO_MAX_BYTES = int(os.environ.get("DWK_FOTO_MAX_BYTES", 20 * 1024 * 1024))
DWK_FOTO_MAX_PIXEL = int(os.environ.get("DWK_FOTO_MAX_PIXEL", 50_000_000))
# Most photos and most pixels (all photos together) in one upload; a larger upload is refused.
DWK_FOTO_MAX_ANZAHL = int(os.environ.get("DWK_FOTO_MAX_ANZAHL", 30))
DWK_FOTO_MAX_PIXEL_JE_UPLOAD = int(os.environ.get("DWK_FOTO_MAX_PIXEL_JE_UPLOAD", 400_000_000))
# An upload with more pixels than this together is processed by the background worker (with a
# progress page) instead of inside the request; 0: every upload.
DWK_FOTO_SOFORT_MAX_PIXEL = int(os.environ.get("DWK_FOTO_SOFORT_MAX_PIXEL", 25_000_000))

# Report PDFs (berichte) are rendered by WeasyPrint in a child process with these limits (seconds, MB of
# the child's own address space; it is forked from a small server process, see berichte.services.rendern).
DWK_PDF_MAX_SEKUNDEN = int(os.environ.get("DWK_PDF_MAX_SEKUNDEN", 300))
DWK_PDF_MAX_SPEICHER_MB = int(os.environ.get("DWK_PDF_MAX_SPEICHER_MB", 2048))
# A rendered PDF is kept this long in the cache, keyed by its HTML and linked files (dwk.pdf.
# pdf_zwischengespeichert): an unchanged document is not set again; 0: every download renders anew.
DWK_PDF_CACHE_SEKUNDEN = int(os.environ.get("DWK_PDF_CACHE_SEKUNDEN", 24 * 3600))
# The daily housekeeping of `manage.py zeitplan` runs at this full hour (local time).
DWK_ZEITPLAN_STUNDE = int(os.environ.get("DWK_ZEITPLAN_STUNDE", 3))
# OParl 1.1 endpoint of the council information system (the System object's URL); empty: none,
# the council fields of a report are entered by hand. Only this origin is ever requested.
DWK_OPARL_URL = os.environ.get("DWK_OPARL_URL", "").strip()
DWK_OPARL_TIMEOUT = float(os.environ.get("DWK_OPARL_TIMEOUT", "10"))
DWK_OPARL_MAX_BYTES = int(os.environ.get("DWK_OPARL_MAX_BYTES", 2 * 1024 * 1024))

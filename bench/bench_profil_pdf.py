"""The full quarter profile of Menglinghausen as PDF against its floor (called by bench/run.py).

Adds twelve publishable photos (through the photo pipeline, print derivatives) to the released
profile version of the demo, inside a transaction that is rolled back and with a temporary
MEDIA_ROOT, so the demo stays as it was. Measures, in the same run:

- the full profile: collect from the apps' queries, draw maps and charts, render the template,
  WeasyPrint (``berichte.pdf.quartiersprofil_pdf``);
- the floor: WeasyPrint alone rendering the same HTML with the same options and URL fetcher.

Targets (issue 11): about 20 pages, 2 maps, 8 charts, 12 photos; under 4 s and within 1.3× the floor.
The rendering is measured with the PDF cache off (``DWK_PDF_CACHE_SEKUNDEN = 0``: every call sets the
PDF); beside it, the same call with the cache on and the PDF already in it (an unchanged profile).
"""

import io
import statistics
import tempfile
import time

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import override_settings
from PIL import Image, ImageDraw
from pypdf import PdfReader
from weasyprint import HTML

WIEDERHOLUNGEN = 3


def _foto(nummer):
    """A 2400 × 1800 photo-like JPEG (the pipeline makes the print derivative from it)."""
    bild = Image.linear_gradient("L").resize((2400, 1800)).convert("RGB")
    zeichnung = ImageDraw.Draw(bild)
    for x in range(0, 2400, 9):
        zeichnung.line((x, 0, 2400 - x, 1800), fill=((x * nummer) % 255, 120, 200))
    puffer = io.BytesIO()
    bild.save(puffer, "JPEG", quality=85)
    return SimpleUploadedFile(f"bench-{nummer}.jpg", puffer.getvalue(), content_type="image/jpeg")


def _median(funktion):
    """Median and minimum of the wall-clock time, the median CPU time of this process, and the result.

    The CPU time is what to compare on a busy machine (other processes stretch the wall clock)."""
    zeiten, cpu, ergebnis = [], [], None
    for _ in range(WIEDERHOLUNGEN):
        start, start_cpu = time.perf_counter(), time.process_time()
        ergebnis = funktion()
        zeiten.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(zeiten), min(zeiten), statistics.median(cpu), ergebnis


def profil_pdf_messen():
    from berichte.daten import freigegebene_fassung
    from berichte.models import Belegstand
    from berichte.pdf import quartiersprofil_html, quartiersprofil_pdf
    from dwk.pdf import PDF_BASE_URL, PDF_VARIANT, pdf_url_fetcher
    from quartiere.models import Quartier
    from quartiersprofil.services.begehungen import fotos_hochladen

    quartier = Quartier.objects.get(slug="menglinghausen")
    fassung = freigegebene_fassung(quartier)
    if fassung is None:
        print("Quartiersprofil-PDF: Menglinghausen hat keine freigegebene Fassung (demo_daten?)")
        return
    with tempfile.TemporaryDirectory() as medien, override_settings(MEDIA_ROOT=medien), transaction.atomic():
        ohne_cache = override_settings(DWK_PDF_CACHE_SEKUNDEN=0)
        # The demo froze the version's evidence at its release (without photos): measured here is a
        # version whose evidence includes the twelve photos, so the frozen state goes with the rollback.
        Belegstand.objects.filter(fassung=fassung).delete()
        abschnitte = list(fassung.abschnitte.select_related("handlungsfeld").order_by("handlungsfeld__reihenfolge"))
        for i in range(12):
            abschnitt = abschnitte[i % len(abschnitte)]
            (foto,) = fotos_hochladen(
                quartier=quartier,
                dateien=[_foto(i + 1)],
                handlungsfeld=abschnitt.handlungsfeld,
                bildunterschrift=f"Messfoto {i + 1}",
                darf_veroeffentlicht_werden=True,
            )
            abschnitt.fotos.add(foto)
        with ohne_cache:
            quartiersprofil_pdf(quartier=quartier, fassung=fassung)  # once before: caches, fonts
            voll, voll_min, voll_cpu, pdf = _median(lambda: quartiersprofil_pdf(quartier=quartier, fassung=fassung))
        quartiersprofil_pdf(quartier=quartier, fassung=fassung)  # into the PDF cache
        gecacht, _min, gecacht_cpu, _ = _median(lambda: quartiersprofil_pdf(quartier=quartier, fassung=fassung))
        html = quartiersprofil_html(quartier=quartier, fassung=fassung)
        optionen = {"pdf_variant": PDF_VARIANT, "pdf_tags": True, "uncompressed_pdf": False}
        boden, boden_min, boden_cpu, _ = _median(
            lambda: HTML(string=html, base_url=PDF_BASE_URL, url_fetcher=pdf_url_fetcher()).write_pdf(**optionen)
        )
        transaction.set_rollback(True)
    reader = PdfReader(io.BytesIO(pdf))
    bilder = {
        v.idnum
        for seite in reader.pages
        for v in (seite["/Resources"].get("/XObject") or {}).values()
        if v.get_object().get("/Subtype") == "/Image"
    }
    name = "Quartiersprofil-PDF voll (Menglinghausen)"
    print(f"{name:<48} Median {voll * 1000:8.1f} ms   min {voll_min * 1000:8.1f} ms")
    name = "  Boden: WeasyPrint allein, dasselbe HTML"
    print(f"{name:<48} Median {boden * 1000:8.1f} ms   min {boden_min * 1000:8.1f} ms")
    name = "  CPU-Zeit voll / Boden (Median)"
    print(f"{name:<48} {voll_cpu * 1000:8.1f} ms / {boden_cpu * 1000:8.1f} ms")
    name = "  Verhältnis voll / Boden (Ziel ≤ 1,3; < 4 s)"
    ziel = "erreicht" if voll < 4 and voll / boden <= 1.3 else "VERFEHLT"
    print(f"{name:<48} {voll / boden:8.2f}× (CPU {voll_cpu / boden_cpu:4.2f}×)   {ziel}")
    name = "  unverändert, aus dem PDF-Cache (Median)"
    print(f"{name:<48} {gecacht * 1000:8.1f} ms (CPU {gecacht_cpu * 1000:.1f} ms)")
    name = "  Seiten / Fotos / Größe"
    print(f"{name:<48} {len(reader.pages):5d} Seiten {len(bilder):3d} Fotos {len(pdf) / 1024:8.1f} KB")


if __name__ == "__main__":
    # Alone, against the database in DWK_DATABASE_URL with the demo data already loaded:
    # DWK_DATABASE_URL=postgis:///dwk_h1 .venv/bin/python bench/bench_profil_pdf.py
    import os
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dwk.settings")
    import django

    django.setup()
    profil_pdf_messen()

"""Photo uploads (`make bench`, from bench/run.py; or alone: python bench/fotos.py).

Measures, through the real upload page of a demo walk-through:
- one 12-megapixel photo (processed inside the request),
- a batch of 12 such photos (request: pre-check and hand-over to the job queue; then the job,
  run by the database worker in this process),
- one 49-megapixel photo (7000 × 7000) through the pipeline (issue 9 measured 3.7 s, ~700 MB),
each with its wall time and the peak resident memory of the process above where it stood before
(Linux: VmHWM, reset through /proc/self/clear_refs; Pillow's pixel buffers are not seen by
tracemalloc). Everything the bench stores (photos, files, jobs) is removed again; the files go
to a temporary MEDIA_ROOT.
"""

import io
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dwk.settings")

import django  # noqa: E402

django.setup()

from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.test import override_settings  # noqa: E402
from PIL import Image, ImageFilter  # noqa: E402


def _rss_mb(feld):
    with open("/proc/self/status") as status:
        for zeile in status:
            if zeile.startswith(feld + ":"):
                return int(zeile.split()[1]) / 1024
    return float("nan")


def _spitze_zuruecksetzen():
    try:
        with open("/proc/self/clear_refs", "w") as datei:
            datei.write("5")
    except OSError:
        pass


def _gemessen(name, funktion):
    """Run ``funktion`` once; print wall time and peak RSS above the RSS before."""
    _spitze_zuruecksetzen()
    vorher = _rss_mb("VmRSS")
    start = time.perf_counter()
    ergebnis = funktion()
    dauer = time.perf_counter() - start
    spitze = _rss_mb("VmHWM") - vorher
    print(f"{name:<48} einmal   {dauer * 1000:8.1f} ms   Speicherspitze +{spitze:6.0f} MB")
    return ergebnis


def foto(breite, hoehe, saat=1):
    """A photo-like JPEG: smooth areas and edges with a little sensor noise (not pure noise)."""
    klein = Image.effect_noise((breite // 16, hoehe // 16), 90).convert("RGB")
    bild = klein.resize((breite, hoehe), Image.Resampling.BICUBIC).filter(ImageFilter.SMOOTH)
    rauschen = Image.effect_noise((breite, hoehe), 12 + saat).convert("RGB")
    bild = Image.blend(bild, rauschen, 0.15)
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (51.0, 27.0, 0.0), 3: "E", 4: (7.0, 25.0, 0.0)}
    puffer = io.BytesIO()
    bild.save(puffer, "JPEG", quality=90, exif=exif)
    return puffer.getvalue()


def fotos_messen(client):
    """Upload timings and peak memory; ``client`` is logged in as Projektteam."""
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    from auftraege.models import Auftrag
    from quartiersprofil.models import Foto, Quartiersbegehung
    from quartiersprofil.services.begehungen import foto_loeschen
    from quartiersprofil.services.fotos import foto_verarbeiten

    begehung = Quartiersbegehung.objects.filter(quartier__slug="menglinghausen").first()
    url = f"/quartiersprofil/begehungen/{begehung.pk}/fotos/neu/"
    vorhandene = set(Foto.objects.values_list("pk", flat=True))
    zwoelf = foto(4000, 3000)
    print(f"{'Testfoto 12 MP (4000 × 3000 px, JPEG)':<48} {len(zwoelf) / 1024 / 1024:8.1f} MB")

    def hochladen(anzahl):
        dateien = [SimpleUploadedFile(f"foto{n}.jpg", zwoelf, content_type="image/jpeg") for n in range(anzahl)]
        antwort = client.post(url, {"dateien": dateien})
        assert antwort.status_code == 302, antwort.content[:2000]
        return antwort

    def worker():
        Worker(
            queue_names=["default"],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id="bench",
            excluded_queue_names=[],
        ).run()

    from django.utils import timezone

    beginn = timezone.now()
    with tempfile.TemporaryDirectory() as medien, override_settings(MEDIA_ROOT=medien):
        _gemessen("Upload 1 Foto 12 MP (in der Anfrage)", lambda: hochladen(1))
        antwort = _gemessen("Upload 12 Fotos 12 MP: Anfrage (Vorprüfung)", lambda: hochladen(12))
        auftrag = Auftrag.objects.get(pk=antwort.url.rstrip("/").rsplit("/", 1)[1])
        _gemessen("  dieselben 12: Auftrag im Hintergrund (Worker)", worker)
        auftrag.refresh_from_db()
        print(f"{'  Auftrag':<48} {auftrag.get_status_display()}, {auftrag.stand}")
        riesig = foto(7000, 7000)
        print(f"{'Testfoto 49 MP (7000 × 7000 px, JPEG)':<48} {len(riesig) / 1024 / 1024:8.1f} MB")
        _gemessen(
            "Foto 49 MP prüfen und neu kodieren (3 Größen)",
            lambda: foto_verarbeiten(SimpleUploadedFile("riesig.jpg", riesig)),
        )
        for neu in Foto.objects.exclude(pk__in=vorhandene):
            foto_loeschen(foto=neu)
        DBTaskResult.objects.filter(enqueued_at__gte=beginn, task_path__startswith="quartiersprofil.").delete()
        auftrag.delete()


if __name__ == "__main__":
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client

    call_command("migrate", verbosity=0)
    call_command("demo_daten", ausdruecklich=True, stdout=io.StringIO())  # a local bench database
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(get_user_model().objects.get(username="projektteam"))
    fotos_messen(client)

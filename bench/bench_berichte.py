"""Measurements of the committee reports (called from bench/run.py), on the demo data.

- A stored release served to the Ratsbüro (target < 20 ms; alone and quietly, the median of 300 requests:
  ``DWK_DATABASE_URL=postgis:///dwk_h1 .venv/bin/python manage.py shell -c "import sys; sys.path.insert(0, 'bench');
  from bench_berichte import ausliefern_messen; ausliefern_messen()"``): the demo's released report and the
  released quarter profile of Menglinghausen (its file stored on the first download), through
  their views, the whole streamed body read.
- The report list (target ≤ 15 queries) for Ratsbüro and Projektteam.
- The report PDF (cover letter + profiles) rendered in the child process with limits, beside its
  floor: WeasyPrint alone rendering the same HTML parts in this process.
"""

import statistics
import time

from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from weasyprint import HTML

from berichte.models import Bericht
from berichte.services.pdf_bericht import bericht_html_teile
from berichte.services.rendern import pdf_abgeschottet
from demo.berichte import AUSSCHUSS_BETREFF, BV_BETREFF
from dwk.pdf import PDF_BASE_URL, PDF_OPTIONEN, pdf_url_fetcher


def _laden(client, url):
    antwort = client.get(url)
    inhalt = b"".join(antwort.streaming_content) if antwort.streaming else antwort.content
    assert antwort.status_code == 200, (url, antwort.status_code)
    return inhalt


def _boden(teile):
    """WeasyPrint alone: each part rendered and the pages joined, in this process."""
    dokumente = [
        HTML(string=t, base_url=PDF_BASE_URL, url_fetcher=pdf_url_fetcher()).render(**PDF_OPTIONEN) for t in teile
    ]
    return dokumente[0].copy([s for d in dokumente for s in d.pages]).write_pdf(**PDF_OPTIONEN)


def profil_speichern():
    """Store the released profile of Menglinghausen as the background job does (the download only
    starts that job when no file is stored)."""
    from berichte.daten import freigegebene_fassung
    from berichte.models import ProfilDatei
    from berichte.services.berichte import belegstand_einfrieren, profil_datei_speichern
    from berichte.services.pdf_bericht import profil_pdf_abgeschottet
    from quartiere.models import Quartier

    fassung = freigegebene_fassung(Quartier.objects.get(slug="menglinghausen"))
    belegstand_einfrieren(fassung=fassung)
    if not ProfilDatei.objects.filter(fassung=fassung).exists():
        profil_datei_speichern(fassung=fassung, pdf=profil_pdf_abgeschottet(fassung=fassung))


def _zeiten(funktion, anzahl):
    """Wall clock and CPU time of this process per call, in ms (the CPU time says more on a busy machine)."""
    wand, cpu = [], []
    for _ in range(anzahl):
        start, start_cpu = time.perf_counter(), time.process_time()
        funktion()
        wand.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return wand, cpu


def ausliefern_messen(anzahl=300):
    """A stored release served to the Ratsbüro, quietly: the median over ``anzahl`` requests through the
    whole Django stack (middleware, session, permission check, query, file streamed and read), each
    part beside it: the same view without reading the body, the file read alone."""
    ratsbuero = Client(HTTP_HOST="127.0.0.1")
    ratsbuero.force_login(get_user_model().objects.get(username="ratsbuero"))
    freigegeben = Bericht.objects.get(betreff=BV_BETREFF)
    profil_speichern()
    for name, url in (
        ("Bericht, Version 1", reverse("berichte:version_pdf", args=[freigegeben.pk, 1])),
        ("Quartiersprofil Menglinghausen", reverse("berichte:quartiersprofil_pdf", args=["menglinghausen"])),
    ):
        groesse = len(_laden(ratsbuero, url))
        ganz, ganz_cpu = _zeiten(lambda url=url: _laden(ratsbuero, url), anzahl)
        etag = ratsbuero.get(url)["ETag"]
        gleich, gleich_cpu = _zeiten(lambda url=url, etag=etag: ratsbuero.get(url, HTTP_IF_NONE_MATCH=etag), anzahl)
        print(
            f"{name + ' ausliefern':<48} Median {statistics.median(ganz):6.2f} ms   "
            f"p90 {statistics.quantiles(ganz, n=10)[-1]:6.2f} ms   CPU {statistics.median(ganz_cpu):6.2f} ms   "
            f"{groesse / 1024:7.1f} KB"
        )
        print(
            f"{'  dieselbe Anfrage mit ETag (304)':<48} Median {statistics.median(gleich):6.2f} ms   "
            f"CPU {statistics.median(gleich_cpu):6.2f} ms"
        )


def berichte_messen(messen):
    benutzer = get_user_model().objects
    ratsbuero = Client(HTTP_HOST="127.0.0.1")
    ratsbuero.force_login(benutzer.get(username="ratsbuero"))
    projektteam = Client(HTTP_HOST="127.0.0.1")
    projektteam.force_login(benutzer.get(username="projektteam"))

    freigegeben = Bericht.objects.get(betreff=BV_BETREFF)
    url = reverse("berichte:version_pdf", args=[freigegeben.pk, 1])
    pdf = messen("Bericht: gespeicherte Freigabe ausliefern", lambda: _laden(ratsbuero, url), 20)
    print(f"{'  Größe':<48} {len(pdf) / 1024:8.1f} KB")
    profil_url = reverse("berichte:quartiersprofil_pdf", args=["menglinghausen"])
    profil_speichern()
    messen("Quartiersprofil: gespeicherte Freigabe ausliefern", lambda: _laden(ratsbuero, profil_url), 20)

    liste = reverse("berichte:liste")
    for name, client in (("Ratsbüro", ratsbuero), ("Projektteam", projektteam)):
        messen(f"Berichtsliste ({name})", lambda client=client: client.get(liste))
        with CaptureQueriesContext(connection) as abfragen:
            client.get(liste)
        print(f"{'  Abfragen':<48} {len(abfragen):8d}")

    entwurf = Bericht.objects.get(betreff=AUSSCHUSS_BETREFF)
    teile, titel, autor = bericht_html_teile(bericht=entwurf, version_nummer=None)
    boden = messen("  Boden: WeasyPrint allein (Bericht, 2 Profile)", lambda: _boden(teile), 3)
    messen(
        "Bericht-PDF im Kindprozess (Anschreiben + 2 Profile)",
        lambda: pdf_abgeschottet(teile=teile, titel=titel, autor=autor),
        3,
    )
    print(f"{'  Größe (Boden)':<48} {len(boden) / 1024:8.1f} KB")

"""Rendering safely: WeasyPrint in a child process with a time and a memory limit; hostile HTML
(deep nesting, local files, network URLs) and broken templates end in a clean PDF or a clear
German error, and the web process stays free."""

import base64
import http.server
import io
import mmap
import threading
import time

import pytest
from django.test import override_settings
from PIL import Image

from berichte.services.rendern import PdfFehler, html_rendern, pdf_abgeschottet
from tests.berichte.hilfen import pdf_lesen
from tests.berichte.pdf_pruefung import schriftnamen

SEITE = '<html lang="de"><head><title>T</title></head><body>{}</body></html>'


def test_zwei_teile_ergeben_ein_pdf_mit_durchlaufenden_seitenzahlen_und_lesezeichen():
    teile = [
        SEITE.format("<h1>Anschreiben</h1><p>Text</p><h2 style='break-before: page'>Begründung</h2>"),
        SEITE.format("<h1>Quartiersprofil</h1><p>Profil</p>"),
    ]
    reader, seiten = pdf_lesen(pdf_abgeschottet(teile=teile, titel="Bericht", autor="Dortmund"))
    assert len(seiten) == 3
    assert [eintrag.title for eintrag in reader.outline if not isinstance(eintrag, list)] == [
        "Anschreiben",
        "Quartiersprofil",
    ]
    assert reader.metadata.title == "Bericht"
    assert "pdfaid:part" in reader.xmp_metadata.stream.get_data().decode() if reader.xmp_metadata else True


def test_tief_verschachtelter_text_wird_sofort_mit_klarer_meldung_abgewiesen():
    html = SEITE.format("<div>" * 5000 + "innen" + "</div>" * 5000)
    beginn = time.monotonic()
    with pytest.raises(PdfFehler, match="zu tief verschachtelt \\(5002 Ebenen ineinander, höchstens 100\\)"):
        pdf_abgeschottet(teile=[SEITE.format("<p>gut</p>"), html], titel="T", autor="A", sekunden=60)
    assert time.monotonic() - beginn < 5


class Zaehler(http.server.BaseHTTPRequestHandler):
    abrufe = 0

    def do_GET(self):  # noqa: N802 -- the name http.server calls
        Zaehler.abrufe += 1
        self.send_error(404)

    def log_message(self, *args):
        pass


def test_lokale_dateien_und_netzadressen_werden_nicht_geladen():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Zaehler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        html = SEITE.format(
            '<p>Bild folgt</p><img src="file:///etc/passwd" alt="passwd">'
            f'<img src="http://127.0.0.1:{server.server_port}/bild.png" alt="netz">'
            f'<link rel="stylesheet" href="http://127.0.0.1:{server.server_port}/stil.css">'
            '<iframe src="file:///etc/passwd"></iframe><object data="file:///etc/hostname"></object>'
        )
        pdf = pdf_abgeschottet(teile=[html], titel="T", autor="A")
    finally:
        server.shutdown()
        server.server_close()
    assert Zaehler.abrufe == 0
    _reader, seiten = pdf_lesen(pdf)
    text = " ".join(seiten)
    assert "Bild folgt" in text
    assert "root:" not in text
    assert b"root:x:0" not in pdf


def test_endloses_rendern_wird_nach_zeitlimit_abgebrochen():
    html = SEITE.format("<table>" + "<tr><td>Zelle</td><td>Zelle</td></tr>" * 40000 + "</table>")
    beginn = time.monotonic()
    with pytest.raises(PdfFehler, match="nach 1 Sekunden abgebrochen"):
        pdf_abgeschottet(teile=[html], titel="T", autor="A", sekunden=1)
    assert time.monotonic() - beginn < 10


def test_speichergrenze_bricht_mit_klarer_meldung_ab():
    """300 MB hold a short document (the render process starts at about 75 MB), not a photo of
    9,000 × 9,000 pixels (a 250 KB PNG that WeasyPrint decodes into 243 MB)."""
    kurz = pdf_abgeschottet(teile=[SEITE.format("<p>kurz</p>")], titel="T", autor="A", speicher_mb=300)
    assert "kurz" in pdf_lesen(kurz)[1][0]
    puffer = io.BytesIO()
    Image.new("RGB", (9000, 9000), (200, 30, 30)).save(puffer, "PNG")
    bild = base64.b64encode(puffer.getvalue()).decode()
    html = SEITE.format(f'<img alt="Riesenfoto" style="width: 10cm" src="data:image/png;base64,{bild}">')
    with pytest.raises(PdfFehler, match="mehr Arbeitsspeicher als erlaubt \\(300 MB\\)"):
        pdf_abgeschottet(teile=[html], titel="T", autor="A", speicher_mb=300)


def test_grosser_aufrufender_prozess_zaehlt_nicht_zur_speichergrenze():
    """The limit is the render's own: a caller whose address space is already larger than the limit
    (a long-running worker) still gets its PDF (a fork of the caller would inherit that size and fail)."""
    ballast = mmap.mmap(-1, 1024 * 1024 * 1024)  # 1 GB of address space, never touched
    try:
        pdf = pdf_abgeschottet(teile=[SEITE.format("<p>kurz</p>")], titel="T", autor="A", speicher_mb=300)
    finally:
        ballast.close()
    assert "kurz" in pdf_lesen(pdf)[1][0]


def test_gesperrte_ressource_wird_im_aufrufenden_prozess_protokolliert(caplog):
    html = SEITE.format('<img src="https://example.org/spion.png" alt="x"><p>Text</p>')
    with caplog.at_level("WARNING", logger="berichte.services.rendern"):
        pdf_abgeschottet(teile=[html], titel="T", autor="A")
    assert "https://example.org/spion.png" in caplog.text


def test_webprozess_bleibt_ansprechbar_waehrend_gerendert_wird():
    """The render runs in a child: the calling process's threads keep running meanwhile."""
    html = SEITE.format("<p>" + "Text " * 20000 + "</p>")
    ticks = []
    fertig = threading.Event()

    def ticken():
        while not fertig.is_set():
            ticks.append(time.monotonic())
            time.sleep(0.05)

    faden = threading.Thread(target=ticken)
    faden.start()
    try:
        pdf_abgeschottet(teile=[html], titel="T", autor="A")
    finally:
        fertig.set()
        faden.join()
    luecken = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    assert len(ticks) > 5
    assert max(luecken) < 0.5


def test_fehlerhafte_vorlage_gibt_deutsche_meldung(tmp_path):
    (tmp_path / "berichte").mkdir()
    (tmp_path / "berichte" / "kaputt.html").write_text("{% if %}kaputt", encoding="utf-8")
    vorlagen = [
        {
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "DIRS": [tmp_path],
            "OPTIONS": {"context_processors": []},
        }
    ]
    with override_settings(TEMPLATES=vorlagen), pytest.raises(PdfFehler) as fehler:
        html_rendern(vorlage="berichte/kaputt.html", kontext={})
    assert str(fehler.value).startswith("Die Vorlage „berichte/kaputt.html“ enthält einen Fehler")
    with pytest.raises(PdfFehler, match="fehlt"):
        html_rendern(vorlage="berichte/gibt-es-nicht.html", kontext={})


# Run in a process of its own: fontconfig reads FONTCONFIG_FILE when a configuration is loaded, and
# the fork server inherits the environment of the process that starts it (the test worker's own
# fork server may already run with the system's configuration).
SCHRIFTEN_SKRIPT = """
import pathlib, sys
import django
django.setup()
from berichte.services.rendern import _im_kindprozess

konf, ordner, leer, ziel = map(pathlib.Path, sys.argv[1:])
def setzen(text, datei):
    html = f"<html lang='de'><body><p>{text}</p></body></html>"
    (ziel / datei).write_bytes(_im_kindprozess([html], "Schriften", "Dortmund", None, 60, 0))

setzen("Erster Text", "vorher.pdf")
# The configuration now names an empty folder: a child that loaded fontconfig anew would find no font.
konf.write_text(konf.read_text().replace(str(ordner), str(leer)))
setzen("Zweiter Text", "nachher.pdf")
"""


def test_kind_laedt_die_schriften_nicht_selbst(tmp_path):
    """The render's child uses the fonts its fork server loaded, and never loads fontconfig itself
    (under its memory limit that once wrote an empty font cache for the whole machine, see
    ``dwk.pdf_setzen.SCHRIFTEN``): after the fork server started, the configuration is changed to an
    empty font folder, and the next PDF still has the font."""
    import os
    import subprocess
    import sys

    from django.conf import settings

    schriften, leer, zwischenspeicher = tmp_path / "schriften", tmp_path / "leer", tmp_path / "fc-cache"
    for ordner in (schriften, leer, zwischenspeicher):
        ordner.mkdir()
    (schriften / "DejaVuSans.ttf").symlink_to("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    konf = tmp_path / "fonts.conf"
    konf.write_text(f"<fontconfig><dir>{schriften}</dir><cachedir>{zwischenspeicher}</cachedir></fontconfig>")
    ergebnis = subprocess.run(
        [sys.executable, "-c", SCHRIFTEN_SKRIPT, str(konf), str(schriften), str(leer), str(tmp_path)],
        cwd=settings.BASE_DIR,
        env={**os.environ, "FONTCONFIG_FILE": str(konf), "DWK_VAR_DIR": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert ergebnis.returncode == 0, ergebnis.stderr[-3000:]
    vorher, nachher = (
        schriftnamen(pdf_lesen((tmp_path / datei).read_bytes())[0]) for datei in ("vorher.pdf", "nachher.pdf")
    )
    assert any("DejaVu-Sans" in name for name in vorher), vorher
    assert nachher == vorher

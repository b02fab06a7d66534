"""The secret key made on first start (no DWK_SECRET_KEY): processes that start at the same moment —
gunicorn's workers, a command beside the server, the test workers of a fresh checkout — all get the
same key. Before, each could find no file, make its own key and write it: a worker then signed
sessions and the feedback form's sender counts with a key no other process had."""

import multiprocessing
import stat

from dwk.einstellungen.basis import schluessel_aus_datei

PROZESSE = 8
RUNDEN = 15


def _gleichzeitig(datei, start, ergebnisse):
    start.wait()
    ergebnisse.put(schluessel_aus_datei(datei))


def test_gleichzeitig_startende_prozesse_bekommen_denselben_schluessel(tmp_path):
    kontext = multiprocessing.get_context("fork")
    for runde in range(RUNDEN):
        datei = tmp_path / f"runde{runde}" / "secret_key"
        start, ergebnisse = kontext.Barrier(PROZESSE), kontext.Queue()
        prozesse = [kontext.Process(target=_gleichzeitig, args=(datei, start, ergebnisse)) for _ in range(PROZESSE)]
        for prozess in prozesse:
            prozess.start()
        schluessel = {ergebnisse.get(timeout=30) for _ in prozesse}
        for prozess in prozesse:
            prozess.join(timeout=30)
        assert schluessel == {datei.read_text().strip()}, f"Runde {runde}: {len(schluessel)} Schlüssel"
        assert len(datei.read_text().strip()) >= 50
        assert stat.S_IMODE(datei.stat().st_mode) == 0o600
        assert [p.name for p in datei.parent.iterdir()] == ["secret_key"]  # no draft left behind


def test_vorhandener_schluessel_bleibt(tmp_path):
    datei = tmp_path / "secret_key"
    datei.write_text("vorhanden-" + "x" * 50 + "\n")
    assert schluessel_aus_datei(datei) == "vorhanden-" + "x" * 50

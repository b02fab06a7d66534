"""The secret key made on first start (no DWK_SECRET_KEY): processes that start at the same moment —
gunicorn's workers, a command beside the server, the test workers of a fresh checkout — all get the
same key. Before, each could find no file, make its own key and write it: a worker then signed
sessions and the feedback form's sender counts with a key no other process had.

The starts race here as threads at a barrier: the code keeps no state per process, and threads
race on the file as processes do (the old code gave different keys in 5 to 14 of 15 rounds),
without forking a large test process 120 times."""

import stat
import threading

from dwk.einstellungen.basis import schluessel_aus_datei

GLEICHZEITIG = 8
RUNDEN = 15


def test_gleichzeitig_startende_prozesse_bekommen_denselben_schluessel(tmp_path):
    for runde in range(RUNDEN):
        datei = tmp_path / f"runde{runde}" / "secret_key"
        start, schluessel = threading.Barrier(GLEICHZEITIG), []

        def starten(datei=datei, start=start, schluessel=schluessel):
            start.wait()
            schluessel.append(schluessel_aus_datei(datei))

        faeden = [threading.Thread(target=starten) for _ in range(GLEICHZEITIG)]
        for faden in faeden:
            faden.start()
        for faden in faeden:
            faden.join(timeout=30)
        assert len(schluessel) == GLEICHZEITIG
        assert set(schluessel) == {datei.read_text().strip()}, f"Runde {runde}: {len(set(schluessel))} Schlüssel"
        assert len(datei.read_text().strip()) >= 50
        assert stat.S_IMODE(datei.stat().st_mode) == 0o600
        assert [p.name for p in datei.parent.iterdir()] == ["secret_key"]  # no draft left behind


def test_vorhandener_schluessel_bleibt(tmp_path):
    datei = tmp_path / "secret_key"
    datei.write_text("vorhanden-" + "x" * 50 + "\n")
    assert schluessel_aus_datei(datei) == "vorhanden-" + "x" * 50

"""A real TCP listener on 127.0.0.1 that records every connection: for tests that a file makes no request."""

import socket
import threading


class Lauscher:
    """``with Lauscher() as lauscher:`` … ``lauscher.url("/x")`` … ``lauscher.empfangen`` (what arrived, raw).

    Accepts every connection on a free port and records the first bytes it receives;
    answers with a small HTTP 200 (a valid PROJ string), so a request that gets through
    would also succeed and could not hide behind an error.
    """

    ANTWORT = b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\n+proj=longlat +datum=WGS84 +no_defs\n"

    def __init__(self):
        self.empfangen = []
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._socket.bind(("127.0.0.1", 0))
        self._socket.listen(16)
        self._socket.settimeout(0.2)
        self.port = self._socket.getsockname()[1]
        self._aus = threading.Event()
        self._faden = threading.Thread(target=self._annehmen, daemon=True)

    def url(self, pfad="/"):
        return f"http://127.0.0.1:{self.port}{pfad}"

    def _annehmen(self):
        while not self._aus.is_set():
            try:
                verbindung, _adresse = self._socket.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with verbindung:
                verbindung.settimeout(1)
                try:
                    self.empfangen.append(verbindung.recv(4096) or b"(Verbindung ohne Daten)")
                    verbindung.sendall(self.ANTWORT)
                except OSError:
                    self.empfangen.append(b"(Verbindung)")

    def __enter__(self):
        self._faden.start()
        return self

    def __exit__(self, *fehler):
        self._aus.set()
        self._faden.join(timeout=2)
        self._socket.close()

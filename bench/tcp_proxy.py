"""A small TCP proxy in front of PostgreSQL, to take the database away from the app and give it back
without touching the PostgreSQL server that others share (tests/dwk/test_datenbank_ausfall.py and
bench/last.py).

``stoppen()`` closes every connection it carries and the listening socket: the app's open connection
breaks, and a new one is refused, as when the server went down. ``starten()`` listens again on the
same port: the database is "back".
"""

import contextlib
import os
import socket
import threading


def postgresql_ziel(settings_dict: dict) -> tuple[int, object]:
    """The address family and address PostgreSQL listens on for ``settings_dict`` (Django's
    DATABASES entry): its Unix socket when HOST is empty or a directory, else host and port."""
    host, port = settings_dict.get("HOST") or "", int(settings_dict.get("PORT") or 5432)
    if not host or host.startswith("/"):
        return socket.AF_UNIX, os.path.join(host or "/var/run/postgresql", f".s.PGSQL.{port}")
    return socket.AF_INET, (host, port)


class TcpProxy:
    """Forwards 127.0.0.1:``port`` to ``ziel`` (family, address) with two threads per connection."""

    def __init__(self, ziel: tuple[int, object], port: int = 0) -> None:
        self.familie, self.adresse = ziel
        self.port = port
        self._lauscher = None
        self._verbindungen: list[socket.socket] = []
        self._sperre = threading.Lock()

    def starten(self) -> int:
        lauscher = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        lauscher.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        lauscher.bind(("127.0.0.1", self.port))
        lauscher.listen(64)
        self.port = lauscher.getsockname()[1]
        self._lauscher = lauscher
        threading.Thread(target=self._annehmen, args=(lauscher,), daemon=True).start()
        return self.port

    def stoppen(self) -> None:
        lauscher, self._lauscher = self._lauscher, None
        if lauscher is not None:
            with contextlib.suppress(OSError):
                lauscher.shutdown(socket.SHUT_RDWR)
            lauscher.close()
        with self._sperre:
            verbindungen, self._verbindungen = self._verbindungen, []
        for s in verbindungen:
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)
            s.close()

    def _annehmen(self, lauscher: socket.socket) -> None:
        while True:
            try:
                client, _adresse = lauscher.accept()
            except OSError:
                return
            try:
                server = socket.socket(self.familie, socket.SOCK_STREAM)
                server.connect(self.adresse)
            except OSError:
                client.close()
                continue
            with self._sperre:
                self._verbindungen += [client, server]
            for von, nach in ((client, server), (server, client)):
                threading.Thread(target=self._weiterleiten, args=(von, nach), daemon=True).start()

    @staticmethod
    def _weiterleiten(von: socket.socket, nach: socket.socket) -> None:
        try:
            while daten := von.recv(65536):
                nach.sendall(daten)
        except OSError:
            pass
        finally:
            for s in (von, nach):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)

"""Reading a council information system through its OParl 1.1 interface (read only, no login).

Only the origin (scheme, host, port) of ``settings.DWK_OPARL_URL`` is ever requested: every URL an
answer names is checked before it is fetched, redirects are not followed, each request has a
time-out (``DWK_OPARL_TIMEOUT``) and each answer a size limit (``DWK_OPARL_MAX_BYTES``). Every
failure becomes ``OParlFehler`` with one German sentence that says what failed and where.

``drucksache_suchen`` walks the body's paginated paper list (``data``, ``links.next``) until it
finds the paper with the printed-matter number (``reference``) and returns what a report shows of
it: name, date, type and its consultations (committee, meeting date, role, result).
"""

import json
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlsplit

import requests
from django.conf import settings

# At most this many pages of a paper list are read (a list page of OParl has 20–100 papers).
MAX_SEITEN = 200


class OParlFehler(Exception):
    """The council information system could not be read; ``str()`` is a German sentence for the user."""


@dataclass(frozen=True)
class Beratung:
    gremium: str
    datum: str  # ISO date of the meeting, or ""
    rolle: str
    ergebnis: str
    federfuehrend: bool

    def als_dict(self) -> dict:
        return {
            "gremium": self.gremium,
            "datum": self.datum,
            "rolle": self.rolle,
            "ergebnis": self.ergebnis,
            "federfuehrend": self.federfuehrend,
        }


@dataclass(frozen=True)
class Drucksache:
    id: str
    name: str
    aktenzeichen: str
    datum: date | None
    art: str
    beratungen: list[Beratung] = field(default_factory=list)


def _origin(url: str) -> tuple[str, str]:
    teile = urlsplit(url)
    return teile.scheme.lower(), (teile.netloc or "").lower()


class OParlClient:
    """A small OParl reader bound to one endpoint (default ``settings.DWK_OPARL_URL``)."""

    def __init__(self, basis_url: str | None = None) -> None:
        self.basis_url = (basis_url if basis_url is not None else settings.DWK_OPARL_URL).strip()
        if not self.basis_url:
            raise OParlFehler("Es ist kein Ratsinformationssystem (OParl) eingerichtet (DWK_OPARL_URL ist leer).")
        schema, ort = _origin(self.basis_url)
        if schema not in ("http", "https") or not ort:
            raise OParlFehler(f"DWK_OPARL_URL „{self.basis_url[:200]}“ ist keine http(s)-Adresse.")
        self.origin = (schema, ort)
        self.sitzung = requests.Session()
        self.sitzung.trust_env = False  # no proxies or .netrc from the environment

    def holen(self, url: str) -> dict:
        """The JSON object at ``url`` (which must lie on the configured origin)."""
        if not isinstance(url, str) or _origin(url) != self.origin:
            raise OParlFehler(
                f"Das Ratsinformationssystem verweist auf eine fremde Adresse ({str(url)[:200]}); "
                "sie wird nicht abgerufen."
            )
        grenze = settings.DWK_OPARL_MAX_BYTES
        try:
            with self.sitzung.get(
                url,
                timeout=settings.DWK_OPARL_TIMEOUT,
                allow_redirects=False,
                stream=True,
                headers={"Accept": "application/json"},
            ) as antwort:
                if antwort.status_code != 200:
                    raise OParlFehler(
                        f"Das Ratsinformationssystem antwortete unter {url[:200]} mit dem Status "
                        f"{antwort.status_code} statt mit Daten."
                    )
                inhalt = bytearray()
                for stueck in antwort.iter_content(64 * 1024):
                    inhalt.extend(stueck)
                    if len(inhalt) > grenze:
                        raise OParlFehler(
                            f"Die Antwort des Ratsinformationssystems unter {url[:200]} ist größer als "
                            f"{grenze // 1024} kB und wird nicht gelesen."
                        )
        except requests.Timeout as fehler:
            raise OParlFehler(
                f"Das Ratsinformationssystem hat unter {url[:200]} nicht innerhalb von "
                f"{settings.DWK_OPARL_TIMEOUT:g} Sekunden geantwortet."
            ) from fehler
        except requests.RequestException as fehler:
            raise OParlFehler(f"Das Ratsinformationssystem ist unter {url[:200]} nicht erreichbar.") from fehler
        try:
            daten = json.loads(bytes(inhalt).decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as fehler:
            raise OParlFehler(f"Die Antwort unter {url[:200]} ist kein gültiges JSON.") from fehler
        if not isinstance(daten, dict):
            raise OParlFehler(f"Die Antwort unter {url[:200]} ist kein OParl-Objekt.")
        return daten

    def _liste(self, url: str):
        """Every object of a paginated OParl list, page after page."""
        gesehen = set()
        for _seite in range(MAX_SEITEN):
            if url in gesehen:
                return
            gesehen.add(url)
            seite = self.holen(url)
            daten = seite.get("data")
            if not isinstance(daten, list):
                raise OParlFehler(f"Die Liste unter {url[:200]} hat kein Feld „data“.")
            yield from (objekt for objekt in daten if isinstance(objekt, dict))
            weiter = (seite.get("links") or {}).get("next") if isinstance(seite.get("links"), dict) else None
            if not weiter:
                return
            url = weiter

    def _text(self, objekt: dict, schluessel: str) -> str:
        wert = objekt.get(schluessel)
        return str(wert)[:500] if isinstance(wert, str | int | float) else ""

    def _objekt(self, wert: object) -> dict:
        """An embedded object or one given by its URL."""
        if isinstance(wert, dict):
            return wert
        if isinstance(wert, str) and wert:
            return self.holen(wert)
        return {}

    def _beratung(self, beratung: dict) -> Beratung:
        organisationen = beratung.get("organization") or []
        if not isinstance(organisationen, list):
            organisationen = [organisationen]
        gremien = [self._text(self._objekt(o), "name") for o in organisationen[:5]]
        sitzung = self._objekt(beratung.get("meeting"))
        datum = self._text(sitzung, "start")[:10]
        tagesordnungspunkt = self._objekt(beratung.get("agendaItem"))
        return Beratung(
            gremium=", ".join(g for g in gremien if g),
            datum=datum,
            rolle=self._text(beratung, "role"),
            ergebnis=self._text(tagesordnungspunkt, "result"),
            federfuehrend=beratung.get("authoritative") is True,
        )

    def drucksache_suchen(self, aktenzeichen: str) -> Drucksache:
        """The paper with the printed-matter number ``aktenzeichen`` in the first body that has it."""
        aktenzeichen = aktenzeichen.strip()
        if not aktenzeichen:
            raise OParlFehler("Bitte geben Sie die Drucksachennummer an.")
        system = self.holen(self.basis_url)
        koerperschaften = system.get("body")
        if not isinstance(koerperschaften, str):
            raise OParlFehler("Das Ratsinformationssystem nennt keine Liste der Körperschaften („body“).")
        for koerperschaft in self._liste(koerperschaften):
            drucksachen = koerperschaft.get("paper")
            if not isinstance(drucksachen, str):
                continue
            for paper in self._liste(drucksachen):
                if str(paper.get("reference", "")).strip() == aktenzeichen:
                    return self._drucksache(paper)
        raise OParlFehler(f"Im Ratsinformationssystem gibt es keine Drucksache mit der Nummer „{aktenzeichen}“.")

    def drucksache_lesen(self, url: str) -> Drucksache:
        """The paper at ``url`` read again (to refresh a link)."""
        return self._drucksache(self.holen(url))

    def _drucksache(self, paper: dict) -> Drucksache:
        try:
            datum = date.fromisoformat(self._text(paper, "date")[:10]) if paper.get("date") else None
        except ValueError:
            datum = None
        beratungen = paper.get("consultation") or []
        if not isinstance(beratungen, list):
            beratungen = []
        return Drucksache(
            id=self._text(paper, "id"),
            name=self._text(paper, "name"),
            aktenzeichen=self._text(paper, "reference"),
            datum=datum,
            art=self._text(paper, "paperType"),
            beratungen=[self._beratung(self._objekt(b)) for b in beratungen[:50]],
        )

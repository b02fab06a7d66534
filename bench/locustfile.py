"""A mixed load for locust (bench/last.py starts it; issue 13).

Projektteam browses the pages behind the login, saves a quarter's edit form unchanged (a real
save: service, history, new Datenstand) and downloads the profile PDF; members of the steering
group, each with an account of their own, read their pages and rate the workshop results of the
open review round (every result's relevance and feasibility 1–5, sent through the page's form with
its CSRF token: a real save); the public reads the public pages; one user class asks the floor
view, so the floor is measured in the same run. Logged-in users come with session ids made by
bench/last.py (DWK_LAST_ZIELE, JSON), so the load has no logins. The think time is
DWK_LAST_DENKZEIT ("min-max" seconds, "0" for the saturation run).
"""

import itertools
import json
import os
import random
from html.parser import HTMLParser
from urllib.parse import urlsplit

from locust import HttpUser, between, constant, task

ZIELE = json.loads(os.environ.get("DWK_LAST_ZIELE", "{}"))
_von, _sep, _bis = os.environ.get("DWK_LAST_DENKZEIT", "3-10").partition("-")
DENKZEIT = constant(0) if float(_von) == 0 and not _bis else between(float(_von), float(_bis or _von))
QUARTIER = ZIELE.get("quartier", "menglinghausen")


class Formularfelder(HTMLParser):
    """The fields of the page's own form (the first with method="post" that posts to the page itself,
    not the logout form of the page head) as a browser would send them unchanged; ``radiogruppen``:
    the values of every radio group, to choose from."""

    def __init__(self, pfad: str = "") -> None:
        super().__init__()
        self.pfad = pfad
        self.felder: list[tuple[str, str]] = []
        self.radiogruppen: dict[str, list[str]] = {}
        self._im_formular = self._fertig = False
        self._auswahl = self._textfeld = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and (a.get("method") or "").lower() == "post" and not self._fertig:
            self._im_formular = a.get("action") in (None, "", self.pfad)
        if not self._im_formular or not a.get("name") and tag != "option":
            return
        if tag == "input" and a.get("type") == "radio":
            self.radiogruppen.setdefault(a["name"], []).append(a.get("value") or "on")
        if tag == "input" and a.get("type") not in {"submit", "button", "file", "checkbox", "radio"}:
            self.felder.append((a["name"], a.get("value") or ""))
        elif tag == "input" and a.get("type") in {"checkbox", "radio"} and "checked" in a:
            self.felder.append((a["name"], a.get("value") or "on"))
        elif tag == "select":
            self._auswahl = a["name"]
        elif tag == "option" and self._auswahl and "selected" in a:
            self.felder.append((self._auswahl, a.get("value") or ""))
        elif tag == "textarea":
            self._textfeld = a["name"]
            self.felder.append((a["name"], ""))

    def handle_data(self, data):
        if self._textfeld:
            name, text = self.felder[-1]
            self.felder[-1] = (name, text + data)

    def handle_endtag(self, tag):
        if tag == "select":
            self._auswahl = None
        elif tag == "textarea":
            self._textfeld = None
        elif tag == "form" and self._im_formular:
            self._im_formular, self._fertig = False, True


def formular_lesen(client, url: str, name: str) -> tuple[Formularfelder | None, str]:
    """GET the page of a form: its fields (None if the page did not answer 200) and its address."""
    seite = client.get(url, name=f"{name} (Formular)")
    if seite.status_code != 200:
        return None, seite.url
    leser = Formularfelder(pfad=urlsplit(url).path)
    leser.feed(seite.text)
    return leser, seite.url


def formular_senden(client, url: str, name: str, felder: list[tuple[str, str]], referer: str) -> None:
    """POST ``felder`` (with the CSRF token of the page) to ``url``; only a redirect counts as saved:
    a page answered with 200 again shows the form's errors, and is counted as a failure."""
    with client.post(
        url, data=felder, name=name, headers={"Referer": referer}, allow_redirects=False, catch_response=True
    ) as antwort:
        if antwort.status_code in (302, 303):
            antwort.success()
        elif antwort.status_code == 200:
            veraltet = "inzwischen" in antwort.text  # the stale-edit refusal names the other's save
            antwort.failure(
                "nicht gespeichert: inzwischen von jemand anderem geändert"
                if veraltet
                else "nicht gespeichert: das Formular kam mit Fehlern zurück"
            )


def formular_zuruecksenden(client, url: str, name: str) -> None:
    """GET the page of a form and POST its fields back unchanged (with the CSRF token)."""
    leser, referer = formular_lesen(client, url, name)
    if leser is not None:
        formular_senden(client, url, name, leser.felder, referer)


class Angemeldet(HttpUser):
    abstract = True
    wait_time = DENKZEIT
    rolle = ""

    def on_start(self):
        self.client.cookies.set("sessionid", ZIELE["sitzungen"][self.rolle])


class Projektteam(Angemeldet):
    weight = 4
    rolle = "projektteam"

    @task(3)
    def uebersicht(self):
        self.client.get("/uebersicht/", name="Übersicht")

    @task(2)
    def karte(self):
        self.client.get("/karte/", name="Stadtkarte")
        for ebene in ("stadtbezirke", "bezirke", "quartiere"):
            self.client.get(f"/karte/{ebene}.geojson", name="Kartenebene (GeoJSON)")

    @task(3)
    def quartier(self):
        self.client.get(f"/quartiere/{QUARTIER}/", name="Quartier")

    @task(2)
    def profil(self):
        self.client.get(f"/quartiere/{QUARTIER}/profil/", name="Quartiersprofil")

    @task(2)
    def analyse(self):
        self.client.get(f"/analyse/quartiere/{QUARTIER}/", name="Analyse Quartier")
        self.client.get("/analyse/indikatoren/anteil_80plus/", name="Choropleth")

    @task(1)
    def massnahmen(self):
        self.client.get(f"/quartiere/{QUARTIER}/massnahmen/", name="Maßnahmen")

    @task(1)
    def quartier_bearbeiten(self):
        formular_zuruecksenden(self.client, f"/quartiere/{QUARTIER}/bearbeiten/", "Quartier speichern")

    @task(1)
    def profil_pdf(self):
        self.client.get(f"/quartiere/{QUARTIER}/profil.pdf", name="Quartiersprofil-PDF")


_MITGLIEDER = itertools.count()


class Mitglied(HttpUser):
    """A member of the steering group: each simulated member logs in as a member of their own (the
    sessions in ``ZIELE["mitglieder"]``, taken in turn), so two of them never overwrite one rating."""

    weight = 3
    wait_time = DENKZEIT

    def on_start(self):
        sitzungen = ZIELE["mitglieder"]
        self.client.cookies.set("sessionid", sitzungen[next(_MITGLIEDER) % len(sitzungen)])

    @task(2)
    def meine(self):
        self.client.get("/lenkungsgruppe/meine/", name="Meine Lenkungsgruppe")

    @task(2)
    def analyse(self):
        self.client.get(f"/analyse/quartiere/{QUARTIER}/", name="Analyse Quartier")

    @task(2)
    def bewerten(self):
        """Open the review page, rate every result anew (relevance and feasibility 1–5) and save."""
        if not ZIELE.get("bewerten"):
            return
        leser, referer = formular_lesen(self.client, ZIELE["bewerten"], "Ergebnisse bewerten")
        if leser is None:
            return
        gewaehlt = {name: random.choice(werte) for name, werte in leser.radiogruppen.items()}  # noqa: S311
        felder = [(n, w) for n, w in leser.felder if n not in gewaehlt] + list(gewaehlt.items())
        formular_senden(self.client, ZIELE["bewerten"], "Ergebnisse bewerten", felder, referer)


class Oeffentlich(HttpUser):
    weight = 3
    wait_time = DENKZEIT

    @task(2)
    def startseite(self):  # not "start": that is locust's own method of a user
        self.client.get("/", name="Startseite")

    @task(3)
    def projekt(self):
        self.client.get("/projekt/", name="Öffentlich: Projekt")
        self.client.get("/projekt/quartiere/", name="Öffentlich: Quartiere")

    @task(2)
    def quartier(self):
        self.client.get(f"/projekt/quartiere/{QUARTIER}/", name="Öffentlich: Quartier")

    @task(1)
    def profil_pdf(self):
        if ZIELE.get("oeffentliches_pdf"):
            self.client.get(ZIELE["oeffentliches_pdf"], name="Öffentlich: Profil-PDF")


class Boden(Angemeldet):
    """The floor view in the same run (bench/urls.py), logged in like Projektteam."""

    weight = 1
    rolle = "projektteam"

    @task
    def boden(self):
        self.client.get("/bench/boden/", name="Boden")

"""A mixed load for locust (bench/last.py starts it; issue 13).

Projektteam browses the pages behind the login, saves a quarter's edit form unchanged (a real
save: service, history, new Datenstand) and downloads the profile PDF; members of the steering
group read their pages and send the review form of an event; the public reads the public pages;
one user class asks the floor view, so the floor is measured in the same run. Logged-in users
come with session ids made by bench/last.py (DWK_LAST_ZIELE, JSON), so the load has no logins.
The think time is DWK_LAST_DENKZEIT ("min-max" seconds, "0" for the saturation run).
"""

import json
import os
from html.parser import HTMLParser

from locust import HttpUser, between, constant, task

ZIELE = json.loads(os.environ.get("DWK_LAST_ZIELE", "{}"))
_von, _sep, _bis = os.environ.get("DWK_LAST_DENKZEIT", "3-10").partition("-")
DENKZEIT = constant(0) if float(_von) == 0 and not _bis else between(float(_von), float(_bis or _von))
QUARTIER = ZIELE.get("quartier", "menglinghausen")


class Formularfelder(HTMLParser):
    """The fields of the first form with method="post" as a browser would send them unchanged."""

    def __init__(self) -> None:
        super().__init__()
        self.felder: list[tuple[str, str]] = []
        self._im_formular = self._fertig = False
        self._auswahl = self._textfeld = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and (a.get("method") or "").lower() == "post" and not self._fertig:
            self._im_formular = True
        if not self._im_formular or not a.get("name") and tag != "option":
            return
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


def formular_zuruecksenden(client, url: str, name: str) -> None:
    """GET the page of a form and POST its fields back unchanged (with the CSRF token)."""
    seite = client.get(url, name=f"{name} (Formular)")
    if seite.status_code != 200:
        return
    leser = Formularfelder()
    leser.feed(seite.text)
    client.post(url, data=leser.felder, name=name, headers={"Referer": seite.url})


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


class Mitglied(Angemeldet):
    weight = 3
    rolle = "lenkungsgruppe"

    @task(2)
    def meine(self):
        self.client.get("/lenkungsgruppe/meine/", name="Meine Lenkungsgruppe")

    @task(2)
    def analyse(self):
        self.client.get(f"/analyse/quartiere/{QUARTIER}/", name="Analyse Quartier")

    @task(2)
    def bewerten(self):
        if ZIELE.get("bewerten"):
            formular_zuruecksenden(self.client, ZIELE["bewerten"], "Bewertung senden")


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

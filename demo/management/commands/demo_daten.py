"""``python manage.py demo_daten``: the Dortmund demo (see the ``demo`` app)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.begehungen import begehungen_demo_anlegen
from demo.berichte import berichte_demo_anlegen
from demo.buergerdialog import buergerdialog_demo_anlegen
from demo.buergerdialog_bewertung import buergerdialog_bewertung_demo_anlegen
from demo.buergerdialog_dokumentation import buergerdialog_dokumentation_demo_anlegen
from demo.gebiete import DemoFehler, demo_daten_anlegen
from demo.infrastruktur import infrastruktur_demo_anlegen
from demo.kennzahlen import kennzahlen_demo_anlegen
from demo.konten import DEMO_PASSWORT
from demo.lenkungsgruppe import lenkungsgruppe_demo_anlegen
from demo.oeffentlich import oeffentlich_demo_anlegen
from demo.profil import profil_demo_anlegen
from demo.wegenetz import wegenetz_demo_anlegen
from demo.zeit import DEMO_TAG


class Command(BaseCommand):
    help = (
        "Legt die Dortmunder Demodaten an oder setzt sie auf ihren Stand zurück: Stadtbezirke, statistische "
        "Bezirke und Unterbezirke (echte Namen, erzeugte Flächen), die vier Referenzquartiere und je einen "
        "Demo-Zugang pro Rolle. Mehrfach ausführbar. Nur in der lokalen Demo (DEBUG an, wie `make run` es "
        "setzt), sonst nur mit --ich-weiss-was-ich-tue."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--ich-weiss-was-ich-tue",
            action="store_true",
            dest="ausdruecklich",
            help="Die Demodaten samt Demo-Zugängen (veröffentlichtes Passwort, auch ein Administrator) auch "
            "ohne DEBUG anlegen, etwa auf einem Testserver. Ändern Sie die Passwörter danach.",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["ausdruecklich"]:
            # The demo accounts' password is published (README, this command's output); outside the local
            # demo they would be an open door, an administrator among them. Nothing is written then.
            raise CommandError(
                "Die Demodaten legen Demo-Zugänge an, deren Passwort veröffentlicht ist – darunter einen "
                "Administrator. Das geschieht nur in der lokalen Demo (DWK_DEBUG=true, wie `make run` es setzt). "
                "Hier ist DEBUG aus; es wurde nichts geändert. Wenn Sie die Demodaten mit diesen Zugängen hier "
                "wirklich brauchen, rufen Sie den Befehl mit --ich-weiss-was-ich-tue auf."
            )
        try:
            ergebnis = demo_daten_anlegen()
        except DemoFehler as fehler:
            # Not an error: `make run` calls this command on every start, also over imported data.
            self.stderr.write(self.style.WARNING(f"{fehler} Es wurde nichts geändert."))
            return
        infrastruktur = infrastruktur_demo_anlegen()
        kennzahlen = kennzahlen_demo_anlegen()
        lenkungsgruppe = lenkungsgruppe_demo_anlegen()
        begehungen = begehungen_demo_anlegen()
        profile = profil_demo_anlegen()
        buergerdialog = buergerdialog_demo_anlegen()
        buergerdialog_dokumentation_demo_anlegen()
        buergerdialog_bewertung_demo_anlegen()
        oeffentlich_demo_anlegen()
        berichte = berichte_demo_anlegen()
        kommune = ergebnis.kommune
        einwohner = f"{kennzahlen.einwohner:,}".replace(",", ".")
        entfernt = f", {kennzahlen.entfernt} aus späteren Jahren entfernt" if kennzahlen.entfernt else ""
        flaeche = f"{ergebnis.stadtflaeche_km2:.1f}".replace(".", ",")
        referenz = [q.name for q in ergebnis.quartiere if q.ist_referenzquartier]
        kandidaten = [q.name for q in ergebnis.quartiere if not q.ist_referenzquartier]
        zeilen = [
            f"Demodaten für {kommune.name} ({kommune.gemeindeschluessel}) sind angelegt. "
            "Die Namen sind echt, die Flächen erzeugt, nicht amtlich.",
            f"  Die Demo erzählt den Stand vom {DEMO_TAG:%d.%m.%Y} (`make run` setzt DWK_HEUTE auf diesen Tag).",
            f"  {ergebnis.anzahl_stadtbezirke} Stadtbezirke, {ergebnis.anzahl_bezirke} statistische Bezirke, "
            f"{ergebnis.anzahl_unterbezirke} Unterbezirke, zusammen {flaeche} km²",
            f"  Referenzquartiere: {', '.join(sorted(referenz))}",
            f"  weitere Kandidaten: {', '.join(sorted(kandidaten))}",
            f"  Kennzahlen {kennzahlen.jahre[0]}–{kennzahlen.jahre[-1]}: {kennzahlen.anzahl} Werte der "
            f"{kennzahlen.unterbezirke} Unterbezirke ({kennzahlen.neu} neu, {kennzahlen.geaendert} geändert"
            f"{entfernt}); {einwohner} Einwohnerinnen und Einwohner {kennzahlen.jahre[-1]}",
            f"  {infrastruktur.anzahl} Infrastruktureinrichtungen (erfunden); bewusst ohne Einrichtung in Reichweite: "
            + "; ".join(f"{q}: {', '.join(k)}" for q, k in sorted(infrastruktur.luecken.items())),
            f"  Lenkungsgruppe: {lenkungsgruppe.aktive} aktive Mitglieder ({lenkungsgruppe.mitglieder} insgesamt), "
            f"{lenkungsgruppe.sitzungen} Sitzungen, {lenkungsgruppe.beschluesse} Beschlüsse, "
            f"{lenkungsgruppe.aufgaben} Aufgaben, {lenkungsgruppe.fachplanungen} Fachplanungen, "
            f"{lenkungsgruppe.meilensteine} Meilensteine; Demo-Zugang „lenkungsgruppe“ = {lenkungsgruppe.verknuepft}",
            f"  Belege der Quartiersprofile: {begehungen.begehungen} Begehungen mit {begehungen.befunde} Befunden und "
            f"{begehungen.fotos} Fotos (erzeugt, mit GPS-Standort), {begehungen.quellen} Quellen, "
            f"{begehungen.antworten} Antworten der Seniorenbüros",
            f"  Quartiersprofile: {profile.fassungen} Fassungen, {profile.massnahmen} Maßnahmen mit "
            f"{profile.meilensteine} Meilensteinen, {profile.akteure} Schlüsselpersonen und Akteure (erfunden), "
            f"{profile.gespraeche} Gespräche",
            f"  Bürgerdialog: {buergerdialog.veranstaltungen} Veranstaltungen, {buergerdialog.ergebnisse} Ergebnisse, "
            f"{buergerdialog.offene_punkte} offene Checklistenpunkte ({buergerdialog.ueberfaellige_punkte} überfällig)",
            f"  Berichte an Gremien: {berichte.berichte} (einer freigegeben, einer in Beratung der Lenkungsgruppe)",
            "",
            f"Anmeldungen — Passwort für alle: {DEMO_PASSWORT} (wird bei jedem Lauf wieder gesetzt)",
            f"  {'Benutzername':<16}{'Rolle':<16}Name",
        ]
        zeilen.insert(zeilen.index(""), wegenetz_demo_anlegen().zeile)
        for username, rolle, name, uebersprungen in ergebnis.nutzer:
            hinweis = "  (übersprungen: kein Demo-Zugang, bleibt unverändert)" if uebersprungen else ""
            zeilen.append(f"  {username:<16}{rolle:<16}{name}{hinweis}")
        self.stdout.write("\n".join(zeilen))

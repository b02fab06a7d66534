"""``python manage.py sicherung_wiederherstellen ORDNER`` (``make restore SICHERUNG=ORDNER``): see
``dwk.sicherung``."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from dwk.sicherung import SicherungsFehler, sicherung_wiederherstellen


class Command(BaseCommand):
    help = (
        "Stellt eine Sicherung (Ordner mit manifest.json) wieder her: prüft zuerst alle Prüfsummen, dann "
        "Datenbank und Mediendateien, und vergleicht danach die Zeilenzahlen mit dem Manifest."
    )

    def add_arguments(self, parser):
        parser.add_argument("ordner", type=Path, help="Der Sicherungsordner dwk-sicherung-<Zeit>.")
        parser.add_argument(
            "--datenbank",
            dest="datenbank_url",
            help="Zieldatenbank als URL wie in DWK_DATABASE_URL (Standard: die eingestellte Datenbank).",
        )
        parser.add_argument(
            "--ueberschreiben",
            action="store_true",
            help="Eine Zieldatenbank, die schon Tabellen hat, überschreiben (sonst wird abgebrochen).",
        )

    def handle(self, *args, **options):
        try:
            ergebnis = sicherung_wiederherstellen(
                ordner=options["ordner"],
                datenbank_url=options["datenbank_url"],
                ueberschreiben=options["ueberschreiben"],
            )
        except SicherungsFehler as fehler:
            raise CommandError(str(fehler)) from None
        self.stdout.write(
            f"Sicherung vom {ergebnis.manifest['erstellt']} wiederhergestellt: {ergebnis.tabellen} Tabellen "
            f"(Zeilenzahlen wie im Manifest), {ergebnis.medien} Mediendateien (Prüfsummen geprüft)."
        )

"""``python manage.py sicherung_erstellen [--ziel ORDNER]`` (``make backup``): see ``dwk.sicherung``."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from dwk.sicherung import SicherungsFehler, sicherung_erstellen


class Command(BaseCommand):
    help = (
        "Sichert die Datenbank (PostgreSQL: pg_dump im Custom-Format; SpatiaLite: Kopie der Datei) und alle "
        "Mediendateien in einen neuen Ordner dwk-sicherung-<Zeit> mit manifest.json (Zeilenzahlen, "
        "SHA-256-Prüfsummen)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--ziel",
            type=Path,
            default=Path(settings.VAR_DIR) / "sicherungen",
            help="Ordner, in dem der Sicherungsordner angelegt wird (Standard: DWK_VAR_DIR/sicherungen).",
        )

    def handle(self, *args, **options):
        try:
            sicherung = sicherung_erstellen(ziel=options["ziel"])
        except SicherungsFehler as fehler:
            raise CommandError(str(fehler)) from None
        manifest = sicherung.manifest
        self.stdout.write(
            f"Sicherung erstellt: {sicherung.ordner}\n"
            f"  Datenbank ({manifest['datenbank']['art']}): {len(manifest['tabellen'])} Tabellen, "
            f"{sicherung.zeilen} Zeilen, {manifest['datenbank']['groesse']} Bytes\n"
            f"  Mediendateien: {len(manifest['medien'])}"
        )

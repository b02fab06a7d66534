"""``python manage.py quartiersprofil_pdf SLUG OUT.pdf``: write a quarter profile to a file."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from berichte.daten import freigegebene_fassung
from berichte.pdf import quartiersprofil_pdf
from quartiere.models import Quartier


class Command(BaseCommand):
    help = (
        "Schreibt das Quartiersprofil eines Quartiers als PDF/A-3b in eine Datei: die zuletzt freigegebene "
        "Fassung, ohne eine solche den Arbeitsstand (als nicht freigegeben gekennzeichnet)."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", help="Kürzel des Quartiers (wie in der Adresse /quartiere/<kürzel>/)")
        parser.add_argument("ausgabe", type=Path, help="Pfad der PDF-Datei, die geschrieben wird")

    def handle(self, *args, slug, ausgabe, **options):
        quartier = Quartier.objects.filter(slug=slug).first()
        if quartier is None:
            vorhandene = list(Quartier.objects.order_by("slug").values_list("slug", flat=True))
            if vorhandene:
                raise CommandError(
                    f"Es gibt kein Quartier mit dem Kürzel „{slug}“. Vorhandene Kürzel: {', '.join(vorhandene)}."
                )
            raise CommandError(f"Es gibt kein Quartier mit dem Kürzel „{slug}“; es sind noch keine Quartiere angelegt.")
        start = time.perf_counter()
        fassung = freigegebene_fassung(quartier)
        pdf = quartiersprofil_pdf(quartier=quartier, fassung=fassung)
        dauer = time.perf_counter() - start
        try:
            ausgabe.write_bytes(pdf)
        except OSError as fehler:
            raise CommandError(f"Die Datei {ausgabe} ließ sich nicht schreiben: {fehler.strerror}.") from fehler
        sekunden = f"{dauer:.1f}".replace(".", ",")
        stand = f"Fassung {fassung.nummer}" if fassung else "Arbeitsstand, nicht freigegeben"
        self.stdout.write(
            self.style.SUCCESS(
                f"Quartiersprofil „{quartier.name}“ ({stand}) geschrieben: "
                f"{ausgabe} ({len(pdf) // 1024} kB, {sekunden} s)"
            )
        )

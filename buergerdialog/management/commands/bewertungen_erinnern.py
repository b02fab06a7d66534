"""``manage.py bewertungen_erinnern [--tage N]`` (for cron, e.g. daily): reminds members by e-mail of
review rounds whose deadline is at most N days away; once per member and round."""

from django.core.management.base import BaseCommand

from buergerdialog.services.bewertung import bewertungen_erinnern


class Command(BaseCommand):
    help = "Erinnert Mitglieder der Lenkungsgruppe per E-Mail an offene Bewertungen kurz vor der Frist."

    def add_arguments(self, parser):
        parser.add_argument("--tage", type=int, default=3, help="so viele Tage vor der Frist erinnern (Standard 3)")

    def handle(self, *args, tage, **options):
        erinnert = bewertungen_erinnern(tage=tage)
        self.stdout.write(f"{len(erinnert)} Erinnerung(en) versendet.")

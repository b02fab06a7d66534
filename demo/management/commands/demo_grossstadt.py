"""``manage.py demo_grossstadt``: a generated city of Berlin's size for measurements (demo/grossstadt.py)."""

from django.core.management.base import BaseCommand, CommandError

from demo.grossstadt import Groesse, GrossstadtFehler, grossstadt_anlegen


class Command(BaseCommand):
    help = (
        "Legt in einer leeren Datenbank eine erzeugte Stadt in Berlins Größe an: 12 Stadtbezirke, 140 "
        "statistische Bezirke, 550 Unterbezirke, 25 Kennzahlen × 11 Jahre, 5.000 Einrichtungen, 20 Quartiere, "
        "60 Veranstaltungen mit 3.000 Ergebnissen, 40 Sitzungen, 2.000 Fotos und die ausgefüllten Profile der vier "
        "Referenzquartiere. Jede Zahl lässt sich verkleinern."
    )

    def add_arguments(self, parser):
        for feld, standard in Groesse().__dict__.items():
            parser.add_argument(f"--{feld}", type=int, default=standard, help=f"Anzahl (Standard {standard})")

    def handle(self, *args, **optionen):
        groesse = Groesse(**{feld: optionen[feld] for feld in Groesse().__dict__})
        try:
            anzahlen = grossstadt_anlegen(groesse=groesse)
        except GrossstadtFehler as fehler:
            raise CommandError(str(fehler)) from None
        for name, anzahl in anzahlen.items():
            self.stdout.write(f"{name:<16} {anzahl:>8}")

"""The twelve participation subjects and the four mottos of the seed (editable afterwards)."""

from django.db import migrations

GEGENSTAENDE = [
    "Ein Fest im Quartier (generationenübergreifend, interkulturell)",
    "Stadtteilzeitung, Quartierszeitung oder Brief",
    "Zentrum für Begegnung und Veranstaltungen, Ort offener Begegnung, Treffpunkt",
    "Patenschaften",
    "Nachbarschaftsbörse",
    "Schwarzes Brett im Quartier (Informationstafel, Pinnwand, Schaukasten)",
    "Lokaler Themen-Tag im Quartier",
    "Begegnung von Jung und Alt im Gespräch",
    "Nachbarschaftliche Wegebegleitung",
    "Nachbarschaftsstifterinnen und -stifter",
    "Nachbarschaftsagentur",
    "Barrierefreier Bewegungspark / Umweltpfad",
]
MOTTOS = [
    "Gemeinschaft im Quartier: sich begegnen und kennenlernen",
    "Wir in Menglinghausen unterstützen uns gegenseitig",
    "Miteinander aktiv im Quartier",
    "Füreinander aktiv im Quartier",
]


def anlegen(apps, schema_editor):
    Beteiligungsgegenstand = apps.get_model("buergerdialog", "Beteiligungsgegenstand")
    Motto = apps.get_model("buergerdialog", "Motto")
    for nummer, name in enumerate(GEGENSTAENDE, start=1):
        Beteiligungsgegenstand.objects.get_or_create(name=name, defaults={"reihenfolge": nummer})
    for text in MOTTOS:
        Motto.objects.get_or_create(text=text)


class Migration(migrations.Migration):
    dependencies = [("buergerdialog", "0001_veranstaltungen")]

    operations = [migrations.RunPython(anlegen, migrations.RunPython.noop)]

"""The standard indicator catalogue for age-friendly quarter development (not city-specific).

Counts first, then the shares and rates computed from them (numerator / denominator × factor).
Running it again updates the rows by key; indicators added by hand are left alone.
"""

from django.db import migrations

QUELLE_STATISTIK = "Kommunale Statistikstelle (Einwohnermelderegister)"

# fmt: off
# (key, name, unit, definition, source, Handlungsfeld slug or None, direction, agreed)
ANZAHLEN = [
    ("ew_gesamt", "Einwohnerinnen und Einwohner", "Personen",
     "Personen mit Hauptwohnsitz am 31.12. des Jahres.", QUELLE_STATISTIK, None, "neutral", True),
    ("ew_0_17", "Einwohner 0 bis 17 Jahre", "Personen",
     "Personen mit Hauptwohnsitz im Alter von 0 bis 17 Jahren am 31.12.", QUELLE_STATISTIK, None, "neutral", False),
    ("ew_18_64", "Einwohner 18 bis 64 Jahre", "Personen",
     "Personen mit Hauptwohnsitz im Alter von 18 bis 64 Jahren am 31.12.", QUELLE_STATISTIK, None, "neutral", False),
    ("ew_65_79", "Einwohner 65 bis 79 Jahre", "Personen",
     "Personen mit Hauptwohnsitz im Alter von 65 bis 79 Jahren am 31.12.", QUELLE_STATISTIK, None, "neutral", True),
    ("ew_80plus", "Einwohner 80 Jahre und älter", "Personen",
     "Personen mit Hauptwohnsitz im Alter von 80 Jahren und mehr am 31.12.", QUELLE_STATISTIK, None, "neutral", True),
    ("ew_65plus", "Einwohner 65 Jahre und älter", "Personen",
     "Personen mit Hauptwohnsitz im Alter von 65 Jahren und mehr am 31.12. (65 bis 79 und 80+ zusammen).",
     QUELLE_STATISTIK, None, "neutral", True),
    ("hh_allein_65plus", "Einpersonenhaushalte mit einer Person ab 65 Jahren", "Haushalte",
     "Haushalte, in denen genau eine Person lebt, die 65 Jahre oder älter ist (Haushaltegenerierung).",
     QUELLE_STATISTIK, "wohnen", "neutral", True),
    ("grusi_65plus", "Empfänger von Grundsicherung im Alter", "Personen",
     "Personen ab 65 Jahren mit Leistungen der Grundsicherung im Alter (SGB XII, 4. Kapitel) am 31.12.",
     "Sozialamt", "teilhabe-soziale-infrastruktur", "hoeher_schlechter", True),
    ("pflegebeduerftige", "Pflegebedürftige", "Personen",
     "Personen mit einem Pflegegrad nach SGB XI (ambulant, stationär und Pflegegeld) am 15.12.",
     "Pflegestatistik", "gesundheit-pflege", "neutral", True),
    ("ew_65plus_migration", "Einwohner ab 65 Jahren mit Migrationshintergrund", "Personen",
     "Personen ab 65 Jahren mit ausländischer Staatsangehörigkeit, Einbürgerung oder Zuzug aus dem Ausland.",
     QUELLE_STATISTIK, "teilhabe-soziale-infrastruktur", "neutral", False),
]

# (key, name, unit, definition, Handlungsfeld slug or None, numerator, denominator, factor, direction, agreed)
ANTEILE = [
    ("anteil_65plus", "Anteil der Einwohner ab 65 Jahren", "%",
     "Einwohner ab 65 Jahren je 100 Einwohner.", None, "ew_65plus", "ew_gesamt", 100, "neutral", True),
    ("anteil_80plus", "Anteil der Einwohner ab 80 Jahren", "%",
     "Einwohner ab 80 Jahren je 100 Einwohner.", None, "ew_80plus", "ew_gesamt", 100, "neutral", True),
    ("anteil_allein_65plus", "Anteil der Alleinlebenden ab 65 Jahren", "%",
     "Einpersonenhaushalte mit einer Person ab 65 Jahren je 100 Einwohner ab 65 Jahren.", "wohnen",
     "hh_allein_65plus", "ew_65plus", 100, "hoeher_schlechter", True),
    ("quote_grusi_65plus", "Grundsicherung im Alter je 1.000 Einwohner ab 65", "je 1.000 Ew. 65+",
     "Empfänger von Grundsicherung im Alter je 1.000 Einwohner ab 65 Jahren.", "teilhabe-soziale-infrastruktur",
     "grusi_65plus", "ew_65plus", 1000, "hoeher_schlechter", True),
    ("quote_pflege", "Pflegebedürftige je 100 Einwohner ab 65", "je 100 Ew. 65+",
     "Pflegebedürftige (alle Altersgruppen) je 100 Einwohner ab 65 Jahren.", "gesundheit-pflege",
     "pflegebeduerftige", "ew_65plus", 100, "neutral", True),
    ("anteil_migration_65plus", "Anteil mit Migrationshintergrund an den Einwohnern ab 65", "%",
     "Einwohner ab 65 Jahren mit Migrationshintergrund je 100 Einwohner ab 65 Jahren.",
     "teilhabe-soziale-infrastruktur", "ew_65plus_migration", "ew_65plus", 100, "neutral", False),
]
# fmt: on


def anlegen(apps, schema_editor):
    Handlungsfeld = apps.get_model("quartiere", "Handlungsfeld")
    Indikator = apps.get_model("quartiere", "Indikator")
    felder = {h.slug: h for h in Handlungsfeld.objects.all()}
    reihenfolge = 0
    for schluessel, name, einheit, definition, quelle, feld, richtung, vereinbart in ANZAHLEN:
        reihenfolge += 10
        Indikator.objects.update_or_create(
            schluessel=schluessel,
            defaults={
                "name": name,
                "einheit": einheit,
                "definition": definition,
                "quelle": quelle,
                "handlungsfeld": felder.get(feld),
                "art": "anzahl",
                "zaehler": None,
                "nenner": None,
                "faktor": 1,
                "richtung": richtung,
                "ist_vereinbart": vereinbart,
                "reihenfolge": reihenfolge,
            },
        )
    for schluessel, name, einheit, definition, feld, zaehler, nenner, faktor, richtung, vereinbart in ANTEILE:
        reihenfolge += 10
        Indikator.objects.update_or_create(
            schluessel=schluessel,
            defaults={
                "name": name,
                "einheit": einheit,
                "definition": definition,
                "quelle": "berechnet aus Zähler und Nenner",
                "handlungsfeld": felder.get(feld),
                "art": "anteil",
                "zaehler": Indikator.objects.get(schluessel=zaehler),
                "nenner": Indikator.objects.get(schluessel=nenner),
                "faktor": faktor,
                "richtung": richtung,
                "ist_vereinbart": vereinbart,
                "reihenfolge": reihenfolge,
            },
        )


def entfernen(apps, schema_editor):
    Indikator = apps.get_model("quartiere", "Indikator")
    Indikator.objects.filter(schluessel__in=[a[0] for a in ANTEILE]).delete()
    Indikator.objects.filter(schluessel__in=[a[0] for a in ANZAHLEN]).delete()


class Migration(migrations.Migration):
    dependencies = [("quartiere", "0004_infrastruktur_kategorien")]
    operations = [migrations.RunPython(anlegen, entfernen)]

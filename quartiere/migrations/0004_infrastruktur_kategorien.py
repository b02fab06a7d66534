"""The categories of facilities that serve older people, each mapped to a Handlungsfeld."""

from django.db import migrations

# (slug, name, Handlungsfeld slug, walking radius in metres)
KATEGORIEN = [
    ("seniorenbuero", "Seniorenbüro", "teilhabe-soziale-infrastruktur", 1000),
    ("begegnungsstaette", "Begegnungsstätte", "teilhabe-soziale-infrastruktur", 500),
    ("gemeindezentrum", "Gemeindezentrum", "teilhabe-soziale-infrastruktur", 500),
    ("hausarztpraxis", "Hausarztpraxis", "gesundheit-pflege", 500),
    ("facharztpraxis", "Facharztpraxis", "gesundheit-pflege", 1000),
    ("apotheke", "Apotheke", "gesundheit-pflege", 500),
    ("ambulanter-pflegedienst", "ambulanter Pflegedienst", "gesundheit-pflege", 1000),
    ("tagespflege", "Tagespflege", "gesundheit-pflege", 1000),
    ("pflegeheim", "Pflegeheim", "gesundheit-pflege", 1000),
    ("lebensmittelmarkt", "Lebensmittelmarkt", "mobilitaet-nahversorgung", 500),
    ("baeckerei", "Bäckerei", "mobilitaet-nahversorgung", 500),
    ("bank-geldautomat", "Bank/Geldautomat", "mobilitaet-nahversorgung", 500),
    ("post", "Post", "mobilitaet-nahversorgung", 500),
    ("haltestelle", "Haltestelle", "mobilitaet-nahversorgung", 300),
    ("oeffentliche-toilette", "öffentliche Toilette", "wohnumfeld", 500),
    ("sitzbank", "Sitzbank", "wohnumfeld", 200),
    ("gruenflaeche-park", "Grünfläche/Park", "wohnumfeld", 500),
]


def anlegen(apps, schema_editor):
    Handlungsfeld = apps.get_model("quartiere", "Handlungsfeld")
    Kategorie = apps.get_model("quartiere", "InfrastrukturKategorie")
    for reihenfolge, (slug, name, feld, radius) in enumerate(KATEGORIEN, start=1):
        Kategorie.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "handlungsfeld": Handlungsfeld.objects.get(slug=feld),
                "radius_m": radius,
                "reihenfolge": reihenfolge,
            },
        )


def entfernen(apps, schema_editor):
    apps.get_model("quartiere", "InfrastrukturKategorie").objects.filter(slug__in=[k[0] for k in KATEGORIEN]).delete()


class Migration(migrations.Migration):
    dependencies = [("quartiere", "0003_kennzahlen_infrastruktur")]
    operations = [migrations.RunPython(anlegen, entfernen)]

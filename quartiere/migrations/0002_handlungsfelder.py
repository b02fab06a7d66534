"""The six fields of action of the Dortmund steering group (report of 16 March 2017)."""

from django.db import migrations

HANDLUNGSFELDER = [
    {
        "reihenfolge": 1,
        "slug": "wohnen",
        "name": "Wohnen",
        "kurzname": "Wohnen",
        "farbe": "#0b5394",
        "beschreibung": "Barrierearme und bezahlbare Wohnungen, Wohnberatung, Wohnungsanpassung und "
        "gemeinschaftliche Wohnformen, damit ältere Menschen in ihrem Quartier wohnen bleiben können.",
        "who_bereiche": ["Wohnen"],
    },
    {
        "reihenfolge": 2,
        "slug": "mobilitaet-nahversorgung",
        "name": "Mobilität und Nahversorgung",
        "kurzname": "Mobilität",
        "farbe": "#8a4500",
        "beschreibung": "Geschäfte, Dienstleistungen und Haltestellen in Fußnähe, sichere Wege, "
        "Nahmobilität und Angebote für Menschen, die nicht mehr selbst fahren.",
        "who_bereiche": ["Verkehr und Mobilität", "Außenräume und Gebäude"],
    },
    {
        "reihenfolge": 3,
        "slug": "sicherheit",
        "name": "Sicherheit",
        "kurzname": "Sicherheit",
        "farbe": "#a61c3c",
        "beschreibung": "Sicherheit im öffentlichen Raum und zu Hause: Beleuchtung, Sauberkeit, "
        "Schutz vor Betrug und Kriminalität, sichere Querungen.",
        "who_bereiche": ["Außenräume und Gebäude", "Respekt und soziale Inklusion"],
    },
    {
        "reihenfolge": 4,
        "slug": "wohnumfeld",
        "name": "Wohnumfeld",
        "kurzname": "Wohnumfeld",
        "farbe": "#2e6b30",
        "beschreibung": "Grünflächen, Sitzbänke, öffentliche Toiletten, barrierefreie Gehwege und "
        "Plätze, die zum Verweilen und Begegnen einladen.",
        "who_bereiche": ["Außenräume und Gebäude"],
    },
    {
        "reihenfolge": 5,
        "slug": "teilhabe-soziale-infrastruktur",
        "name": "Teilhabe und soziale Infrastruktur",
        "kurzname": "Teilhabe",
        "farbe": "#6a3d9a",
        "beschreibung": "Begegnungsstätten, Seniorenbüros, Nachbarschaft, bürgerschaftliches "
        "Engagement, Beratung und Angebote gegen Einsamkeit und Altersarmut.",
        "who_bereiche": [
            "Soziale Teilhabe",
            "Respekt und soziale Inklusion",
            "Bürgerschaftliches Engagement und Beschäftigung",
        ],
    },
    {
        "reihenfolge": 6,
        "slug": "gesundheit-pflege",
        "name": "Gesundheit und Pflege",
        "kurzname": "Gesundheit",
        "farbe": "#00695c",
        "beschreibung": "Ärztinnen und Ärzte, Apotheken, Pflegedienste, Tagespflege und Pflegeheime "
        "im Quartier, Prävention und Unterstützung für pflegende Angehörige.",
        "who_bereiche": ["Unterstützung durch die Gemeinschaft und Gesundheitsdienste"],
    },
]


def anlegen(apps, schema_editor):
    Handlungsfeld = apps.get_model("quartiere", "Handlungsfeld")
    for daten in HANDLUNGSFELDER:
        Handlungsfeld.objects.update_or_create(slug=daten["slug"], defaults=daten)


def entfernen(apps, schema_editor):
    apps.get_model("quartiere", "Handlungsfeld").objects.filter(slug__in=[d["slug"] for d in HANDLUNGSFELDER]).delete()


class Migration(migrations.Migration):
    dependencies = [("quartiere", "0001_initial")]
    operations = [migrations.RunPython(anlegen, entfernen)]

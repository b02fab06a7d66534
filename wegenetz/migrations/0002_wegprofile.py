"""The three walking profiles with their defaults (editable by Projektteam afterwards).

``anlegen`` is also called by the tests after a flush, with the current models: it sets only the
fields the (historical) model has, so the downhill limit of migration 0004 is set there too.
"""

from decimal import Decimal

from django.db import migrations

PROFILE = [
    {"art": "fuss", "geschwindigkeit_m_s": Decimal("0.90")},
    {
        "art": "rollator",
        "geschwindigkeit_m_s": Decimal("0.70"),
        "treppen_meiden": True,
        "max_steigung_prozent": Decimal("6.0"),
        "max_gefaelle_prozent": Decimal("6.0"),
        "hohe_bordsteine_meiden": True,
        "aufschlag_unbefestigt": Decimal("1.5"),
        "aufschlag_holprig": Decimal("1.3"),
        "barrieren_beachten": True,
    },
    {
        "art": "rollstuhl",
        "geschwindigkeit_m_s": Decimal("0.80"),
        "treppen_meiden": True,
        "max_steigung_prozent": Decimal("6.0"),
        "max_gefaelle_prozent": Decimal("6.0"),
        "hohe_bordsteine_meiden": True,
        "aufschlag_unbefestigt": Decimal("2.0"),
        "aufschlag_holprig": Decimal("1.5"),
        "barrieren_beachten": True,
    },
]


def anlegen(apps, schema_editor):
    Wegprofil = apps.get_model("wegenetz", "Wegprofil")
    felder = {f.name for f in Wegprofil._meta.get_fields()}
    for werte in PROFILE:
        Wegprofil.objects.get_or_create(art=werte["art"], defaults={k: v for k, v in werte.items() if k in felder})


class Migration(migrations.Migration):
    dependencies = [("wegenetz", "0001_initial")]

    operations = [migrations.RunPython(anlegen, migrations.RunPython.noop)]

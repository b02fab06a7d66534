"""The three walking profiles with their defaults (editable by Projektteam afterwards)."""

from decimal import Decimal

from django.db import migrations

PROFILE = [
    {"art": "fuss", "geschwindigkeit_m_s": Decimal("0.90")},
    {
        "art": "rollator",
        "geschwindigkeit_m_s": Decimal("0.70"),
        "treppen_meiden": True,
        "max_steigung_prozent": Decimal("6.0"),
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
        "hohe_bordsteine_meiden": True,
        "aufschlag_unbefestigt": Decimal("2.0"),
        "aufschlag_holprig": Decimal("1.5"),
        "barrieren_beachten": True,
    },
]


def anlegen(apps, schema_editor):
    Wegprofil = apps.get_model("wegenetz", "Wegprofil")
    for werte in PROFILE:
        Wegprofil.objects.get_or_create(art=werte["art"], defaults=werte)


class Migration(migrations.Migration):
    dependencies = [("wegenetz", "0001_initial")]

    operations = [migrations.RunPython(anlegen, migrations.RunPython.noop)]

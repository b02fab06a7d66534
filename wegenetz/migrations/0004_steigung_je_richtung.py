"""The incline of an edge is signed along its geometry (uphill/downhill), and a profile has a limit
for each direction. Existing profiles get a downhill limit equal to their uphill limit, so their
routes stay as they were; an imported network keeps its old unsigned inclines until it is imported
again (they read as uphill along the way).
"""

import importlib

import django.core.validators
from django.db import migrations, models


def gefaelle_setzen(apps, schema_editor):
    Wegprofil = apps.get_model("wegenetz", "Wegprofil")
    for werte in importlib.import_module("wegenetz.migrations.0002_wegprofile").PROFILE:
        if "max_gefaelle_prozent" in werte:
            Wegprofil.objects.filter(art=werte["art"], max_gefaelle_prozent__isnull=True).update(
                max_gefaelle_prozent=werte["max_gefaelle_prozent"]
            )


class Migration(migrations.Migration):
    dependencies = [
        ("wegenetz", "0003_knotenkoordinaten"),
    ]

    operations = [
        migrations.AddField(
            model_name="wegprofil",
            name="max_gefaelle_prozent",
            field=models.DecimalField(
                blank=True,
                decimal_places=1,
                help_text="Steilere Wege werden bergab gemieden; leer: keine Grenze.",
                max_digits=4,
                null=True,
                validators=[django.core.validators.MinValueValidator(0), django.core.validators.MaxValueValidator(50)],
                verbose_name="größtes Gefälle bergab (%)",
            ),
        ),
        migrations.AlterField(
            model_name="wegabschnitt",
            name="steigung_prozent",
            field=models.FloatField(
                blank=True,
                help_text="In Richtung des Verlaufs (vom Anfangs- zum Endknoten): positiv bergauf, negativ bergab, wie OSM „incline“ relativ zur Wegrichtung; leer, wenn nicht oder nur als up/down ohne Zahl erfasst.",
                null=True,
                verbose_name="Steigung (%)",
            ),
        ),
        migrations.AlterField(
            model_name="wegprofil",
            name="max_steigung_prozent",
            field=models.DecimalField(
                blank=True,
                decimal_places=1,
                help_text="Steilere Wege werden bergauf gemieden; leer: keine Grenze.",
                max_digits=4,
                null=True,
                validators=[django.core.validators.MinValueValidator(0), django.core.validators.MaxValueValidator(50)],
                verbose_name="größte Steigung bergauf (%)",
            ),
        ),
        migrations.RunPython(gefaelle_setzen, migrations.RunPython.noop),
    ]

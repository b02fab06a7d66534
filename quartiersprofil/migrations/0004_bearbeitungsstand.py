# Stale-edit guard (dwk.forms.VeralteterStandMixin) for findings, sources and survey questions.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("quartiersprofil", "0003_gespraech_bearbeitungsstand"),
    ]

    operations = [
        migrations.AddField(
            model_name="befund",
            name="updated_at",
            field=models.DateTimeField(auto_now=True),
        ),
        migrations.AddField(
            model_name="frage",
            name="updated_at",
            field=models.DateTimeField(auto_now=True),
        ),
        migrations.AddField(
            model_name="quelle",
            name="updated_at",
            field=models.DateTimeField(auto_now=True),
        ),
    ]

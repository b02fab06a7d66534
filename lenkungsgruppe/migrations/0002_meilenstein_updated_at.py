# A milestone's edit form refuses a stale save (dwk.forms.VeralteterStandMixin), which needs the
# time of the last change; existing milestones count as changed now.

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("lenkungsgruppe", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="meilenstein",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, default=django.utils.timezone.now),
            preserve_default=False,
        ),
    ]

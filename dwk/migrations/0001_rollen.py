"""The four roles as Django groups. Permissions themselves live in each app's rules.py."""

from django.db import migrations

ROLLEN = ["Projektteam", "Lenkungsgruppe", "Ratsbüro", "Partner"]


def rollen_anlegen(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in ROLLEN:
        Group.objects.get_or_create(name=name)


def rollen_entfernen(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLLEN).delete()


class Migration(migrations.Migration):
    dependencies = [("auth", "0012_alter_user_first_name_max_length")]
    operations = [migrations.RunPython(rollen_anlegen, rollen_entfernen)]

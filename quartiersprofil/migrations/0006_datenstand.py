"""The Datenstand of the quarter profiles' data (quartiersprofil.queries.datenstand), beside the one of
the ground data (quartiere/0007): a PostgreSQL sequence, on SQLite a one-row table."""

from django.db import migrations


def anlegen(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        if schema_editor.connection.vendor == "postgresql":
            cursor.execute("CREATE SEQUENCE IF NOT EXISTS quartiersprofil_datenstand")
            # Counted once, so that the first change moves last_value (a new sequence reads 1 before and
            # after its first nextval).
            cursor.execute("SELECT nextval('quartiersprofil_datenstand')")
        else:
            cursor.execute("CREATE TABLE IF NOT EXISTS quartiersprofil_datenstand (stand integer NOT NULL)")
            cursor.execute(
                "INSERT INTO quartiersprofil_datenstand (stand) "
                "SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM quartiersprofil_datenstand)"
            )


def entfernen(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        if schema_editor.connection.vendor == "postgresql":
            cursor.execute("DROP SEQUENCE IF EXISTS quartiersprofil_datenstand")
        else:
            cursor.execute("DROP TABLE IF EXISTS quartiersprofil_datenstand")


class Migration(migrations.Migration):
    dependencies = [
        ("quartiere", "0007_datenstand"),
        ("quartiersprofil", "0005_einwilligung_einladungen"),
    ]

    operations = [migrations.RunPython(anlegen, entfernen)]

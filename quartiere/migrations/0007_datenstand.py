"""The Datenstand counter (quartiere.queries.datenstand) and the cache table of CACHES (DatabaseCache).

PostgreSQL: a sequence (counting needs no lock, so parallel writers never wait for each other);
SQLite: a one-row table (SQLite has no sequences and writes one at a time anyway).
"""

from django.core.management import call_command
from django.db import migrations


def anlegen(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        if schema_editor.connection.vendor == "postgresql":
            cursor.execute("CREATE SEQUENCE IF NOT EXISTS quartiere_datenstand")
        else:
            cursor.execute("CREATE TABLE IF NOT EXISTS quartiere_datenstand (stand integer NOT NULL)")
            cursor.execute(
                "INSERT INTO quartiere_datenstand (stand) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM quartiere_datenstand)"
            )
    # The cache table of a DatabaseCache (DWK_CACHE=datenbank, the default); nothing for other caches.
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


def entfernen(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        if schema_editor.connection.vendor == "postgresql":
            cursor.execute("DROP SEQUENCE IF EXISTS quartiere_datenstand")
        else:
            cursor.execute("DROP TABLE IF EXISTS quartiere_datenstand")


class Migration(migrations.Migration):
    dependencies = [
        ("quartiere", "0006_kategorie_updated_at"),
    ]

    operations = [migrations.RunPython(anlegen, entfernen)]

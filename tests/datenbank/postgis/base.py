"""The PostGIS backend of the tests: Django's, emptying the database after a transactional test with
``DELETE`` instead of ``TRUNCATE``.

A transactional test (``transaction=True``, ``live_server``: every browser test) ends with Django's
``flush`` of all 160 tables. ``TRUNCATE`` gives every table a new file, whether it holds rows or not:
about 0.5 s per flush here, and the suite flushes more than a hundred times. The few rows such a test
leaves are deleted in 0.05 s. The deletes run in one transaction with every constraint deferred (Django
creates foreign keys ``DEFERRABLE INITIALLY DEFERRED``), so their order does not matter; the database
is as empty afterwards as after ``TRUNCATE``. Resetting sequences and cascading (which only
``TRUNCATE`` does) stay Django's. Set in tests/conftest.py; the app itself keeps Django's backend.
"""

from django.contrib.gis.db.backends.postgis.base import DatabaseWrapper as PostGISDatabaseWrapper
from django.contrib.gis.db.backends.postgis.operations import PostGISOperations


class Operationen(PostGISOperations):
    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        if not tables or reset_sequences or allow_cascade:
            return super().sql_flush(style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade)
        # The table names come from Django's introspection, quoted.
        return ["SET CONSTRAINTS ALL DEFERRED", *(f"DELETE FROM {self.quote_name(tabelle)}" for tabelle in tables)]  # noqa: S608


class DatabaseWrapper(PostGISDatabaseWrapper):
    ops_class = Operationen

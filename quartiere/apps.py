from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import gettext_lazy as _

from dwk.gdal import gdal_absichern


class QuartiereConfig(AppConfig):
    name = "quartiere"
    verbose_name = _("Quartiere")

    def ready(self):
        # Before any file is opened: GDAL without network access and without drivers the app does not use.
        gdal_absichern()
        # Every save() and delete() of the ground data changes the Datenstand, so that cached results
        # computed from the old data are not shown again (quartiere.queries.datenstand). Bulk writes
        # (bulk_create, update(), the deletes of Kennzahlen) call datenstand_erhoehen() themselves: a
        # delete signal would make Django fetch and signal every one of thousands of values.
        for model in self.get_models():
            if model.__name__.startswith("Historical"):
                continue
            post_save.connect(_geaendert, sender=model, dispatch_uid=f"datenstand_save_{model.__name__}")
            if model.__name__ != "Kennzahl":
                post_delete.connect(_geaendert, sender=model, dispatch_uid=f"datenstand_delete_{model.__name__}")
        m2m_changed.connect(_geaendert, dispatch_uid="datenstand_m2m")


def _geaendert(sender, **kwargs):
    # m2m_changed comes for every many-to-many relation; its sender is the relation's table.
    if sender._meta.app_label == "quartiere":
        from .services.datenstand import datenstand_erhoehen  # noqa: PLC0415 -- apps load before services

        datenstand_erhoehen()

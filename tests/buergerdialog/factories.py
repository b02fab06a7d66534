"""Factories of the citizen dialogue (kept beside its tests; the shared ones are in tests/factories.py)."""

import datetime

import factory
from django.utils import timezone

from buergerdialog import models


class VeranstaltungFactory(factory.django.DjangoModelFactory):
    """An event saved directly (no checklist); use ``veranstaltung_speichern`` where the checklist matters."""

    class Meta:
        model = models.Veranstaltung
        skip_postgeneration_save = True

    format = models.VeranstaltungFormat.BUERGERWERKSTATT
    titel = factory.Sequence(lambda n: f"Bürgerwerkstatt {n + 1}")
    beginn = factory.LazyFunction(lambda: timezone.make_aware(datetime.datetime(2017, 6, 29, 15, 0)))
    adresse = "Gemeindehaus, Dorfstraße 1"
    status = models.VeranstaltungStatus.PLANUNG

    @factory.post_generation
    def quartiere(self, create, extracted, **kwargs):
        if create and extracted:
            self.quartiere.set(extracted)


class ErgebnisFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Ergebnis

    veranstaltung = factory.SubFactory(VeranstaltungFactory, status=models.VeranstaltungStatus.DURCHGEFUEHRT)
    text = factory.Sequence(lambda n: f"Karte {n + 1}: eine Bank am Marktplatz")
    art = models.ErgebnisArt.IDEE
    punkte = 0


class ChecklistenpunktFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Checklistenpunkt

    veranstaltung = factory.SubFactory(VeranstaltungFactory)
    titel = factory.Sequence(lambda n: f"Aufgabe {n + 1}")
    tage_vorher = 7
    faellig_am = datetime.date(2017, 6, 22)

"""factory_boy factories, called explicitly by the tests.

Geometries are small squares near Dortmund (about 1.4 km × 2.2 km); each new area of a
level gets its own square so that areas of one level never overlap.
"""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.gis.geos import MultiPolygon, Polygon

from quartiere import models

X0, Y0 = 7.40, 51.48  # south-west corner of the test grid
SEITE = 0.02  # degrees


def quadrat(spalte, zeile=0, seite=SEITE, x0=X0, y0=Y0):
    """A MultiPolygon square in EPSG:4326 at grid cell (spalte, zeile)."""
    x, y = x0 + spalte * seite, y0 + zeile * seite
    return MultiPolygon(Polygon.from_bbox((x, y, x + seite, y + seite)), srid=4326)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"person{n}")
    first_name = "Erika"
    last_name = factory.Sequence(lambda n: f"Muster{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("geheim-und-lang-123")

    @factory.post_generation
    def rolle(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(Group.objects.get(name=extracted))


class KommuneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Kommune
        django_get_or_create = ("gemeindeschluessel",)

    name = "Dortmund"
    gemeindeschluessel = "05913000"


class StadtbezirkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Stadtbezirk

    kommune = factory.SubFactory(KommuneFactory)
    code = factory.Sequence(lambda n: f"{n + 1:02d}")
    name = factory.Sequence(lambda n: f"Stadtbezirk {n + 1}")
    geometrie = factory.Sequence(lambda n: quadrat(n, 0))


class StatistischerBezirkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.StatistischerBezirk

    stadtbezirk = factory.SubFactory(StadtbezirkFactory)
    code = factory.Sequence(lambda n: f"{(n + 1) * 10:03d}")
    name = factory.Sequence(lambda n: f"Bezirk {n + 1}")
    geometrie = factory.LazyAttribute(lambda o: o.stadtbezirk.geometrie)


class UnterbezirkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Unterbezirk

    bezirk = factory.SubFactory(StatistischerBezirkFactory)
    code = factory.Sequence(lambda n: f"U{n + 1:04d}")
    name = factory.Sequence(lambda n: f"Unterbezirk {n + 1}")
    geometrie = factory.LazyAttribute(lambda o: o.bezirk.geometrie)


class QuartierFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Quartier
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Quartier {n + 1}")
    slug = factory.Sequence(lambda n: f"quartier-{n + 1}")
    stadtbezirk = factory.SubFactory(StadtbezirkFactory)
    siedlungsepoche = models.Siedlungsepoche.GRUENDERZEIT
    grenze = factory.LazyAttribute(lambda o: o.stadtbezirk.geometrie)
    ist_referenzquartier = True
    auswahlbegruendung = "Typisches Quartier der Gründerzeit mit vielen älteren Menschen."
    status = models.QuartierStatus.PROFIL

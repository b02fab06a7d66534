"""Small hand-made walking networks in local metres, for tests with known answers.

``(x, y)`` are metres east and north of a point inside the test grid's first square
(``tests.factories.quadrat(0)``); equal coordinates are one node, so ways meet where they share a
point. Lengths measured in EPSG:25832 differ from the nominal metres by well under 1 %.
"""

import math

from django.contrib.gis.geos import Point

from tests.factories import X0, Y0
from wegenetz.services import Weg, wegenetz_aus_wegen

URSPRUNG = (X0 + 0.004, Y0 + 0.004)
M_JE_GRAD_Y = 111_320
M_JE_GRAD_X = M_JE_GRAD_Y * math.cos(math.radians(URSPRUNG[1]))


def lonlat(x, y, ursprung=URSPRUNG):
    return (ursprung[0] + x / M_JE_GRAD_X, ursprung[1] + y / M_JE_GRAD_Y)


def punkt(x, y):
    return Point(*lonlat(x, y), srid=4326)


def netz_bauen(wege, quelle="Testnetz", ursprung=URSPRUNG):
    """``wege``: [(points [(x, y), …], tags)] in metres from ``ursprung`` (lon, lat; by default
    inside the test grid's first square); returns (Netzstand, Importbericht)."""
    ids, orte, osm_wege = {}, {}, []
    for nummer, (punkte, tags) in enumerate(wege, start=1):
        knoten = []
        for xy in punkte:
            if xy not in ids:
                ids[xy] = len(ids) + 1
                orte[ids[xy]] = lonlat(*xy, ursprung=ursprung)
            knoten.append(ids[xy])
        osm_wege.append(Weg(osm_id=nummer, knoten=knoten, tags=dict(tags)))
    return wegenetz_aus_wegen(wege=osm_wege, orte=orte, quelle=quelle)


FUSSWEG = {"highway": "footway"}
STRASSE = {"highway": "residential"}
TREPPE = {"highway": "steps"}

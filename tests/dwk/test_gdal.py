"""GDAL reaches nothing beyond the file it opens (issue 9 #1): no network request, no other file.

Every test opens a hostile file *directly* with GeoDjango's ``DataSource``, bypassing the
importers' own checks, while a real listener on 127.0.0.1 records every connection; it must
receive nothing. ``dwk.gdal.gdal_absichern`` runs at start-up (``quartiere.apps``).
"""

import json

import pytest
from django.contrib.gis.gdal import DataSource, GDALException, SpatialReference

from dwk.gdal import ERLAUBTE_TREIBER, erlaubte_treiber
from tests.lauscher import Lauscher

RING = [[7.4, 51.5], [7.5, 51.5], [7.5, 51.6], [7.4, 51.5]]


def _geojson(crs):
    return json.dumps(
        {
            "type": "FeatureCollection",
            "crs": crs,
            "features": [
                {
                    "type": "Feature",
                    "properties": {"code": "01", "name": "Innenstadt"},
                    "geometry": {
                        "type": "Polygon",
                        "coordinates": [[[7.4, 51.5], [7.5, 51.5], [7.5, 51.6], [7.4, 51.5]]],
                    },
                }
            ],
        }
    )


def _alles_lesen(pfad):
    """Open the file and read every layer, feature, geometry and reference system, as an import would."""
    quelle = DataSource(str(pfad))
    gelesen = []
    for layer in quelle:
        system = layer.srs
        gelesen.append((layer.name, system.name if system else None, [m.geom.geom_name for m in layer]))
    return quelle.driver.name, gelesen


@pytest.mark.parametrize(
    "crs",
    [
        {"type": "link", "properties": {"href": "{url}/crs.proj4", "type": "proj4"}},
        {"type": "link", "properties": {"href": "{url}/crs.wkt", "type": "ogcwkt"}},
        {"type": "link", "properties": {"href": "{url}/crs.esri", "type": "esriwkt"}},
        {"type": "url", "properties": {"url": "{url}/crs.url"}},
        {"type": "name", "properties": {"name": "{url}/crs.name"}},
    ],
    ids=["link-proj4", "link-ogcwkt", "link-esriwkt", "url", "name-url"],
)
def test_geojson_mit_crs_verweis_fragt_nichts_ab(tmp_path, crs):
    with Lauscher() as lauscher:
        datei = tmp_path / "grenzen.geojson"
        datei.write_text(_geojson(json.loads(json.dumps(crs).replace("{url}", lauscher.url("")))))

        treiber, gelesen = _alles_lesen(datei)

    assert treiber == "GeoJSON"
    assert gelesen == [("grenzen", "WGS 84", ["POLYGON"])]
    assert lauscher.empfangen == []


def test_geojson_mit_crs_verweis_auf_lokale_datei_liest_sie_nicht(tmp_path):
    """The href names a local file holding a valid ETRS89 / UTM 32N definition: the layer does not get it."""
    definition = tmp_path / "utm.prj"
    definition.write_text(SpatialReference(25832).wkt)
    for href in (f"file://{definition}", str(definition), "file:///etc/passwd"):
        datei = tmp_path / "grenzen.geojson"
        datei.write_text(_geojson({"type": "link", "properties": {"href": href, "type": "ogcwkt"}}))

        assert _alles_lesen(datei) == ("GeoJSON", [("grenzen", "WGS 84", ["POLYGON"])])


def test_gpx_mit_links_fragt_nichts_ab(tmp_path):
    with Lauscher() as lauscher:
        datei = tmp_path / "route.gpx"
        datei.write_text(
            '<?xml version="1.0"?><gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">'
            f'<metadata><link href="{lauscher.url("/meta")}"/></metadata>'
            f'<wpt lat="51.5" lon="7.4"><link href="{lauscher.url("/wpt")}"/></wpt>'
            f'<rte><link href="{lauscher.url("/rte")}"/>'
            '<rtept lat="51.5" lon="7.4"/><rtept lat="51.6" lon="7.5"/></rte>'
            "</gpx>"
        )

        treiber, gelesen = _alles_lesen(datei)

    assert treiber == "GPX"
    assert ("routes", "WGS 84", ["LINESTRING"]) in gelesen
    assert lauscher.empfangen == []


def test_kml_mit_netzwerklink_und_href_fragt_nichts_ab(tmp_path):
    with Lauscher() as lauscher:
        datei = tmp_path / "grenzen.kml"
        datei.write_text(
            '<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>'
            f"<NetworkLink><name>nachladen</name><Link><href>{lauscher.url('/netz.kml')}</href></Link></NetworkLink>"
            f'<Style id="s"><IconStyle><Icon><href>{lauscher.url("/icon.png")}</href></Icon></IconStyle></Style>'
            f"<Placemark><name>Innenstadt</name><styleUrl>{lauscher.url('/stil.kml#s')}</styleUrl>"
            "<Polygon><outerBoundaryIs><LinearRing><coordinates>7.4,51.5 7.5,51.5 7.5,51.6 7.4,51.5"
            "</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>"
            "</Document></kml>"
        )

        treiber, gelesen = _alles_lesen(datei)

    assert treiber in {"LIBKML", "KML"}
    assert lauscher.empfangen == []


@pytest.mark.parametrize(
    "adresse",
    ["/vsicurl/{url}/a.geojson", "/vsicurl_streaming/{url}/a.geojson", "{url}/a.geojson", "WFS:{url}/wfs"],
)
def test_netzadressen_werden_nicht_geoeffnet(adresse):
    with Lauscher() as lauscher, pytest.raises(GDALException):
        DataSource(adresse.replace("{url}", lauscher.url("")))

    assert lauscher.empfangen == []


def test_vrt_das_andere_dateien_oder_adressen_liest_wird_nicht_geoeffnet(tmp_path):
    with Lauscher() as lauscher:
        datei = tmp_path / "verweis.vrt"
        datei.write_text(
            f"<OGRVRTDataSource><OGRVRTLayer name='x'><SrcDataSource>/vsicurl/{lauscher.url('/x.geojson')}"
            "</SrcDataSource></OGRVRTLayer></OGRVRTDataSource>"
        )
        with pytest.raises(GDALException):
            DataSource(str(datei))

    assert lauscher.empfangen == []


def test_raumbezug_aus_url_wird_nicht_abgerufen():
    """GeoDjango's ``gis.W001``: on GDAL < 3.9 ``SpatialReference`` may fetch a URL; here the fetch is refused."""
    with Lauscher() as lauscher, pytest.raises(GDALException):
        SpatialReference(lauscher.url("/srs"))

    assert lauscher.empfangen == []


def test_nur_die_gebrauchten_treiber_sind_registriert():
    assert erlaubte_treiber() == ERLAUBTE_TREIBER

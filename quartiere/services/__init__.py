"""The write door of ``quartiere``: every write, by subject; the file importers sit beside the services they feed.

- ``gebiete``: save a quarter, derive which Unterbezirke it covers;
  ``gebiete_import``: boundaries of Stadtbezirke, Bezirke and Unterbezirke from GeoJSON,
  KML, Shapefile (ZIP) or GeoPackage;
- ``kennzahlen``: store indicator values from a checked file, park an upload between
  preview and import; ``kennzahlen_import``: read and check such a CSV file;
- ``infrastruktur``: save and delete facilities and categories; ``infrastruktur_import``
  and ``infrastruktur_abgleich``: facilities from CSV or GeoJSON;
- ``dateien``: uploads, ZIP archives and GDAL data sources for the importers.

Views, commands and other apps import from here or from the subject modules.
"""

from .gebiete import quartier_speichern, quartier_unterbezirke_ableiten, quartiere_neu_ableiten
from .gebiete_import import GebietsEbene, gebiete_importieren, hochgeladene_gebiete_importieren
from .infrastruktur import infrastruktur_kategorie_speichern, infrastruktur_loeschen, infrastruktur_speichern
from .infrastruktur_import import hochgeladene_infrastruktur_importieren, infrastruktur_importieren
from .kennzahlen import kennzahlen_importieren, upload_ablegen, upload_lesen, upload_loeschen
from .kennzahlen_import import kennzahlen_pruefen

__all__ = [
    "GebietsEbene",
    "gebiete_importieren",
    "hochgeladene_gebiete_importieren",
    "hochgeladene_infrastruktur_importieren",
    "infrastruktur_importieren",
    "infrastruktur_kategorie_speichern",
    "infrastruktur_loeschen",
    "infrastruktur_speichern",
    "kennzahlen_importieren",
    "kennzahlen_pruefen",
    "quartier_speichern",
    "quartier_unterbezirke_ableiten",
    "quartiere_neu_ableiten",
    "upload_ablegen",
    "upload_lesen",
    "upload_loeschen",
]

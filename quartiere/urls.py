from django.urls import path

from .views import analyse, gebiete, infrastruktur, karte

app_name = "quartiere"
urlpatterns = [
    path("karte/", karte.KarteView.as_view(), name="karte"),
    path("karte/<slug:ebene>.geojson", karte.EbeneGeoJsonView.as_view(), name="ebene_geojson"),
    path("quartiere/", gebiete.QuartierListView.as_view(), name="liste"),
    path("quartiere/neu/", gebiete.QuartierCreateView.as_view(), name="neu"),
    path("quartiere/<slug:slug>/", gebiete.QuartierDetailView.as_view(), name="detail"),
    path("quartiere/<slug:slug>/bearbeiten/", gebiete.QuartierUpdateView.as_view(), name="bearbeiten"),
    path("gebiete/import/", gebiete.GebieteImportView.as_view(), name="gebiete_import"),
    # Infrastructure inventory and walking-distance coverage (infrastruktur.py).
    path("infrastruktur/", infrastruktur.InfrastrukturListView.as_view(), name="infrastruktur_liste"),
    path("infrastruktur/neu/", infrastruktur.InfrastrukturCreateView.as_view(), name="infrastruktur_neu"),
    path("infrastruktur/import/", infrastruktur.InfrastrukturImportView.as_view(), name="infrastruktur_import"),
    path("infrastruktur/<int:pk>/", infrastruktur.InfrastrukturDetailView.as_view(), name="infrastruktur_detail"),
    path(
        "infrastruktur/<int:pk>/bearbeiten/",
        infrastruktur.InfrastrukturUpdateView.as_view(),
        name="infrastruktur_bearbeiten",
    ),
    path(
        "infrastruktur/<int:pk>/loeschen/",
        infrastruktur.InfrastrukturDeleteView.as_view(),
        name="infrastruktur_loeschen",
    ),
    path(
        "infrastruktur/kategorien/",
        infrastruktur.InfrastrukturKategorieListView.as_view(),
        name="infrastruktur_kategorien",
    ),
    path(
        "infrastruktur/kategorien/neu/",
        infrastruktur.InfrastrukturKategorieCreateView.as_view(),
        name="infrastruktur_kategorie_neu",
    ),
    path(
        "infrastruktur/kategorien/<int:pk>/bearbeiten/",
        infrastruktur.InfrastrukturKategorieUpdateView.as_view(),
        name="infrastruktur_kategorie_bearbeiten",
    ),
    path(
        "quartiere/<slug:slug>/infrastruktur/",
        infrastruktur.QuartierInfrastrukturView.as_view(),
        name="quartier_infrastruktur",
    ),
    path("analyse/", analyse.AnalyseView.as_view(), name="analyse"),
    path("analyse/quartiere/<slug:slug>/", analyse.QuartierAnalyseView.as_view(), name="quartier_analyse"),
    path("analyse/indikatoren/<slug:schluessel>/", analyse.IndikatorKarteView.as_view(), name="indikator_karte"),
    path(
        "analyse/indikatoren/<slug:schluessel>.geojson",
        analyse.IndikatorGeoJsonView.as_view(),
        name="indikator_geojson",
    ),
    path("analyse/import/", analyse.KennzahlenImportView.as_view(), name="kennzahlen_import"),
    path(
        "analyse/import/bestaetigen/",
        analyse.KennzahlenImportBestaetigenView.as_view(),
        name="kennzahlen_import_bestaetigen",
    ),
]

from django.urls import path

from . import views, views_infrastruktur

app_name = "quartiere"
urlpatterns = [
    path("karte/", views.KarteView.as_view(), name="karte"),
    path("karte/<slug:ebene>.geojson", views.EbeneGeoJsonView.as_view(), name="ebene_geojson"),
    path("quartiere/", views.QuartierListView.as_view(), name="liste"),
    path("quartiere/neu/", views.QuartierCreateView.as_view(), name="neu"),
    path("quartiere/<slug:slug>/", views.QuartierDetailView.as_view(), name="detail"),
    path("quartiere/<slug:slug>/bearbeiten/", views.QuartierUpdateView.as_view(), name="bearbeiten"),
    path("gebiete/import/", views.GebieteImportView.as_view(), name="gebiete_import"),
    # Infrastructure inventory and walking-distance coverage (views_infrastruktur.py).
    path("infrastruktur/", views_infrastruktur.InfrastrukturListView.as_view(), name="infrastruktur_liste"),
    path("infrastruktur/neu/", views_infrastruktur.InfrastrukturCreateView.as_view(), name="infrastruktur_neu"),
    path("infrastruktur/import/", views_infrastruktur.InfrastrukturImportView.as_view(), name="infrastruktur_import"),
    path("infrastruktur/<int:pk>/", views_infrastruktur.InfrastrukturDetailView.as_view(), name="infrastruktur_detail"),
    path(
        "infrastruktur/<int:pk>/bearbeiten/",
        views_infrastruktur.InfrastrukturUpdateView.as_view(),
        name="infrastruktur_bearbeiten",
    ),
    path(
        "infrastruktur/<int:pk>/loeschen/",
        views_infrastruktur.InfrastrukturDeleteView.as_view(),
        name="infrastruktur_loeschen",
    ),
    path(
        "infrastruktur/kategorien/",
        views_infrastruktur.InfrastrukturKategorieListView.as_view(),
        name="infrastruktur_kategorien",
    ),
    path(
        "infrastruktur/kategorien/neu/",
        views_infrastruktur.InfrastrukturKategorieCreateView.as_view(),
        name="infrastruktur_kategorie_neu",
    ),
    path(
        "infrastruktur/kategorien/<int:pk>/bearbeiten/",
        views_infrastruktur.InfrastrukturKategorieUpdateView.as_view(),
        name="infrastruktur_kategorie_bearbeiten",
    ),
    path(
        "quartiere/<slug:slug>/infrastruktur/",
        views_infrastruktur.QuartierInfrastrukturView.as_view(),
        name="quartier_infrastruktur",
    ),
    path("analyse/", views.AnalyseView.as_view(), name="analyse"),
    path("analyse/quartiere/<slug:slug>/", views.QuartierAnalyseView.as_view(), name="quartier_analyse"),
    path("analyse/indikatoren/<slug:schluessel>/", views.IndikatorKarteView.as_view(), name="indikator_karte"),
    path(
        "analyse/indikatoren/<slug:schluessel>.geojson",
        views.IndikatorGeoJsonView.as_view(),
        name="indikator_geojson",
    ),
    path("analyse/import/", views.KennzahlenImportView.as_view(), name="kennzahlen_import"),
    path(
        "analyse/import/bestaetigen/",
        views.KennzahlenImportBestaetigenView.as_view(),
        name="kennzahlen_import_bestaetigen",
    ),
]

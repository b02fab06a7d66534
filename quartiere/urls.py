from django.urls import path

from . import views

app_name = "quartiere"
urlpatterns = [
    path("karte/", views.KarteView.as_view(), name="karte"),
    path("karte/<slug:ebene>.geojson", views.EbeneGeoJsonView.as_view(), name="ebene_geojson"),
    path("quartiere/", views.QuartierListView.as_view(), name="liste"),
    path("quartiere/neu/", views.QuartierCreateView.as_view(), name="neu"),
    path("quartiere/<slug:slug>/", views.QuartierDetailView.as_view(), name="detail"),
    path("quartiere/<slug:slug>/bearbeiten/", views.QuartierUpdateView.as_view(), name="bearbeiten"),
    path("gebiete/import/", views.GebieteImportView.as_view(), name="gebiete_import"),
]

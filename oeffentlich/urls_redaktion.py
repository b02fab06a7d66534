"""Projektteam's pages for the public pages, under ``/oeffentliche-seiten/`` (behind the login;
the public pages themselves are under ``/projekt/``, ``urls``)."""

from django.urls import path

from .views import freigaben, redaktion

app_name = "redaktion"
urlpatterns = [
    path("", redaktion.UebersichtView.as_view(), name="uebersicht"),
    path("neuigkeiten/", redaktion.NeuigkeitListView.as_view(), name="neuigkeit_liste"),
    path("neuigkeiten/neu/", redaktion.NeuigkeitCreateView.as_view(), name="neuigkeit_neu"),
    path("neuigkeiten/<int:pk>/", redaktion.NeuigkeitVorschauView.as_view(), name="neuigkeit_vorschau"),
    path("neuigkeiten/<int:pk>/bearbeiten/", redaktion.NeuigkeitUpdateView.as_view(), name="neuigkeit_bearbeiten"),
    path(
        "neuigkeiten/<int:pk>/veroeffentlichen/",
        redaktion.NeuigkeitVeroeffentlichenView.as_view(),
        name="neuigkeit_veroeffentlichen",
    ),
    path(
        "neuigkeiten/<int:pk>/zurueckziehen/",
        redaktion.NeuigkeitZurueckziehenView.as_view(),
        name="neuigkeit_zurueckziehen",
    ),
    path("neuigkeiten/<int:pk>/loeschen/", redaktion.NeuigkeitDeleteView.as_view(), name="neuigkeit_loeschen"),
    path("pflichtseiten/", redaktion.PflichtseiteListView.as_view(), name="pflichtseite_liste"),
    path("pflichtseiten/<slug:art>/", redaktion.PflichtseiteBearbeitenView.as_view(), name="pflichtseite_bearbeiten"),
    path("projektseite/", redaktion.AuftrittBearbeitenView.as_view(), name="auftritt_bearbeiten"),
    path("quartiere/<slug:slug>/", redaktion.QuartiersseiteBearbeitenView.as_view(), name="quartiersseite_bearbeiten"),
    path("veranstaltungen/", freigaben.VeranstaltungListView.as_view(), name="veranstaltung_liste"),
    path(
        "veranstaltungen/<int:pk>/freigabe/",
        freigaben.VeranstaltungFreigabeView.as_view(),
        name="veranstaltung_freigabe",
    ),
    path(
        "veranstaltungen/<int:pk>/freigabe/zuruecknehmen/",
        freigaben.VeranstaltungFreigabeZuruecknehmenView.as_view(),
        name="veranstaltung_freigabe_zuruecknehmen",
    ),
    path("veranstaltungen/<int:pk>/fotos/", freigaben.FotoListView.as_view(), name="foto_liste"),
    path("fotos/<int:pk>/freigabe/", freigaben.FotoFreigabeView.as_view(), name="foto_freigabe"),
    path(
        "fotos/<int:pk>/freigabe/zuruecknehmen/",
        freigaben.FotoFreigabeZuruecknehmenView.as_view(),
        name="foto_freigabe_zuruecknehmen",
    ),
]

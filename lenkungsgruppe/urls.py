from django.urls import path

from . import views

app_name = "lenkungsgruppe"
urlpatterns = [
    path("", views.UebersichtView.as_view(), name="ueberblick"),
    path("mein/", views.MeineView.as_view(), name="meine"),
    path("mitglieder/", views.MitgliedListView.as_view(), name="mitglied_liste"),
    path("mitglieder/neu/", views.MitgliedCreateView.as_view(), name="mitglied_neu"),
    path("mitglieder/<int:pk>/bearbeiten/", views.MitgliedUpdateView.as_view(), name="mitglied_bearbeiten"),
    path("sitzungen/", views.SitzungListView.as_view(), name="sitzung_liste"),
    path("sitzungen/neu/", views.SitzungCreateView.as_view(), name="sitzung_neu"),
    path("sitzungen/<int:pk>/", views.SitzungDetailView.as_view(), name="sitzung_detail"),
    path("sitzungen/<int:pk>/bearbeiten/", views.SitzungUpdateView.as_view(), name="sitzung_bearbeiten"),
    path("sitzungen/<int:pk>/tagesordnung/neu/", views.TagesordnungspunktCreateView.as_view(), name="top_neu"),
    path("sitzungen/<int:pk>/teilnahme/", views.TeilnahmeView.as_view(), name="teilnahme"),
    path(
        "sitzungen/<int:pk>/protokoll/genehmigen/",
        views.ProtokollGenehmigenView.as_view(),
        name="protokoll_genehmigen",
    ),
    path("sitzungen/<int:pk>/protokoll.pdf", views.ProtokollPdfView.as_view(), name="protokoll_pdf"),
    path("sitzungen/<int:pk>/einladung.pdf", views.EinladungPdfView.as_view(), name="einladung_pdf"),
    path("sitzungen/<int:pk>/einladung.ics", views.EinladungIcsView.as_view(), name="einladung_ics"),
    path("sitzungen/<int:pk>/einladung/versenden/", views.EinladungVersendenView.as_view(), name="einladung_versenden"),
    path(
        "tagesordnungspunkte/<int:pk>/bearbeiten/", views.TagesordnungspunktUpdateView.as_view(), name="top_bearbeiten"
    ),
    path("tops/<int:pk>/protokoll/", views.ProtokollUpdateView.as_view(), name="protokoll_bearbeiten"),
    path("beschluesse/", views.BeschlussListView.as_view(), name="beschluss_liste"),
    path("beschluesse/export.<str:format>", views.BeschlussExportView.as_view(), name="beschluss_export"),
    path("beschluesse/neu/", views.BeschlussCreateView.as_view(), name="beschluss_neu"),
    path("beschluesse/<int:pk>/", views.BeschlussDetailView.as_view(), name="beschluss_detail"),
    path("beschluesse/<int:pk>/bearbeiten/", views.BeschlussUpdateView.as_view(), name="beschluss_bearbeiten"),
    path("aufgaben/", views.AufgabeListView.as_view(), name="aufgabe_liste"),
    path("aufgaben/neu/", views.AufgabeCreateView.as_view(), name="aufgabe_neu"),
    path("aufgaben/<int:pk>/bearbeiten/", views.AufgabeUpdateView.as_view(), name="aufgabe_bearbeiten"),
    path("aufgaben/<int:pk>/status/", views.AufgabeStatusView.as_view(), name="aufgabe_status"),
    path("fachplanungen/", views.FachplanungListView.as_view(), name="fachplanung_liste"),
    path("fachplanungen/neu/", views.FachplanungCreateView.as_view(), name="fachplanung_neu"),
    path("fachplanungen/<int:pk>/", views.FachplanungDetailView.as_view(), name="fachplanung_detail"),
    path("fachplanungen/<int:pk>/bearbeiten/", views.FachplanungUpdateView.as_view(), name="fachplanung_bearbeiten"),
    path("fachplanungen/<int:pk>/bewerten/", views.FachplanungBewertenView.as_view(), name="fachplanung_bewerten"),
    path("fachplanungen/<int:pk>/datei.pdf", views.FachplanungDateiView.as_view(), name="fachplanung_datei"),
    path("projekte/", views.ProjektListView.as_view(), name="projekt_liste"),
    path("projekte/neu/", views.ProjektCreateView.as_view(), name="projekt_neu"),
    path("projekte/<int:pk>/", views.ProjektDetailView.as_view(), name="projekt_detail"),
    path("projekte/<int:pk>/bearbeiten/", views.ProjektUpdateView.as_view(), name="projekt_bearbeiten"),
    path("meilensteine/neu/", views.MeilensteinCreateView.as_view(), name="meilenstein_neu"),
    path("meilensteine/<int:pk>/bearbeiten/", views.MeilensteinUpdateView.as_view(), name="meilenstein_bearbeiten"),
]

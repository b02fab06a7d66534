from django.urls import path

from .views import beschluesse, fachplanungen, sitzungen, uebersicht

app_name = "lenkungsgruppe"
urlpatterns = [
    path("", uebersicht.UebersichtView.as_view(), name="uebersicht"),
    path("meine/", uebersicht.MeineView.as_view(), name="meine"),
    path("mitglieder/", uebersicht.MitgliedListView.as_view(), name="mitglied_liste"),
    path("mitglieder/neu/", uebersicht.MitgliedCreateView.as_view(), name="mitglied_neu"),
    path("mitglieder/<int:pk>/bearbeiten/", uebersicht.MitgliedUpdateView.as_view(), name="mitglied_bearbeiten"),
    path("sitzungen/", sitzungen.SitzungListView.as_view(), name="sitzung_liste"),
    path("sitzungen/neu/", sitzungen.SitzungCreateView.as_view(), name="sitzung_neu"),
    path("sitzungen/<int:pk>/", sitzungen.SitzungDetailView.as_view(), name="sitzung_detail"),
    path("sitzungen/<int:pk>/bearbeiten/", sitzungen.SitzungUpdateView.as_view(), name="sitzung_bearbeiten"),
    path(
        "sitzungen/<int:pk>/tagesordnungspunkte/neu/",
        sitzungen.TagesordnungspunktCreateView.as_view(),
        name="tagesordnungspunkt_neu",
    ),
    path("sitzungen/<int:pk>/teilnahme/", sitzungen.TeilnahmeView.as_view(), name="teilnahme"),
    path(
        "sitzungen/<int:pk>/protokoll/genehmigen/",
        sitzungen.ProtokollGenehmigenView.as_view(),
        name="protokoll_genehmigen",
    ),
    path("sitzungen/<int:pk>/protokoll.pdf", sitzungen.ProtokollPdfView.as_view(), name="protokoll_pdf"),
    path("sitzungen/<int:pk>/einladung.pdf", sitzungen.EinladungPdfView.as_view(), name="einladung_pdf"),
    path("sitzungen/<int:pk>/einladung.ics", sitzungen.EinladungIcsView.as_view(), name="einladung_ics"),
    path(
        "sitzungen/<int:pk>/einladung/versenden/",
        sitzungen.EinladungVersendenView.as_view(),
        name="einladung_versenden",
    ),
    path(
        "tagesordnungspunkte/<int:pk>/bearbeiten/",
        sitzungen.TagesordnungspunktUpdateView.as_view(),
        name="tagesordnungspunkt_bearbeiten",
    ),
    path(
        "tagesordnungspunkte/<int:pk>/protokoll/",
        sitzungen.ProtokollUpdateView.as_view(),
        name="protokoll_bearbeiten",
    ),
    path("beschluesse/", beschluesse.BeschlussListView.as_view(), name="beschluss_liste"),
    path("beschluesse/export.<str:format>", beschluesse.BeschlussExportView.as_view(), name="beschluss_export"),
    path("beschluesse/neu/", beschluesse.BeschlussCreateView.as_view(), name="beschluss_neu"),
    path("beschluesse/<int:pk>/", beschluesse.BeschlussDetailView.as_view(), name="beschluss_detail"),
    path("beschluesse/<int:pk>/bearbeiten/", beschluesse.BeschlussUpdateView.as_view(), name="beschluss_bearbeiten"),
    path("aufgaben/", beschluesse.AufgabeListView.as_view(), name="aufgabe_liste"),
    path("aufgaben/neu/", beschluesse.AufgabeCreateView.as_view(), name="aufgabe_neu"),
    path("aufgaben/<int:pk>/bearbeiten/", beschluesse.AufgabeUpdateView.as_view(), name="aufgabe_bearbeiten"),
    path("aufgaben/<int:pk>/status/", beschluesse.AufgabeStatusView.as_view(), name="aufgabe_status"),
    path("fachplanungen/", fachplanungen.FachplanungListView.as_view(), name="fachplanung_liste"),
    path("fachplanungen/neu/", fachplanungen.FachplanungCreateView.as_view(), name="fachplanung_neu"),
    path("fachplanungen/<int:pk>/", fachplanungen.FachplanungDetailView.as_view(), name="fachplanung_detail"),
    path(
        "fachplanungen/<int:pk>/bearbeiten/",
        fachplanungen.FachplanungUpdateView.as_view(),
        name="fachplanung_bearbeiten",
    ),
    path(
        "fachplanungen/<int:pk>/bewerten/", fachplanungen.FachplanungBewertenView.as_view(), name="fachplanung_bewerten"
    ),
    path("fachplanungen/<int:pk>/datei.pdf", fachplanungen.FachplanungDateiView.as_view(), name="fachplanung_datei"),
    path("projekte/", fachplanungen.ProjektListView.as_view(), name="projekt_liste"),
    path("projekte/neu/", fachplanungen.ProjektCreateView.as_view(), name="projekt_neu"),
    path("projekte/<int:pk>/", fachplanungen.ProjektDetailView.as_view(), name="projekt_detail"),
    path("projekte/<int:pk>/bearbeiten/", fachplanungen.ProjektUpdateView.as_view(), name="projekt_bearbeiten"),
    path("meilensteine/neu/", fachplanungen.MeilensteinCreateView.as_view(), name="meilenstein_neu"),
    path(
        "meilensteine/<int:pk>/bearbeiten/",
        fachplanungen.MeilensteinUpdateView.as_view(),
        name="meilenstein_bearbeiten",
    ),
]

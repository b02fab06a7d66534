from django.urls import path

from .urls_bewertung import urlpatterns as bewertung_urls
from .views import checkliste, dokumente, einladungen, ergebnisse, evaluation, katalog, nachhaltigkeit, veranstaltungen

app_name = "buergerdialog"

urlpatterns = [
    path("", veranstaltungen.UebersichtView.as_view(), name="uebersicht"),
    path("veranstaltungen/", veranstaltungen.VeranstaltungListView.as_view(), name="veranstaltung_liste"),
    path("veranstaltungen/neu/", veranstaltungen.VeranstaltungCreateView.as_view(), name="veranstaltung_neu"),
    path("veranstaltungen/<int:pk>/", veranstaltungen.VeranstaltungDetailView.as_view(), name="veranstaltung_detail"),
    path(
        "veranstaltungen/<int:pk>/bearbeiten/",
        veranstaltungen.VeranstaltungUpdateView.as_view(),
        name="veranstaltung_bearbeiten",
    ),
    path(
        "veranstaltungen/<int:pk>/status/",
        veranstaltungen.VeranstaltungStatusView.as_view(),
        name="veranstaltung_status",
    ),
    path("veranstaltungen/<int:pk>/teilnahme/", veranstaltungen.AnwesenheitView.as_view(), name="anwesenheit"),
    path(
        "veranstaltungen/<int:pk>/nachhaltigkeit/neu/",
        nachhaltigkeit.NachhaltigkeitCreateView.as_view(),
        name="nachhaltigkeit_neu",
    ),
    path(
        "veranstaltungen/<int:veranstaltung_pk>/nachhaltigkeit/<int:pk>/bearbeiten/",
        nachhaltigkeit.NachhaltigkeitUpdateView.as_view(),
        name="nachhaltigkeit_bearbeiten",
    ),
    path("veranstaltungen/<int:pk>/ergebnisse/", ergebnisse.ErgebnisListView.as_view(), name="ergebnis_liste"),
    path("veranstaltungen/<int:pk>/ergebnisse/karte/", ergebnisse.ErgebnisKarteView.as_view(), name="ergebnis_karte"),
    path(
        "quartiere/<slug:slug>/ergebnisse/",
        ergebnisse.QuartierErgebnisListView.as_view(),
        name="quartier_ergebnis_liste",
    ),
    path(
        "quartiere/<slug:slug>/ergebnisse/karte/",
        ergebnisse.QuartierErgebnisKarteView.as_view(),
        name="quartier_ergebnis_karte",
    ),
    path(
        "veranstaltungen/<int:pk>/ergebnisse/erfassen/",
        ergebnisse.ErgebnisErfassenView.as_view(),
        name="ergebnis_erfassen",
    ),
    path(
        "veranstaltungen/<int:pk>/ergebnisse/zuruecknehmen/",
        ergebnisse.ErgebnisZuruecknehmenView.as_view(),
        name="ergebnis_zuruecknehmen",
    ),
    path("ergebnisse/<int:pk>/bearbeiten/", ergebnisse.ErgebnisUpdateView.as_view(), name="ergebnis_bearbeiten"),
    path(
        "checkliste/<int:pk>/erledigt/",
        checkliste.ChecklistenpunktErledigenView.as_view(),
        name="checklistenpunkt_erledigen",
    ),
    path(
        "checkliste/<int:pk>/bearbeiten/",
        checkliste.ChecklistenpunktUpdateView.as_view(),
        name="checklistenpunkt_bearbeiten",
    ),
    path("katalog/", katalog.KatalogView.as_view(), name="katalog"),
    path("katalog/gegenstaende/neu/", katalog.GegenstandCreateView.as_view(), name="gegenstand_neu"),
    path(
        "katalog/gegenstaende/<int:pk>/bearbeiten/",
        katalog.GegenstandUpdateView.as_view(),
        name="gegenstand_bearbeiten",
    ),
    path("katalog/mottos/neu/", katalog.MottoCreateView.as_view(), name="motto_neu"),
    path("katalog/mottos/<int:pk>/bearbeiten/", katalog.MottoUpdateView.as_view(), name="motto_bearbeiten"),
    # Flyer, poster and invitations (views/einladungen.py)
    path("veranstaltungen/<int:pk>/flyer.pdf", einladungen.FlyerPdfView.as_view(), name="flyer"),
    path("veranstaltungen/<int:pk>/plakat.pdf", einladungen.PlakatPdfView.as_view(), name="plakat"),
    path("veranstaltungen/<int:pk>/einladungen/", einladungen.EinladungenView.as_view(), name="einladungen"),
    path(
        "veranstaltungen/<int:pk>/einladungen/briefe/",
        einladungen.EinladungsbriefeView.as_view(),
        name="einladungsbriefe",
    ),
    path(
        "veranstaltungen/<int:pk>/einladungen/mailen/",
        einladungen.EinladungenMailenView.as_view(),
        name="einladungen_mailen",
    ),
    # Documentation and evaluation (views/dokumente.py, views/evaluation.py)
    path("veranstaltungen/<int:pk>/dokumentation/", dokumente.DokumentationView.as_view(), name="dokumentation"),
    path(
        "veranstaltungen/<int:pk>/dokumentation/bearbeiten/",
        dokumente.DokumentationBearbeitenView.as_view(),
        name="dokumentation_bearbeiten",
    ),
    path(
        "veranstaltungen/<int:pk>/dokumentation/fotos/",
        dokumente.DokumentationFotosView.as_view(),
        name="dokumentation_fotos",
    ),
    path(
        "veranstaltungen/<int:pk>/dokumentation/fotos/<int:foto_pk>/",
        dokumente.DokumentationsfotoDateiView.as_view(),
        name="dokumentationsfoto",
    ),
    path(
        "veranstaltungen/<int:pk>/dokumentation/fotos/<int:eintrag_pk>/bearbeiten/",
        dokumente.DokumentationsfotoUpdateView.as_view(),
        name="dokumentationsfoto_bearbeiten",
    ),
    path(
        "veranstaltungen/<int:pk>/dokumentation/fotos/<int:eintrag_pk>/loeschen/",
        dokumente.DokumentationsfotoDeleteView.as_view(),
        name="dokumentationsfoto_loeschen",
    ),
    path(
        "veranstaltungen/<int:pk>/ergebnisse/<int:ergebnis_pk>/fotos/",
        dokumente.ErgebnisFotosView.as_view(),
        name="ergebnis_fotos",
    ),
    path(
        "veranstaltungen/<int:pk>/dokumentation/anhaenge/<int:eintrag_pk>/bearbeiten/",
        dokumente.DokumentationsanhangUpdateView.as_view(),
        name="dokumentationsanhang_bearbeiten",
    ),
    path(
        "veranstaltungen/<int:pk>/dokumentation/anhaenge/<int:eintrag_pk>/loeschen/",
        dokumente.DokumentationsanhangDeleteView.as_view(),
        name="dokumentationsanhang_loeschen",
    ),
    path(
        "veranstaltungen/<int:pk>/dokumentation/anhaenge/neu/",
        dokumente.DokumentationsanhangView.as_view(),
        name="dokumentation_anhang",
    ),
    path(
        "veranstaltungen/<int:pk>/dokumentation/anhaenge/<int:anhang_pk>/",
        dokumente.DokumentationsanhangDateiView.as_view(),
        name="dokumentationsanhang",
    ),
    path(
        "veranstaltungen/<int:pk>/dokumentation/freigeben/",
        dokumente.DokumentationFreigebenView.as_view(),
        name="dokumentation_freigeben",
    ),
    path(
        "veranstaltungen/<int:pk>/dokumentation.pdf", dokumente.DokumentationPdfView.as_view(), name="dokumentation_pdf"
    ),
    path("veranstaltungen/<int:pk>/fragebogen.pdf", evaluation.FragebogenPdfView.as_view(), name="fragebogen_pdf"),
    path("veranstaltungen/<int:pk>/auswertung/", evaluation.AuswertungView.as_view(), name="auswertung"),
    path(
        "veranstaltungen/<int:pk>/auswertung/frageboegen/",
        evaluation.FragebogenListView.as_view(),
        name="fragebogen_liste",
    ),
    path(
        "veranstaltungen/<int:pk>/auswertung/frageboegen/<int:eintrag_pk>/bearbeiten/",
        evaluation.FragebogenUpdateView.as_view(),
        name="fragebogen_bearbeiten",
    ),
    path(
        "veranstaltungen/<int:pk>/auswertung/frageboegen/<int:eintrag_pk>/loeschen/",
        evaluation.FragebogenDeleteView.as_view(),
        name="fragebogen_loeschen",
    ),
    path(
        "veranstaltungen/<int:pk>/auswertung/erfassen/",
        evaluation.FragebogenCreateView.as_view(),
        name="fragebogen_erfassen",
    ),
]
urlpatterns += bewertung_urls  # review by the steering group, the way into practice

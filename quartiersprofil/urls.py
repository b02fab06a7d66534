from django.urls import path

from . import views, views_profil

app_name = "quartiersprofil"
urlpatterns = [
    # --- Walk-throughs, findings, photos (views.py) ----------------------------------------------
    path("quartiere/<slug:slug>/begehungen/", views.BegehungListView.as_view(), name="begehung_liste"),
    path("quartiere/<slug:slug>/begehungen/neu/", views.BegehungCreateView.as_view(), name="begehung_neu"),
    path("quartiere/<slug:slug>/fotos/", views.FotoGalerieView.as_view(), name="foto_galerie"),
    path("quartiere/<slug:slug>/befunde-und-fotos/karte/", views.BelegeKarteView.as_view(), name="belege_karte"),
    path("quartiersprofil/begehungen/<int:pk>/", views.BegehungDetailView.as_view(), name="begehung_detail"),
    path(
        "quartiersprofil/begehungen/<int:pk>/bearbeiten/",
        views.BegehungUpdateView.as_view(),
        name="begehung_bearbeiten",
    ),
    path("quartiersprofil/begehungen/<int:pk>/loeschen/", views.BegehungDeleteView.as_view(), name="begehung_loeschen"),
    path("quartiersprofil/begehungen/<int:pk>/befunde/neu/", views.BefundCreateView.as_view(), name="befund_neu"),
    path("quartiersprofil/begehungen/<int:pk>/fotos/neu/", views.FotoHochladenView.as_view(), name="foto_hochladen"),
    path("quartiersprofil/befunde/<int:pk>/bearbeiten/", views.BefundUpdateView.as_view(), name="befund_bearbeiten"),
    path("quartiersprofil/befunde/<int:pk>/loeschen/", views.BefundDeleteView.as_view(), name="befund_loeschen"),
    path("quartiersprofil/fotos/<int:pk>/bearbeiten/", views.FotoUpdateView.as_view(), name="foto_bearbeiten"),
    path("quartiersprofil/fotos/<int:pk>/loeschen/", views.FotoDeleteView.as_view(), name="foto_loeschen"),
    path("quartiersprofil/fotos/<int:pk>/<str:groesse>.jpg", views.FotoDateiView.as_view(), name="foto_datei"),
    # --- Sources ---------------------------------------------------------------------------------
    path("quartiere/<slug:slug>/quellen/", views.QuelleListView.as_view(), name="quelle_liste"),
    path("quartiere/<slug:slug>/quellen/neu/", views.QuelleCreateView.as_view(), name="quelle_neu"),
    path("quartiersprofil/quellen/<int:pk>/bearbeiten/", views.QuelleUpdateView.as_view(), name="quelle_bearbeiten"),
    path("quartiersprofil/quellen/<int:pk>/loeschen/", views.QuelleDeleteView.as_view(), name="quelle_loeschen"),
    # --- The survey of the senior offices ---------------------------------------------------------
    path("quartiersprofil/befragungen/", views.BefragungListView.as_view(), name="befragung_liste"),
    path("quartiersprofil/befragungen/neu/", views.BefragungCreateView.as_view(), name="befragung_neu"),
    path(
        "quartiersprofil/befragungen/<int:pk>/fragen/", views.FragenBearbeitenView.as_view(), name="fragen_bearbeiten"
    ),
    path(
        "quartiersprofil/befragungen/<int:pk>/antworten/",
        views.AntwortenErfassenView.as_view(),
        name="antworten_erfassen",
    ),
    path(
        "quartiere/<slug:slug>/befragung-seniorenbueros/",
        views.BefragungUebersichtView.as_view(),
        name="befragung_uebersicht",
    ),
    # --- end of walk-throughs, photos, sources, survey -------------------------------------------
    # --- The profile texts, measures, key persons and talks (views_profil.py) ---------------------
    path("quartiere/<slug:slug>/profil/", views_profil.ProfilView.as_view(), name="profil"),
    path(
        "quartiere/<slug:slug>/profil/fassung/<int:nummer>/", views_profil.ProfilView.as_view(), name="profil_fassung"
    ),
    path("quartiere/<slug:slug>/profil/verlauf/", views_profil.ProfilVerlaufView.as_view(), name="profil_verlauf"),
    path(
        "quartiere/<slug:slug>/profil/abschnitt/<int:pk>/",
        views_profil.AbschnittBearbeitenView.as_view(),
        name="profil_abschnitt_bearbeiten",
    ),
    path("quartiere/<slug:slug>/profil/<slug:aktion>/", views_profil.ProfilAktionView.as_view(), name="profil_aktion"),
    path("quartiere/<slug:slug>/massnahmen/", views_profil.MassnahmeBoardView.as_view(), name="massnahme_board"),
    path("quartiere/<slug:slug>/massnahmen/neu/", views_profil.MassnahmeCreateView.as_view(), name="massnahme_neu"),
    path("massnahmen/", views_profil.MassnahmeListView.as_view(), name="massnahme_liste"),
    path("massnahmen/<int:pk>/", views_profil.MassnahmeDetailView.as_view(), name="massnahme_detail"),
    path("massnahmen/<int:pk>/bearbeiten/", views_profil.MassnahmeUpdateView.as_view(), name="massnahme_bearbeiten"),
    path("massnahmen/<int:pk>/status/", views_profil.MassnahmeStatusView.as_view(), name="massnahme_status"),
    path(
        "massnahmen/<int:pk>/fortschritt/",
        views_profil.MassnahmeFortschrittView.as_view(),
        name="massnahme_fortschritt",
    ),
    path("massnahmen/<int:pk>/meilensteine/neu/", views_profil.MeilensteinCreateView.as_view(), name="meilenstein_neu"),
    path(
        "quartiersprofil/meilensteine/<int:pk>/erreicht/",
        views_profil.MeilensteinErreichtView.as_view(),
        name="meilenstein_erreicht",
    ),
    path("quartiere/<slug:slug>/akteure/", views_profil.AkteurListView.as_view(), name="akteur_liste"),
    path("quartiere/<slug:slug>/akteure/neu/", views_profil.AkteurCreateView.as_view(), name="akteur_neu"),
    path(
        "quartiersprofil/akteure/<int:pk>/bearbeiten/",
        views_profil.AkteurUpdateView.as_view(),
        name="akteur_bearbeiten",
    ),
    path("quartiersprofil/akteure/<int:pk>/export/", views_profil.AkteurExportView.as_view(), name="akteur_export"),
    path(
        "quartiersprofil/akteure/<int:pk>/anonymisieren/",
        views_profil.AkteurLoeschenView.as_view(),
        name="akteur_anonymisieren",
    ),
    path(
        "quartiersprofil/akteure/<int:pk>/widerrufen/",
        views_profil.AkteurLoeschenView.as_view(widerruf=True),
        name="akteur_widerrufen",
    ),
    path("quartiere/<slug:slug>/gespraeche/", views_profil.GespraechListView.as_view(), name="gespraech_liste"),
    path("quartiere/<slug:slug>/gespraeche/neu/", views_profil.GespraechCreateView.as_view(), name="gespraech_neu"),
    path(
        "quartiersprofil/gespraeche/<int:pk>/bearbeiten/",
        views_profil.GespraechUpdateView.as_view(),
        name="gespraech_bearbeiten",
    ),
    # --- end of profile texts, measures, key persons, talks ----------------------------------------
]

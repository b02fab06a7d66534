from django.urls import path

from .views import akteure, befragung, begehungen, belege, fotos, gespraeche, massnahmen, profil, quellen

app_name = "quartiersprofil"
urlpatterns = [
    # --- Walk-throughs, findings, photos ----------------------------------------------
    path("quartiere/<slug:slug>/begehungen/", begehungen.BegehungListView.as_view(), name="begehung_liste"),
    path("quartiere/<slug:slug>/begehungen/neu/", begehungen.BegehungCreateView.as_view(), name="begehung_neu"),
    path("quartiere/<slug:slug>/fotos/", fotos.FotoGalerieView.as_view(), name="foto_galerie"),
    path("quartiere/<slug:slug>/befunde-und-fotos/karte/", belege.BelegeKarteView.as_view(), name="belege_karte"),
    path("quartiersprofil/begehungen/<int:pk>/", begehungen.BegehungDetailView.as_view(), name="begehung_detail"),
    path(
        "quartiersprofil/begehungen/<int:pk>/bearbeiten/",
        begehungen.BegehungUpdateView.as_view(),
        name="begehung_bearbeiten",
    ),
    path(
        "quartiersprofil/begehungen/<int:pk>/loeschen/",
        begehungen.BegehungDeleteView.as_view(),
        name="begehung_loeschen",
    ),
    path("quartiersprofil/begehungen/<int:pk>/befunde/neu/", begehungen.BefundCreateView.as_view(), name="befund_neu"),
    path("quartiersprofil/begehungen/<int:pk>/fotos/neu/", fotos.FotoHochladenView.as_view(), name="foto_hochladen"),
    path(
        "quartiersprofil/befunde/<int:pk>/bearbeiten/", begehungen.BefundUpdateView.as_view(), name="befund_bearbeiten"
    ),
    path("quartiersprofil/befunde/<int:pk>/loeschen/", begehungen.BefundDeleteView.as_view(), name="befund_loeschen"),
    path("quartiersprofil/fotos/<int:pk>/bearbeiten/", fotos.FotoUpdateView.as_view(), name="foto_bearbeiten"),
    path("quartiersprofil/fotos/<int:pk>/loeschen/", fotos.FotoDeleteView.as_view(), name="foto_loeschen"),
    path("quartiersprofil/fotos/<int:pk>/<str:groesse>.jpg", fotos.FotoDateiView.as_view(), name="foto_datei"),
    # --- Sources ---------------------------------------------------------------------------------
    path("quartiere/<slug:slug>/quellen/", quellen.QuelleListView.as_view(), name="quelle_liste"),
    path("quartiere/<slug:slug>/quellen/neu/", quellen.QuelleCreateView.as_view(), name="quelle_neu"),
    path("quartiersprofil/quellen/<int:pk>/bearbeiten/", quellen.QuelleUpdateView.as_view(), name="quelle_bearbeiten"),
    path("quartiersprofil/quellen/<int:pk>/loeschen/", quellen.QuelleDeleteView.as_view(), name="quelle_loeschen"),
    # --- The survey of the senior offices ---------------------------------------------------------
    path("quartiersprofil/befragungen/", befragung.BefragungListView.as_view(), name="befragung_liste"),
    path("quartiersprofil/befragungen/neu/", befragung.BefragungCreateView.as_view(), name="befragung_neu"),
    path(
        "quartiersprofil/befragungen/<int:pk>/fragen/",
        befragung.FragenBearbeitenView.as_view(),
        name="fragen_bearbeiten",
    ),
    path(
        "quartiersprofil/befragungen/<int:pk>/antworten/",
        befragung.AntwortenErfassenView.as_view(),
        name="antworten_erfassen",
    ),
    path(
        "quartiere/<slug:slug>/befragung-seniorenbueros/",
        befragung.BefragungUebersichtView.as_view(),
        name="befragung_uebersicht",
    ),
    # --- end of walk-throughs, photos, sources, survey -------------------------------------------
    # --- The profile texts, measures, key persons and talks ---------------------
    path("quartiere/<slug:slug>/profil/", profil.ProfilView.as_view(), name="profil"),
    path("quartiere/<slug:slug>/profil/fassung/<int:nummer>/", profil.ProfilView.as_view(), name="profil_fassung"),
    path("quartiere/<slug:slug>/profil/verlauf/", profil.ProfilVerlaufView.as_view(), name="profil_verlauf"),
    path(
        "quartiere/<slug:slug>/profil/abschnitt/<int:pk>/",
        profil.AbschnittBearbeitenView.as_view(),
        name="profil_abschnitt_bearbeiten",
    ),
    path("quartiere/<slug:slug>/profil/<slug:aktion>/", profil.ProfilAktionView.as_view(), name="profil_aktion"),
    path("quartiere/<slug:slug>/massnahmen/", massnahmen.MassnahmeBoardView.as_view(), name="massnahme_board"),
    path("quartiere/<slug:slug>/massnahmen/neu/", massnahmen.MassnahmeCreateView.as_view(), name="massnahme_neu"),
    path("massnahmen/", massnahmen.MassnahmeListView.as_view(), name="massnahme_liste"),
    path("massnahmen/<int:pk>/", massnahmen.MassnahmeDetailView.as_view(), name="massnahme_detail"),
    path("massnahmen/<int:pk>/bearbeiten/", massnahmen.MassnahmeUpdateView.as_view(), name="massnahme_bearbeiten"),
    path("massnahmen/<int:pk>/status/", massnahmen.MassnahmeStatusView.as_view(), name="massnahme_status"),
    path(
        "massnahmen/<int:pk>/fortschritt/",
        massnahmen.MassnahmeFortschrittView.as_view(),
        name="massnahme_fortschritt",
    ),
    path("massnahmen/<int:pk>/meilensteine/neu/", massnahmen.MeilensteinCreateView.as_view(), name="meilenstein_neu"),
    path(
        "quartiersprofil/meilensteine/<int:pk>/erreicht/",
        massnahmen.MeilensteinErreichtView.as_view(),
        name="meilenstein_erreicht",
    ),
    path("quartiere/<slug:slug>/akteure/", akteure.AkteurListView.as_view(), name="akteur_liste"),
    path("quartiere/<slug:slug>/akteure/neu/", akteure.AkteurCreateView.as_view(), name="akteur_neu"),
    path(
        "quartiersprofil/akteure/<int:pk>/bearbeiten/",
        akteure.AkteurUpdateView.as_view(),
        name="akteur_bearbeiten",
    ),
    path("quartiersprofil/akteure/<int:pk>/export/", akteure.AkteurExportView.as_view(), name="akteur_export"),
    path(
        "quartiersprofil/akteure/<int:pk>/anonymisieren/",
        akteure.AkteurAnonymisierenView.as_view(),
        name="akteur_anonymisieren",
    ),
    path(
        "quartiersprofil/akteure/<int:pk>/widerrufen/",
        akteure.AkteurAnonymisierenView.as_view(widerruf=True),
        name="akteur_widerrufen",
    ),
    path(
        "quartiersprofil/akteure/<int:pk>/erwaehnungen/",
        akteure.AkteurErwaehnungenView.as_view(),
        name="akteur_erwaehnungen",
    ),
    path("quartiere/<slug:slug>/gespraeche/", gespraeche.GespraechListView.as_view(), name="gespraech_liste"),
    path("quartiere/<slug:slug>/gespraeche/neu/", gespraeche.GespraechCreateView.as_view(), name="gespraech_neu"),
    path(
        "quartiersprofil/gespraeche/<int:pk>/bearbeiten/",
        gespraeche.GespraechUpdateView.as_view(),
        name="gespraech_bearbeiten",
    ),
    # --- end of profile texts, measures, key persons, talks ----------------------------------------
]

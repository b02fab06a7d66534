from django.urls import path, re_path

from .views import downloads, rueckmeldung, seiten
from .views.basis import oeffentliche_seite

app_name = "oeffentlich"
urlpatterns = [
    path("", seiten.ProjektView.as_view(), name="projekt"),
    path("quartiere/", seiten.QuartiereView.as_view(), name="quartiere"),
    path("quartiere/<slug:slug>/", seiten.QuartierView.as_view(), name="quartier"),
    path("quartiere/<slug:slug>/quartiersprofil.pdf", downloads.QuartiersprofilPdfView.as_view(), name="profil_pdf"),
    path("veranstaltungen/", seiten.VeranstaltungenView.as_view(), name="veranstaltungen"),
    path("veranstaltungen/kalender.ics", downloads.KalenderView.as_view(), name="kalender"),
    path("veranstaltungen/<int:pk>/", seiten.VeranstaltungView.as_view(), name="veranstaltung"),
    path("veranstaltungen/<int:pk>/flyer.pdf", downloads.FlyerView.as_view(), name="flyer"),
    path("veranstaltungen/<int:pk>/termin.ics", downloads.TerminView.as_view(), name="termin"),
    path("veranstaltungen/<int:pk>/dokumentation/", seiten.DokumentationView.as_view(), name="dokumentation"),
    path("veranstaltungen/<int:pk>/fotos/<int:foto_pk>.jpg", downloads.FotoView.as_view(), name="foto"),
    path("neuigkeiten/", seiten.NeuigkeitenView.as_view(), name="neuigkeiten"),
    path("neuigkeiten/atom.xml", oeffentliche_seite(downloads.NeuigkeitenFeed()), name="neuigkeiten_feed"),
    path("neuigkeiten/<slug:slug>/", seiten.NeuigkeitView.as_view(), name="neuigkeit"),
    path("barrierefreiheit/rueckmeldung/", rueckmeldung.RueckmeldungView.as_view(), name="rueckmeldung"),
    path(
        "barrierefreiheit/rueckmeldung/danke/",
        rueckmeldung.RueckmeldungDankeView.as_view(),
        name="rueckmeldung_danke",
    ),
    re_path(
        r"^(?P<art>impressum|datenschutz|barrierefreiheit|leichte-sprache)/$",
        seiten.PflichtseiteView.as_view(),
        name="pflichtseite",
    ),
]

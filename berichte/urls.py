from django.urls import path

from . import views

app_name = "berichte"
urlpatterns = [
    path("berichte/", views.BerichtListView.as_view(), name="liste"),
    path("berichte/neu/", views.BerichtNeuView.as_view(), name="neu"),
    path("berichte/<int:pk>/", views.BerichtDetailView.as_view(), name="detail"),
    path("berichte/<int:pk>/bearbeiten/", views.BerichtBearbeitenView.as_view(), name="bearbeiten"),
    path("berichte/<int:pk>/beratung/", views.BeratungView.as_view(), name="beratung"),
    path("berichte/<int:pk>/kommentieren/", views.KommentierenView.as_view(), name="kommentieren"),
    path("berichte/kommentare/<int:pk>/erledigt/", views.KommentarErledigtView.as_view(), name="kommentar_erledigt"),
    path("berichte/<int:pk>/entwurf.pdf", views.EntwurfPdfView.as_view(), name="entwurf_pdf"),
    path("berichte/<int:pk>/freigeben/", views.FreigabeView.as_view(), name="freigeben"),
    path("berichte/<int:pk>/version-<int:nummer>.pdf", views.VersionPdfView.as_view(), name="version_pdf"),
    path("berichte/<int:pk>/vergleich/", views.VersionVergleichView.as_view(), name="vergleich"),
    path("berichte/<int:pk>/ratsinformationssystem/", views.OParlView.as_view(), name="oparl"),
    path("quartiere/<slug:slug>/profil-freigeben/", views.ProfilFreigebenView.as_view(), name="profil_freigeben"),
    path("quartiere/<slug:slug>/profil.pdf", views.QuartiersprofilPdfView.as_view(), name="quartiersprofil_pdf"),
]

from django.urls import path

from . import views

app_name = "berichte"
urlpatterns = [
    path("berichte/", views.BerichtListView.as_view(), name="liste"),
    path("quartiere/<slug:slug>/profil.pdf", views.QuartiersprofilPdfView.as_view(), name="quartiersprofil_pdf"),
]

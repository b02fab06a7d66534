from django.urls import path

from . import views

app_name = "uebersichten"
urlpatterns = [
    path("kommunalprofil/", views.KommunalprofilView.as_view(), name="kommunalprofil"),
    path("kommunalprofil.pdf", views.KommunalprofilPdfView.as_view(), name="kommunalprofil_pdf"),
    path("sachstandsbericht/", views.SachstandsberichtView.as_view(), name="sachstandsbericht"),
    path("sachstandsbericht.pdf", views.SachstandsberichtPdfView.as_view(), name="sachstandsbericht_pdf"),
]

from django.urls import path

from .views import abdeckung, barrieren, netz

app_name = "wegenetz"

urlpatterns = [
    path("", netz.WegenetzUebersichtView.as_view(), name="uebersicht"),
    path("import/", netz.WegenetzImportView.as_view(), name="import"),
    path("berechnen/", netz.DistanzfelderBerechnenView.as_view(), name="berechnen"),
    path("profile/<slug:art>/", netz.WegprofilUpdateView.as_view(), name="profil_bearbeiten"),
    path("isochronen/", abdeckung.IsochronenView.as_view(), name="isochronen"),
    path("quartiere/<slug:slug>/", abdeckung.QuartierAbdeckungView.as_view(), name="quartier"),
    path("barrieren/neu/", barrieren.BarriereNeuView.as_view(), name="barriere_neu"),
    path("barrieren/<int:pk>/loesen/", barrieren.BarriereLoesenView.as_view(), name="barriere_loesen"),
]

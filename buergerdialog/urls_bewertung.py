"""URLs of the review by the steering group and of the way into practice (included by ``urls.py``)."""

from django.urls import path

from .views import bewertung, praxis

urlpatterns = [
    path(
        "veranstaltungen/<int:pk>/bewertungsrunde/neu/",
        bewertung.BewertungsrundeCreateView.as_view(),
        name="bewertungsrunde_neu",
    ),
    path(
        "veranstaltungen/<int:pk>/bewertungsrunde/",
        bewertung.BewertungsrundeUpdateView.as_view(),
        name="bewertungsrunde_bearbeiten",
    ),
    path("veranstaltungen/<int:pk>/bewerten/", bewertung.BewertenView.as_view(), name="bewerten"),
    path("veranstaltungen/<int:pk>/bewertung/", bewertung.BewertungErgebnisView.as_view(), name="bewertung_ergebnis"),
    path(
        "veranstaltungen/<int:pk>/tagesordnungspunkt/",
        praxis.TagesordnungspunktView.as_view(),
        name="tagesordnungspunkt_neu",
    ),
    path("ergebnisse/<int:ergebnis_pk>/praxis/", praxis.ErgebnisPraxisView.as_view(), name="ergebnis_praxis"),
    path("ergebnisse/<int:ergebnis_pk>/weitergabe/", praxis.WeitergabeCreateView.as_view(), name="weitergabe_neu"),
    path("weitergaben/<int:pk>/bearbeiten/", praxis.WeitergabeUpdateView.as_view(), name="weitergabe_bearbeiten"),
    path("massnahmen/<int:pk>/weg/", praxis.MassnahmeWegView.as_view(), name="massnahme_weg"),
]

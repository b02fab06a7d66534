from django.urls import path

from . import views

app_name = "auftraege"

urlpatterns = [
    path("auftraege/<uuid:pk>/", views.AuftragStatusView.as_view(), name="status"),
]

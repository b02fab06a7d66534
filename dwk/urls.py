from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from dwk import views
from quartiere.views import start

urlpatterns = [
    path("", start.StartView.as_view(), name="start"),
    path("handlungsfelder.css", start.HandlungsfeldFarbenView.as_view(), name="handlungsfeld_farben"),
    path("uebersicht/", start.UebersichtView.as_view(), name="uebersicht"),
    path("konto/anmelden/", views.AnmeldenView.as_view(), name="login"),
    path("konto/abmelden/", auth_views.LogoutView.as_view(), name="logout"),
    path("konto/anmeldesperren/", views.AnmeldesperrenView.as_view(), name="anmeldesperren"),
    path("konto/anmeldesperren/aufheben/", views.AnmeldesperreAufhebenView.as_view(), name="anmeldesperre_aufheben"),
    path("konto/zwei-faktor/einrichten/", views.ZweiFaktorEinrichtenView.as_view(), name="zwei_faktor_einrichten"),
    path("konto/zwei-faktor/bestaetigen/", views.ZweiFaktorBestaetigenView.as_view(), name="zwei_faktor_bestaetigen"),
    path("konto/zwei-faktor/codes/", views.WiederherstellungscodesView.as_view(), name="zwei_faktor_codes"),
    path("gesundheit/", views.gesundheit, name="gesundheit"),
    path("", include("quartiere.urls")),
    path("", include("berichte.urls")),
    path("", include("uebersichten.urls")),
    path("", include("quartiersprofil.urls")),
    path("lenkungsgruppe/", include("lenkungsgruppe.urls")),
    path("buergerdialog/", include("buergerdialog.urls")),
    path("", include("auftraege.urls")),
    path("wegenetz/", include("wegenetz.urls")),
    path("projekt/", include("oeffentlich.urls")),
    path("oeffentliche-seiten/", include("oeffentlich.urls_redaktion")),
    path("admin/", admin.site.urls),
]
handler400 = views.fehlerhafte_anfrage
# A database that cannot be reached → 503 (dwk.ausfall); every other error → views.serverfehler (500).
handler500 = "dwk.ausfall.serverfehler"

# Uploaded files (photos, plans, import previews) are never served from /media/: each goes
# through a view that checks the user's permission.

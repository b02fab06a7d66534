"""The project's URLs plus one view that fails, for tests/dwk/test_serverfehler.py."""

from django.contrib.auth.decorators import login_not_required
from django.urls import path

from dwk import urls


@login_not_required
def kaputt(request):
    raise RuntimeError("absichtlich kaputt")


urlpatterns = [*urls.urlpatterns, path("kaputt/", kaputt)]
handler400 = urls.handler400
handler500 = urls.handler500

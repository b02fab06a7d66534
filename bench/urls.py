"""URLs of the bench server: the project's own and the floor view."""

from django.http import HttpResponse
from django.urls import path

from dwk.urls import handler400, handler500
from dwk.urls import urlpatterns as projekt_urls

BODEN_URL = "/bench/boden/"


def boden(request):
    """The floor: the least a Django view can do behind the same middleware (session, login, CSP …)."""
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")


urlpatterns = [path(BODEN_URL.strip("/") + "/", boden, name="bench_boden"), *projekt_urls]
__all__ = ["handler400", "handler500", "urlpatterns"]

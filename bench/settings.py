"""Settings of the bench server: the project's settings with bench/urls.py as the URL configuration,
which adds the floor view. Never used outside bench/."""

from dwk.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"

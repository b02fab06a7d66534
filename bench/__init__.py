"""Measurements (`make bench`); a package only so that gunicorn can load bench.settings and bench.urls."""

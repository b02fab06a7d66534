# DWK Quartiersplanung: the image of web, worker and migrate (docker-compose.yml). PostGIS runs as its own service.
FROM debian:12-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 DEBIAN_FRONTEND=noninteractive \
    DWK_VAR_DIR=/app/var PATH=/app/.venv/bin:$PATH

# postgresql-client: pg_dump/pg_restore (15, as the PostGIS service) for backup and restore.
RUN apt-get update \
    && apt-get install -y --no-install-recommends python3 python3-venv gdal-bin libsqlite3-mod-spatialite \
       libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-liberation2 \
       postgresql-client ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home /app --uid 1000 dwk

WORKDIR /app
COPY requirements.lock ./
RUN python3 -m venv .venv && .venv/bin/pip install --no-cache-dir --requirement requirements.lock

COPY . .
# Static files are collected into the image and served by WhiteNoise (compressed, with long cache times).
RUN mkdir -p var/media var/static var/sicherungen \
    && DWK_SECRET_KEY=build-only python manage.py collectstatic --no-input -v 0 \
    && chown -R dwk:dwk var

USER dwk
EXPOSE 8000
# docker-compose.yml runs migrate once as its own service and then this; alone: migrate first.
CMD ["sh", "-c", "exec gunicorn dwk.wsgi:application --bind 0.0.0.0:8000 --workers ${DWK_GUNICORN_WORKERS:-3} --timeout 120 --access-logfile - --forwarded-allow-ips='*'"]

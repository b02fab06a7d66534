# DWK Quartiersplanung: web image (gunicorn). PostGIS runs as its own service (docker-compose.yml).
FROM debian:12-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 DEBIAN_FRONTEND=noninteractive \
    DWK_VAR_DIR=/app/var PATH=/app/.venv/bin:$PATH

RUN apt-get update \
    && apt-get install -y --no-install-recommends python3 python3-venv gdal-bin libsqlite3-mod-spatialite \
       libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-liberation2 \
       ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home /app --uid 1000 dwk

WORKDIR /app
COPY requirements.lock ./
RUN python3 -m venv .venv && .venv/bin/pip install --no-cache-dir --requirement requirements.lock

COPY . .
RUN mkdir -p var/media var/static \
    && DWK_SECRET_KEY=build-only python manage.py collectstatic --no-input -v 0 \
    && chown -R dwk:dwk var

USER dwk
EXPOSE 8000
CMD ["sh", "-c", "python manage.py migrate --no-input && exec gunicorn dwk.wsgi:application --bind 0.0.0.0:8000 --workers 3 --timeout 120 --access-logfile -"]

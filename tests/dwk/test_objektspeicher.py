"""Media on S3-compatible object storage (issue 13; DWK_MEDIEN_SPEICHER=s3, django-storages): tested
against moto's S3 emulator run as a real server on a free port of this machine (moto[server] from
PyPI). A photo uploaded through the page lands in the bucket with its web and print derivatives,
nothing in the local media folder, and the photo's page serves it back from the bucket. Local files
stay the default; sessions live in the database."""

import io
import os
import subprocess
import sys
import uuid

import boto3
import pytest
from django.conf import settings as django_settings
from django.core.files.storage import storages
from django.urls import reverse
from moto.server import ThreadedMotoServer
from PIL import Image

from dwk.permissions import PROJEKTTEAM
from quartiersprofil.models import Foto
from quartiersprofil.services.fotos import BREITE_DRUCK
from tests.factories import BegehungFactory, QuartierFactory, UserFactory

ZUGANG = {"aws_access_key_id": "dwk-test", "aws_secret_access_key": "dwk-test-geheim", "region_name": "eu-central-1"}


@pytest.fixture(scope="module")
def s3_server():
    """moto's S3 server on a free port of 127.0.0.1, for the module."""
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_server, settings, tmp_path):
    """A fresh private bucket, set as the app's media storage (as DWK_MEDIEN_SPEICHER=s3 does)."""
    name = f"dwk-medien-{uuid.uuid4().hex[:12]}"
    client = boto3.client("s3", endpoint_url=s3_server, **ZUGANG)
    client.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": ZUGANG["region_name"]})
    settings.MEDIA_ROOT = tmp_path / "lokal"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": name,
                "endpoint_url": s3_server,
                "region_name": ZUGANG["region_name"],
                "access_key": ZUGANG["aws_access_key_id"],
                "secret_key": ZUGANG["aws_secret_access_key"],
                "addressing_style": "path",
                "default_acl": "private",
                "file_overwrite": False,
            },
        },
    }
    return client, name


def _objekte(client, name):
    antwort = client.list_objects_v2(Bucket=name)
    return {o["Key"]: o["Size"] for o in antwort.get("Contents", [])}


def _jpeg(breite=1600, hoehe=1200):
    puffer = io.BytesIO()
    Image.new("RGB", (breite, hoehe), (40, 120, 200)).save(puffer, "JPEG")
    puffer.seek(0)
    puffer.name = "begehung.jpg"
    return puffer


@pytest.mark.django_db
def test_foto_hochladen_liegt_im_bucket_und_wird_ausgeliefert(client, bucket):
    s3, name = bucket
    assert type(storages["default"]).__name__ == "S3Storage"
    client.force_login(UserFactory(username="planerin", rolle=PROJEKTTEAM))
    begehung = BegehungFactory(quartier=QuartierFactory())
    antwort = client.post(
        reverse("quartiersprofil:foto_hochladen", args=[begehung.pk]),
        {"dateien": [_jpeg()], "bildunterschrift": "Treppe am Marktplatz"},
    )
    assert antwort.status_code == 302, antwort.content.decode()[:2000]
    foto = Foto.objects.get()
    objekte = _objekte(s3, name)
    assert set(objekte) == {foto.datei.name, foto.web.name, foto.druck.name}
    assert all(groesse > 0 for groesse in objekte.values())
    assert not (django_settings.MEDIA_ROOT).exists() or not any(django_settings.MEDIA_ROOT.rglob("*.jpg"))

    # The print derivative, read straight from the bucket.
    druck = s3.get_object(Bucket=name, Key=foto.druck.name)["Body"].read()
    with Image.open(io.BytesIO(druck)) as bild:
        assert bild.format == "JPEG"
        assert bild.width == BREITE_DRUCK
    # Served back through the app's view (behind the login), byte for byte from the bucket.
    for groesse, feld in (("druck", foto.druck), ("web", foto.web)):
        antwort = client.get(reverse("quartiersprofil:foto_datei", args=[foto.pk, groesse]))
        assert antwort.status_code == 200
        assert b"".join(antwort.streaming_content) == s3.get_object(Bucket=name, Key=feld.name)["Body"].read()
    # Private objects: the owner alone has a grant, no one else (no public-read).
    grants = s3.get_object_acl(Bucket=name, Key=foto.druck.name)["Grants"]
    assert [g["Permission"] for g in grants] == ["FULL_CONTROL"]
    assert all(g["Grantee"]["Type"] == "CanonicalUser" for g in grants)


@pytest.mark.django_db
def test_foto_loeschen_entfernt_die_objekte(client, bucket, django_capture_on_commit_callbacks):
    s3, name = bucket
    client.force_login(UserFactory(username="planerin", rolle=PROJEKTTEAM))
    begehung = BegehungFactory(quartier=QuartierFactory())
    client.post(reverse("quartiersprofil:foto_hochladen", args=[begehung.pk]), {"dateien": [_jpeg(800, 600)]})
    foto = Foto.objects.get()
    assert len(_objekte(s3, name)) == 3
    with django_capture_on_commit_callbacks(execute=True):  # files go after the commit
        antwort = client.post(reverse("quartiersprofil:foto_loeschen", args=[foto.pk]))
    assert antwort.status_code == 302
    assert _objekte(s3, name) == {}


def _einstellungen(**umgebung):
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.STORAGES['default']['BACKEND'], s.SESSION_ENGINE)"
    )
    basis = {k: v for k, v in os.environ.items() if not k.startswith("DWK_")}
    basis["DWK_DATABASE_URL"] = os.environ["DWK_DATABASE_URL"]
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=django_settings.BASE_DIR,
        env={**basis, "DJANGO_SETTINGS_MODULE": "dwk.settings", **umgebung},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_einstellungen_aus_der_umgebung():
    """Local files by default, S3 through the DWK_S3_ variables, a clear message without a bucket;
    sessions in the database either way (several web containers share them)."""
    lokal = _einstellungen()
    assert lokal.stdout.split() == [
        "django.core.files.storage.FileSystemStorage",
        "django.contrib.sessions.backends.db",
    ], lokal.stderr
    s3 = _einstellungen(DWK_MEDIEN_SPEICHER="s3", DWK_S3_BUCKET="quartiere", DWK_S3_ENDPOINT_URL="http://s3.local")
    assert s3.stdout.split()[0] == "storages.backends.s3.S3Storage", s3.stderr
    ohne_bucket = _einstellungen(DWK_MEDIEN_SPEICHER="s3")
    assert ohne_bucket.returncode != 0
    assert "DWK_MEDIEN_SPEICHER=s3 braucht DWK_S3_BUCKET" in ohne_bucket.stderr

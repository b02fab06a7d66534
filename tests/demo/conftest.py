import pytest


@pytest.fixture(autouse=True)
def medien(settings, tmp_path):
    """Every demo test writes its files (the walk-through photos) into its own empty directory."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT

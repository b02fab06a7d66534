import pytest


@pytest.fixture(autouse=True)
def medien(settings, tmp_path):
    """Every test of the quarter profile writes its files into its own empty directory."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT

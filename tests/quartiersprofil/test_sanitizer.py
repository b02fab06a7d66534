"""Profile texts are Markdown rendered through ``dwk.markdown``: nothing active survives on the page."""

import pytest
from django.urls import reverse

from quartiersprofil.services.profil import abschnitt_speichern, profil_entwurf_anlegen
from tests.factories import QuartierFactory

pytestmark = pytest.mark.django_db

BOESE = """# Überschrift

<script>alert("x")</script>
<p onclick="alert('x')" onmouseover="alert('y')">Absatz</p>
[Link](javascript:alert('x')) und <a href="javascript:alert(1)">roh</a>
<style>body { display: none }</style>
<img src="x" onerror="alert('x')"> ![Bild](https://example.org/b.png)
<iframe src="https://example.org"></iframe>

**fett** und [gut](https://example.org/seite)
"""


def _seite(client, quartier):
    return client.get(reverse("quartiersprofil:profil", kwargs={"slug": quartier.slug})).content.decode()


def test_gefaehrliches_markdown_wird_entschaerft(client_projektteam):
    quartier = QuartierFactory()
    abschnitt = profil_entwurf_anlegen(quartier=quartier).abschnitte.first()
    abschnitt_speichern(abschnitt=abschnitt, bestand=BOESE, staerken=BOESE, handlungsbedarf="")

    seite = _seite(client_projektteam, quartier)
    text = seite.split('class="profil-text"', 1)[1].split("Handlungsbedarf", 1)[0]

    assert [
        wort
        for wort in ("<script", "onclick", "onmouseover", "onerror", "javascript:", "<style", "<img", "<iframe")
        if wort in text.lower()
    ] == []
    assert "<strong>fett</strong>" in text
    assert '<a href="https://example.org/seite" rel="noopener noreferrer nofollow">gut</a>' in text
    assert "<h2" in text and "<h1" not in text

"""The demo gives a meaningful Kommunalprofil and Sachstandsbericht: the twelve Stadtbezirke and the
four reference quarters of Dortmund, the steering group's organisations, the workshops, dialogues
and milestones of 2016/2017."""

import io

from django.contrib.auth import get_user_model
from pypdf import PdfReader

from uebersichten.pdf import sachstandsbericht_pdf
from uebersichten.queries.kommunalprofil import kommunalprofil_sammeln
from uebersichten.queries.sachstand import sachstand_sammeln

REFERENZQUARTIERE = ["Derne", "Jungferntal", "Marten", "Menglinghausen"]


def test_kommunalprofil_der_demo(demo):
    profil = kommunalprofil_sammeln(sieht_fallzahlen=False)
    assert len(profil.gebiete) == 12
    assert sorted(q for g in profil.gebiete for q in g.referenzquartiere) == REFERENZQUARTIERE
    bevoelkerung = profil.kennzahlen[0]
    assert bevoelkerung.titel == "Bevölkerung"
    assert [z.name for z in bevoelkerung.zeilen][12:] == ["Dortmund gesamt", *REFERENZQUARTIERE]
    # Every value is a number or withheld, none missing, in every indicator table.
    for tabelle in profil.kennzahlen:
        for zeile in tabelle.zeilen:
            assert "–" not in zeile.zellen, (tabelle.titel, zeile.name)
    assert {z.name for z in profil.infrastruktur_quartiere[0].zeilen} == set(REFERENZQUARTIERE)
    assert profil.massnahmen.zeilen[12].zellen[-1] != "0"


def test_sachstandsbericht_der_demo(demo):
    benutzer = get_user_model().objects.get(username="projektteam")
    folien = {f.titel: f for f in sachstand_sammeln(user=benutzer).folien}
    assert len(folien["Fachworkshops"].tabelle.zeilen) == 3
    assert [z[0] for z in folien["Die Referenzquartiere"].tabelle.zeilen] == REFERENZQUARTIERE
    assert folien["Zeitleiste: Erreicht"].tabelle.zeilen[0][0] == "Ratsbeschluss"
    assert any("Stiftung Mitarbeit" in zeile[3] for zeile in folien["Bürgerdialoge"].tabelle.zeilen)
    reader = PdfReader(io.BytesIO(sachstandsbericht_pdf(user=benutzer)))
    text = "\n".join(seite.extract_text() for seite in reader.pages)
    assert "600.390" in text  # Dortmund's residents, as in the city's report of 2017
    assert len(reader.pages) >= 14

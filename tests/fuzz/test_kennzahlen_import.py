"""Fuzzing the CSV import of indicator values (long and wide format)."""

from hypothesis import given
from hypothesis import strategies as st

from quartiere.models import Kennzahl
from quartiere.services import kennzahlen_importieren

from .hilfen import pruefen
from .strategien import datei_oder_rauschen

ZELLEN = st.one_of(
    st.sampled_from(["691", "692", "999", "", " ", "ew_gesamt", "ew_80plus", "anteil_80plus", "quatsch"]),
    st.sampled_from(["2020", "1899", "20200", "2020.5", "-1", "1.000", "1,5", "1e308", "NaN", "-0", "12 345", "∞"]),
    st.text(max_size=8),
)
KOEPFE = st.sampled_from(
    [
        "Gebietsschlüssel;Indikator;Jahr;Wert",
        "Gebietsschlüssel;ew_gesamt_2019;ew_gesamt_2020;ew_80plus_2020",
        "Gebietsschlüssel;anteil_80plus_2020",
        "Gebietsschlüssel;Indikator;Jahr",
        "",
    ]
)


@st.composite
def csv_dateien(draw) -> bytes:
    trenner = draw(st.sampled_from([";", ",", "\t"]))
    zeilen = [draw(KOEPFE).replace(";", trenner)]
    for _ in range(draw(st.integers(0, 6))):
        zeilen.append(trenner.join(draw(st.lists(ZELLEN, min_size=0, max_size=5))))
    text = draw(st.sampled_from(["\r\n", "\n"])).join(zeilen)
    kodierung = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]))
    return text.encode(kodierung, errors="replace")


def _anzahl():
    return Kennzahl.objects.count()


@given(inhalt=st.one_of(csv_dateien(), datei_oder_rauschen("kennzahlen/lang_utf8.csv", "kennzahlen/breit_cp1252.csv")))
def test_kennzahlen_import_stuerzt_nicht_ab_und_speichert_nichts_halb(stadt, inhalt):
    pruefen(
        lambda: kennzahlen_importieren(inhalt=inhalt, dateiname="werte.csv", ebene="unterbezirk"),
        zaehlen=_anzahl,
    )

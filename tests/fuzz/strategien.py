"""Inputs for the fuzz tests: random bytes, and valid files with random damage (the damage a
truncated upload, a wrong encoding or a hand edit does), which reach deeper into a parser than noise."""

from pathlib import Path

from hypothesis import strategies as st

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
# Bytes that mean something to one of the parsers.
STOERER = [b";", b",", b'"', b"\n", b"\r\n", b"\x00", b"-", b"1e308", b"NaN", b"{", b"]", b"<", b"</", b"&"]


@st.composite
def beschaedigt(draw, vorlage: bytes, *, max_eingriffe: int = 6) -> bytes:
    """``vorlage`` with up to ``max_eingriffe`` random insertions, deletions and replaced bytes."""
    daten = bytearray(vorlage)
    for _ in range(draw(st.integers(0, max_eingriffe))):
        stelle = draw(st.integers(0, len(daten)))
        art = draw(st.sampled_from(["einfuegen", "loeschen", "ersetzen", "abschneiden"]))
        if art == "einfuegen":
            daten[stelle:stelle] = draw(
                st.one_of(
                    st.binary(min_size=1, max_size=8),
                    st.sampled_from(STOERER),
                    st.text(max_size=6).map(lambda t: t.encode("utf-8")),
                )
            )
        elif art == "loeschen":
            del daten[stelle : stelle + draw(st.integers(1, 20))]
        elif art == "ersetzen" and stelle < len(daten):
            daten[stelle] = draw(st.integers(0, 255))
        elif art == "abschneiden":
            del daten[stelle:]
    return bytes(daten)


def datei_oder_rauschen(*namen: str, max_eingriffe: int = 6):
    """A damaged copy of one of the fixture files ``namen`` (relative to tests/fixtures), or random bytes."""
    vorlagen = [(FIXTURES / name).read_bytes() for name in namen]
    return st.one_of(
        st.binary(max_size=600),
        st.sampled_from(vorlagen).flatmap(lambda v: beschaedigt(v, max_eingriffe=max_eingriffe)),
    )

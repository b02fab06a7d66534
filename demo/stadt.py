"""The demo city: Dortmund's real names and codes, and the six demo quarters.

Names and codes are Dortmund's: 12 Stadtbezirke (01 Innenstadt-West … 12 Mengede) and 62
statistische Bezirke with the city's three-digit codes (first digit = the group of
Stadtbezirke: 0 Innenstadt, 1 Eving … 9 Mengede), each with its approximate real position.
Their areas are generated from these tables (``demo.geometrie``); the quarters are invented
descriptions of the four reference quarters the seed names and two candidates.
"""

from dataclasses import dataclass

from quartiere.models import QuartierStatus, Siedlungsepoche

ANZAHL_UNTERBEZIRKE = 170

KOMMUNE = {"name": "Dortmund", "gemeindeschluessel": "05913000"}

STADTBEZIRKE = [
    ("01", "Innenstadt-West"),
    ("02", "Innenstadt-Nord"),
    ("03", "Innenstadt-Ost"),
    ("04", "Eving"),
    ("05", "Scharnhorst"),
    ("06", "Brackel"),
    ("07", "Aplerbeck"),
    ("08", "Hörde"),
    ("09", "Hombruch"),
    ("10", "Lütgendortmund"),
    ("11", "Huckarde"),
    ("12", "Mengede"),
]

# (code, name, Stadtbezirk, approximate real position as longitude, latitude)
BEZIRKE = [
    ("000", "City", "01", 7.466, 51.514),
    ("010", "Westfalenhalle", "01", 7.455, 51.497),
    ("020", "Dorstfelder Brücke", "01", 7.440, 51.514),
    ("030", "Dorstfeld", "01", 7.415, 51.508),
    ("040", "Hafen", "02", 7.438, 51.532),
    ("050", "Nordmarkt", "02", 7.462, 51.528),
    ("060", "Borsigplatz", "02", 7.488, 51.526),
    ("070", "Kaiserbrunnen", "03", 7.490, 51.514),
    ("080", "Westfalendamm", "03", 7.500, 51.502),
    ("090", "Ruhrallee", "03", 7.476, 51.498),
    ("110", "Brechten", "04", 7.478, 51.582),
    ("120", "Eving", "04", 7.478, 51.552),
    ("130", "Holthausen", "04", 7.452, 51.580),
    ("140", "Lindenhorst", "04", 7.450, 51.552),
    ("210", "Derne", "05", 7.520, 51.574),
    ("220", "Hostedde", "05", 7.530, 51.556),
    ("230", "Kirchderne", "05", 7.506, 51.560),
    ("240", "Kurl-Husen", "05", 7.596, 51.560),
    ("250", "Lanstrop", "05", 7.560, 51.570),
    ("260", "Alt-Scharnhorst", "05", 7.540, 51.542),
    ("270", "Scharnhorst-Ost", "05", 7.568, 51.548),
    ("310", "Asseln", "06", 7.585, 51.530),
    ("320", "Brackel", "06", 7.552, 51.522),
    ("330", "Wambel", "06", 7.524, 51.520),
    ("340", "Wickede", "06", 7.615, 51.532),
    ("410", "Aplerbeck", "07", 7.558, 51.492),
    ("420", "Berghofen", "07", 7.540, 51.470),
    ("430", "Schüren", "07", 7.528, 51.496),
    ("440", "Sölde", "07", 7.592, 51.498),
    ("450", "Sölderholz", "07", 7.585, 51.480),
    ("510", "Benninghofen", "08", 7.516, 51.466),
    ("520", "Hacheney", "08", 7.478, 51.478),
    ("530", "Hörde", "08", 7.502, 51.486),
    ("540", "Holzen", "08", 7.528, 51.446),
    ("550", "Syburg", "08", 7.500, 51.428),
    ("560", "Wellinghofen", "08", 7.494, 51.462),
    ("570", "Wichlinghofen", "08", 7.512, 51.450),
    ("610", "Barop", "09", 7.424, 51.490),
    ("620", "Bittermark", "09", 7.458, 51.446),
    ("630", "Brünninghausen", "09", 7.456, 51.476),
    ("640", "Eichlinghofen", "09", 7.400, 51.484),
    ("650", "Hombruch", "09", 7.438, 51.474),
    ("660", "Persebeck-Kruckel-Schnee", "09", 7.398, 51.462),
    ("670", "Kirchhörde-Löttringhausen", "09", 7.440, 51.455),
    ("680", "Rombergpark-Lücklemberg", "09", 7.474, 51.458),
    ("690", "Menglinghausen", "09", 7.418, 51.470),
    ("710", "Bövinghausen", "10", 7.322, 51.515),
    ("720", "Kley", "10", 7.372, 51.488),
    ("730", "Lütgendortmund", "10", 7.343, 51.500),
    ("740", "Marten", "10", 7.388, 51.515),
    ("750", "Oespel", "10", 7.385, 51.498),
    ("760", "Westrich", "10", 7.355, 51.520),
    ("810", "Deusen", "11", 7.420, 51.548),
    ("820", "Huckarde", "11", 7.418, 51.532),
    ("830", "Jungferntal-Rahm", "11", 7.390, 51.534),
    ("840", "Kirchlinde", "11", 7.366, 51.532),
    ("910", "Bodelschwingh", "12", 7.360, 51.552),
    ("920", "Mengede", "12", 7.385, 51.572),
    ("930", "Nette", "12", 7.410, 51.562),
    ("940", "Oestrich", "12", 7.360, 51.578),
    ("950", "Schwieringhausen", "12", 7.388, 51.592),
    ("960", "Westerfilde", "12", 7.386, 51.553),
]

# A simplified outline of the city (longitude, latitude), about 280 km².
STADTGRENZE = [
    (7.303, 51.515), (7.320, 51.528), (7.335, 51.536), (7.345, 51.552), (7.338, 51.568),
    (7.355, 51.585), (7.375, 51.597), (7.400, 51.597), (7.420, 51.584), (7.440, 51.577),
    (7.458, 51.588), (7.482, 51.596), (7.505, 51.586), (7.530, 51.580), (7.560, 51.575),
    (7.590, 51.570), (7.613, 51.557), (7.626, 51.538), (7.622, 51.515), (7.606, 51.499),
    (7.598, 51.480), (7.578, 51.471), (7.558, 51.464), (7.536, 51.445), (7.512, 51.419),
    (7.490, 51.421), (7.472, 51.436), (7.445, 51.441), (7.420, 51.446), (7.397, 51.453),
    (7.382, 51.466), (7.366, 51.478), (7.345, 51.485), (7.323, 51.493), (7.310, 51.503),
]  # fmt: skip


@dataclass(frozen=True)
class DemoQuartier:
    name: str
    slug: str
    bezirk: str  # code of the statistischer Bezirk the quarter is drawn around
    siedlungsepoche: str
    status: str
    auswahlbegruendung: str
    ist_referenzquartier: bool = True
    mit_partner: bool = False
    # How the boundary departs from the district: "nachbarstreifen" adds a 300 m strip of one
    # neighbouring Unterbezirk, "ohne_rand" leaves out the outer half of one of its own.
    grenze: str = "nachbarstreifen"


QUARTIERE = [
    DemoQuartier(
        "Menglinghausen",
        "menglinghausen",
        "690",
        Siedlungsepoche.REIHENHAUSGEBIET,
        QuartierStatus.PROFIL,
        "Ein kleiner Ortsteil im Süden von Hombruch mit Reihen- und Einfamilienhäusern, ergänzt um "
        "neuere Baugebiete. Viele Bewohnerinnen und Bewohner sind mit ihren Häusern älter geworden, "
        "Geschäfte und Arztpraxen liegen nicht immer in Fußwegnähe. Das Quartier steht für die "
        "Reihenhausgebiete am Stadtrand.",
        mit_partner=True,
    ),
    DemoQuartier(
        "Derne",
        "derne",
        "210",
        Siedlungsepoche.ZWANZIGER_BIS_FUENFZIGER,
        QuartierStatus.PROFIL,
        "Eine frühere Bergarbeitersiedlung im Norden von Scharnhorst, geprägt vom Siedlungsbau der "
        "1920er bis 1950er Jahre. Seit dem Ende des Bergbaus hat sich die Nahversorgung ausgedünnt, "
        "und der Anteil älterer Menschen wächst. Das Quartier steht für die Siedlungen dieser Zeit.",
        mit_partner=True,
    ),
    DemoQuartier(
        "Jungferntal",
        "jungferntal",
        "830",
        Siedlungsepoche.GROSSWOHNSIEDLUNG,
        QuartierStatus.AUSGEWAEHLT,
        "Eine Großwohnsiedlung in Huckarde mit mehrgeschossigen Wohnblöcken und vielen Mietwohnungen. "
        "Viele Menschen wohnen hier seit dem Erstbezug und werden gemeinsam älter; Aufzüge, Wege und "
        "Treffpunkte müssen dazu passen. Das Quartier steht für die Großwohnsiedlungen.",
        grenze="ohne_rand",
    ),
    DemoQuartier(
        "Marten",
        "marten",
        "740",
        Siedlungsepoche.GRUENDERZEIT,
        QuartierStatus.AUSGEWAEHLT,
        "Ein gewachsener Ortsteil in Lütgendortmund mit Häusern aus der Gründerzeit um den alten "
        "Ortskern, gemischt mit späterer Bebauung. Die Wege im Ortskern sind kurz, aber viele Altbauten "
        "sind nicht barrierefrei. Das Quartier steht für die Gründerzeit.",
    ),
    DemoQuartier(
        "Nordmarkt",
        "nordmarkt",
        "050",
        Siedlungsepoche.GRUENDERZEIT,
        QuartierStatus.KANDIDAT,
        "Dicht bebautes Gründerzeitviertel in der Nordstadt. Vorgemerkt als Vergleichsquartier zu Marten.",
        ist_referenzquartier=False,
        grenze="bezirk",
    ),
    DemoQuartier(
        "Scharnhorst-Ost",
        "scharnhorst-ost",
        "270",
        Siedlungsepoche.GROSSWOHNSIEDLUNG,
        QuartierStatus.KANDIDAT,
        "Großwohnsiedlung der 1960er und 1970er Jahre. Vorgemerkt als Vergleichsquartier zu Jungferntal.",
        ist_referenzquartier=False,
        grenze="bezirk",
    ),
]


def stadtbezirk_von(bezirk_code):
    return next(stadtbezirk for code, _name, stadtbezirk, *_pos in BEZIRKE if code == bezirk_code)

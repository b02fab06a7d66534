"""Demo data of the committee reports (called by ``demo_daten``).

Two reports, as the seed tells it: Menglinghausen's profile went to the Bezirksvertretung Hombruch
in June 2017 (released on 30 May 2017, stored as version 1); the first two profiles, Menglinghausen
and Derne, go to the Ausschuss für Soziales, Arbeit und Gesundheit in January 2018, and the draft
lies with the steering group until 8 November 2017 (decision no. 7), with comments of its members.
Idempotent: a report whose subject exists is left as it is.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction

from berichte.models import Bericht, Gremium
from berichte.services.berichte import (
    belegstand_einfrieren,
    bericht_freigeben,
    bericht_speichern,
    bericht_zur_beratung_stellen,
    kommentar_erledigen,
    kommentar_schreiben,
    profil_datei_speichern,
)
from berichte.services.pdf_bericht import bericht_pdf, profil_pdf_abgeschottet
from demo.zeit import am_tag
from lenkungsgruppe.models import Beschluss
from quartiersprofil.models import Profilfassung, ProfilStatus

D = datetime.date
BV_BETREFF = "Altersgerechte Quartiersentwicklung: Quartiersprofil Menglinghausen"
AUSSCHUSS_BETREFF = "Erste Berichterstattung: Quartiersprofile Menglinghausen und Derne"
FREIGABE = D(2017, 5, 30)
BERATUNG = D(2017, 10, 5)
FRIST = D(2017, 11, 8)

# (section, day, author's user name, text, answer of the Projektteam or "", resolved)
KOMMENTARE = [
    (
        "beschlussvorschlag",
        D(2017, 10, 9),
        "lenkungsgruppe",
        "Bitte im Beschlussvorschlag ausdrücklich die Fortschreibung der Profile nach den Bürgerdialogen nennen.",
        "Ist ergänzt: „… und nimmt die geplante Fortschreibung zur Kenntnis.“",
        True,
    ),
    (
        "profil-derne",
        D(2017, 10, 11),
        "lenkungsgruppe",
        "Im Profil Derne fehlen noch Stärken und Handlungsbedarf für vier Handlungsfelder. Wird das bis zur "
        "Ausschusssitzung fertig?",
        "",
        False,
    ),
]


@dataclass
class BerichteDemo:
    berichte: int = 0
    versionen: int = 0
    kommentare: int = 0


def _freigegeben(slug):
    return (
        Profilfassung.objects.filter(quartier__slug=slug, status=ProfilStatus.FREIGEGEBEN).order_by("-nummer").first()
    )


def _arbeitsstand(slug):
    return Profilfassung.objects.filter(quartier__slug=slug).exclude(
        status=ProfilStatus.FREIGEGEBEN
    ).first() or _freigegeben(slug)


def _bv_bericht(projektteam):
    menglinghausen = _freigegeben("menglinghausen")
    if menglinghausen is None or Bericht.objects.filter(betreff=BV_BETREFF).exists():
        return 0
    with am_tag(D(2017, 5, 15)):
        bericht = bericht_speichern(
            bericht=Bericht(
                betreff=BV_BETREFF,
                gremium=Gremium.BEZIRKSVERTRETUNG,
                gremium_name="Bezirksvertretung Hombruch",
                sitzungsdatum=D(2017, 6, 14),
                drucksachennummer="07654-17",
                beschlussvorschlag=(
                    "Die Bezirksvertretung Hombruch nimmt das Quartiersprofil Menglinghausen und die Einladung zur "
                    "Bürgerwerkstatt am 20. Mai 2017 zur Kenntnis."
                ),
                begruendung=(
                    "Menglinghausen ist eines von vier Referenzquartieren der Demografiewerkstatt Kommunen. Das "
                    "Quartiersprofil fasst die kleinräumige Statistik, die Quartiersbegehung, die Befragung des "
                    "Seniorenbüros und die Gespräche mit Akteuren vor Ort zusammen und endet mit "
                    "Maßnahmevorschlägen je Handlungsfeld.\n\nDie Lenkungsgruppe hat den Entwurf beraten."
                ),
            ),
            profilfassungen=[menglinghausen],
        )
    bericht.refresh_from_db()
    with am_tag(FREIGABE):
        # As the release job does (berichte.services.pdf_bericht.bericht_freigabe_rendern): the profile's
        # evidence frozen first, the report stored, the released profile stored as its own file too.
        belegstand_einfrieren(fassung=menglinghausen)
        pdf = bericht_pdf(bericht=bericht, version_nummer=1)
        bericht_freigeben(bericht=bericht, pdf=pdf, benutzer=projektteam, stand=bericht.updated_at.isoformat())
        profil_datei_speichern(fassung=menglinghausen, pdf=profil_pdf_abgeschottet(fassung=menglinghausen))
    return 1


def _ausschuss_bericht(projektteam):
    fassungen = [f for f in (_freigegeben("menglinghausen"), _arbeitsstand("derne")) if f is not None]
    if not fassungen or Bericht.objects.filter(betreff=AUSSCHUSS_BETREFF).exists():
        return 0
    with am_tag(BERATUNG):
        bericht = bericht_speichern(
            bericht=Bericht(
                betreff=AUSSCHUSS_BETREFF,
                gremium=Gremium.FACHAUSSCHUSS,
                gremium_name="Ausschuss für Soziales, Arbeit und Gesundheit",
                sitzungsdatum=D(2018, 1, 16),
                beschluss=Beschluss.objects.filter(nummer=7).first(),
                beschlussvorschlag=(
                    "Der Ausschuss für Soziales, Arbeit und Gesundheit nimmt die Quartiersprofile Menglinghausen "
                    "und Derne als erste Berichterstattung zur Kenntnis."
                ),
                begruendung=(
                    "Die Lenkungsgruppe hat beschlossen, die ersten zwei Quartiersprofile den politischen Gremien "
                    "vorzulegen (Beschluss Nr. 7). Die Profile beruhen auf kleinräumigen Analysen, "
                    "Quartiersbegehungen, der Befragung der Seniorenbüros und Gesprächen mit Schlüsselpersonen."
                ),
            ),
            profilfassungen=fassungen,
        )
        bericht_zur_beratung_stellen(bericht=bericht, frist=FRIST)
    return 1


def _kommentare(projektteam):
    bericht = Bericht.objects.filter(betreff=AUSSCHUSS_BETREFF).first()
    if bericht is None or bericht.kommentare.exists():
        return 0
    benutzer = {u.username: u for u in get_user_model().objects.filter(username__in=["lenkungsgruppe"])}
    anzahl = 0
    for abschnitt, tag, autor, text, antwort, erledigt in KOMMENTARE:
        if autor not in benutzer:
            continue
        with am_tag(tag):
            faden = kommentar_schreiben(bericht=bericht, abschnitt=abschnitt, autor=benutzer[autor], text=text)
            anzahl += 1
            if antwort and projektteam is not None:
                kommentar_schreiben(
                    bericht=bericht, abschnitt=abschnitt, autor=projektteam, text=antwort, antwort_auf=faden
                )
                anzahl += 1
            if erledigt and projektteam is not None:
                kommentar_erledigen(kommentar=faden, benutzer=projektteam)
    return anzahl


@transaction.atomic
def berichte_demo_anlegen():
    """Create the demo reports (one released, one in consultation with comments); returns counts.

    Side effects: writes Bericht, BerichtVersion (with its stored PDF, rendered once) and Kommentar
    rows; nothing where the reports exist already.
    """
    projektteam = get_user_model().objects.filter(username="projektteam").first()
    ergebnis = BerichteDemo()
    ergebnis.versionen = _bv_bericht(projektteam)
    _ausschuss_bericht(projektteam)
    ergebnis.kommentare = _kommentare(projektteam)
    ergebnis.berichte = Bericht.objects.count()
    return ergebnis

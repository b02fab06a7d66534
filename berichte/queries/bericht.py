"""Reads of committee reports: the list a role sees, the sections of a report (working text or a
released version), the comments beside them, the comparison of two versions, the drafts waiting
for a member of the steering group."""

import difflib
from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Max, OuterRef, Prefetch, QuerySet, Subquery
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from dwk.permissions import ist_projektteam
from quartiersprofil.models import ProfilAbschnitt, Profilfassung

from ..models import Bericht, BerichtStatus, BerichtVersion, Kommentar


@dataclass(frozen=True)
class Abschnitt:
    """One section of a report: what is commented on and compared between versions."""

    schluessel: str
    titel: str
    text: str  # Markdown

    def als_dict(self) -> dict:
        return {"schluessel": self.schluessel, "titel": self.titel, "text": self.text}


@dataclass
class Faden:
    """A comment thread: the opening comment and its answers."""

    kommentar: Kommentar
    antworten: list[Kommentar] = field(default_factory=list)


def berichte_fuer(user: AbstractBaseUser) -> QuerySet[Bericht]:
    """The reports ``user`` sees in the list: all for Projektteam, released ones for everybody else;
    each annotated with its latest version (``letzte_version``, ``letzte_freigabe_am``) and its number
    of open threads (``offene_faeden``). A fixed number of queries."""
    versionen = BerichtVersion.objects.filter(bericht=OuterRef("pk")).order_by("-nummer")
    offen = (
        Kommentar.objects.filter(bericht=OuterRef("pk"), antwort_auf__isnull=True, erledigt=False)
        .values("bericht")
        .annotate(anzahl=Count("pk"))
        .values("anzahl")
    )
    berichte = (
        Bericht.objects.select_related("beschluss")
        .prefetch_related(
            Prefetch(
                "profilfassungen", queryset=Profilfassung.objects.select_related("quartier").order_by("quartier__name")
            )
        )
        .annotate(
            letzte_version=Max("versionen__nummer"),
            letzte_freigabe_am=Subquery(versionen.values("freigegeben_am")[:1]),
            offene_faeden=Subquery(offen),
        )
    )
    if not ist_projektteam(user):
        berichte = berichte.filter(letzte_version__isnull=False)
    return berichte.order_by("-sitzungsdatum", "-pk")


def _text_angaben(bericht: Bericht) -> str:
    zeilen = [
        f"{_('Gremium')}: {bericht.gremium_anzeige}",
        f"{_('Sitzung')}: {date_format(bericht.sitzungsdatum, 'j. F Y') if bericht.sitzungsdatum else '–'}",
        f"{_('Drucksache')}: {bericht.drucksachennummer or '–'}",
        f"{_('Betreff')}: {bericht.betreff}",
        f"{_('Beschluss der Lenkungsgruppe')}: {bericht.beschluss or '–'}",
    ]
    return "\n\n".join(zeilen)


def _belege_zeilen(belege: dict) -> list[str]:
    """One Markdown list line per piece of frozen evidence (``Belegstand.belege`` of one field)."""
    zeilen = [
        f"- {_('Kennzahl')}: {i['name']} ({i['einheit']}) {i['jahr'] or '–'}: {i['wert']}"
        for i in belege["indikatoren"]
    ]
    zeilen += [
        f"- {_('Erreichbarkeit')}: {e['kategorie']}, {round(e['prozent'] or 0)} %"
        + (f" ({_('Lücke')})" if e["ist_luecke"] else "")
        for e in belege["erreichbarkeiten"]
    ]
    zeilen += [f"- {_('Befund')} ({b['art']}, {b['datum'] or '–'}): {b['text']}" for b in belege["befunde"]]
    zeilen += [f"- {_('Foto')}: {f['bildunterschrift'] or '–'}" for f in belege["fotos"]]
    zeilen += [
        f"- {_('Antwort')} ({a['seniorenbuero']}): {a['frage']}"
        + (f" – {_('Bewertung')} {a['bewertung']}" if a["bewertung"] else "")
        + (f" – {a['text']}" if a["text"] else "")
        for a in belege["antworten"]
    ]
    zeilen += [
        f"- {_('Quelle')} ({q['titel']}{', ' + q['fundstelle'] if q['fundstelle'] else ''}): {q['text']}"
        for q in belege["quellen"]
    ]
    return [" ".join(z.split()) for z in zeilen]


def _text_profil(fassung: Profilfassung) -> str:
    """The texts of ``fassung`` per Handlungsfeld and, for a released version, its evidence as frozen
    at the release (``Belegstand``), so that the comparison of report versions shows both."""
    teile = [
        _("Quartiersprofil %(quartier)s, Fassung %(nummer)s (%(status)s)")
        % {"quartier": fassung.quartier.name, "nummer": fassung.nummer, "status": fassung.get_status_display()}
    ]
    stand = fassung.belegstand.belege if hasattr(fassung, "belegstand") else {}
    for abschnitt in fassung.abschnitte.all():
        teile.append(f"### {abschnitt.handlungsfeld.name}")
        for name in ("bestand", "staerken", "handlungsbedarf"):
            text = getattr(abschnitt, name).strip()
            if text:
                teile.append(f"**{abschnitt._meta.get_field(name).verbose_name}:** {text}")
        belege = stand.get(str(abschnitt.handlungsfeld_id))
        if belege and (zeilen := _belege_zeilen(belege)):
            teile.append(f"**{_('Belege (Stand der Freigabe)')}:**\n" + "\n".join(zeilen))
    return "\n\n".join(teile)


def profilfassungen_von(bericht: Bericht) -> list[Profilfassung]:
    """The profile versions of ``bericht`` with their sections and frozen evidence, ordered by quarter.
    Two queries."""
    return list(
        bericht.profilfassungen.select_related("quartier", "belegstand")
        .prefetch_related(Prefetch("abschnitte", queryset=ProfilAbschnitt.objects.select_related("handlungsfeld")))
        .order_by("quartier__name")
    )


def abschnitte(bericht: Bericht) -> list[Abschnitt]:
    """The sections of the working text of ``bericht``: the particulars of the cover letter, the
    proposal, the reasons, one per quarter profile (with its texts per Handlungsfeld)."""
    liste = [
        Abschnitt("angaben", _("Angaben zur Vorlage"), _text_angaben(bericht)),
        Abschnitt("beschlussvorschlag", _("Beschlussvorschlag"), bericht.beschlussvorschlag),
        Abschnitt("begruendung", _("Begründung"), bericht.begruendung),
    ]
    for fassung in profilfassungen_von(bericht):
        liste.append(
            Abschnitt(
                f"profil-{fassung.quartier.slug}",
                _("Quartiersprofil %(quartier)s") % {"quartier": fassung.quartier.name},
                _text_profil(fassung),
            )
        )
    return liste


def abschnitte_der_version(version: BerichtVersion) -> list[Abschnitt]:
    """The sections as they were released in ``version``."""
    return [Abschnitt(a["schluessel"], a["titel"], a["text"]) for a in version.inhalt]


def faeden_je_abschnitt(bericht: Bericht) -> dict[str, list[Faden]]:
    """The comment threads of ``bericht`` by section key, oldest first. One query."""
    kommentare = list(Kommentar.objects.filter(bericht=bericht).select_related("autor", "erledigt_von"))
    faeden = {k.pk: Faden(k) for k in kommentare if k.antwort_auf_id is None}
    for kommentar in kommentare:
        if kommentar.antwort_auf_id in faeden:
            faeden[kommentar.antwort_auf_id].antworten.append(kommentar)
    ergebnis: dict[str, list[Faden]] = {}
    for faden in faeden.values():
        ergebnis.setdefault(faden.kommentar.abschnitt, []).append(faden)
    return ergebnis


@dataclass(frozen=True)
class Aenderung:
    """How one section differs between two versions."""

    titel: str
    art: str  # "gleich", "geaendert", "neu", "entfallen"
    zeilen: list[tuple[str, str]]  # (" ", "+" or "-", line)


def versionen_vergleichen(alt: BerichtVersion, neu: BerichtVersion) -> list[Aenderung]:
    """Section by section, what changed from ``alt`` to ``neu`` (lines added and removed)."""
    alte = {a.schluessel: a for a in abschnitte_der_version(alt)}
    neue = {a.schluessel: a for a in abschnitte_der_version(neu)}
    reihenfolge = [a.schluessel for a in abschnitte_der_version(neu)] + [s for s in alte if s not in neue]
    ergebnis = []
    for schluessel in reihenfolge:
        vorher, nachher = alte.get(schluessel), neue.get(schluessel)
        titel = (nachher or vorher).titel
        alte_zeilen = vorher.text.splitlines() if vorher else []
        neue_zeilen = nachher.text.splitlines() if nachher else []
        zeilen = [
            (zeile[0], zeile[2:])
            for zeile in difflib.ndiff(alte_zeilen, neue_zeilen)
            if zeile[:1] in (" ", "+", "-") and zeile[2:].strip()
        ]
        if vorher is None:
            art = "neu"
        elif nachher is None:
            art = "entfallen"
        else:
            art = "gleich" if alte_zeilen == neue_zeilen else "geaendert"
        ergebnis.append(Aenderung(titel=titel, art=art, zeilen=zeilen))
    return ergebnis


def wartende_entwuerfe(benutzer: AbstractBaseUser) -> list[Bericht]:
    """Drafts put to the steering group that are still in consultation, nearest deadline first,
    each with ``eigene_kommentare`` (how many comments ``benutzer`` wrote on it). Empty for users
    who are not signed in."""
    if not benutzer.is_authenticated:
        return []
    eigene = (
        Kommentar.objects.filter(bericht=OuterRef("pk"), autor=benutzer)
        .values("bericht")
        .annotate(anzahl=Count("pk"))
        .values("anzahl")
    )
    return list(
        Bericht.objects.filter(status=BerichtStatus.IN_BERATUNG)
        .annotate(eigene_kommentare=Subquery(eigene))
        .order_by("beratung_frist", "pk")
    )

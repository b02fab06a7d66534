"""Writes of committee reports: save, put to the steering group, comment, release, link to OParl."""

import hashlib
import io
import logging
from collections.abc import Iterable
from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import translation
from django.utils.translation import gettext as _

from dwk.zeit import heute, jetzt
from lenkungsgruppe.models import Beschluss
from quartiere.models import Quartier, QuartierUnterbezirk
from quartiersprofil.models import Profilfassung, ProfilStatus

from ..models import Belegstand, Bericht, BerichtStatus, BerichtVersion, Kommentar, ProfilDatei
from ..oparl import OParlClient, OParlFehler
from ..queries.bericht import abschnitte
from ..queries.profil import abdeckung, belege_stand, demografie

logger = logging.getLogger(__name__)

# Longest text of one field of a report (characters); longer ones are refused before any rendering.
MAX_TEXTLAENGE = 50_000


def _texte_pruefen(bericht: Bericht) -> None:
    fehler = {}
    for name in ("beschlussvorschlag", "begruendung"):
        if len(getattr(bericht, name)) > MAX_TEXTLAENGE:
            fehler[name] = _("Der Text ist zu lang (höchstens %(anzahl)s Zeichen).") % {
                "anzahl": f"{MAX_TEXTLAENGE:,}".replace(",", ".")
            }
    if fehler:
        raise ValidationError(fehler)


@transaction.atomic
def bericht_speichern(*, bericht: Bericht, profilfassungen: Iterable[Profilfassung]) -> Bericht:
    """Save a new or changed report with its profile versions.

    Side effects: writes the report (history row) and sets its profile versions. A released report
    that is changed becomes a draft again: its released versions stay as they are, the next
    release is the next version.
    """
    profilfassungen = list(profilfassungen)
    if not profilfassungen:
        raise ValidationError({"profilfassungen": _("Bitte wählen Sie mindestens ein Quartiersprofil.")})
    quartiere = [f.quartier_id for f in profilfassungen]
    if len(set(quartiere)) != len(quartiere):
        raise ValidationError({"profilfassungen": _("Bitte wählen Sie je Quartier nur eine Fassung.")})
    if bericht.status == BerichtStatus.FREIGEGEBEN:
        bericht.status = BerichtStatus.ENTWURF
    _texte_pruefen(bericht)
    bericht.full_clean(exclude=["profilfassungen"])
    bericht.save()
    bericht.profilfassungen.set(profilfassungen)
    return bericht


@transaction.atomic
def bericht_zur_beratung_stellen(*, bericht: Bericht, frist: date) -> Bericht:
    """Put the draft to the steering group until ``frist``.

    Side effects: status "in Beratung", the deadline set; members see the draft in „Meine
    Lenkungsgruppe“ and may comment until it is released.
    """
    bericht = Bericht.objects.select_for_update().get(pk=bericht.pk)
    if bericht.status == BerichtStatus.FREIGEGEBEN:
        raise ValidationError(_("Der Bericht ist freigegeben. Ändern Sie ihn zuerst; dann wird er wieder ein Entwurf."))
    if frist < heute():
        raise ValidationError({"beratung_frist": _("Die Frist liegt in der Vergangenheit.")})
    bericht.status = BerichtStatus.IN_BERATUNG
    bericht.beratung_frist = frist
    bericht.full_clean(exclude=["profilfassungen"])
    bericht.save()
    return bericht


@transaction.atomic
def kommentar_schreiben(
    *, bericht: Bericht, abschnitt: str, autor: AbstractBaseUser, text: str, antwort_auf: Kommentar | None = None
) -> Kommentar:
    """A comment on section ``abschnitt`` of ``bericht``, a new thread or an answer to ``antwort_auf``.

    Side effects: creates the comment (history row); an answer reopens a resolved thread.
    Who may comment is checked by the view (``berichte.comment_bericht``).
    """
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Bitte schreiben Sie einen Kommentar.")})
    if bericht.status == BerichtStatus.FREIGEGEBEN:
        raise ValidationError(_("Der Bericht ist freigegeben; Kommentare sind nur zu Entwürfen möglich."))
    schluessel = {a.schluessel for a in abschnitte(bericht)}
    if antwort_auf is not None:
        if antwort_auf.bericht_id != bericht.pk:
            raise ValidationError(_("Der Kommentar, auf den Sie antworten, gehört zu einem anderen Bericht."))
        if antwort_auf.antwort_auf_id is not None:
            antwort_auf = antwort_auf.antwort_auf
        abschnitt = antwort_auf.abschnitt
        if antwort_auf.erledigt:
            antwort_auf.erledigt = False
            antwort_auf.erledigt_von = None
            antwort_auf.save()
    elif abschnitt not in schluessel:
        raise ValidationError({"abschnitt": _("Diesen Abschnitt gibt es im Bericht nicht.")})
    kommentar = Kommentar(
        bericht=bericht, abschnitt=abschnitt, antwort_auf=antwort_auf, autor=autor, text=text, created_at=jetzt()
    )
    kommentar.full_clean()
    kommentar.save()
    return kommentar


@transaction.atomic
def kommentar_erledigen(*, kommentar: Kommentar, benutzer: AbstractBaseUser, erledigt: bool = True) -> Kommentar:
    """Mark the thread of ``kommentar`` resolved (or open again). Side effects: writes the thread's first comment."""
    faden = kommentar.antwort_auf or kommentar
    faden.erledigt = erledigt
    faden.erledigt_von = benutzer if erledigt else None
    faden.full_clean()
    faden.save()
    return faden


def _pdf_pruefen(pdf: bytes) -> int:
    """The number of pages of ``pdf``; a ``ValidationError`` if it is no readable PDF."""
    from pypdf import PdfReader  # on first use: pypdf adds a fifth of a second to every process start

    try:
        return len(PdfReader(io.BytesIO(pdf)).pages)
    except Exception as fehler:  # noqa: BLE001 -- pypdf raises many kinds of errors on broken files
        raise ValidationError(_("Das erzeugte PDF ist nicht lesbar und wurde nicht gespeichert.")) from fehler


def freigabe_pruefen(bericht: Bericht) -> None:
    """Raises a ``ValidationError`` that names what is missing for a release of ``bericht``."""
    fehler = []
    if bericht.status == BerichtStatus.FREIGEGEBEN:
        fehler.append(
            _("Dieser Stand ist bereits freigegeben. Eine neue Version entsteht, wenn Sie den Bericht ändern.")
        )
    fassungen = list(bericht.profilfassungen.select_related("quartier"))
    if not fassungen:
        fehler.append(_("Der Bericht enthält kein Quartiersprofil."))
    for fassung in fassungen:
        if fassung.status != ProfilStatus.FREIGEGEBEN:
            fehler.append(
                _("Das Quartiersprofil %(quartier)s (Fassung %(nummer)s) ist noch nicht freigegeben.")
                % {"quartier": fassung.quartier.name, "nummer": fassung.nummer}
            )
    if fehler:
        raise ValidationError(fehler)


@transaction.atomic
def bericht_freigeben(
    *,
    bericht: Bericht,
    pdf: bytes,
    benutzer: AbstractBaseUser | None,
    stand: str,
    beschluss: Beschluss | None = None,
) -> BerichtVersion:
    """Freeze the working text of ``bericht`` as its next version with the rendered ``pdf``.

    ``stand`` is the ``updated_at`` (ISO) of the report the PDF was rendered from: if the report
    was saved since, nothing is released. Side effects: stores the PDF file (never overwritten),
    creates the ``BerichtVersion`` (number, SHA-256, who, when, the text of every section), sets
    the report's status to "freigegeben".
    """
    bericht = Bericht.objects.select_for_update().get(pk=bericht.pk)
    if bericht.updated_at.isoformat() != stand:
        raise ValidationError(
            _("Der Bericht wurde geändert, während das PDF entstand. Bitte geben Sie ihn noch einmal frei.")
        )
    freigabe_pruefen(bericht)
    seiten = _pdf_pruefen(pdf)
    nummer = (bericht.versionen.aggregate(hoechste=Max("nummer"))["hoechste"] or 0) + 1
    version = BerichtVersion(
        bericht=bericht,
        nummer=nummer,
        sha256=hashlib.sha256(pdf).hexdigest(),
        groesse=len(pdf),
        seiten=seiten,
        inhalt=[a.als_dict() for a in abschnitte(bericht)],
        beschluss=beschluss,
        freigegeben_von=benutzer if benutzer is not None and benutzer.is_authenticated else None,
        freigegeben_am=jetzt(),
    )
    version.datei.save(f"bericht-{bericht.pk}-v{nummer}.pdf", ContentFile(pdf), save=False)
    version.full_clean()
    version.save()
    Bericht.objects.filter(pk=bericht.pk).update(status=BerichtStatus.FREIGEGEBEN)
    logger.info(
        "Bericht %s als Version %s freigegeben.",
        bericht.pk,
        nummer,
        extra={"ereignis": "bericht_freigegeben", "bericht": bericht.pk, "version": nummer},
    )
    return version


@transaction.atomic
def entwurf_pdf_speichern(*, bericht: Bericht, pdf: bytes, stand: str) -> Bericht:
    """Keep the PDF of the working text rendered from the state ``stand`` (``updated_at``, ISO).

    Side effects: replaces the draft's previous PDF file (drafts are not archived) unless the
    report changed meanwhile (then nothing is kept; the next request renders again).
    """
    bericht = Bericht.objects.select_for_update().get(pk=bericht.pk)
    if bericht.updated_at.isoformat() != stand:
        return bericht
    _pdf_pruefen(pdf)
    alt = bericht.entwurf_pdf.name
    bericht.entwurf_pdf.save(f"bericht-{bericht.pk}-entwurf.pdf", ContentFile(pdf), save=False)
    Bericht.objects.filter(pk=bericht.pk).update(
        entwurf_pdf=bericht.entwurf_pdf.name, entwurf_pdf_stand=bericht.updated_at
    )
    if alt and alt != bericht.entwurf_pdf.name:
        bericht.entwurf_pdf.storage.delete(alt)
    bericht.entwurf_pdf_stand = bericht.updated_at
    return bericht


@transaction.atomic
def belegstand_einfrieren(*, fassung: Profilfassung) -> Belegstand:
    """Freeze the evidence of the released profile version ``fassung`` as it stood at its release
    (``queries.profil.belege_stand``); a frozen state is kept and returned, never replaced.

    Called before anything renders or compares a released version (its PDF job, the download,
    the release of a report), so later changes to findings, photos, answers, excerpts, indicator
    values or coverage do not reach the released version. Side effects: creates the
    ``Belegstand`` row, only if none exists.
    """
    if fassung.status != ProfilStatus.FREIGEGEBEN:
        raise ValidationError(_("Nur die Belege freigegebener Fassungen eines Quartiersprofils werden eingefroren."))
    Profilfassung.objects.select_for_update().filter(pk=fassung.pk).first()
    vorhanden = Belegstand.objects.filter(fassung=fassung).first()
    if vorhanden is not None:
        return vorhanden
    quartier = Quartier.objects.select_related("stadtbezirk__kommune").get(pk=fassung.quartier_id)
    abdeckungen = list(
        QuartierUnterbezirk.objects.filter(quartier=quartier)
        .select_related("unterbezirk__bezirk")
        .order_by("unterbezirk__code")
    )
    with translation.override("de"):
        belege = belege_stand(
            fassung=fassung,
            demografie=demografie(quartier=quartier, abdeckungen=abdeckungen),
            abdeckung=abdeckung(quartier=quartier),
        )
    stand = Belegstand(fassung=fassung, belege=belege)
    stand.full_clean()
    stand.save()
    return stand


@transaction.atomic
def profil_datei_speichern(*, fassung: Profilfassung, pdf: bytes) -> ProfilDatei:
    """Store the PDF of the released profile version ``fassung`` once; a stored one is kept and returned.

    Side effects: writes the file and the ``ProfilDatei`` row, only if none exists.
    """
    if fassung.status != ProfilStatus.FREIGEGEBEN:
        raise ValidationError(_("Nur freigegebene Fassungen eines Quartiersprofils werden gespeichert."))
    Profilfassung.objects.select_for_update().filter(pk=fassung.pk).first()
    vorhanden = ProfilDatei.objects.filter(fassung=fassung).first()
    if vorhanden is not None:
        return vorhanden
    _pdf_pruefen(pdf)
    datei = ProfilDatei(fassung=fassung, sha256=hashlib.sha256(pdf).hexdigest(), groesse=len(pdf))
    datei.datei.save("profil.pdf", ContentFile(pdf), save=False)
    datei.full_clean()
    datei.save()
    return datei


@transaction.atomic
def bericht_oparl_verknuepfen(*, bericht: Bericht, aktenzeichen: str | None = None) -> Bericht:
    """Link ``bericht`` to its paper in the council information system, or refresh the link.

    With ``aktenzeichen`` the paper is searched by its printed-matter number; without, the linked
    paper is read again. Side effects: writes the paper's id, name, date, type and consultations
    and the time they were read; the Drucksachennummer becomes the paper's. Network: requests to
    ``DWK_OPARL_URL``'s origin only. An unreachable or unknown paper is a ``ValidationError``.
    """
    try:
        client = OParlClient()
        if aktenzeichen is not None:
            drucksache = client.drucksache_suchen(aktenzeichen)
        elif bericht.oparl_id:
            drucksache = client.drucksache_lesen(bericht.oparl_id)
        else:
            raise OParlFehler(_("Der Bericht ist noch mit keiner Drucksache verknüpft."))
    except OParlFehler as fehler:
        raise ValidationError(str(fehler)) from fehler
    bericht = Bericht.objects.select_for_update().get(pk=bericht.pk)
    bericht.oparl_id = drucksache.id
    bericht.oparl_name = drucksache.name
    bericht.oparl_datum = drucksache.datum
    bericht.oparl_art = drucksache.art
    bericht.oparl_beratungen = [b.als_dict() for b in drucksache.beratungen]
    bericht.oparl_abgerufen_am = jetzt()
    if drucksache.aktenzeichen:
        bericht.drucksachennummer = drucksache.aktenzeichen[:50]
    bericht.full_clean(exclude=["profilfassungen"])
    bericht.save()
    return bericht

"""A committee report as one PDF, and the background jobs that render it.

The cover letter (``templates/berichte/bericht_pdf.html``) and each quarter profile
(``berichte.pdf.quartiersprofil_html``) are rendered to HTML here, with the database; WeasyPrint
sets them in a child process with limits (``rendern.pdf_abgeschottet``) into one PDF with page
numbers running through and bookmarks for every heading. The jobs report their progress to the
status page (``auftraege``); the release job stores the PDF as the report's next version.
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from auftraege.models import Auftrag
from auftraege.services import auftrag_ausfuehren, auftrag_starten
from lenkungsgruppe.models import Beschluss
from quartiersprofil.models import Profilfassung, ProfilStatus
from quartiersprofil.services.profil import profil_freigeben

from ..models import Bericht, ProfilDatei
from ..pdf import quartiersprofil_html
from ..queries.bericht import abschnitte, profilfassungen_von
from .berichte import (
    belegstand_einfrieren,
    bericht_freigeben,
    entwurf_pdf_speichern,
    freigabe_pruefen,
    profil_datei_speichern,
)
from .rendern import PdfFehler, html_rendern, pdf_abgeschottet

SCHRITTE = 3


def _stadtname(fassungen: list[Profilfassung]) -> str:
    for fassung in fassungen:
        return fassung.quartier.stadtbezirk.kommune.name
    return _("Stadt")


def bericht_html_teile(*, bericht: Bericht, version_nummer: int | None) -> tuple[list[str], str, str]:
    """The HTML parts of ``bericht`` (cover letter, then each profile), its title and author.

    ``version_nummer`` is the number the release will get (None: the working text, marked as draft).
    Reads the database; writes nothing.
    """
    with translation.override("de"):
        fassungen = profilfassungen_von(bericht)
        for fassung in fassungen:
            fassung.quartier = (
                type(fassung.quartier).objects.select_related("stadtbezirk__kommune").get(pk=fassung.quartier_id)
            )
        stadt = _stadtname(fassungen)
        anschreiben = html_rendern(
            vorlage="berichte/bericht_pdf.html",
            kontext={
                "bericht": bericht,
                "abschnitte": abschnitte(bericht)[1:3],
                "fassungen": fassungen,
                "stadtname": stadt,
                "version_nummer": version_nummer,
            },
        )
        profile = [
            quartiersprofil_html(
                quartier=fassung.quartier, fassung=fassung if fassung.status == ProfilStatus.FREIGEGEBEN else None
            )
            for fassung in fassungen
        ]
    return [anschreiben, *profile], bericht.betreff, stadt


def bericht_pdf(
    *, bericht: Bericht, version_nummer: int | None = None, zeitpunkt: datetime.datetime | None = None
) -> bytes:
    """``bericht`` as one tagged PDF/A-3b (cover letter and profiles); see the module docstring."""
    teile, titel, autor = bericht_html_teile(bericht=bericht, version_nummer=version_nummer)
    return pdf_abgeschottet(teile=teile, titel=titel, autor=autor, zeitpunkt=zeitpunkt)


def profil_pdf_abgeschottet(*, fassung: Profilfassung) -> bytes:
    """The released profile version ``fassung`` as PDF, set in the child process with limits; its
    date is the release date, so the same data give the same document."""
    with translation.override("de"):
        quartier = type(fassung.quartier).objects.select_related("stadtbezirk__kommune").get(pk=fassung.quartier_id)
        html = quartiersprofil_html(quartier=quartier, fassung=fassung)
        titel = _("Quartiersprofil %(quartier)s") % {"quartier": quartier.name}
    return pdf_abgeschottet(
        teile=[html], titel=titel, autor=quartier.stadtbezirk.kommune.name, zeitpunkt=fassung.freigegeben_am
    )


def _als_validierung(fehler: PdfFehler) -> ValidationError:
    return ValidationError(str(fehler))


def _belege_einfrieren(bericht: Bericht) -> None:
    """Freeze the evidence of every released profile version in ``bericht`` (see ``belegstand_einfrieren``)."""
    for fassung in bericht.profilfassungen.filter(status=ProfilStatus.FREIGEGEBEN):
        belegstand_einfrieren(fassung=fassung)


PROFIL_SCHRITTE = 3


def _profil_pdf_titel(fassung: Profilfassung) -> str:
    return _("PDF des Quartiersprofils %(quartier)s, Fassung %(nummer)s") % {
        "quartier": fassung.quartier.name,
        "nummer": fassung.nummer,
    }


@task()
def profil_pdf_erstellen(*, auftrag_id: str, fassung_id: int) -> None:
    """Job: freeze the evidence of a released profile version and store its PDF (``ProfilDatei``),
    where not yet stored; e.g. after a failed job or for versions released before files were kept."""
    with auftrag_ausfuehren(auftrag_id=auftrag_id) as fortschritt:
        fassung = Profilfassung.objects.select_related("quartier").get(pk=fassung_id)
        fortschritt.melden(erledigt=0, gesamt=PROFIL_SCHRITTE, stand=_("Die Belege werden eingefroren"))
        belegstand_einfrieren(fassung=fassung)
        if not ProfilDatei.objects.filter(fassung=fassung).exists():
            fortschritt.melden(erledigt=1, stand=_("Das PDF wird gesetzt"))
            try:
                pdf = profil_pdf_abgeschottet(fassung=fassung)
            except PdfFehler as fehler:
                raise _als_validierung(fehler) from fehler
            fortschritt.melden(erledigt=2, stand=_("Das PDF wird gespeichert"))
            profil_datei_speichern(fassung=fassung, pdf=pdf)
        fortschritt.melden(erledigt=PROFIL_SCHRITTE)
        fortschritt.abschliessen(
            ergebnis=_("Das PDF des Quartiersprofils %(quartier)s (Fassung %(nummer)s) ist gespeichert.")
            % {"quartier": fassung.quartier.name, "nummer": fassung.nummer},
            ziel_url=reverse("berichte:quartiersprofil_pdf", kwargs={"slug": fassung.quartier.slug}),
        )


def profil_pdf_auftrag(*, fassung: Profilfassung, benutzer: AbstractBaseUser | None) -> Auftrag:
    """The job that stores the PDF of the released version ``fassung``: the one already waiting or
    running, else a new one (``profil_pdf_erstellen``). Side effects: may create a job and its
    queue entry (with the immediate backend it runs at once)."""
    titel = _profil_pdf_titel(fassung)
    laufend = (
        Auftrag.objects.filter(
            art=profil_pdf_erstellen.module_path,
            titel=titel,
            status__in=[Auftrag.Status.WARTET, Auftrag.Status.LAEUFT],
        )
        .order_by("-created_at")
        .first()
    )
    if laufend is not None:
        return laufend
    return auftrag_starten(
        aufgabe=profil_pdf_erstellen,
        titel=titel,
        benutzer=benutzer,
        argumente={"fassung_id": fassung.pk},
        schritte_gesamt=PROFIL_SCHRITTE,
        ziel_url=reverse("berichte:quartiersprofil_pdf", kwargs={"slug": fassung.quartier.slug}),
        ziel_text=_("PDF herunterladen"),
    )


@transaction.atomic
def profilfassung_freigeben(*, fassung: Profilfassung, benutzer: AbstractBaseUser) -> Profilfassung:
    """Release the quarter profile version ``fassung`` (in consultation) and freeze what it rests on,
    in one transaction: the release itself (``quartiersprofil.services.profil.profil_freigeben``),
    the evidence as it stands at this moment (``belegstand_einfrieren``: indicator values, coverage,
    source excerpts and the rest, also those without a history) and the job that renders and stores
    its PDF once (``profil_pdf_auftrag``). The release page of the profile calls this; it is the
    only way a version is released through the app.

    Side effects: those of the three calls — status, date and releaser of the version, a history
    row and a log line; a ``Belegstand`` row; a job and its queue entry (with the immediate backend
    the PDF is stored at once). Refuses (``ValidationError``) a version not in consultation; then
    nothing is stored.
    """
    fassung = profil_freigeben(fassung=fassung, benutzer=benutzer)
    belegstand_einfrieren(fassung=fassung)
    profil_pdf_auftrag(fassung=fassung, benutzer=benutzer)
    return fassung


@task()
def bericht_entwurf_rendern(*, auftrag_id: str, bericht_id: int) -> None:
    """Job: render the PDF of the working text of a report and keep it for downloads."""
    with auftrag_ausfuehren(auftrag_id=auftrag_id) as fortschritt:
        bericht = Bericht.objects.get(pk=bericht_id)
        stand = bericht.updated_at.isoformat()
        fortschritt.melden(erledigt=0, gesamt=SCHRITTE, stand=_("Daten werden gesammelt"))
        _belege_einfrieren(bericht)
        try:
            teile, titel, autor = bericht_html_teile(bericht=bericht, version_nummer=None)
            fortschritt.melden(erledigt=1, stand=_("Das PDF wird gesetzt"))
            pdf = pdf_abgeschottet(teile=teile, titel=titel, autor=autor)
        except PdfFehler as fehler:
            raise _als_validierung(fehler) from fehler
        fortschritt.melden(erledigt=2, stand=_("Das PDF wird gespeichert"))
        entwurf_pdf_speichern(bericht=bericht, pdf=pdf, stand=stand)
        fortschritt.melden(erledigt=3)
        fortschritt.abschliessen(
            ergebnis=_("Das PDF des Entwurfs ist fertig."), ziel_url=bericht.get_absolute_url() + "#pdf"
        )


@task()
def bericht_freigabe_rendern(
    *, auftrag_id: str, bericht_id: int, benutzer_id: int | None, beschluss_id: int | None
) -> None:
    """Job: render a report once and store it as its next released version (see ``bericht_freigeben``);
    the released profile versions in it are stored as files too, where not yet stored."""
    with auftrag_ausfuehren(auftrag_id=auftrag_id) as fortschritt:
        bericht = Bericht.objects.get(pk=bericht_id)
        freigabe_pruefen(bericht)
        stand = bericht.updated_at.isoformat()
        benutzer = get_user_model().objects.filter(pk=benutzer_id).first() if benutzer_id else None
        beschluss = Beschluss.objects.filter(pk=beschluss_id).first() if beschluss_id else None
        nummer = (bericht.versionen.order_by("-nummer").values_list("nummer", flat=True).first() or 0) + 1
        gesamt = SCHRITTE + bericht.profilfassungen.count()
        fortschritt.melden(erledigt=0, gesamt=gesamt, stand=_("Daten werden gesammelt"))
        _belege_einfrieren(bericht)
        try:
            teile, titel, autor = bericht_html_teile(bericht=bericht, version_nummer=nummer)
            fortschritt.melden(erledigt=1, stand=_("Das PDF wird gesetzt"))
            pdf = pdf_abgeschottet(teile=teile, titel=titel, autor=autor)
        except PdfFehler as fehler:
            raise _als_validierung(fehler) from fehler
        fortschritt.melden(erledigt=2, stand=_("Die Version wird gespeichert"))
        version = bericht_freigeben(bericht=bericht, pdf=pdf, benutzer=benutzer, stand=stand, beschluss=beschluss)
        erledigt = 3
        for fassung in profilfassungen_von(bericht):
            if not ProfilDatei.objects.filter(fassung=fassung).exists():
                fortschritt.melden(
                    erledigt=erledigt,
                    stand=_("Quartiersprofil %(quartier)s wird gespeichert") % {"quartier": fassung.quartier.name},
                )
                try:
                    profil_pdf = profil_pdf_abgeschottet(fassung=fassung)
                except PdfFehler as fehler:
                    raise _als_validierung(fehler) from fehler
                profil_datei_speichern(fassung=fassung, pdf=profil_pdf)
            erledigt += 1
        fortschritt.melden(erledigt=erledigt)
        fortschritt.abschliessen(
            ergebnis=_("Version %(nummer)s ist freigegeben und gespeichert.") % {"nummer": version.nummer},
            ziel_url=bericht.get_absolute_url(),
        )

"""Writes of the way into practice: a result becomes a measure of the quarter profile or joins one,
is passed to another programme of the city, and comes back to the steering group as an agenda item."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dwk.zeit import heute
from lenkungsgruppe import services as lenkungsgruppe_dienste
from lenkungsgruppe.models import Beschluss, Sitzung, Tagesordnungspunkt
from quartiere.models import Handlungsfeld, Quartier
from quartiersprofil.models import Massnahme, MassnahmeHerkunft
from quartiersprofil.services.massnahmen import massnahme_speichern

from ..models import Ergebnis, Umsetzung, Veranstaltung, VeranstaltungFormat, Weitergabe
from ..queries.bewertung import rangliste_text, runde_von

TITEL_JE_FORMAT = {
    VeranstaltungFormat.FACHWORKSHOP: gettext_lazy("Ergebnisse des Fachworkshops „%(titel)s“"),
    VeranstaltungFormat.BUERGERWERKSTATT: gettext_lazy("Ergebnisse der Bürgerwerkstatt „%(titel)s“"),
}


def _verknuepfen(
    *,
    ergebnis: Ergebnis,
    massnahme: Massnahme,
    beschluss: Beschluss | None,
    benutzer: AbstractBaseUser | None,
    neu: bool,
) -> Umsetzung:
    if Umsetzung.objects.filter(ergebnis=ergebnis, massnahme=massnahme).exists():
        raise ValidationError(_("Dieses Ergebnis gehört schon zu der Maßnahme."), code="doppelt")
    umsetzung = Umsetzung(
        ergebnis=ergebnis, massnahme=massnahme, beschluss=beschluss, neu_angelegt=neu, verknuepft_von=benutzer
    )
    umsetzung.full_clean()
    umsetzung.save()
    return umsetzung


@transaction.atomic
def ergebnis_als_massnahme(
    *,
    ergebnis: Ergebnis,
    quartier: Quartier,
    handlungsfeld: Handlungsfeld,
    titel: str,
    benutzer: AbstractBaseUser | None,
    beschreibung: str = "",
    beschluss: Beschluss | None = None,
) -> Umsetzung:
    """Makes a result a new measure of ``quartier``'s profile (herkunft „Bürgerdialog“, status
    „vorgeschlagen“, through ``quartiersprofil.services.massnahmen.massnahme_speichern``) and links
    the two, with the steering group's decision where given. The quarter must be one of the event's.
    Side effects: creates the measure (history) and the link ``Umsetzung`` (history)."""
    if not ergebnis.veranstaltung.quartiere.filter(pk=quartier.pk).exists():
        raise ValidationError({"quartier": _("Das Quartier gehört nicht zu dieser Veranstaltung.")})
    massnahme = massnahme_speichern(
        massnahme=Massnahme(
            quartier=quartier,
            handlungsfeld=handlungsfeld,
            titel=titel.strip(),
            beschreibung=beschreibung,
            herkunft=MassnahmeHerkunft.BUERGERDIALOG,
        )
    )
    return _verknuepfen(ergebnis=ergebnis, massnahme=massnahme, beschluss=beschluss, benutzer=benutzer, neu=True)


@transaction.atomic
def ergebnis_massnahme_anschliessen(
    *,
    ergebnis: Ergebnis,
    massnahme: Massnahme,
    benutzer: AbstractBaseUser | None,
    beschluss: Beschluss | None = None,
) -> Umsetzung:
    """Links a result with an existing measure (of one of the event's quarters); the measure itself
    stays as it is. Side effects: creates the link ``Umsetzung`` (history)."""
    if not ergebnis.veranstaltung.quartiere.filter(pk=massnahme.quartier_id).exists():
        raise ValidationError({"massnahme": _("Die Maßnahme gehört zu keinem Quartier dieser Veranstaltung.")})
    return _verknuepfen(ergebnis=ergebnis, massnahme=massnahme, beschluss=beschluss, benutzer=benutzer, neu=False)


@transaction.atomic
def weitergabe_speichern(*, weitergabe: Weitergabe) -> Weitergabe:
    """Records (or corrects) that a result was passed to another programme: date, addressee, answer.

    Side effects: saves the ``Weitergabe`` (history)."""
    if weitergabe.antwort_am and weitergabe.antwort_am < weitergabe.datum:
        raise ValidationError({"antwort_am": _("Die Antwort kann nicht vor der Weitergabe liegen.")})
    weitergabe.full_clean()
    weitergabe.save()
    return weitergabe


@transaction.atomic
def ergebnisse_an_lenkungsgruppe(*, veranstaltung: Veranstaltung, sitzung: Sitzung) -> Tagesordnungspunkt:
    """Puts the results of ``veranstaltung`` on the agenda of an upcoming meeting: an agenda item
    „Ergebnisse der Bürgerwerkstatt …“ with the ranking of its review round as text (through
    ``lenkungsgruppe.services.tagesordnungspunkt_speichern``). Raises ``ValidationError`` without a
    review round or for a meeting in the past. Side effects: appends the agenda item (history)."""
    runde = runde_von(veranstaltung)
    if runde is None:
        raise ValidationError(_("Die Ergebnisse dieser Veranstaltung wurden noch nicht zur Bewertung gegeben."))
    if sitzung.beginn.date() < heute():
        raise ValidationError({"sitzung": _("Die Sitzung hat schon stattgefunden.")})
    vorlage = TITEL_JE_FORMAT.get(veranstaltung.format, gettext_lazy("Ergebnisse: „%(titel)s“"))
    titel = str(vorlage) % {"titel": veranstaltung.titel}
    quartiere = list(veranstaltung.quartiere.all()[:2])
    top = Tagesordnungspunkt(
        sitzung=sitzung,
        titel=titel[:200],
        beschreibung=rangliste_text(runde=runde),
        quartier=quartiere[0] if len(quartiere) == 1 else None,
    )
    return lenkungsgruppe_dienste.tagesordnungspunkt_speichern(tagesordnungspunkt=top)

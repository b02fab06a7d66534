"""Computing and storing the distance fields, in the background worker or directly.

A distance field holds, for one facility category and one walking profile, the walking time from
every network node to the nearest facility of the category (``queries.netz.gehzeiten_von``: one
multi-source Dijkstra run). A field is computed again when what it was computed from changed
(its fingerprint: the network, the facilities of the category, the profile, the barriers).
"""

import datetime
from collections.abc import Callable

import numpy as np
from django.contrib.auth.models import AbstractBaseUser
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from auftraege.models import Auftrag
from auftraege.services import auftrag_ausfuehren, auftrag_starten
from dwk.zeit import jetzt
from quartiere.models import InfrastrukturKategorie

from ..models import Distanzfeld, Wegprofil
from ..queries.abdruecke import einrichtungen_abdruecke, einrichtungen_je_kategorie, fingerabdruck
from ..queries.koordinaten import punkte_metrisch
from ..queries.netz import (
    FELD_GRENZE_S,
    aktuelles_netz,
    anbinden,
    barriere_kanten,
    gehzeiten_von,
    kantenzeiten,
    netzgraph,
)


def distanzfelder_berechnen(*, alle: bool = False, melden: Callable[[int, int], None] | None = None) -> int:
    """Compute the stale distance fields of the current network (all of them with ``alle``).

    Returns how many fields were computed. Side effects: creates or replaces ``Distanzfeld`` rows
    (one short transaction per field, so a long run never blocks readers); deletes fields of
    categories that no longer exist on this network (by CASCADE, nothing to do). ``melden`` gets
    (done, total) after each field. Without a network nothing happens.
    """
    netz = aktuelles_netz()
    if netz is None:
        return 0
    graph = netzgraph(netz)
    kategorien = list(InfrastrukturKategorie.objects.order_by("pk"))
    profile = list(Wegprofil.objects.order_by("pk"))
    # The digests before the facilities: a change in between leaves the field stale (computed again
    # next time), never marked current while computed from the older facilities.
    abdruecke = einrichtungen_abdruecke()
    einrichtungen = einrichtungen_je_kategorie()
    barrieren = barriere_kanten(netz)
    vorhanden = {
        (k, p): f
        for k, p, f in Distanzfeld.objects.filter(netz=netz).values_list("kategorie_id", "profil_id", "fingerabdruck")
    }
    anbindung = {
        k.pk: anbinden(graph, punkte_metrisch([punkt for _pk, punkt, _g in einrichtungen.get(k.pk, [])]))
        for k in kategorien
    }
    gesamt, erledigt, berechnet = len(kategorien) * len(profile), 0, 0
    for profil in profile:
        zeiten = kantenzeiten(graph, profil, barrieren)
        geschwindigkeit = float(profil.geschwindigkeit_m_s)
        for kategorie in kategorien:
            abdruck = fingerabdruck(
                netz=netz, profil=profil, einrichtungen=abdruecke.get(kategorie.pk), barrieren=barrieren
            )
            if alle or vorhanden.get((kategorie.pk, profil.pk)) != abdruck:
                quellen = [(knoten, meter / geschwindigkeit) for knoten, meter in anbindung[kategorie.pk]]
                sekunden = gehzeiten_von(graph, zeiten, quellen, grenze_s=FELD_GRENZE_S, zum_ziel=True)
                _speichern(netz=netz, kategorie=kategorie, profil=profil, sekunden=sekunden, abdruck=abdruck)
                berechnet += 1
            erledigt += 1
            if melden:
                melden(erledigt, gesamt)
    return berechnet


@transaction.atomic
def _speichern(*, netz: object, kategorie: object, profil: object, sekunden: np.ndarray, abdruck: str) -> None:
    feld = Distanzfeld.objects.select_for_update().filter(netz=netz, kategorie=kategorie, profil=profil).first()
    feld = feld or Distanzfeld(netz=netz, kategorie=kategorie, profil=profil)
    feld.sekunden = np.ascontiguousarray(sekunden, dtype="<f4").tobytes()
    feld.fingerabdruck = abdruck
    feld.berechnet_am = jetzt()
    feld.full_clean()
    feld.save()


@task()
def distanzfelder_aufgabe(*, auftrag_id: str, alle: bool = False) -> int:
    """Task: compute the stale distance fields, reporting "12 von 51 Distanzfeldern" as progress."""
    with auftrag_ausfuehren(auftrag_id=auftrag_id) as fortschritt:

        def melden(erledigt: int, gesamt: int) -> None:
            fortschritt.melden(
                erledigt=erledigt,
                gesamt=gesamt,
                stand=_("%(erledigt)s von %(gesamt)s Distanzfeldern geprüft")
                % {"erledigt": erledigt, "gesamt": gesamt},
            )

        berechnet = distanzfelder_berechnen(alle=alle, melden=melden)
        fortschritt.abschliessen(
            ergebnis=_("%(anzahl)s Distanzfelder neu berechnet; die übrigen waren aktuell.") % {"anzahl": berechnet}
        )
    return berechnet


# After a failed job, pages start the next one only this much later (the button on the network page
# starts one at once).
NACH_FEHLER = datetime.timedelta(minutes=10)
# Key of the PostgreSQL advisory lock that lets one request at a time look for a waiting job.
_SPERRE_AUFTRAG = 1_404_014


@transaction.atomic
def distanzfelder_neu_starten(*, benutzer: AbstractBaseUser | None, alle: bool = False) -> Auftrag:
    """Start the background job that brings the distance fields up to date, unless one waits already.

    A running job is no reason to skip: it may have read the facilities before the change that
    made this call. Two simultaneous calls (two readers of a stale page) start one job: on
    PostgreSQL they take turns through an advisory lock held until the commit (SQLite writes one
    at a time anyway).

    Side effects: creates an ``Auftrag`` and its queue entry (see ``auftraege.services``), or
    returns the job of this kind that is still waiting.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_SPERRE_AUFTRAG])
    wartend = Auftrag.objects.filter(art=distanzfelder_aufgabe.module_path, status=Auftrag.Status.WARTET).first()
    if wartend is not None:
        return wartend
    return auftrag_starten(
        aufgabe=distanzfelder_aufgabe,
        titel=_("Erreichbarkeit im Wegenetz berechnen"),
        benutzer=benutzer,
        argumente={"alle": alle},
        ziel_url=reverse("wegenetz:uebersicht"),
        ziel_text=_("Zurück zum Wegenetz"),
    )


def distanzfelder_nachziehen(*, veraltet: bool) -> Auftrag | None:
    """After a read of the network coverage: when it found stale or missing distance fields (a
    facility added, moved or deleted in any way — form, import, admin, shell), start the job that
    computes them again, at most one waiting at a time (``distanzfelder_neu_starten``).

    The pages that show network coverage call this with what they read (``veraltet``:
    ``Netzabdeckung.wartet_auf_berechnung``, or stale fields on the network page), so the first
    reader after a change sets the work going; until it is done they show "wird neu berechnet",
    never the old value.
    Side effects: possibly creates an ``Auftrag`` (started by nobody) and its queue entry. Returns the
    waiting job, or None when nothing is stale (then no query) or the last job failed less than
    ``NACH_FEHLER`` ago (the job's own clock: ``auftraege`` times are real time).
    """
    if not veraltet:
        return None
    # A job that failed a moment ago would only fail again (e.g. at the worker's memory limit): the
    # pages wait NACH_FEHLER before they start the next one, so a stale page cannot keep the queue busy.
    letzter = (
        Auftrag.objects.filter(art=distanzfelder_aufgabe.module_path)
        .order_by("-created_at")
        .only("status", "beendet_am")
        .first()
    )
    if (
        letzter is not None
        and letzter.status == Auftrag.Status.FEHLGESCHLAGEN
        and letzter.beendet_am is not None
        and letzter.beendet_am > timezone.now() - NACH_FEHLER
    ):
        return None
    return distanzfelder_neu_starten(benutzer=None)

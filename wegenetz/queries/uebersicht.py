"""What the network page shows: the network, the import report, profiles and the state of the fields."""

from django.utils.translation import gettext as _

from auftraege.models import Auftrag
from quartiere.models import InfrastrukturKategorie, Quartier

from ..models import Barriere, Distanzfeld, Wegprofil
from .abdruecke import einrichtungen_abdruecke, fingerabdruck
from .netz import aktuelles_netz, barriere_kanten

# The distance-field task's path (``Task.module_path``), to find its running job.
AUFGABE_DISTANZFELDER = "wegenetz.services.distanzfelder.distanzfelder_aufgabe"


def bericht_zeilen(bericht: dict) -> list[str]:
    """An import report (``Netzstand.bericht``) as German sentences: kept and dropped ways by kind."""
    zeilen = []
    if bericht.get("behalten"):
        zeilen.append(_("Behalten (Wege je Art): ") + ", ".join(f"{a} {n}" for a, n in bericht["behalten"].items()))
    for grund, arten in bericht.get("verworfen", {}).items():
        zeilen.append(_("Verworfen, %(grund)s: ") % {"grund": grund} + ", ".join(f"{a} {n}" for a, n in arten.items()))
    if bericht.get("kanten_ausserhalb"):
        zeilen.append(
            _("%(anzahl)s Wegabschnitte außerhalb der Stadtbezirke verworfen.")
            % {"anzahl": bericht["kanten_ausserhalb"]}
        )
    if bericht.get("barrieren_erhalten") or bericht.get("barrieren_entfallen"):
        zeilen.append(
            _(
                "Barrieren aus Begehungen: %(erhalten)s wieder verknüpft, "
                "%(entfallen)s entfallen (Weg nicht mehr im Netz)."
            )
            % {"erhalten": bericht.get("barrieren_erhalten", 0), "entfallen": bericht.get("barrieren_entfallen", 0)}
        )
    return zeilen


def netz_uebersicht() -> dict:
    """The context of the network page (about 9 queries, whatever the size of the network)."""
    netz = aktuelles_netz()
    profile = list(Wegprofil.objects.all())
    kategorien = list(InfrastrukturKategorie.objects.select_related("handlungsfeld"))
    stand = {"aktuell": 0, "veraltet": 0, "fehlend": 0}
    if netz is not None:
        abdruecke = einrichtungen_abdruecke()
        barrieren = barriere_kanten(netz)
        felder = {
            (k, p): f
            for k, p, f in Distanzfeld.objects.filter(netz=netz).values_list(
                "kategorie_id", "profil_id", "fingerabdruck"
            )
        }
        for profil in profile:
            for kategorie in kategorien:
                gespeichert = felder.get((kategorie.pk, profil.pk))
                if gespeichert is None:
                    stand["fehlend"] += 1
                elif gespeichert != fingerabdruck(
                    netz=netz, profil=profil, einrichtungen=abdruecke.get(kategorie.pk), barrieren=barrieren
                ):
                    stand["veraltet"] += 1
                else:
                    stand["aktuell"] += 1
    laufend = (
        Auftrag.objects.filter(art=AUFGABE_DISTANZFELDER, status__in=[Auftrag.Status.WARTET, Auftrag.Status.LAEUFT])
        .order_by("-created_at")
        .first()
    )
    return {
        "netz": netz,
        "bericht_zeilen": bericht_zeilen(netz.bericht) if netz else [],
        "profile": profile,
        "kategorien": kategorien,
        "felder_stand": stand,
        "laufender_auftrag": laufend,
        "barrieren": list(Barriere.objects.select_related("befund__begehung__quartier", "wegabschnitt").order_by("pk")),
        "quartiere": list(Quartier.objects.order_by("-ist_referenzquartier", "name").only("name", "slug")),
    }

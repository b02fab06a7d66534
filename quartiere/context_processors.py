from django.conf import settings

from dwk.permissions import rollen_von
from quartiere.models import Kommune


def dwk(request):
    """Values every page needs: the city, whether its data are demo data, the user's roles."""
    kommune = Kommune.objects.only("name", "ist_demo").first()
    return {
        "kommune": kommune,
        "ist_demo": bool(kommune and kommune.ist_demo),
        "rollen": rollen_von(request.user) if hasattr(request, "user") else [],
        "karten_kacheln": bool(settings.MAP_TILES),
    }

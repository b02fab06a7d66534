"""The one place through which the app asks for today's date and the current time.

Everything that decides "overdue", "next meeting", "upcoming" or "released on" calls
``heute()`` or ``jetzt()``, never ``date.today()`` or ``timezone.now()`` directly. A
deployment leaves ``DWK_HEUTE`` empty and gets the real date; the local demo sets it to a day
in autumn 2017 (the seed's time), so its tasks, meetings and events read as they did then.
"""

import datetime

from django.conf import settings
from django.utils import timezone


def heute() -> datetime.date:
    """Today in the app's time zone, or the fixed day ``settings.DWK_HEUTE`` where one is set."""
    return settings.DWK_HEUTE or timezone.localdate()


def jetzt() -> datetime.datetime:
    """Now (aware); on a fixed day (``DWK_HEUTE``) that day at the current local time of day."""
    echt = timezone.now()
    if not settings.DWK_HEUTE:
        return echt
    uhrzeit = timezone.localtime(echt).time().replace(tzinfo=None)
    return timezone.make_aware(datetime.datetime.combine(settings.DWK_HEUTE, uhrzeit))

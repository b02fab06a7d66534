"""The day the demo lives on, and acting as of an earlier day.

The demo tells the project as it stood on Monday, 16 October 2017 (``make run`` sets
``DWK_HEUTE`` to that day): what lies before happened, what lies after is planned. Where a
service stamps the current time (a profile's release), the demo calls it as of the day the
story gives, so that no date of the demo reads as the day it was loaded.
"""

import datetime
from contextlib import contextmanager

from django.test.utils import override_settings

DEMO_TAG = datetime.date(2017, 10, 16)


@contextmanager
def am_tag(tag):
    """Run the enclosed services as of ``tag``: ``dwk.zeit.heute()`` and ``jetzt()`` answer that day."""
    with override_settings(DWK_HEUTE=tag):
        yield

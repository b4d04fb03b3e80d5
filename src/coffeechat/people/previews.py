"""What the web import already worked out, kept in this process between its three requests.

Upload, preview and confirm are three requests; without this each one would read the whole
file again (and confirm would plan it again). The parse made at upload is handed to the
preview once; the plan shown in the preview is handed to confirm when the user's people,
organisations and tags have not changed since (otherwise confirm plans again, so what lands
always matches the data as it is). Entries are used once, few are kept, and they expire: a
server with several processes simply finds nothing and does the work.
"""

import threading
import time
from collections import OrderedDict

from django.db.models import Count, Max

from coffeechat.people.models import Organization, Person, Tag

MAX_ENTRIES = 4
TTL_SECONDS = 15 * 60

_lock = threading.Lock()
_entries: OrderedDict = OrderedDict()


def _put(key, value) -> None:
    with _lock:
        _entries[key] = (time.monotonic(), value)
        _entries.move_to_end(key)
        while len(_entries) > MAX_ENTRIES:
            _entries.popitem(last=False)


def _take(key):
    with _lock:
        stored = _entries.pop(key, None)
    if stored is None or time.monotonic() - stored[0] > TTL_SECONDS:
        return None
    return stored[1]


def data_version(owner) -> tuple:
    """Changes whenever anything an import plan reads of `owner`'s data changes."""
    people = Person.objects.for_user(owner).aggregate(n=Count("pk"), last=Max("pk"), changed=Max("updated_at"))
    orgs = Organization.objects.for_user(owner).aggregate(n=Count("pk"), last=Max("pk"), changed=Max("updated_at"))
    tags = Tag.objects.for_user(owner).aggregate(n=Count("pk"), last=Max("pk"))
    links = Person.tags.through.objects.filter(person__owner=owner).aggregate(n=Count("pk"), last=Max("pk"))
    return tuple(d[k] for d in (people, orgs, tags, links) for k in sorted(d))


def _key(kind: str, batch) -> tuple:
    # The creation time too: an id alone may come back after a rollback (SQLite, tests).
    return (kind, batch.owner_id, batch.pk, batch.created_at)


def keep_parse(batch, result) -> None:
    _put(_key("parse", batch), result)


def take_parse(batch):
    return _take(_key("parse", batch))


def keep_plan(batch, plan, version) -> None:
    _put(_key("plan", batch), (version, plan))


def take_plan(batch, version):
    stored = _take(_key("plan", batch))
    return stored[1] if stored is not None and stored[0] == version else None

"""Pages kept as rendered for their owner: shown again while nothing of the account has changed.

A hosted site serves many people from a few cores, and a heavy seeker's pages (Insights over thousands of
conversations) take a while to draw; most page views change nothing: back to Today after reading a brief, the
People list again after a call. A kept page is shown only
- to its owner (the row is theirs, looked up by their id),
- at the data stamp it was rendered at: the database raises the stamp with every change to the owner's rows
  (accounts/stamps.py), so an edit, an import or a settings change is on the very next page,
- for at most PAGE_CACHE_SECONDS, and never past the owner's midnight: time alone brings items due.
Requests that show a flash message or come from htmx, and responses that set a cookie, are never kept. The
CSRF token is left out of what is kept and a fresh one put in on every showing. On PostgreSQL the table is
UNLOGGED (no write-ahead log: a crash empties it, which costs a render). Keeping a page drops the owner's pages
past their time (the local app has no worker); the hosted worker drops everyone's.
"""

import hashlib
import logging
import re
from contextlib import contextmanager
from datetime import datetime, time, timedelta
from functools import wraps

from django.conf import settings
from django.contrib.messages import get_messages
from django.db import DatabaseError, connection, transaction
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone

from coffeechat.accounts.models import CachedPage
from coffeechat.accounts.stamps import stamped

logger = logging.getLogger(__name__)

# Where a page carries its CSRF token: form fields and the htmx header on <body>.
TOKEN = re.compile(r'(?:name="csrfmiddlewaretoken" value="|"X-CSRFToken": ")([A-Za-z0-9]+)"')
# Raw "<" never comes from a user (escaped) and our templates have no such comment: the slot is unambiguous.
TOKEN_SLOT = "<!--csrf-token-->"
HEADER = "X-Page-Cache"
# Plain SQL: on the hot path of every kept page, the ORM's query building cost more than the read.
TABLE = CachedPage._meta.db_table
READ = f"SELECT body FROM {TABLE} WHERE owner_id = %s AND key = %s AND stamp = %s AND rendered_at <= %s AND valid_until > %s"
KEEP = (f"INSERT INTO {TABLE} (owner_id, key, stamp, rendered_at, valid_until, body) VALUES (%s, %s, %s, %s, %s, %s) "
        "ON CONFLICT (owner_id, key) DO UPDATE SET stamp = EXCLUDED.stamp, rendered_at = EXCLUDED.rendered_at, "
        "valid_until = EXCLUDED.valid_until, body = EXCLUDED.body")
KEEP_WAIT_MS = 50
DROP_AGED = f"DELETE FROM {TABLE} WHERE owner_id = %s AND valid_until <= %s"


def enabled() -> bool:
    return settings.PAGE_CACHE_SECONDS > 0 and stamped(connection)


def _keepable(request) -> bool:
    return (request.method == "GET" and request.user.is_authenticated and not request.headers.get("HX-Request")
            and not len(get_messages(request)))


def _until(now: datetime) -> datetime:
    local = timezone.localtime(now)
    midnight = datetime.combine(local.date() + timedelta(days=1), time.min, tzinfo=local.tzinfo)
    return min(now + timedelta(seconds=settings.PAGE_CACHE_SECONDS), midnight)


@contextmanager
def _briefly_waiting():
    """On SQLite, wait at most a moment for the database's one writer: an import running in the local app holds
    it for seconds, and a page shown late to be kept would be worse than a page not kept."""
    if connection.vendor != "sqlite":
        yield
        return
    usual_ms = round(1000 * settings.DATABASES[connection.alias].get("OPTIONS", {}).get("timeout", 5))  # sqlite3's default: 5 s
    with connection.cursor() as cursor:
        cursor.execute(f"PRAGMA busy_timeout = {KEEP_WAIT_MS}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA busy_timeout = {usual_ms}")


def cached_page(view):
    """Keep the view's full page per owner and path (query included); see the module's docstring."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not enabled() or not _keepable(request):
            return view(request, *args, **kwargs)
        user, now = request.user, timezone.now()
        key = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        moment = connection.ops.adapt_datetimefield_value  # as the ORM writes times (SQLite: UTC text)
        with connection.cursor() as cursor:
            cursor.execute(READ, [user.pk, key, user.data_stamp, moment(now), moment(now)])
            kept = cursor.fetchone()
        if kept is not None:
            response = HttpResponse(kept[0].replace(TOKEN_SLOT, get_token(request)))
            response[HEADER] = "hit"
            return response
        response = view(request, *args, **kwargs)
        if (response.status_code == 200 and not response.streaming and not response.cookies
                and response["Content-Type"].startswith("text/html") and _keepable(request) and not request.session.modified):
            body = response.content.decode(response.charset)
            for token in set(TOKEN.findall(body)):
                body = body.replace(token, TOKEN_SLOT)
            try:
                with _briefly_waiting(), transaction.atomic(), connection.cursor() as cursor:
                    cursor.execute(DROP_AGED, [user.pk, moment(now)])
                    cursor.execute(KEEP, [user.pk, key, user.data_stamp, moment(now), moment(_until(now)), body])
            except DatabaseError:  # not kept is only slower: the page itself is fine
                logger.warning("could not keep %s for user %s", request.path, user.pk, exc_info=True)
            else:
                response[HEADER] = "miss"
        return response

    return wrapper


# Values computed from an owner's data, kept in this process: (owner id, name) -> ((stamp, joined), from, until, value).
_kept_values: dict[tuple[int, str], tuple] = {}
KEPT_VALUES_MAX = 10_000
STAMP = "SELECT data_stamp FROM accounts_user WHERE id = %s"


def kept_value(user, name: str, compute):
    """`compute()`, kept in this process on a kept page's terms: while the owner's data stamp stays the same, for
    at most PAGE_CACHE_SECONDS and never past their midnight. For the navigation's due count, which every page
    shows and which at 30,000 people costs more than most pages' own reads.

    The stamp is read afresh, not taken from the request's user: a write earlier in the same request counts.
    The user's sign-up time is part of the key, so an id used again (SQLite reuses the highest after a delete)
    never finds the value of the account that had it.
    """
    if not enabled():
        return compute()
    now = timezone.now()
    with connection.cursor() as cursor:
        cursor.execute(STAMP, [user.pk])
        row = cursor.fetchone()
    who = (row[0] if row else None, user.date_joined)
    kept = _kept_values.get((user.pk, name))
    if kept is not None and kept[0] == who and kept[1] <= now < kept[2]:
        return kept[3]
    value = compute()
    if len(_kept_values) >= KEPT_VALUES_MAX:  # a bound, not a policy: everyone's next count is computed again
        _kept_values.clear()
    _kept_values[(user.pk, name)] = (who, now, _until(now), value)
    return value


def forget_kept_values() -> None:
    _kept_values.clear()

"""Rate limits that are not password sign-in (django-axes guards that): reset requests,
sign-in links and the API. Counts live in the database, shared by every worker process."""

import ipaddress
import math
import time
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from coffeechat.accounts.models import RateCount, ThrottleHit


def _address(text: str) -> str | None:
    try:
        return str(ipaddress.ip_address(text.strip()))
    except ValueError:
        return None


def client_ip(request) -> str | None:
    """The client's address (None when unknown, e.g. a request made inside the server).

    Behind COFFEECHAT_TRUSTED_PROXIES reverse proxies, the address the nearest of them saw
    (read from the right of X-Forwarded-For, which a client cannot forge)."""
    proxies = getattr(settings, "TRUSTED_PROXIES", 0)
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies and _address(forwarded[-proxies]):
            return _address(forwarded[-proxies])
    return _address(request.META.get("REMOTE_ADDR", ""))


def client_key(request) -> str:
    """The client's address as a throttle key."""
    return client_ip(request) or "unknown"


def over_limit(scope: str, key: str, limit: int, window: timedelta) -> bool:
    """True when `key` already used its `limit` hits in `window`."""
    since = timezone.now() - window
    return ThrottleHit.objects.filter(scope=scope, key=key[:200], at__gte=since).count() >= limit


def record(scope: str, key: str) -> None:
    ThrottleHit.objects.create(scope=scope, key=key[:200])
    # Keep the table small: a day is longer than any window we use.
    if ThrottleHit.objects.filter(scope=scope).count() > 10_000:
        ThrottleHit.objects.filter(at__lt=timezone.now() - timedelta(days=1)).delete()


def hit(scope: str, key: str, limit: int, window: timedelta) -> bool:
    """Count one request; True when it is allowed, False when the limit is reached."""
    if over_limit(scope, key, limit, window):
        return False
    record(scope, key)
    return True


@dataclass
class Window:
    """What a sliding-window count found: whether the request may go, and how long to wait if not."""

    allowed: bool
    wait: float = 0.0


def sliding_window(scope: str, key: str, limit: int, seconds: int, now: float | None = None) -> Window:
    """Count one request against `limit` a `seconds`, shared through the database by every process.

    A sliding window: this window's count plus the previous one's, weighted by how much of it
    still overlaps the last `seconds`. The count rises with one conditional UPDATE (`hits < room`),
    so two processes racing can never both take the last place, and no count is lost. A refused
    request is not counted."""
    now = time.time() if now is None else now
    key = key[:200]
    window = int(now // seconds)
    elapsed = now - window * seconds
    counts = dict(RateCount.objects.filter(scope=scope, key=key, window__in=(window - 1, window)).values_list("window", "hits"))
    previous, current = counts.get(window - 1, 0), counts.get(window, 0)
    room = limit - math.floor(previous * (1 - elapsed / seconds))
    if room > 0:
        rows = RateCount.objects.filter(scope=scope, key=key, window=window, hits__lt=room)
        if rows.update(hits=F("hits") + 1):
            return Window(True)
        if window not in counts and (_first_hit(scope, key, window, seconds) or rows.update(hits=F("hits") + 1)):
            return Window(True)  # the first hit of this window (or the second, when another process opened it)
        current = max(current, room)  # taken meanwhile by another process
    return Window(False, _wait(limit, seconds, elapsed, previous, current))


def _first_hit(scope: str, key: str, window: int, seconds: int) -> bool:
    """Open this window's row with its first hit; False when another process opened it first."""
    try:
        with transaction.atomic():
            RateCount.objects.create(scope=scope, key=key, window=window, hits=1)
    except IntegrityError:
        return False
    # Once a window per key: drop the rows no window can read any more.
    RateCount.objects.filter(scope=scope, started_at__lt=timezone.now() - timedelta(seconds=3 * seconds)).delete()
    return True


def _wait(limit: int, seconds: int, elapsed: float, previous: int, current: int) -> float:
    """Seconds until the weighted count leaves room for one more request."""
    left = seconds - elapsed
    if previous and current < limit:  # room opens in this window as the previous one slides out
        opens = seconds * (1 - (limit - current) / previous) - elapsed
        if 0 <= opens <= left:
            return max(opens, 1.0)
    return left + seconds / max(limit, 1)

"""Rate limits that are not password sign-in (django-axes guards that): reset requests,
sign-in links and the API. Counts live in the database, shared by every worker process."""

import ipaddress
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from coffeechat.accounts.models import ThrottleHit


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

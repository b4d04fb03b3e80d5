"""Addresses of pages about one row, for lists that draw many of them (Today's items, the people list)."""

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse

# Each address pattern is reversed once a process (per script prefix and URL configuration), its one id put in.
_SLOT = 9876543210
_PATTERNS: dict[tuple, str] = {}


def url_with_id(name: str, pk: int | None = None) -> str:
    """reverse(name, args=[pk]), for a pattern whose only argument is an id: a list of hundreds reverses once."""
    key = (name, get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)
    pattern = _PATTERNS.get(key)
    if pattern is None:
        pattern = _PATTERNS[key] = reverse(name, args=[] if pk is None else [_SLOT])
    return pattern if pk is None else pattern.replace(str(_SLOT), str(pk))


def url_maker(name: str):
    """pk -> url_with_id(name, pk), the pattern looked up once: for loops over thousands of rows, where
    url_with_id's own lookups (script prefix, URL configuration) cost more than the rest of the row."""
    before, after = url_with_id(name, _SLOT).split(str(_SLOT))
    return lambda pk: f"{before}{pk}{after}"

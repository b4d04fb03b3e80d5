"""IANA time zones: validation and the zone a local installation should start with."""

import functools
import zoneinfo
from datetime import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.safestring import mark_safe


def is_time_zone(name: str) -> bool:
    if not name or "\x00" in name:
        return False
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return False
    return True


def validate_time_zone(name: str) -> None:
    if not is_time_zone(name):
        raise ValidationError(f"“{name}” is not a time zone name such as Europe/Paris or America/Toronto.")


def system_time_zone() -> str:
    """The computer's own zone, for the local owner; UTC when it cannot be told."""
    try:
        import tzlocal

        name = tzlocal.get_localzone_name()
    except Exception:  # noqa: BLE001 - any failure means "unknown"
        return "UTC"
    return name if name and is_time_zone(name) else "UTC"


# Names that are zones to the library but no place a person lives: never offered, never accepted.
NOT_PLACES = {"Factory", "localtime", "posixrules", "posix", "right"}
REGIONS = ("Africa/", "America/", "Antarctica/", "Asia/", "Atlantic/", "Australia/", "Europe/", "Indian/", "Pacific/")
# Offered first: where most of our users and the people they write to are.
COMMON_ZONES = (
    "America/St_Johns", "America/Halifax", "America/Toronto", "America/Winnipeg", "America/Regina", "America/Edmonton",
    "America/Vancouver", "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles",
    "America/Mexico_City", "America/Sao_Paulo", "Europe/London", "Europe/Dublin", "Europe/Paris", "Europe/Berlin",
    "Africa/Lagos", "Africa/Nairobi", "Asia/Dubai", "Asia/Kolkata", "Asia/Manila", "Asia/Shanghai", "Asia/Singapore",
    "Asia/Tokyo", "Australia/Sydney", "Pacific/Auckland", "UTC",
)


def all_time_zones() -> list[str]:
    """Every zone a person can live in, by region (no "Factory", "localtime" or legacy aliases like "US/…")."""
    return list(_all_time_zones())


@functools.cache
def _all_time_zones() -> tuple[str, ...]:
    # Read from the zone database's folder once a process: it does not change while it runs.
    return (*sorted(z for z in zoneinfo.available_timezones() if z.startswith(REGIONS) and z not in NOT_PLACES), "UTC")


def offered_time_zones() -> list[str]:
    """The common zones first, then all the others."""
    common = [z for z in COMMON_ZONES if is_time_zone(z)]
    return common + [z for z in all_time_zones() if z not in common]


@functools.cache
def _zone_options() -> str:
    """The searchable list's options, written once a process (every form with a time zone shows all of them)."""
    return "".join(format_html('<option value="{}">{}</option>', z, zone_label(z)) for z in offered_time_zones())


def zone_label(name: str) -> str:
    """"Toronto (America)" for the list a user searches."""
    region, _, place = name.partition("/")
    return f"{place.replace('_', ' ').replace('/', ' – ')} ({region})" if place else name


def resolve_time_zone(text: str) -> str | None:
    """The zone a user meant: an exact name, its spelling with spaces, or a city named by one zone only."""
    text = " ".join(text.split())
    if not text:
        return None
    candidate = text.replace(" ", "_")
    if candidate.split("/", 1)[0] not in NOT_PLACES and is_time_zone(candidate):
        return candidate
    folded = candidate.casefold()
    matches = [z for z in all_time_zones() if z.casefold() == folded or z.rsplit("/", 1)[-1].casefold() == folded]
    return matches[0] if len(matches) == 1 else None


class TimeZoneInput(forms.TextInput):
    """A text box with a searchable list: common zones first (the browser filters it as one types)."""

    template_name = "forms/time_zone_input.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        list_id = f"{context['widget']['attrs'].get('id') or name}-zones"
        context["widget"]["attrs"]["list"] = list_id
        context["widget"]["attrs"].setdefault("autocomplete", "off")
        context["widget"]["attrs"].setdefault("placeholder", "Type a city, e.g. Toronto")
        context["zone_options"] = mark_safe(_zone_options())  # built by format_html: every value escaped
        context["list_id"] = list_id
        return context


class TimeZoneField(forms.CharField):
    widget = TimeZoneInput

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 64)
        super().__init__(**kwargs)

    def to_python(self, value):
        text = super().to_python(value)
        if not text:
            return text
        zone = resolve_time_zone(text)
        if zone is None:
            raise ValidationError(f"“{text}” is not a time zone we know. Type a city and pick from the list, "
                                  "e.g. America/Toronto or Europe/Paris.")
        return zone


WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def describe_slot(slot: datetime, other_zone: str = "") -> str:
    """"Tuesday 3 March, 2:00 pm (EST)", plus the other person's time when their zone is known."""
    text = f"{WEEKDAYS[slot.weekday()]} {slot.day} {slot:%B}, {clock_text(slot)} ({slot.tzname()})"
    if other_zone and other_zone != str(slot.tzinfo):
        theirs = slot.astimezone(zoneinfo.ZoneInfo(other_zone))
        text += f" — {clock_text(theirs)} your time ({theirs.tzname()})"
    return text


def place_name(zone: str) -> str:
    """"America/St_Johns" -> "St Johns": how a zone is named beside a time."""
    return zone.rsplit("/", 1)[-1].replace("_", " ")


def slot_for_both(slot: datetime, other_zone: str = "") -> str:
    """"Tuesday 3 March, 2:00 pm (EST) · 11:00 am in Vancouver (PST)" for the user; one time when the zones agree."""
    mine = describe_slot(slot)
    if not other_zone or not is_time_zone(other_zone):
        return mine
    theirs = slot.astimezone(zoneinfo.ZoneInfo(other_zone))
    if theirs.utcoffset() == slot.utcoffset():
        return mine
    day = "" if theirs.date() == slot.date() else f"{WEEKDAYS[theirs.weekday()]} "
    return f"{mine} · {day}{clock_text(theirs)} in {place_name(other_zone)} ({theirs.tzname()})"


def clock_text(moment: datetime) -> str:
    hour = moment.hour % 12 or 12
    return f"{hour}:{moment:%M} {'am' if moment.hour < 12 else 'pm'}"

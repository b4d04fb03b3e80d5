"""IANA time zones: validation and the zone a local installation should start with."""

import zoneinfo
from datetime import datetime

from django.core.exceptions import ValidationError


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


def all_time_zones() -> list[str]:
    return sorted(zoneinfo.available_timezones())


WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def describe_slot(slot: datetime, other_zone: str = "") -> str:
    """"Tuesday 3 March, 2:00 pm (EST)", plus the other person's time when their zone is known."""
    text = f"{WEEKDAYS[slot.weekday()]} {slot.day} {slot:%B}, {clock_text(slot)} ({slot.tzname()})"
    if other_zone and other_zone != str(slot.tzinfo):
        theirs = slot.astimezone(zoneinfo.ZoneInfo(other_zone))
        text += f" — {clock_text(theirs)} your time ({theirs.tzname()})"
    return text


def clock_text(moment: datetime) -> str:
    hour = moment.hour % 12 or 12
    return f"{hour}:{moment:%M} {'am' if moment.hour < 12 else 'pm'}"

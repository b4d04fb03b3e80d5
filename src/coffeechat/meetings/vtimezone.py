"""A VTIMEZONE with yearly recurrence rules, the way Google, Outlook and Apple write theirs.

The rules come from the zone's own TZif file: its footer is a POSIX TZ string such as
"EST5EDT,M3.2.0,M11.1.0" that states the rule in force now (RFC 8536 section 3.3). Zones
whose rule cannot be said as an RRULE fall back to icalendar's list of dates, kept to a few
years around the event rather than 1970-2038.
"""

import re
import zoneinfo
from datetime import UTC, date, datetime, timedelta
from importlib import resources
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

_NAME = r"(<[^>]+>|[A-Za-z]{3,})"
_OFFSET = r"([+-]?\d{1,2}(?::\d{2}){0,2})"
_RULE = r"M(\d{1,2})\.(\d)\.(\d)(?:/([+-]?\d{1,3}(?::\d{2}){0,2}))?"
POSIX_TZ = re.compile(rf"^{_NAME}{_OFFSET}(?:{_NAME}{_OFFSET}?,{_RULE},{_RULE})?$")
WEEKDAYS = ("SU", "MO", "TU", "WE", "TH", "FR", "SA")   # POSIX counts from Sunday = 0
FIRST_YEAR = 1970


def _tzif_bytes(key: str) -> bytes | None:
    for root in zoneinfo.TZPATH:
        path = Path(root, key)
        if path.is_file():
            return path.read_bytes()
    try:
        package, _, name = f"tzdata.zoneinfo.{key}".replace("/", ".").rpartition(".")
        return resources.files(package).joinpath(name).read_bytes()
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return None


def posix_rule(key: str) -> str:
    """The POSIX TZ string at the end of the zone's TZif file ("" when there is none)."""
    data = _tzif_bytes(key)
    if not data or data[:4] != b"TZif" or data[4:5] < b"2":
        return ""
    return data.rstrip(b"\n").rsplit(b"\n", 1)[-1].decode("ascii", "replace").strip()


def _seconds(text: str) -> int:
    sign = -1 if text.startswith("-") else 1
    parts = [int(p) for p in text.lstrip("+-").split(":")] + [0, 0]
    return sign * (parts[0] * 3600 + parts[1] * 60 + parts[2])


def _onset(year: int, month: int, week: int, weekday: int, at: int) -> datetime:
    """Local wall time of "the week-th weekday of month" (week 5 = the last) at `at` seconds."""
    first = date(year, month, 1)
    day = first + timedelta(days=(weekday - (first.weekday() + 1) % 7) % 7 + 7 * (week - 1))
    while day.month != month:
        day -= timedelta(days=7)
    return datetime.combine(day, datetime.min.time()) + timedelta(seconds=at)


def _observance(kind, name: str, start: datetime, offset_from: int, offset_to: int, rule=None):
    component = kind()
    component.add("dtstart", start)
    component.add("tzoffsetfrom", timedelta(seconds=offset_from))
    component.add("tzoffsetto", timedelta(seconds=offset_to))
    component.add("tzname", name.strip("<>"))
    if rule:
        component.add("rrule", rule)
    return component


def _parse(key: str):
    """(std_name, std, dst_name, dst, [(month, week, weekday, seconds) x 2]) from the POSIX rule, or None."""
    match = POSIX_TZ.match(posix_rule(key))
    if not match:
        return None
    std_name, std_offset, dst_name, dst_offset = match.group(1, 2, 3, 4)
    std = -_seconds(std_offset)                     # POSIX offsets are west-positive
    if not dst_name:
        return std_name, std, "", std, []
    dst = -_seconds(dst_offset) if dst_offset else std + 3600
    groups = match.groups()[4:]
    rules = []
    for month, week, weekday, at in (groups[0:4], groups[4:8]):
        seconds = _seconds(at) if at else 7200
        if not 0 <= seconds < 86400:  # "the day after the last Thursday" has no BYDAY form
            return None
        rules.append((int(month), int(week), int(weekday), seconds))
    return std_name, std, dst_name, dst, rules


def _build(key: str, parsed) -> Timezone:
    std_name, std, dst_name, dst, rules = parsed
    zone = Timezone()
    zone.add("tzid", key)
    if not rules:
        zone.add_component(_observance(TimezoneStandard, std_name, datetime(FIRST_YEAR, 1, 1), std, std))
        return zone
    kinds = ((TimezoneDaylight, dst_name, std, dst), (TimezoneStandard, std_name, dst, std))
    for (month, week, weekday, seconds), (kind, name, before, after) in zip(rules, kinds, strict=True):
        rule = {"freq": "yearly", "bymonth": month, "byday": f"{-1 if week == 5 else week}{WEEKDAYS[weekday]}"}
        zone.add_component(_observance(kind, name, _onset(FIRST_YEAR, month, week, weekday, seconds), before, after, rule))
    return zone


def _offset(real: ZoneInfo, utc: datetime) -> int:
    return int(utc.replace(tzinfo=UTC).astimezone(real).utcoffset().total_seconds())


def _agrees(key: str, parsed, around: datetime) -> bool:
    """The zone database changes the clocks exactly when our rules say, in the event's year and the next."""
    _, std, _, dst, rules = parsed
    real = ZoneInfo(key)
    if not rules:
        return all(_offset(real, around + timedelta(days=days)) == std for days in range(-400, 400, 10))
    minute = timedelta(minutes=1)
    for year in (around.year, around.year + 1):
        for (month, week, weekday, seconds), (before, after) in zip(rules, ((std, dst), (dst, std)), strict=True):
            instant = _onset(year, month, week, weekday, seconds) - timedelta(seconds=before)   # in UTC
            if (_offset(real, instant - minute), _offset(real, instant + minute)) != (before, after):
                return False
    return True


def vtimezone(key: str, around: datetime) -> Timezone:
    """The VTIMEZONE for `key`, correct for the event at `around` (naive local or aware)."""
    parsed = _parse(key)
    if parsed is not None and _agrees(key, parsed, around.replace(tzinfo=None)):
        return _build(key, parsed)
    start = around.date()
    return Timezone.from_tzid(key, first_date=date(start.year - 1, 1, 1), last_date=date(start.year + 2, 1, 1))

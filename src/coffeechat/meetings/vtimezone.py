"""A VTIMEZONE with yearly recurrence rules, the way Google, Outlook and Apple write theirs.

The rules come from the zone's own TZif file: its footer is a POSIX TZ string such as
"EST5EDT,M3.2.0,M11.1.0" that states the rule in force now (RFC 8536 section 3.3). Zones
whose rule cannot be said as an RRULE fall back to icalendar's list of dates, kept to a few
years around the event rather than 1970-2038.
"""

import re
import zoneinfo
from datetime import date, datetime, timedelta
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


def _from_rule(key: str) -> Timezone | None:
    match = POSIX_TZ.match(posix_rule(key))
    if not match:
        return None
    std_name, std_offset, dst_name, dst_offset = match.group(1, 2, 3, 4)
    std = -_seconds(std_offset)                     # POSIX offsets are west-positive
    zone = Timezone()
    zone.add("tzid", key)
    if not dst_name:
        zone.add_component(_observance(TimezoneStandard, std_name, datetime(FIRST_YEAR, 1, 1), std, std))
        return zone
    dst = -_seconds(dst_offset) if dst_offset else std + 3600
    rules = match.groups()[4:]
    for (month, week, weekday, at), (kind, name, before, after) in zip(
        (rules[0:4], rules[4:8]),
        ((TimezoneDaylight, dst_name, std, dst), (TimezoneStandard, std_name, dst, std)), strict=True,
    ):
        seconds = _seconds(at) if at else 7200
        if not 0 <= seconds < 86400:  # "the day after the last Thursday" has no BYDAY form
            return None
        month, week, weekday = int(month), int(week), int(weekday)
        rule = {"freq": "yearly", "bymonth": month, "byday": f"{-1 if week == 5 else week}{WEEKDAYS[weekday]}"}
        zone.add_component(_observance(kind, name, _onset(FIRST_YEAR, month, week, weekday, seconds), before, after, rule))
    return zone


def _agrees(zone: Timezone, key: str, around: datetime) -> bool:
    """The rules give the same UTC offset as the zone database through the year of the event."""
    try:
        ours = zone.to_tz(lookup_tzid=False)
    except Exception:  # noqa: BLE001 - any failure to read our own output means: do not use it
        return False
    real = ZoneInfo(key)
    for days in range(0, 400, 7):
        moment = (around + timedelta(days=days)).replace(tzinfo=None)
        if ours.utcoffset(moment) != moment.replace(tzinfo=real).utcoffset():
            return False
    return True


def vtimezone(key: str, around: datetime) -> Timezone:
    """The VTIMEZONE for `key`, correct for the event at `around` (naive local or aware)."""
    zone = _from_rule(key)
    if zone is not None and _agrees(zone, key, around):
        return zone
    start = around.date()
    return Timezone.from_tzid(key, first_date=date(start.year - 1, 1, 1), last_date=date(start.year + 2, 1, 1))

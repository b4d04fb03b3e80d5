"""Proposing concrete meeting times from the user's weekly availability."""

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class Window:
    weekday: int   # 0 = Monday
    start: time
    end: time


def parse_availability(data: dict) -> list[Window]:
    """{"0": [["09:00", "12:00"]], …} as stored on the user -> windows; bad entries are ignored."""
    windows = []
    for day, ranges in (data or {}).items():
        try:
            weekday = int(day)
        except (TypeError, ValueError):
            continue
        for pair in ranges or []:
            try:
                start, end = time.fromisoformat(pair[0]), time.fromisoformat(pair[1])
            except (TypeError, ValueError, IndexError):
                continue
            if 0 <= weekday <= 6 and start < end:
                windows.append(Window(weekday, start, end))
    return sorted(windows, key=lambda w: (w.weekday, w.start))


def format_availability(data: dict) -> dict[int, str]:
    """Per weekday, the text the settings form shows: "09:00-12:00, 14:00-17:00"."""
    text = {}
    for window in parse_availability(data):
        part = f"{window.start:%H:%M}-{window.end:%H:%M}"
        text[window.weekday] = f"{text[window.weekday]}, {part}" if window.weekday in text else part
    return text


def propose_slots(
    windows: list[Window], *, now: datetime, time_zone: str, minutes: int, count: int = 3,
    horizon_days: int = 14, earliest_hours: int = 48, busy: list[tuple[datetime, datetime]] = (),
) -> list[datetime]:
    """Up to `count` start times in the next `horizon_days`, on different days, spread out.

    Starts at least `earliest_hours` from now (time for an answer), on the half hour, inside
    a window, clear of `busy` intervals. Returns aware datetimes in the user's zone.
    """
    zone = ZoneInfo(time_zone)
    local_now = now.astimezone(zone)
    earliest = local_now + timedelta(hours=earliest_hours)
    length = timedelta(minutes=minutes)
    candidates: list[datetime] = []
    for offset in range(horizon_days + 1):
        day = (local_now + timedelta(days=offset)).date()
        for window in (w for w in windows if w.weekday == day.weekday()):
            start = datetime.combine(day, window.start, zone)
            end = datetime.combine(day, window.end, zone)
            while start + length <= end:
                clear = all(start >= b_end or start + length <= b_start for b_start, b_end in busy)
                if start >= earliest and clear:
                    candidates.append(start)
                    break  # one per window is enough; spread across days below
                start += timedelta(minutes=30)
    by_day: dict = {}
    for slot in candidates:
        by_day.setdefault(slot.date(), slot)
    days = list(by_day.values())
    if len(days) <= count:
        return days
    # Spread the picks over the horizon rather than taking the first few days.
    step = (len(days) - 1) / (count - 1) if count > 1 else 0
    return [days[round(i * step)] for i in range(count)]


def describe_slot(slot: datetime, other_zone: str = "") -> str:
    """"Tuesday 3 March, 2:00 pm (EST)", plus the other person's time when their zone is known."""
    text = f"{WEEKDAYS[slot.weekday()]} {slot.day} {slot:%B}, {clock_text(slot)} ({slot.tzname()})"
    if other_zone and other_zone != str(slot.tzinfo):
        theirs = slot.astimezone(ZoneInfo(other_zone))
        text += f" — {clock_text(theirs)} your time ({theirs.tzname()})"
    return text


def clock_text(moment: datetime) -> str:
    hour = moment.hour % 12 or 12
    return f"{hour}:{moment:%M} {'am' if moment.hour < 12 else 'pm'}"

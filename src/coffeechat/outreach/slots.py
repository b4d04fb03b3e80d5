"""Proposing concrete meeting times from the user's weekly availability."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from coffeechat.accounts.availability import Window


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

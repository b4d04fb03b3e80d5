"""The "3 business days / 7 business days" routine for unanswered requests, as pure functions.

After `second_contact` business days without an answer: suggest writing to a second person
at the same organisation. After `follow_up` business days: one polite follow-up to the first
person. Once that follow-up has had the same wait without an answer: let it go ("no answer").
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

WORKWEEK = frozenset(range(5))  # Monday..Friday


def is_business_day(day: date, holidays: frozenset[date] = frozenset()) -> bool:
    return day.weekday() in WORKWEEK and day not in holidays


def add_business_days(start: datetime, days: int, holidays: frozenset[date] = frozenset()) -> datetime:
    """The same wall-clock time `days` business days later (a Friday request + 3 = Wednesday)."""
    current = start
    remaining = days
    while remaining > 0:
        current += timedelta(days=1)
        if is_business_day(current.date(), holidays):
            remaining -= 1
    return current


@dataclass(frozen=True)
class Nudge:
    kind: str          # "second_contact" | "follow_up" | "let_go"
    due: datetime      # when it became due (aware, UTC)
    message: str


def request_nudge(
    *, requested_at: datetime | None, answered: bool, follow_up_sent_at: datetime | None,
    second_contact_days: int, follow_up_days: int, now: datetime, time_zone: str = "UTC",
    organization: str = "", holidays: frozenset[date] = frozenset(),
) -> Nudge | None:
    """What to do about an unanswered request at `now`; None while it is too early or answered.

    Business days are counted in the user's own time zone, so "Friday evening" stays Friday.
    """
    if requested_at is None or answered:
        return None
    zone = ZoneInfo(time_zone)
    if follow_up_sent_at is not None:
        due = add_business_days(follow_up_sent_at.astimezone(zone), follow_up_days, holidays)
        if now >= due:
            return Nudge("let_go", due, "No answer to your follow-up either. Let this one go: mark it “no answer” and put your energy elsewhere.")
        return None
    local = requested_at.astimezone(zone)
    follow_due = add_business_days(local, follow_up_days, holidays)
    if now >= follow_due:
        days = follow_up_days
        return Nudge("follow_up", follow_due, f"No answer for {days} business days — time for one short, polite follow-up.")
    second_due = add_business_days(local, second_contact_days, holidays)
    if now >= second_due:
        where = f" at {organization}" if organization else ""
        return Nudge("second_contact", second_due, f"No answer for {second_contact_days} business days — consider asking someone else{where}.")
    return None

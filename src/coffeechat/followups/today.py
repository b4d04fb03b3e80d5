"""The Today page's and the navigation's view of the due items: bounded work at any size of network.

The rules decide on what the snapshot read. On Today the snapshot reads only the people soonest due to
keep in touch (KEEP_IN_TOUCH_READ of them); the others are counted by the stored clock in one query, so
each group shows its first screenful and an honest count. The navigation reads no keep-in-touch people
at all: it counts them.
"""

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.utils import timezone

from coffeechat.followups.rules import DueItem, due_items, load_snapshot
from coffeechat.followups.snapshot import (
    ended_due_counts,
    event_due_count,
    keep_in_touch_counts,
    referral_due_count,
)
from coffeechat.people.services import keep_in_touch_due_at

GROUPS = ("Overdue", "Today", "This week", "Later")
SCREENFUL = 20
KEEP_IN_TOUCH_READ = 3 * SCREENFUL


def group_bounds(now: datetime, week_start: int = 0) -> dict[str, datetime]:
    """The last moment of each group but "Later", in the user's time zone."""
    today = timezone.localdate(now)
    end_of_week = today + timedelta(days=(week_start + 6 - today.weekday()) % 7)
    day_end = lambda day: timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min)) - timedelta(microseconds=1)  # noqa: E731
    return {"Overdue": now, "Today": day_end(today), "This week": day_end(end_of_week)}


def group_of(due: datetime, overdue: bool, bounds: dict[str, datetime]) -> str:
    if overdue:
        return "Overdue"
    for name in ("Today", "This week"):
        if due <= bounds[name]:
            return name
    return "Later"


def group_items(items, now, week_start: int = 0):
    """Overdue, today, the rest of this calendar week (from the user's week start), later — in their time zone."""
    bounds = group_bounds(now, week_start)
    groups = {name: [] for name in GROUPS}
    for item in items:
        groups[group_of(item.due, item.overdue, bounds)].append(item)
    return [(name, group) for name, group in groups.items() if group]


@dataclass
class Group:
    name: str
    items: list[DueItem]       # the first screenful
    count: int                 # all of them

    @property
    def more(self) -> bool:
        return self.count > len(self.items)

    @property
    def slug(self) -> str:
        return self.name.lower().replace(" ", "-")


@dataclass
class DueSummary:
    now: datetime
    grouped: dict[str, list[DueItem]]                       # what the rules listed, by group
    unread: dict[str, int] = field(default_factory=dict)   # keep-in-touch items not read, per group

    def count(self, name: str) -> int:
        return len(self.grouped.get(name, [])) + self.unread.get(name, 0)


def due_summary(user, now: datetime, *, read_keep_in_touch: int) -> DueSummary:
    """The items the rules list from a bounded read, and how many keep-in-touch items were left unread."""
    snapshot = load_snapshot(user, keep_in_touch_limit=read_keep_in_touch)
    bounds = group_bounds(now, user.week_start)
    grouped = {name: [] for name in GROUPS}
    for item in due_items(snapshot, now):
        grouped[group_of(item.due, item.overdue, bounds)].append(item)
    # People counted by the stored clock, minus those the snapshot read (the rules decided for them).
    cumulative = keep_in_touch_counts(user, {**bounds, "Later": None})
    read = {name: 0 for name in GROUPS}
    for person in snapshot.keep_in_touch_read:
        due = keep_in_touch_due_at(person, user.keep_in_touch_days)
        if due is not None:
            read[group_of(due, due <= bounds["Overdue"], bounds)] += 1
    unread, below = {}, 0
    for name in GROUPS:
        total = cumulative.get(name) or 0
        unread[name] = max(0, total - below - read[name])
        below = total
    return DueSummary(now=now, grouped=grouped, unread=unread)


def today_groups(summary: DueSummary) -> list[Group]:
    return [Group(name, summary.grouped[name][:SCREENFUL], summary.count(name)) for name in GROUPS if summary.count(name)]


def due_now(summary: DueSummary) -> int:
    return summary.count("Overdue") + summary.count("Today")


def navigation_count(user, now: datetime) -> int:
    """Overdue or due today, as Today counts them, reading only conversations still open or to come and tasks:
    keep-in-touch, referrals and the thank-you and reflection of held conversations are counted in SQL."""
    snapshot = load_snapshot(user, keep_in_touch_limit=0, skip_ended=True, skip_referrals=True)
    end_of_today = group_bounds(now, user.week_start)["Today"]
    listed = sum(1 for item in due_items(snapshot, now) if item.due <= end_of_today)
    counted = keep_in_touch_counts(user, {"Today": end_of_today})["Today"] + ended_due_counts(user, end_of_today)
    return listed + counted + referral_due_count(user, end_of_today) + event_due_count(user, end_of_today)


def summary_for_request(request, *, full: bool = False, refresh: bool = False) -> DueSummary:
    """The signed-in user's summary, read once a request: the Today page (`full`: it reads the people
    soonest due to keep in touch) and the navigation share it; the navigation alone reads none."""
    cached = getattr(request, "_coffeechat_due", None)
    if refresh or cached is None or (full and not cached[0]):
        summary = due_summary(request.user, timezone.now(), read_keep_in_touch=KEEP_IN_TOUCH_READ if full else 0)
        request._coffeechat_due = cached = (full, summary)
    return cached[1]

"""The Today page's and the navigation's view of the due items: bounded work at any size of network.

The kinds of item that pile up (held conversations' thank-you and reflection, referrals and people met at
events not written to, tasks, keep-in-touch) are counted in SQL (counts.py) in one statement; Today reads
a screenful of each (the soonest, and those still to come) for the rules to list, so each group shows its
first items and an honest count. The navigation reads none of them: it counts them, and reads only the
conversations still open (requests, meetings to come) for the rules to decide on.
"""

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.utils import timezone

from coffeechat.conversations.models import Conversation
from coffeechat.conversations.services import held_end
from coffeechat.followups.counts import COUNTED, due_counts
from coffeechat.followups.rules import DueItem, due_items, load_snapshot
from coffeechat.followups.snapshot import Reading, meetings_until

GROUPS = ("Overdue", "Today", "This week", "Later")
SCREENFUL = 10  # items a group shows on Today (about one screen on a laptop); "Show all" pages through the rest


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
    unread: dict[str, int] = field(default_factory=dict)   # items counted in SQL but not read, per group

    def count(self, name: str) -> int:
        return len(self.grouped.get(name, [])) + self.unread.get(name, 0)


def due_summary(user, now: datetime, *, screenful: int | None = None, group: str | None = None) -> DueSummary:
    """The items the rules list from a bounded read (the first `screenful` of each group, or of `group` only),
    and how many of each group were left unread."""
    bounds = group_bounds(now, user.week_start)
    # Overdue is due before now (not at it): the counts take "by" as "at or before".
    limits = [bounds["Overdue"] - timedelta(microseconds=1), bounds["Today"], bounds["This week"]]
    counts = due_counts(user, now, limits, screenful=screenful or SCREENFUL, group=None if group is None else GROUPS.index(group),
                        meetings_until=meetings_until(now))
    reading = Reading(now=now, read=counts.read, introducers=counts.introducers > 0, meetings=counts.meetings > 0)
    snapshot = load_snapshot(user, reading=reading)
    counted = _counted_conversations(user, now, snapshot)
    grouped = {name: [] for name in GROUPS}
    read = {kind: dict.fromkeys(GROUPS, 0) for kind in COUNTED}
    for item in due_items(snapshot, now):
        group = group_of(item.due, item.overdue, bounds)
        grouped[group].append(item)
        if item.conversation is not None and item.conversation not in counted.get(item.kind, ()):
            continue  # of a conversation read as open: not counted in SQL
        if item.kind in read:
            read[item.kind][group] += 1
    unread = dict.fromkeys(GROUPS, 0)
    for kind in COUNTED:
        cumulative = [*counts.by[kind], counts.total[kind]]
        for n, name in enumerate(GROUPS):
            in_group = cumulative[n] - (cumulative[n - 1] if n else 0)
            unread[name] += max(0, in_group - read[kind][name])
    return DueSummary(now=now, grouped=grouped, unread=unread)


def _counted_conversations(user, now: datetime, snapshot) -> dict[str, set[int]]:
    """The conversations read whose items of each kind counts.py counts too: every held one and every request."""
    held = {c.pk for c in snapshot.conversations if held_end(c, now) is not None}
    asked = {c.pk for c in snapshot.conversations if c.state == Conversation.State.REQUESTED}
    return {"thank_you": held, "reflect": held, "second_contact": asked, "follow_up": asked}


def first_due(user, now: datetime, limit: int) -> list[DueItem]:
    """The first `limit` items due, soonest first, as the rules list them from everything: the first `limit` of
    each group are read (`due_summary`) and the first `limit` of them all kept, so the cost follows `limit`,
    not the size of the network."""
    summary = due_summary(user, now, screenful=limit)
    return sorted((item for group in summary.grouped.values() for item in group), key=lambda i: (i.due, i.kind, i.key))[:limit]


def today_groups(summary: DueSummary) -> list[Group]:
    return [Group(name, summary.grouped[name][:SCREENFUL], summary.count(name)) for name in GROUPS if summary.count(name)]


def due_now(summary: DueSummary) -> int:
    return summary.count("Overdue") + summary.count("Today")


def navigation_count(user, now: datetime) -> int:
    """Overdue or due today, as Today counts them: the kinds that pile up counted in SQL, the conversations
    still open (and any introducer's thank-you) read for the rules."""
    end_of_today = group_bounds(now, user.week_start)["Today"]
    counts = due_counts(user, now, [end_of_today], meetings_until=meetings_until(now, end_of_today))
    snapshot = load_snapshot(user, reading=Reading(now=now, by=end_of_today, introducers=counts.introducers > 0,
                                                   meetings=counts.meetings > 0))
    return counts.due_by(0) + sum(1 for item in due_items(snapshot, now) if item.due <= end_of_today)


def summary_for_request(request, *, refresh: bool = False) -> DueSummary:
    """The Today page's summary, read once a request; the navigation's count on that page comes from it."""
    summary = getattr(request, "_coffeechat_due", None)
    if refresh or summary is None:
        summary = request._coffeechat_due = due_summary(request.user, timezone.now())
    return summary


# The subject a due item's key names: "thank_you:12" a conversation, "keep_in_touch:7:…" a person.
CONVERSATION_KINDS = {"thank_you", "reflect", "second_contact", "follow_up", "prepare"}
PERSON_KINDS = {"contact_referral", "keep_in_touch", "event_follow_up", "thank_introducer"}


def due_item(user, key: str, now: datetime) -> DueItem | None:
    """The item the rules list under this key for the user now (or None), reading only its conversation, person
    or task: marking one item done or snoozed costs the same at any size of network."""
    kind, _, rest = key.partition(":")
    pk = rest.split(":")[0]
    if not pk.isdigit():
        return None
    subject = ({"conversation_id": int(pk)} if kind in CONVERSATION_KINDS else {"person_id": int(pk)} if kind in PERSON_KINDS
               else {"task_id": int(pk)} if kind == "task" else None)
    if subject is None:
        return None
    return next((i for i in due_items(load_snapshot(user, **subject), now) if i.key == key), None)

"""What is due: pure functions of a snapshot of the user's data and "now".

`load_snapshot` (snapshot.py) reads the candidates in a fixed number of indexed queries; `due_items`
decides, with no database access, so every rule can be tested by moving the clock.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from coffeechat.conversations.models import Conversation
from coffeechat.conversations.routine import request_nudge
from coffeechat.conversations.services import held_end
from coffeechat.followups.counts import event_follow_up_at
from coffeechat.followups.snapshot import Snapshot, load_snapshot
from coffeechat.links import url_with_id
from coffeechat.meetings.preparation import checklist_for

__all__ = ["DueItem", "Snapshot", "due_items", "last_interaction", "load_snapshot"]

REFERRAL_DAYS = 7
REFLECT_DAYS = 3
THANK_INTRODUCER_DAYS = 2
PREPARE_HOURS = 48
TITLES = {
    "thank_you": "Send a thank-you to {name}",
    "second_contact": "No answer from {name}: ask someone else{where}",
    "follow_up": "One polite follow-up to {name}",
    "prepare": "Prepare for your conversation with {name}",
    "contact_referral": "Contact {name}, whom {referrer} suggested",
    "reflect": "Reflect on your conversation with {name}",
    "keep_in_touch": "Keep in touch with {name}",
    "event_follow_up": "Follow up with {name}, whom you met at {event}",
    "thank_introducer": "Thank {name} for the introductions",
}


@dataclass(frozen=True)
class DueItem:
    kind: str
    key: str
    title: str
    person: str
    person_id: int | None
    conversation: int | None
    due: datetime
    overdue: bool
    action: str

    def as_json(self) -> dict:
        return {"kind": self.kind, "person": self.person, "conversation": self.conversation,
                "due": self.due.isoformat(), "overdue": self.overdue, "action": self.action}


def last_interaction(snapshot: Snapshot, person_id: int, now: datetime) -> datetime | None:
    moments = [t for t in snapshot.interactions.get(person_id, []) if t <= now]
    moments += [end for c in snapshot.talks.get(person_id, []) if (end := held_end(c, now))]
    return max(moments) if moments else None


def _candidates(snapshot: Snapshot, now: datetime):
    user = snapshot.user
    for c in snapshot.conversations:
        person = c.person
        end = held_end(c, now)
        if end is not None:
            thanked = any(cid == c.pk and sent >= end - timedelta(hours=1) for cid, sent in snapshot.thanked)
            if not thanked:
                yield "thank_you", f"thank_you:{c.pk}", person, c, end + timedelta(hours=user.thank_you_hours), url_with_id("followups:conversation", c.pk)
            if c.reflected_at is None:
                yield "reflect", f"reflect:{c.pk}", person, c, end + timedelta(days=REFLECT_DAYS), url_with_id("followups:conversation", c.pk) + "#reflection"
        if c.state == Conversation.State.REQUESTED:
            nudge = request_item(user, c.requested_at, c.follow_up_sent_at, now)
            if nudge:
                action = url_with_id("outreach:compose-follow-up", person.pk) if nudge.kind == "follow_up" else url_with_id("meetings:conversation", c.pk)
                yield nudge.kind, f"{nudge.kind}:{c.pk}", person, c, nudge.due, action
        if c.state == Conversation.State.SCHEDULED and c.scheduled_start and now < c.scheduled_start <= now + timedelta(hours=PREPARE_HOURS):
            keys = {item.key for item in checklist_for(c.medium)}
            unprepared = (not snapshot.plan_counts.get(c.pk) or not keys <= {k for k, v in (c.checklist or {}).items() if v}
                          or c.invitation_sent_at is None)
            if unprepared:
                yield "prepare", f"prepare:{c.pk}:{c.scheduled_start:%Y%m%d%H%M}", person, c, c.scheduled_start, url_with_id("meetings:conversation", c.pk)
    yield from _thank_introducers(snapshot)
    # A conversation past the draft means the referral has been contacted (or answered, or met).
    in_conversation = {c.person_id for c in snapshot.conversations if c.state != Conversation.State.DRAFT}
    for person in snapshot.people.values():
        if (person.referred_by_id and person.source in ("referral", "introduction") and person.pk not in snapshot.contacted
                and person.pk not in in_conversation):
            yield "contact_referral", f"contact_referral:{person.pk}", person, None, person.created_at + timedelta(days=REFERRAL_DAYS), url_with_id("outreach:compose", person.pk)
        if person.event_id and person.pk not in snapshot.contacted:
            yield "event_follow_up", f"event_follow_up:{person.pk}", person, None, event_follow_up_due(person.event, user.time_zone), url_with_id("outreach:compose", person.pk)
        due = keep_in_touch_due(snapshot, person, now)
        if due is not None:
            last, cadence = due
            yield "keep_in_touch", f"keep_in_touch:{person.pk}:{last:%Y%m%d%H%M}", person, None, last + timedelta(days=cadence), url_with_id("followups:touch", person.pk)


def request_item(user, requested_at: datetime | None, follow_up_sent_at: datetime | None, now: datetime):
    """What an unanswered request lists at `now`: a second contact or a follow-up (a Nudge), or None."""
    nudge = request_nudge(
        requested_at=requested_at, answered=False, follow_up_sent_at=follow_up_sent_at,
        second_contact_days=user.second_contact_business_days, follow_up_days=user.follow_up_business_days,
        now=now, time_zone=user.time_zone,
    )
    return nudge if nudge and nudge.kind in ("second_contact", "follow_up") else None


def keep_in_touch_due(snapshot: Snapshot, person, now: datetime) -> tuple[datetime, int] | None:
    """(the moment the keep-in-touch clock counts from, the cadence in days), or None when it does not apply.

    A cadence set on the person is honoured whoever they are, counted from the last interaction or, with none
    yet, from when they were added; the user's default applies only to people actually talked with.
    """
    user = snapshot.user
    if person.keep_in_touch_days is not None:
        cadence = person.keep_in_touch_days
        if not cadence:
            return None
        return (last_interaction(snapshot, person.pk, now) or person.created_at), cadence
    cadence = user.keep_in_touch_days
    talked = any(held_end(c, now) for c in snapshot.talks.get(person.pk, []))
    last = last_interaction(snapshot, person.pk, now) if cadence and talked else None
    return (last, cadence) if last is not None else None


def _thank_introducers(snapshot: Snapshot):
    """Someone who gave you names is thanked within two days of the last names recorded."""
    for introducer, since in snapshot.introducers.values():
        thanked = snapshot.thanked_people.get(introducer.pk)
        if thanked is None or thanked < since - timedelta(days=1):
            action = url_with_id("outreach:compose-thanks", introducer.pk) + "?template=thank_introducer"
            yield ("thank_introducer", f"thank_introducer:{introducer.pk}:{since:%Y%m%d%H%M}", introducer,
                   None, since + timedelta(days=THANK_INTRODUCER_DAYS), action)


def event_follow_up_due(event, time_zone: str) -> datetime:
    """The end of the working day, FOLLOW_UP_DAYS after the event, in the user's zone."""
    return event_follow_up_at(event.date, time_zone)


def due_items(snapshot: Snapshot, now: datetime) -> list[DueItem]:
    """Everything due, soonest first; done items left out, snoozed ones moved to their new time."""
    items = []
    for kind, key, person, conversation, due, action in _candidates(snapshot, now):
        mark = snapshot.marks.get(key)
        if mark is not None and mark.done_at is not None:
            continue
        if mark is not None and mark.snoozed_until is not None and mark.snoozed_until > due:
            due = mark.snoozed_until
        referrer = person.referred_by.display_name if kind == "contact_referral" and person.referred_by_id else ""
        where = f" at {person.organization.name}" if person.organization_id else ""
        event = person.event.name if kind == "event_follow_up" else ""
        title = TITLES[kind].format(name=person.display_name, referrer=referrer, where=where, event=event)
        items.append(DueItem(kind, key, title, person.display_name, person.pk, conversation.pk if conversation else None,
                             due, due < now, action))
    for task in snapshot.tasks:
        key = f"task:{task.pk}"
        mark = snapshot.marks.get(key)
        if mark is not None and mark.done_at is not None:
            continue
        due = max(task.due_at, mark.snoozed_until) if mark is not None and mark.snoozed_until else task.due_at
        items.append(DueItem("task", key, task.title, task.person.display_name if task.person_id else "",
                             task.person_id, task.conversation_id, due, due < now, url_with_id("followups:today") + f"#task-{task.pk}"))
    return sorted(items, key=lambda i: (i.due, i.kind, i.key))

"""What the due rules read: only the rows that may be due, found by indexed queries.

The rules (rules.py) are pure and decide exactly; this module narrows what they are given, so the work
follows what is due, not the size of the network. Every filter here is a superset of what a rule can
list (the tests in tests/followups/test_rules.py hold the rules to it). Today and the navigation read
less still (Reading): counts.py counts what piles up and picks the rows of a screenful, read here by id.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import NamedTuple

from django.db.models import CharField, Exists, F, Max, OuterRef, Q, Subquery, Value
from django.db.models.functions import Cast, Coalesce, Concat

from coffeechat.conversations.models import Conversation
from coffeechat.followups import reads
from coffeechat.followups.models import DueMark, Task, Touch
from coffeechat.outreach.models import Message, MessageKind
from coffeechat.people.models import Person, Source
from coffeechat.people.services import keep_in_touch_due_q
from coffeechat.questions.models import PlanItem

# What the rules read of a conversation, its person and their organisation: the rest stays in the database.
PERSON_FIELDS = ["owner_id", "first_name", "middle_name", "last_name", "emails", "organization_id", "created_at", "source",
    "referred_by_id", "event_id", "keep_in_touch_days", "last_interaction_at", "next_keep_in_touch_at", "organization__name"]
TASK_FIELDS = ["owner_id", "title", "due_at", "person_id", "conversation_id",
    "person__first_name", "person__middle_name", "person__last_name", "person__emails"]
CONVERSATION_FIELDS = ["owner_id", "person_id", "state", "minutes", "medium", "requested_at", "follow_up_sent_at",
    "scheduled_start", "invitation_sent_at", "checklist", "ended_at", "reflected_at",
    "person__first_name", "person__middle_name", "person__last_name", "person__emails", "person__organization_id",
    "person__organization__name"]

# Keys of the marks the snapshot reads one by one; past this many (a full read), it reads all the user's marks.
MARK_KEYS_IN_ONE_QUERY = 2000


@dataclass
class Snapshot:
    user: object
    conversations: list                                   # conversations some rule may act on
    people: dict                                          # person id -> people a person rule may act on
    interactions: dict = field(default_factory=dict)      # person id -> [datetime]
    talks: dict = field(default_factory=dict)             # person id -> [held or scheduled conversations]
    contacted: set = field(default_factory=set)           # person ids with a sent message
    thanked: set = field(default_factory=set)             # (conversation id, latest thank-you sent)
    plan_counts: dict = field(default_factory=dict)
    tasks: list = field(default_factory=list)
    marks: dict = field(default_factory=dict)
    introducers: dict = field(default_factory=dict)       # person id -> (person, when their last names were recorded)
    thanked_people: dict = field(default_factory=dict)    # introducer id -> their latest thank-you


def _thank_you_sent(**filters):
    return Message.objects.filter(conversation=OuterRef("pk"), kind=MessageKind.THANK_YOU, sent_at__isnull=False, **filters)


def _task_done():
    key = Concat(Value("task:"), Cast(OuterRef("pk"), CharField()))
    return DueMark.objects.filter(owner=OuterRef("owner"), key=key, done_at__isnull=False)


@dataclass(frozen=True)
class Reading:
    """A bounded read, for Today and the navigation, of what may be due at `now`.

    The kinds counts.py counts (held conversations' thank-you and reflection, unanswered requests, referrals
    and people met at events not written to, tasks, keep-in-touch) are read only by the ids it picked for a
    screenful (`read`, by kind), or not at all (None); meetings to come are read for their preparation. `by`:
    only what may be due by then (the navigation).
    """

    now: datetime
    read: dict | None = None
    by: datetime | None = None
    introducers: bool = True  # False when nobody gave names by introduction (counts.py knows)
    meetings: bool = True     # False when no meeting is to come within the preparation window (counts.py knows)


def load_snapshot(user, *, reading: Reading | None = None, person_id: int | None = None,
                  conversation_id: int | None = None, task_id: int | None = None) -> Snapshot:
    """The candidates for every rule, in a fixed number of queries whatever the size of the data.

    reading: a bounded read (see Reading) for Today and the navigation; without it, everything.
    person_id / conversation_id / task_id: only what concerns that one person, conversation or task.
    Only the queries a read needs are built (building one costs more than running it on a small network).
    """
    only_one = person_id is not None or conversation_id is not None or task_id is not None
    if reading is not None and not only_one:
        return _bounded_snapshot(user, reading)
    people = Person.objects.for_user(user)
    referrals = met_at_events = kit = introduced = tasks = None  # None: not read
    if only_one:
        conversations = _pending_conversations(user)
        conversations = conversations.filter(pk=conversation_id) if conversation_id else conversations.filter(person_id=person_id)
        if person_id:
            referrals = _uncontacted_referrals(user).filter(pk=person_id)
            met_at_events = _uncontacted(people.filter(pk=person_id, event__isnull=False))
            kit = _keep_in_touch_candidates(user).filter(pk=person_id)
            introduced = _introduced(user).filter(referred_by_id=person_id)
        if task_id:
            tasks = _open_tasks(user).filter(pk=task_id)
    else:
        conversations = _pending_conversations(user)
        referrals, met_at_events = _uncontacted_referrals(user), _uncontacted(people.filter(event__isnull=False))
        kit, introduced, tasks = _keep_in_touch_candidates(user), _introduced(user), _open_tasks(user)

    conversations = conversations.select_related("person", "person__organization").only(*CONVERSATION_FIELDS).annotate(
        plan_count=Exists(PlanItem.objects.for_user(user).filter(conversation=OuterRef("pk"))),
        last_thank_you=Subquery(_thank_you_sent().order_by().values("conversation").annotate(m=Max("sent_at")).values("m")))
    conversations = list(conversations.order_by())
    # Conversations reach their person through c.person; `people` is for the person rules: referrals
    # nobody has contacted yet, people met at events, and the people whose keep-in-touch time may have come.
    people = {}
    referrer = [f"referred_by__{name}" for name in ("first_name", "middle_name", "last_name", "emails")]
    if referrals is not None:
        people.update({p.pk: p for p in referrals.select_related("referred_by", "organization").only(*PERSON_FIELDS, *referrer)})
    if met_at_events is not None:
        fields = [*PERSON_FIELDS, "event__name", "event__date"]
        people.update({p.pk: p for p in met_at_events.select_related("event", "organization").only(*fields)})
    kit_people = [] if kit is None else list(kit.select_related("organization").only(*PERSON_FIELDS))
    people.update({p.pk: p for p in kit_people})

    # Whose interactions are read: everyone a keep-in-touch item may be listed for.
    kit_ids = [p.pk for p in kit_people] or ([person_id] if person_id else [])
    interactions, talks, contacted = defaultdict(list), defaultdict(list), set()
    if kit_ids:
        sent = Message.objects.filter(person_id__in=kit_ids, sent_at__isnull=False).values_list("person_id", "kind", "sent_at")
        touches = Touch.objects.filter(person_id__in=kit_ids).values_list("person_id", Value("", output_field=CharField()), "happened_at")
        for pid, kind, moment in sent.order_by().union(touches.order_by(), all=True):
            interactions[pid].append(moment)
            if kind and kind != MessageKind.REPLY:
                contacted.add(pid)
        State = Conversation.State
        for c in Conversation.objects.filter(person_id__in=kit_ids, state__in=[State.HELD, State.SCHEDULED]).only(
                "person_id", "state", "ended_at", "scheduled_start", "minutes"):
            talks[c.person_id].append(c)
    snapshot = Snapshot(
        user=user, conversations=conversations, people=people, interactions=dict(interactions), talks=dict(talks),
        contacted=contacted,
        thanked={(c.pk, c.last_thank_you) for c in conversations if getattr(c, "last_thank_you", None)},
        plan_counts={c.pk: c.plan_count for c in conversations}, tasks=[] if tasks is None else list(tasks.select_related("person").only(*TASK_FIELDS)),
    )
    if introduced is not None:
        snapshot.introducers, snapshot.thanked_people = _introducers(user, introduced)
    snapshot.marks = _marks(user, snapshot)
    return snapshot


def _bounded_snapshot(user, reading: Reading) -> Snapshot:
    """Today's and the navigation's read, in plain SQL (reads.py): meetings to come whole (for their preparation),
    what counts.py counts only by the ids it picked for a screenful (already open by its SQL)."""
    read = reading.read or {}
    picked = lambda kinds: sorted(set().union(*(read.get(kind, ()) for kind in kinds)))  # noqa: E731
    meetings = (reading.now, meetings_until(reading.now, reading.by)) if reading.meetings else None
    conversations = reads.conversations(user, picked(reads.CONVERSATION_KINDS), meetings, thanks=reading.read is not None)
    # The people of all three kinds in one read, each with what they did: a referral with a cadence of
    # their own is read as a referral, and may be listed to keep in touch with too.
    people = reads.people(user, picked(reads.PERSON_KINDS))
    interactions, talks, contacted = reads.interactions(list(people))
    snapshot = Snapshot(
        user=user, conversations=conversations, people=people, interactions=interactions, talks=talks, contacted=contacted,
        thanked={(c.pk, c.last_thank_you) for c in conversations if getattr(c, "last_thank_you", None)},
        plan_counts={c.pk: c.plan_count for c in conversations}, tasks=reads.tasks(user, picked(["task"])),
    )
    if reading.introducers:
        snapshot.introducers, snapshot.thanked_people = _introducers(user, _introduced(user))
    keys = sorted(_possible_keys(snapshot))
    snapshot.marks = {key: Mark(done, snoozed) for key, done, snoozed in
                      reads.marks(user, keys if len(keys) <= MARK_KEYS_IN_ONE_QUERY else None)}
    return snapshot


def _pending_conversations(user):
    """Conversations some rule may act on: requested, scheduled, held and not both thanked and reflected on."""
    State = Conversation.State
    # Thanked: a thank-you sent from an hour before the end (the rule's test); a held conversation
    # without an end time of its own is taken to end within a day of its start, which keeps this a superset.
    thanked = Exists(_thank_you_sent(sent_at__gte=Coalesce(OuterRef("ended_at") - timedelta(hours=1),
                                                            OuterRef("scheduled_start") + timedelta(hours=23))))
    pending = (Q(state=State.REQUESTED) | Q(state=State.SCHEDULED, scheduled_start__gt=F("reflected_at"))
               | Q(state__in=[State.HELD, State.SCHEDULED]) & (Q(reflected_at__isnull=True) | ~thanked))
    return Conversation.objects.for_user(user).filter(pending)


def _keep_in_touch_candidates(user):
    # A cadence set on someone never contacted counts from when they were added: no stored clock yet.
    return Person.objects.for_user(user).filter(keep_in_touch_due_q(user.keep_in_touch_days, None)
                                                | Q(keep_in_touch_days__gt=0, last_interaction_at__isnull=True))


def _introduced(user):
    return Person.objects.for_user(user).filter(source=Source.INTRODUCTION, referred_by__isnull=False)


def _open_tasks(user):
    return Task.objects.for_user(user).exclude(Exists(_task_done()))


def meetings_until(now: datetime, by: datetime | None = None) -> datetime:
    """The last start of a meeting to come that a rule may act on now (the preparation window), by `by`."""
    from coffeechat.followups.rules import PREPARE_HOURS

    last = now + timedelta(hours=PREPARE_HOURS)
    return last if by is None else min(last, by)


def _introducers(user, introduced) -> tuple[dict, dict]:
    """Who gave names (with when the last were recorded), and when each was last thanked."""
    since = dict(introduced.order_by().values("referred_by").annotate(m=Max("created_at")).values_list("referred_by", "m"))
    people = Person.objects.for_user(user).filter(pk__in=since).select_related("organization")
    thanked = Message.objects.filter(person_id__in=since, kind=MessageKind.THANK_YOU, sent_at__isnull=False).order_by()
    return ({p.pk: (p, since[p.pk]) for p in people},
            dict(thanked.values("person").annotate(m=Max("sent_at")).values_list("person", "m")))


def _uncontacted(people):
    return people.exclude(Exists(Message.objects.filter(person=OuterRef("pk"), sent_at__isnull=False).exclude(kind=MessageKind.REPLY)))


def _uncontacted_referrals(user):
    """Suggested or introduced people not written to, and with no conversation past its draft."""
    referrals = Person.objects.for_user(user).filter(source__in=[Source.REFERRAL, Source.INTRODUCTION], referred_by__isnull=False)
    under_way = Conversation.objects.filter(person=OuterRef("pk")).exclude(state=Conversation.State.DRAFT)
    return _uncontacted(referrals).exclude(Exists(under_way))


def _possible_keys(snapshot: Snapshot) -> set[str]:
    keys = set()
    for c in snapshot.conversations:
        keys |= {f"{kind}:{c.pk}" for kind in ("thank_you", "reflect", "second_contact", "follow_up")}
        if c.scheduled_start:
            keys.add(f"prepare:{c.pk}:{c.scheduled_start:%Y%m%d%H%M}")
    for pid, person in snapshot.people.items():
        keys |= {f"contact_referral:{pid}", f"event_follow_up:{pid}"}
        moments = [person.created_at, *snapshot.interactions.get(pid, []),
                   *(t for c in snapshot.talks.get(pid, []) for t in (c.ended, c.scheduled_end) if t)]
        keys |= {f"keep_in_touch:{pid}:{t:%Y%m%d%H%M}" for t in moments}
    keys |= {f"thank_introducer:{pk}:{since:%Y%m%d%H%M}" for pk, (_, since) in snapshot.introducers.items()}
    keys |= {f"task:{t.pk}" for t in snapshot.tasks}
    return keys


class Mark(NamedTuple):
    done_at: datetime | None
    snoozed_until: datetime | None


def _marks(user, snapshot: Snapshot) -> dict:
    """The done and snooze marks of the items this snapshot can list, as plain values (no model rows)."""
    keys = _possible_keys(snapshot)
    if not keys:
        return {}
    marks = DueMark.objects.for_user(user)
    if len(keys) <= MARK_KEYS_IN_ONE_QUERY:
        marks = marks.filter(key__in=keys)
    return {key: Mark(done, snoozed) for key, done, snoozed in marks.values_list("key", "done_at", "snoozed_until")}

"""What the due rules read: only the rows that may be due, found by indexed queries.

The rules (rules.py) are pure and decide exactly; this module narrows what they are given, so the work
follows what is due, not the size of the network. Every filter here is a superset of what a rule can
list (the tests in tests/followups/test_rules.py hold the rules to it).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import NamedTuple
from zoneinfo import ZoneInfo

from django.db.models import CharField, Count, Exists, F, Max, OuterRef, Q, Subquery, Value
from django.db.models.functions import Cast, Coalesce, Concat
from django.utils import timezone

from coffeechat.conversations.models import Conversation
from coffeechat.followups.models import DueMark, Task, Touch
from coffeechat.outreach.models import Message, MessageKind
from coffeechat.people.models import Person, Source
from coffeechat.people.services import keep_in_touch_due_at, keep_in_touch_due_q
from coffeechat.questions.models import PlanItem

# What the rules never read: left in the database.
LONG_TEXT = ["notes", "observations", "learned", "fit", "strengths_gaps", "next_steps",
    "person__research", "person__search_text", "person__commonalities", "person__links", "person__phones",
    "person__organization__notes", "person__organization__search_text"]

# Keys of the marks the snapshot reads one by one; past this many, it reads all the user's marks.
MARK_KEYS_IN_ONE_QUERY = 400


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
    keep_in_touch_read: list = field(default_factory=list)  # the people read for keep-in-touch
    introducers: dict = field(default_factory=dict)       # person id -> (person, when their last names were recorded)
    thanked_people: dict = field(default_factory=dict)    # introducer id -> their latest thank-you


def _thank_you_sent(**filters):
    return Message.objects.filter(conversation=OuterRef("pk"), kind=MessageKind.THANK_YOU, sent_at__isnull=False, **filters)


def _task_done():
    key = Concat(Value("task:"), Cast(OuterRef("pk"), CharField()))
    return DueMark.objects.filter(owner=OuterRef("owner"), key=key, done_at__isnull=False)


def load_snapshot(user, *, keep_in_touch_limit: int | None = None, person_id: int | None = None,
                  conversation_id: int | None = None, task_id: int | None = None, skip_ended: bool = False, skip_referrals: bool = False) -> Snapshot:
    """The candidates for every rule, in a fixed number of queries whatever the size of the data.

    keep_in_touch_limit: read only the people soonest due to keep in touch (by the stored clock).
    person_id / conversation_id / task_id: only what concerns that one person, conversation or task.
    skip_ended: leave out held conversations with an end time (ended_due_counts counts their items instead).
    skip_referrals: leave out referrals not contacted yet (referral_due_count counts them instead).
    """
    only_one = person_id is not None or conversation_id is not None or task_id is not None
    State = Conversation.State
    # Thanked: a thank-you sent from an hour before the end (the rule's test); a held conversation
    # without an end time of its own is taken to end within a day of its start, which keeps this a superset.
    thanked = Exists(_thank_you_sent(sent_at__gte=Coalesce(OuterRef("ended_at") - timedelta(hours=1),
                                                            OuterRef("scheduled_start") + timedelta(hours=23))))
    pending = (Q(state=State.REQUESTED) | Q(state=State.SCHEDULED, scheduled_start__gt=F("reflected_at"))
               | Q(state__in=[State.HELD, State.SCHEDULED]) & (Q(reflected_at__isnull=True) | ~thanked))
    conversations = Conversation.objects.for_user(user).filter(pending)
    if skip_ended:
        conversations = conversations.exclude(state=State.HELD, ended_at__isnull=False)
    referrals = _uncontacted_referrals(user)
    met_at_events = _uncontacted(Person.objects.for_user(user).filter(event__isnull=False))
    if skip_referrals:  # the navigation counts these in SQL (referral_due_count, event_due_count)
        referrals, met_at_events = referrals.none(), met_at_events.none()
    # A cadence set on someone never contacted counts from when they were added: no stored clock yet.
    kit = Person.objects.for_user(user).filter(keep_in_touch_due_q(user.keep_in_touch_days, None)
                                               | Q(keep_in_touch_days__gt=0, last_interaction_at__isnull=True))
    introduced = Person.objects.for_user(user).filter(source=Source.INTRODUCTION, referred_by__isnull=False)
    tasks = Task.objects.for_user(user).exclude(Exists(_task_done()))
    if only_one:
        conversations = conversations.filter(pk=conversation_id) if conversation_id else conversations.filter(person_id=person_id)
        referrals = referrals.filter(pk=person_id) if person_id else referrals.none()
        kit = kit.filter(pk=person_id) if person_id else kit.none()
        met_at_events = met_at_events.filter(pk=person_id) if person_id else met_at_events.none()
        introduced = introduced.filter(referred_by_id=person_id) if person_id else introduced.none()
        tasks = tasks.filter(pk=task_id) if task_id else tasks.none()

    conversations = list(
        conversations.select_related("person", "person__organization").defer(*LONG_TEXT).annotate(
            plan_count=Exists(PlanItem.objects.filter(conversation=OuterRef("pk"))),
            last_thank_you=Subquery(_thank_you_sent().order_by().values("conversation").annotate(m=Max("sent_at")).values("m")),
        ).order_by()
    )
    # Conversations reach their person through c.person; `people` is for the person rules: referrals
    # nobody has contacted yet, and the people whose keep-in-touch time may have come.
    people = {p.pk: p for p in referrals.select_related("referred_by", "organization")}
    people.update({p.pk: p for p in met_at_events.select_related("event", "organization")})
    kit_people = _keep_in_touch_people(user, kit, keep_in_touch_limit)
    people.update({p.pk: p for p in kit_people})

    kit_ids = [p.pk for p in kit_people] or ([person_id] if person_id else [])
    interactions, talks, contacted = defaultdict(list), defaultdict(list), set()
    if kit_ids:
        sent = Message.objects.filter(person_id__in=kit_ids, sent_at__isnull=False).values_list("person_id", "kind", "sent_at")
        touches = Touch.objects.filter(person_id__in=kit_ids).values_list("person_id", Value("", output_field=CharField()), "happened_at")
        for pid, kind, moment in sent.order_by().union(touches.order_by(), all=True):
            interactions[pid].append(moment)
            if kind and kind != MessageKind.REPLY:
                contacted.add(pid)
        for c in Conversation.objects.filter(person_id__in=kit_ids, state__in=[State.HELD, State.SCHEDULED]).only(
                "person_id", "state", "ended_at", "scheduled_start", "minutes"):
            talks[c.person_id].append(c)
    task_list = list(tasks.select_related("person"))
    snapshot = Snapshot(
        user=user, conversations=conversations, people=people, interactions=dict(interactions), talks=dict(talks),
        contacted=contacted, keep_in_touch_read=kit_people,
        thanked={(c.pk, c.last_thank_you) for c in conversations if c.last_thank_you},
        plan_counts={c.pk: c.plan_count for c in conversations}, tasks=task_list,
    )
    snapshot.introducers, snapshot.thanked_people = _introducers(user, introduced)
    snapshot.marks = _marks(user, snapshot)
    return snapshot


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


def referral_due_count(user, by: datetime) -> int:
    """Referrals not contacted, due (REFERRAL_DAYS after they were added) by `by`: rules.py's rule in one count."""
    from coffeechat.followups.rules import REFERRAL_DAYS

    return _uncontacted_referrals(user).filter(created_at__lte=by - timedelta(days=REFERRAL_DAYS)).filter(
        _not_marked("contact_referral", by)).count()


def event_due_count(user, by: datetime) -> int:
    """People met at an event, not written to, whose follow-up (FOLLOW_UP_DAYS after it) falls by `by`."""
    from coffeechat.events.models import FOLLOW_UP_DAYS

    last_event_day = timezone.localdate(by, ZoneInfo(user.time_zone or "UTC")) - timedelta(days=FOLLOW_UP_DAYS)
    return _uncontacted(Person.objects.for_user(user).filter(event__date__lte=last_event_day)).filter(
        _not_marked("event_follow_up", by)).count()


def _keep_in_touch_people(user, kit, limit):
    people = kit.select_related("organization")
    if limit is None:
        return list(people)
    if limit <= 0:
        return []
    # Soonest first by the stored clock: one ordered, limited query per index path, merged.
    default = people.filter(keep_in_touch_days__isnull=True).order_by("last_interaction_at")[:limit]
    own = people.filter(next_keep_in_touch_at__isnull=False).order_by("next_keep_in_touch_at")[:limit]
    merged = {p.pk: p for p in [*default, *own]}.values()
    return sorted(merged, key=lambda p: keep_in_touch_due_at(p, user.keep_in_touch_days))[:limit]


def _possible_keys(snapshot: Snapshot) -> set[str]:
    keys = set()
    for c in snapshot.conversations:
        keys |= {f"{kind}:{c.pk}" for kind in ("thank_you", "reflect", "second_contact", "follow_up")}
        if c.scheduled_start:
            keys.add(f"prepare:{c.pk}:{c.scheduled_start:%Y%m%d%H%M}")
    for pid in snapshot.people:
        keys.add(f"contact_referral:{pid}")
    for pid in snapshot.talks:
        moments = snapshot.interactions.get(pid, []) + [t for c in snapshot.talks[pid] for t in (c.ended, c.scheduled_end) if t]
        keys |= {f"keep_in_touch:{pid}:{t:%Y%m%d%H%M}" for t in moments}
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


def keep_in_touch_counts(user, bounds: dict[str, datetime]) -> dict[str, int]:
    """How many people the stored clock says are due before each bound: one query, no rows read out."""
    names = list(bounds)
    q = {f"c{n}": Count("pk", filter=keep_in_touch_due_q(user.keep_in_touch_days, bounds[name])) for n, name in enumerate(names)}
    if not q:
        return {}
    counts = Person.objects.for_user(user).filter(keep_in_touch_due_q(user.keep_in_touch_days, None)).aggregate(**q)
    return {name: counts[f"c{n}"] for n, name in enumerate(names)}


def _not_marked(kind: str, by: datetime):
    """No done mark, and no snooze past `by`, for this kind of item of the outer conversation."""
    key = Concat(Value(f"{kind}:"), Cast(OuterRef("pk"), CharField()))
    return ~Exists(DueMark.objects.filter(owner=OuterRef("owner"), key=key).filter(Q(done_at__isnull=False) | Q(snoozed_until__gt=by)))


def ended_due_counts(user, by: datetime) -> int:
    """How many thank-you and reflection items of held conversations with an end time are due by `by`.

    The same rules as rules.py (thank-you `thank_you_hours` after the end unless one was sent from an hour
    before it; reflection REFLECT_DAYS after unless reflected; done and snoozed marks), counted in SQL in
    one query, without reading a row: what load_snapshot(skip_ended=True) leaves out.
    """
    from coffeechat.followups.rules import REFLECT_DAYS

    held = Conversation.objects.for_user(user).filter(state=Conversation.State.HELD, ended_at__isnull=False)
    thanked = Exists(_thank_you_sent(sent_at__gte=OuterRef("ended_at") - timedelta(hours=1)))
    counts = held.aggregate(
        thank_you=Count("pk", filter=Q(ended_at__lte=by - timedelta(hours=user.thank_you_hours)) & ~thanked & _not_marked("thank_you", by)),
        reflect=Count("pk", filter=Q(ended_at__lte=by - timedelta(days=REFLECT_DAYS), reflected_at__isnull=True) & _not_marked("reflect", by)),
    )
    return (counts["thank_you"] or 0) + (counts["reflect"] or 0)

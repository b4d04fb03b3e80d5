"""Everything Insights and Targets read, in a fixed number of queries whatever the data size.

Each loader is one query for one user; the pictures are computed in Python from what they return.
Rows come as plain records (`PersonRow`, `ConversationRow`, …), not model instances: a heavy seeker's
thousands of conversations and notes made building models most of the page's time.
"""

from dataclasses import dataclass, field, fields
from datetime import datetime, timedelta

from django.db.models import (
    BooleanField,
    Case,
    CharField,
    DateTimeField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Coalesce
from django.utils import timezone

from coffeechat.conversations.models import Conversation
from coffeechat.insights.models import Goal, Lead
from coffeechat.links import url_with_id
from coffeechat.outreach.models import Channel, Message, MessageKind
from coffeechat.people.models import Organization, Person, name_to_show
from coffeechat.questions.models import PlanItem

ANSWERED_STATES = {"accepted", "declined", "scheduled", "held", "cancelled", "missed"}
# How far back moments are read: the longest period (365 days) and the activity chart (at most 53 weeks).
RECENT = timedelta(days=380)
STATE_LABELS = dict(Conversation.State.choices)
CHANNEL_LABELS = dict(Channel.choices)


def _records(queryset, kind: type) -> list:
    """The rows of `queryset` as `kind`, a dataclass whose fields are named after the columns read."""
    return [kind(*row) for row in queryset.values_list(*(f.name for f in fields(kind)))]


@dataclass(slots=True, eq=False)
class PersonRow:
    pk: int
    first_name: str
    middle_name: str
    last_name: str
    first_email: str | None
    organization_id: int | None
    referred_by_id: int | None
    referral_conversation_id: int | None
    source: str
    title: str

    @property
    def display_name(self) -> str:
        return name_to_show(self.first_name, self.middle_name, self.last_name, self.first_email or "")

    def get_absolute_url(self) -> str:
        return url_with_id("people:person", self.pk)


@dataclass(slots=True, eq=False)
class ConversationRow:
    """A conversation as the pictures need it. Its moments are read only when recent (`RECENT`): the
    periods and the activity chart look no further back, and reading thousands of old ones cost more
    than the rest of the row."""

    pk: int
    person_id: int
    goal_id: int | None
    state: str
    was_requested: bool
    was_answered: bool
    recent_activity: datetime | None   # when it was asked for (or planned, or noted)
    recent_request: datetime | None
    recent_held: datetime | None       # held conversations only: when it ended (or was planned, asked for)
    learned: str
    fit: str
    first_channel: str | None          # of the first request or follow-up sent
    thanked: bool                      # a thank-you was sent

    def get_state_display(self) -> str:
        return STATE_LABELS.get(self.state, self.state)

    def get_channel_display(self) -> str:
        return CHANNEL_LABELS.get(self.first_channel, self.first_channel or "")

    def get_absolute_url(self) -> str:
        return url_with_id("meetings:conversation", self.pk)


@dataclass(slots=True, eq=False)
class NoteRow:
    conversation_id: int
    category: str
    text: str
    note: str


@dataclass
class Account:
    """One user's data as Insights needs it; built by `load`."""

    user: object
    now: datetime | None = None                         # what "recent" was measured from
    goals: list = field(default_factory=list)
    targets: list = field(default_factory=list)         # target organisations
    people: dict = field(default_factory=dict)          # id -> PersonRow
    conversations: list = field(default_factory=list)
    notes: list = field(default_factory=list)           # plan items with a note
    leads: list = field(default_factory=list)           # what conversations led to

    def people_at(self, organization_id) -> list:
        return [p for p in self.people.values() if p.organization_id == organization_id]


def load_people(user, *, organizations=(), in_touch: bool = False) -> dict:
    """The people the pictures draw on, not the whole network (mostly names never contacted; reading
    them all was most of the page's time at 30,000 people): those at `organizations`, and with `in_touch`
    everyone I have a conversation with and everyone referred; then whoever referred any of them, two
    steps back (warm paths, the referral tree). One query, each of its terms read by an index.
    """
    mine = Person.objects.for_user(user)
    at = Q(organization_id__in=[o.pk for o in organizations])
    referred = mine.filter(referred_by__isnull=False)  # the partial index person_referred_created
    referrers = referred.values("referred_by_id")
    if in_touch:
        # Everyone referred is in, so their referrers are all the steps back there are.
        wanted = (at | Q(pk__in=Conversation.objects.for_user(user).values("person_id")) | Q(pk__in=referred.values("pk"))
                  | Q(pk__in=referrers))
    else:
        first = referrers.filter(at)
        wanted = at | Q(pk__in=first) | Q(pk__in=referrers.filter(pk__in=first))
    # The first address as text: decoding every person's list of addresses cost more than the rest of the row.
    people = mine.filter(wanted).order_by().annotate(first_email=KeyTextTransform("0", "emails"))
    return {p.pk: p for p in _records(people, PersonRow)}


def load_conversations(user, *, of=None, now: datetime | None = None) -> list:
    """All the user's conversations, or with `of` (person ids) theirs: then only who and how far (the
    moments, first channel and thank-you, which Targets never shows, are left empty)."""
    conversations = Conversation.objects.for_user(user).order_by("pk").annotate(
        was_requested=ExpressionWrapper(Q(requested_at__isnull=False), output_field=BooleanField()),
        was_answered=ExpressionWrapper(Q(answered_at__isnull=False), output_field=BooleanField()),
    )
    if of is not None:
        nothing = Value(None, output_field=DateTimeField())
        return _records(conversations.filter(person_id__in=list(of)).annotate(
            recent_activity=nothing, recent_request=nothing, recent_held=nothing,
            first_channel=Value(None, output_field=CharField()), thanked=Value(False)), ConversationRow)
    recent = (now or timezone.now()) - RECENT
    sent = Message.objects.filter(conversation=OuterRef("pk"), sent_at__isnull=False)

    def when_recent(moment: str, *conditions: Q) -> Case:
        return Case(When(*conditions, **{f"{moment}__gte": recent}, then=F(moment)), default=None, output_field=DateTimeField())

    conversations = conversations.alias(
        activity=Coalesce("requested_at", "scheduled_start", "created_at"),
        held=Coalesce("ended_at", "scheduled_start", "requested_at", "created_at"),
    ).annotate(
        recent_activity=when_recent("activity"), recent_request=when_recent("requested_at"),
        recent_held=when_recent("held", Q(state=Conversation.State.HELD)),
        # Per conversation, by the (conversation, kind, sent) index: cheaper than reading every message sent.
        first_channel=Subquery(sent.filter(kind__in=[MessageKind.REQUEST, MessageKind.FOLLOW_UP]).order_by("sent_at", "pk").values("channel")[:1]),
        thanked=Exists(sent.filter(kind=MessageKind.THANK_YOU)),
    )
    return _records(conversations, ConversationRow)


def load_targets(user) -> list:
    return list(Organization.objects.for_user(user).filter(is_target=True).only(
        "name", "is_target", "motivation", "postings", "industry", "website"))


def load(user, *, with_notes: bool = True, now: datetime | None = None) -> Account:
    now = now or timezone.now()
    targets = load_targets(user)
    return Account(
        user=user,
        now=now,
        goals=list(Goal.objects.for_user(user).order_by("title", "pk")),
        targets=targets,
        people=load_people(user, organizations=targets, in_touch=True),
        conversations=load_conversations(user, now=now),
        notes=_records(PlanItem.objects.for_user(user).exclude(note="").order_by("conversation_id", "position", "pk"), NoteRow)
        if with_notes else [],
        leads=list(Lead.objects.for_user(user).only(
            "kind", "resource_kind", "name", "url", "conversation_id", "saved_to_id", "target_id", "goal_id",
        ).order_by("pk")) if with_notes else [],
    )


def is_answered(conversation) -> bool:
    return conversation.was_answered or conversation.state in ANSWERED_STATES


def is_asked(conversation) -> bool:
    return conversation.was_requested or conversation.state != Conversation.State.DRAFT

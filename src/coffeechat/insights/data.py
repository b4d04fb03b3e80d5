"""Everything Insights and Targets read, in a fixed number of queries whatever the data size.

Each loader is one query for one user; the pictures are computed in Python from what they return.
"""

from dataclasses import dataclass, field

from coffeechat.conversations.models import Conversation
from coffeechat.insights.models import Goal, Lead
from coffeechat.outreach.models import Message, MessageKind
from coffeechat.people.models import NAME_FIELDS, Organization, Person
from coffeechat.questions.models import PlanItem

ANSWERED_STATES = {"accepted", "declined", "scheduled", "held", "cancelled", "missed"}


@dataclass
class Account:
    """One user's data as Insights needs it; built by `load`."""

    user: object
    goals: list = field(default_factory=list)
    organizations: list = field(default_factory=list)
    people: dict = field(default_factory=dict)          # id -> Person
    conversations: list = field(default_factory=list)
    messages: list = field(default_factory=list)        # sent requests and thank-yous
    notes: list = field(default_factory=list)           # plan items with a note
    leads: list = field(default_factory=list)           # what conversations led to

    def people_at(self, organization_id) -> list:
        return [p for p in self.people.values() if p.organization_id == organization_id]


def load_people(user) -> dict:
    people = Person.objects.for_user(user).only(
        *NAME_FIELDS, "organization_id", "referred_by_id", "referral_conversation_id", "source", "title",
    )
    return {p.pk: p for p in people}


def load_conversations(user) -> list:
    return list(Conversation.objects.for_user(user).only(
        "person_id", "goal_id", "state", "requested_at", "answered_at", "scheduled_start", "ended_at", "created_at",
        "learned", "fit", "strengths_gaps", "next_steps",
    ).order_by("pk"))


def load_organizations(user, *, targets_only: bool = False) -> list:
    organizations = Organization.objects.for_user(user).only("name", "is_target", "motivation", "postings", "industry", "website")
    return list(organizations.filter(is_target=True) if targets_only else organizations)


def load(user, *, with_notes: bool = True) -> Account:
    return Account(
        user=user,
        goals=list(Goal.objects.for_user(user).order_by("title", "pk")),
        organizations=load_organizations(user),
        people=load_people(user),
        conversations=load_conversations(user),
        messages=list(Message.objects.for_user(user).filter(
            kind__in=[MessageKind.REQUEST, MessageKind.FOLLOW_UP, MessageKind.THANK_YOU], sent_at__isnull=False,
        ).only("person_id", "conversation_id", "kind", "channel", "sent_at")),
        notes=list(PlanItem.objects.for_user(user).exclude(note="").only("conversation_id", "category", "text", "note").order_by("conversation_id", "position", "pk"))
        if with_notes else [],
        leads=list(Lead.objects.for_user(user).only(
            "kind", "resource_kind", "name", "url", "conversation_id", "saved_to_id", "target_id", "goal_id",
        ).order_by("pk")) if with_notes else [],
    )


def is_answered(conversation) -> bool:
    return conversation.answered_at is not None or conversation.state in ANSWERED_STATES


def is_asked(conversation) -> bool:
    return conversation.requested_at is not None or conversation.state not in ("draft",)

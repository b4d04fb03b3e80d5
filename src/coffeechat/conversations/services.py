"""How a conversation moves: the one place that opens, answers, schedules, holds and lets go.

Messages, meetings, plans and follow-ups build on these; none of them sets `state` itself.
"""

from datetime import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from coffeechat.conversations.models import Conversation
from coffeechat.conversations.routine import Nudge, request_nudge
from coffeechat.people.models import Person, Source
from coffeechat.people.services import advance_keep_in_touch, organization_named, split_name
from coffeechat.text import fold, storable

OPEN_STATES = (Conversation.State.DRAFT, Conversation.State.REQUESTED, Conversation.State.ACCEPTED)
ANSWERS = (Conversation.State.ACCEPTED, Conversation.State.DECLINED)


def open_conversation(user, person: Person) -> Conversation:
    """The conversation a new request belongs to: the person's open one, else a new draft."""
    existing = Conversation.objects.for_user(user).filter(person=person, state__in=OPEN_STATES).order_by("-pk").first()
    return existing or Conversation.objects.create(owner=user, person=person, minutes=user.meeting_minutes)


def others_asked_at_organization(user, person: Person) -> bool:
    if not person.organization_id:
        return False
    return Conversation.objects.for_user(user).filter(
        person__organization_id=person.organization_id, requested_at__isnull=False
    ).exclude(person=person).exists()


@transaction.atomic
def set_state(conversation: Conversation, state: str, when: datetime | None = None) -> Conversation:
    when = when or timezone.now()
    if state in ANSWERS and conversation.answered_at is None:
        conversation.answered_at = when
    if state == Conversation.State.REQUESTED and conversation.requested_at is None:
        conversation.requested_at = when
    conversation.state = state
    conversation.save()
    return conversation


def request_sent(conversation: Conversation, when: datetime) -> None:
    """The request went out: a draft becomes "requested" (later sends change nothing)."""
    if conversation.state == Conversation.State.DRAFT:
        conversation.state, conversation.requested_at = Conversation.State.REQUESTED, when
        conversation.save()


def follow_up_sent(conversation: Conversation, when: datetime) -> None:
    """The one polite follow-up to an unanswered request went out (the 3/7 routine counts from it)."""
    if conversation.state == Conversation.State.REQUESTED and conversation.follow_up_sent_at is None:
        conversation.follow_up_sent_at = when
        conversation.save()


def record_answer(conversation: Conversation, outcome: str, when: datetime) -> None:
    """They answered: "accepted" or "declined" moves the conversation; anything counts as contact."""
    if outcome in ANSWERS:
        set_state(conversation, outcome, when)
    record_contact(conversation.person, when)


def record_contact(person: Person, when: datetime) -> None:
    # Any interaction counts as contact: it keeps an import's undo from removing this person.
    Person.objects.filter(pk=person.pk).update(updated_at=max(when, timezone.now()))
    advance_keep_in_touch(person, when)


def nudge_for(conversation: Conversation, now: datetime | None = None) -> Nudge | None:
    user = conversation.owner
    person = conversation.person
    return request_nudge(
        requested_at=conversation.requested_at,
        answered=conversation.state != Conversation.State.REQUESTED,
        follow_up_sent_at=conversation.follow_up_sent_at,
        second_contact_days=user.second_contact_business_days,
        follow_up_days=user.follow_up_business_days,
        now=now or timezone.now(),
        time_zone=user.time_zone,
        organization=person.organization.name if person.organization_id else "",
    )


def held_end(conversation: Conversation, now: datetime) -> datetime | None:
    """When a conversation ended, if it counts as held at `now` (a past scheduled one does)."""
    if conversation.state == Conversation.State.HELD:
        return conversation.ended
    if conversation.state == Conversation.State.SCHEDULED and conversation.scheduled_end and conversation.scheduled_end <= now:
        return conversation.scheduled_end
    return None


LIVE_NOTE_FIELDS = ("notes", "observations")


def save_live_notes(conversation: Conversation, **values) -> Conversation:
    """What live mode autosaves (the free notes, the observations, may_contact_again), as the web and the
    API store it: only the fields given are written."""
    unknown = set(values) - {*LIVE_NOTE_FIELDS, "may_contact_again"}
    if unknown:
        raise ValueError(f"Not a live note: {', '.join(sorted(unknown))}")
    for name, value in values.items():
        setattr(conversation, name, storable(value) if isinstance(value, str) else value)
    conversation.save(update_fields=[*values, "updated_at"])
    return conversation


def start_call(conversation: Conversation) -> Conversation:
    if conversation.live_started_at is None:
        conversation.live_started_at = timezone.now()
        conversation.save(update_fields=["live_started_at", "updated_at"])
    return conversation


@transaction.atomic
def end_call(conversation: Conversation) -> Conversation:
    """The call is over: the conversation is held (a call never scheduled gets its start recorded)."""
    now = timezone.now()
    conversation.ended_at = now
    if conversation.scheduled_start is None:
        conversation.scheduled_start = conversation.live_started_at or now
    conversation.state = Conversation.State.HELD
    conversation.save()
    return conversation


@transaction.atomic
def add_referral(conversation: Conversation, *, name: str, organization: str, may_use_name: bool,
                 email: str = "", linkedin_url: str = "") -> Person:
    """Someone they suggested: a new person linked to who referred them and in which conversation.

    Callers check `matching_people` first and offer `link_referral` instead when this person is already known.
    """
    first, last = split_name(name)
    person = Person(
        owner=conversation.owner, first_name=first[:150], last_name=last[:150], source=Source.REFERRAL,
        referred_by=conversation.person, may_use_referrer_name=may_use_name, referral_conversation=conversation,
        organization=organization_named(conversation.owner, organization),
        emails=[email.strip()] if email.strip() else [], linkedin_url=linkedin_url.strip(),
    )
    person.save()
    return person


def goal_model():
    """The Goal model, reached through the conversation's foreign key (insights sits above this layer)."""
    return Conversation._meta.get_field("goal").related_model


def goals_to_offer(user, current_id: int | None = None):
    """The user's active goals, and the conversation's own goal even when paused or done."""
    goals = goal_model().objects.for_user(user)
    return goals.filter(Q(state="active") | Q(pk=current_id)) if current_id else goals.filter(state="active")


def goal_named(user, title: str):
    """The user's goal with this title (compared folded), created as an active goal when new."""
    title = " ".join(title.split())
    key = fold(title)
    Goal = goal_model()
    found = next((g for g in Goal.objects.for_user(user) if fold(g.title) == key), None)
    return found or Goal.objects.create(owner=user, title=title)


@transaction.atomic
def link_referral(conversation: Conversation, person: Person, *, may_use_name: bool) -> Person:
    """Someone already recorded was suggested in this conversation: link them, create nobody."""
    if person.pk == conversation.person_id:
        raise ValueError("A person cannot be their own referral.")
    person.referred_by, person.referral_conversation = conversation.person, conversation
    person.may_use_referrer_name = may_use_name
    person.save(update_fields=["referred_by", "referral_conversation", "may_use_referrer_name", "updated_at"])
    return person

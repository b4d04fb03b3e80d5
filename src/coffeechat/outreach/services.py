"""Multi-step outreach actions: every change to a request and its conversation happens here."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from coffeechat.meetings.models import Conversation
from coffeechat.outreach.models import Message, MessageKind
from coffeechat.outreach.routine import Nudge, request_nudge
from coffeechat.people.models import Person

OPEN_STATES = (Conversation.State.DRAFT, Conversation.State.REQUESTED, Conversation.State.ACCEPTED)


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
def mark_sent(message: Message, channel: str, when: datetime | None = None) -> Message:
    """Record that a message went out; a request advances its conversation to "requested"."""
    when = when or timezone.now()
    message.sent_at, message.channel = when, channel
    message.save(update_fields=["sent_at", "channel", "updated_at"])
    conversation = message.conversation
    if conversation is not None:
        if message.kind == MessageKind.REQUEST and conversation.state == Conversation.State.DRAFT:
            conversation.state, conversation.requested_at = Conversation.State.REQUESTED, when
        elif message.kind == MessageKind.FOLLOW_UP and conversation.state == Conversation.State.REQUESTED:
            conversation.follow_up_sent_at = conversation.follow_up_sent_at or when
        conversation.save()
    record_contact(message.person, when)
    return message


@transaction.atomic
def set_state(conversation: Conversation, state: str, when: datetime | None = None) -> Conversation:
    when = when or timezone.now()
    if state in (Conversation.State.ACCEPTED, Conversation.State.DECLINED) and conversation.answered_at is None:
        conversation.answered_at = when
    if state == Conversation.State.REQUESTED and conversation.requested_at is None:
        conversation.requested_at = when
    conversation.state = state
    conversation.save()
    return conversation


@transaction.atomic
def log_reply(conversation: Conversation, body: str, outcome: str, when: datetime | None = None) -> Message:
    """Note what the person answered; "accepted" or "declined" also moves the conversation."""
    when = when or timezone.now()
    reply = Message.objects.create(
        owner=conversation.owner, person=conversation.person, conversation=conversation,
        kind=MessageKind.REPLY, body=body, sent_at=when,
    )
    if outcome in (Conversation.State.ACCEPTED, Conversation.State.DECLINED):
        set_state(conversation, outcome, when)
    record_contact(conversation.person, when)
    return reply


def record_contact(person: Person, when: datetime) -> None:
    # Any interaction counts as contact: it keeps an import's undo from removing this person.
    Person.objects.filter(pk=person.pk).update(updated_at=max(when, timezone.now()))


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

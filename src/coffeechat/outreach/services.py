"""Messages going out and coming in; how each one moves its conversation is conversations.services'."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from coffeechat.conversations import services as conversations
from coffeechat.conversations.models import Conversation
from coffeechat.outreach.models import Message, MessageKind

# A request or follow-up asks for time: its form sets the conversation's goal, length and medium.
ASKS_FOR_TIME = (MessageKind.REQUEST, MessageKind.FOLLOW_UP)


def current_conversation(user, person) -> Conversation | None:
    """The conversation a new message to this person belongs to: their latest one still open."""
    return Conversation.objects.for_user(user).filter(person=person).exclude(
        state__in=[Conversation.State.DECLINED, Conversation.State.NO_ANSWER]).order_by("-pk").first()


@transaction.atomic
def save_draft(form, *, person, kind: str, conversation: Conversation | None) -> Message:
    """Save a valid ComposeForm: a new draft (a request opens its conversation) or an edited one.

    A request or follow-up also sets its conversation's goal, length and medium from the form."""
    user = form.user
    if form.instance.pk is None and kind == MessageKind.REQUEST:
        conversation = conversations.open_conversation(user, person)
    if conversation is not None and kind in ASKS_FOR_TIME:
        conversation.goal = form.chosen_goal()
        conversation.minutes, conversation.medium = form.cleaned_data["minutes"], form.cleaned_data["medium"]
        conversation.save()
    message = form.save(commit=False)
    if message.pk is None:
        message.owner, message.person, message.conversation, message.kind = user, person, conversation, kind
    message.save()
    return message


@transaction.atomic
def mark_sent(message: Message, channel: str, when: datetime | None = None) -> Message:
    """Record that a message went out; a request advances its conversation to "requested"."""
    when = when or timezone.now()
    message.sent_at, message.channel = when, channel
    message.save(update_fields=["sent_at", "channel", "updated_at"])
    conversation = message.conversation
    if conversation is not None:
        if message.kind == MessageKind.REQUEST:
            conversations.request_sent(conversation, when)
        elif message.kind == MessageKind.FOLLOW_UP:
            conversations.follow_up_sent(conversation, when)
    conversations.record_contact(message.person, when)
    return message


@transaction.atomic
def log_reply(conversation: Conversation, body: str, outcome: str, when: datetime | None = None) -> Message:
    """Note what the person answered; "accepted" or "declined" also moves the conversation."""
    when = when or timezone.now()
    reply = Message.objects.create(
        owner=conversation.owner, person=conversation.person, conversation=conversation,
        kind=MessageKind.REPLY, body=body, sent_at=when,
    )
    conversations.record_answer(conversation, outcome, when)
    return reply

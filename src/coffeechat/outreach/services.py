"""Messages going out and coming in; how each one moves its conversation is conversations.services'."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from coffeechat.conversations import services as conversations
from coffeechat.conversations.models import Conversation
from coffeechat.outreach.models import Message, MessageKind


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

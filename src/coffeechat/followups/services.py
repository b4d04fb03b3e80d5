"""Writes for after the conversation: thank-you drafts, reflections, touches, tasks, done and snooze."""

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from coffeechat.conversations.models import Conversation
from coffeechat.conversations.services import record_contact
from coffeechat.followups.models import DueMark, Task, Touch
from coffeechat.outreach.models import Message, MessageKind

SNOOZE_CHOICES = {"1h": timedelta(hours=1), "tomorrow": timedelta(days=1), "week": timedelta(days=7)}


def mark_done(user, key: str, now: datetime | None = None) -> DueMark:
    mark, _ = DueMark.objects.get_or_create(owner=user, key=key[:120])
    mark.done_at = now or timezone.now()
    mark.save()
    return mark


def snooze(user, key: str, span: str, now: datetime | None = None, due: datetime | None = None) -> DueMark:
    """Move an item by `span` from when it is due, and never to less than `span` from now."""
    now = now or timezone.now()
    mark, _ = DueMark.objects.get_or_create(owner=user, key=key[:120])
    mark.snoozed_until = max(now, due or now) + SNOOZE_CHOICES[span]
    mark.save()
    return mark


def thank_you_body(conversation: Conversation, mentions: list[str], sender: str) -> str:
    """A thank-you naming what helped and the referrals already contacted."""
    person = conversation.person
    contacted = [r.display_name for r in conversation.referrals.all() if r.messages.filter(sent_at__isnull=False).exists()]
    lines = [f"Dear {person.first_name or person.display_name},", "",
             "Thank you for taking the time to talk with me. Your perspective was exactly what I needed."]
    if mentions:
        lines += ["", "A few things you said have stayed with me:"] + [f"- {m}" for m in mentions]
    if contacted:
        lines += ["", f"I have already written to {', '.join(contacted)}, as you suggested."]
    lines += ["", "I will let you know how things go.", "", "With thanks,", sender]
    return "\n".join(lines)


@transaction.atomic
def draft_thank_you(conversation: Conversation, mentions: list[str]) -> Message:
    user = conversation.owner
    return Message.objects.create(
        owner=user, person=conversation.person, conversation=conversation, kind=MessageKind.THANK_YOU,
        subject="Thank you for your time", body=thank_you_body(conversation, mentions, user.get_full_name()),
    )


@transaction.atomic
def save_reflection(conversation: Conversation, **answers) -> Conversation:
    for name, value in answers.items():
        setattr(conversation, name, value)
    conversation.reflected_at = conversation.reflected_at or timezone.now()
    conversation.save()
    return conversation


@transaction.atomic
def log_touch(person, kind: str, note: str, when: datetime) -> Touch:
    touch = Touch.objects.create(owner=person.owner, person=person, kind=kind, note=note, happened_at=when)
    record_contact(person, when)
    return touch


def add_task(user, title: str, due_at: datetime, *, person=None, conversation=None) -> Task:
    return Task.objects.create(owner=user, title=title[:300], due_at=due_at, person=person, conversation=conversation)

"""Writes for after the conversation: thank-you drafts, reflections, touches, tasks, done and snooze."""

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from coffeechat.conversations.models import Conversation
from coffeechat.conversations.services import record_contact
from coffeechat.followups.models import DueMark, Task, Touch
from coffeechat.outreach.drafting import draft, draft_values
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


_LOWER_AFTER_VALUED = {"your", "the", "how", "what", "that", "hearing", "learning", "a", "an", "our", "knowing"}


def what_helped_text(lines: list[str]) -> str:
    """The lines the user wrote or confirmed about what helped, as a sentence or a short list."""
    lines = [line.strip().rstrip(".") for line in lines if line.strip()]
    if not lines:
        return ""
    if len(lines) == 1:
        first, _, rest = lines[0].partition(" ")
        # "Your tip about…" reads "I especially valued your tip about…"; names keep their capital.
        first = first.lower() if first.lower() in _LOWER_AFTER_VALUED else first
        return f"I especially valued {first} {rest}.".replace(" .", ".")
    return "What helped me most:\n" + "\n".join(f"- {line}" for line in lines)


def referrals_line(conversation: Conversation) -> str:
    """Thanks for the people they suggested, saying whom the user has already written to."""
    referrals = list(conversation.referrals.all())
    contacted = [r.display_name for r in referrals if r.messages.filter(sent_at__isnull=False).exists()]
    waiting = [r.display_name for r in referrals if r.display_name not in contacted]
    parts = []
    if contacted:
        parts.append(f"I have already written to {', '.join(contacted)}, as you suggested.")
    if waiting:
        parts.append(f"Thank you also for suggesting I contact {', '.join(waiting)}; I will get in touch soon.")
    return " ".join(parts)


def thank_you_text(conversation: Conversation, helped: list[str]) -> tuple[str, str]:
    """Subject and body from the built-in thank-you, naming only what the user wrote or confirmed."""
    user = conversation.owner
    values = draft_values(user, conversation.person, conversation, [])
    values |= {"what_helped": what_helped_text(helped), "referrals_line": referrals_line(conversation)}
    return draft("thank_you", values)


@transaction.atomic
def draft_thank_you(conversation: Conversation, helped: list[str]) -> Message:
    """A thank-you draft. `helped` holds the user's own lines: private notes are never copied in."""
    subject, body = thank_you_text(conversation, helped)
    return Message.objects.create(
        owner=conversation.owner, person=conversation.person, conversation=conversation, kind=MessageKind.THANK_YOU,
        subject=subject, body=body,
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

"""Scheduling a conversation, moving it, cancelling it, and its calendar invitation."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from coffeechat.conversations.models import Conversation
from coffeechat.meetings.ics import IncompleteInvitation, Invitation, build_calendar, method_for
from coffeechat.timezones import clock_text, describe_slot

ACTIVE = (Conversation.State.SCHEDULED,)


def overlapping(conversation: Conversation, start: datetime, minutes: int) -> list[Conversation]:
    """The user's other scheduled conversations that overlap [start, start + minutes)."""
    end = start + timedelta(minutes=minutes)
    candidates = (
        Conversation.objects.for_user(conversation.owner)
        .filter(state__in=ACTIVE, scheduled_start__lt=end, scheduled_start__gt=start - timedelta(hours=12))
        .exclude(pk=conversation.pk).select_related("person")
    )
    return [c for c in candidates if c.scheduled_end > start]


@transaction.atomic
def schedule(conversation: Conversation, *, start: datetime, time_zone: str, minutes: int, medium: str, location: str) -> Conversation:
    """Set or change the time; a change to a scheduled one raises SEQUENCE so calendars update."""
    # Anything the invitation carries counts: the instant, the length, how and where.
    changed = conversation.scheduled_start is not None and (
        conversation.scheduled_start != start or conversation.minutes != minutes
        or conversation.medium != medium or conversation.location != location
    )
    if changed or conversation.state == Conversation.State.CANCELLED:
        conversation.sequence += 1
    conversation.scheduled_start, conversation.time_zone = start, time_zone
    conversation.minutes, conversation.medium, conversation.location = minutes, medium, location
    if conversation.answered_at is None and conversation.requested_at is not None:
        conversation.answered_at = timezone.now()
    conversation.state = Conversation.State.SCHEDULED
    conversation.save()
    return conversation


@transaction.atomic
def log_past(conversation: Conversation, *, start: datetime, time_zone: str, minutes: int, medium: str, location: str) -> Conversation:
    """Record a conversation that already happened: held at that time, no invitation to send."""
    conversation.scheduled_start, conversation.time_zone = start, time_zone
    conversation.minutes, conversation.medium, conversation.location = minutes, medium, location
    conversation.ended_at = conversation.ended_at or start + timedelta(minutes=minutes)
    if conversation.answered_at is None and conversation.requested_at is not None:
        conversation.answered_at = start
    conversation.state = Conversation.State.HELD
    conversation.save()
    return conversation


@transaction.atomic
def cancel(conversation: Conversation) -> Conversation:
    conversation.state = Conversation.State.CANCELLED
    conversation.sequence += 1
    conversation.save()
    return conversation


def summary_line(conversation: Conversation) -> str:
    """The event title, with the user's own name (never the account's user name)."""
    me = conversation.owner.get_full_name()
    them = conversation.person.display_name
    return f"Informational interview: {me} & {them}" if me else f"Informational interview with {them}"


def profile_missing(user) -> list[str]:
    """What an invitation needs from the user that they have not given yet."""
    return [label for label, value in (("your name", user.get_full_name()), ("your email address", user.email)) if not value]


def agenda(conversation: Conversation) -> str:
    lines = [f"A {conversation.minutes}-minute conversation ({conversation.get_medium_display().lower()})."]
    if conversation.goal:
        lines.append(f"What I hope to learn: {conversation.goal}")
    if conversation.location:
        lines.append(f"Where: {conversation.location}")
    lines.append("Thank you for making the time.")
    return "\n".join(lines)


def invitation_for(conversation: Conversation) -> Invitation:
    owner, person = conversation.owner, conversation.person
    return Invitation(
        uid=conversation.ical_uid, sequence=conversation.sequence, start=conversation.scheduled_start,
        minutes=conversation.minutes, time_zone=conversation.time_zone or owner.time_zone,
        summary=summary_line(conversation), description=agenda(conversation), location=conversation.location,
        organizer_email=owner.email, organizer_name=owner.get_full_name(),
        attendee_email=person.primary_email, attendee_name=person.display_name,
        created=conversation.created_at, last_modified=conversation.updated_at,
    )


def invitation_method(conversation: Conversation) -> str:
    """REQUEST, CANCEL or PUBLISH (no address for them); "" when the user's name or email is missing."""
    if profile_missing(conversation.owner):
        return ""
    return method_for(invitation_for(conversation), cancelled=conversation.state == Conversation.State.CANCELLED)


def invitation_ics(conversation: Conversation, now: datetime | None = None) -> bytes:
    """The .ics file; raises IncompleteInvitation rather than write an invitation without an organiser."""
    method = invitation_method(conversation)
    if not method:
        raise IncompleteInvitation(f"An invitation needs {' and '.join(profile_missing(conversation.owner))}: add them in Settings.")
    return build_calendar(invitation_for(conversation), method=method, now=now or timezone.now(),
                          cancelled=conversation.state == Conversation.State.CANCELLED)


def when_text(conversation: Conversation, viewer_zone: str) -> str:
    """"Tuesday 1 December, 3:00 pm (EST) — 12:00 pm in Vancouver (PST)"."""
    mine = conversation.scheduled_start.astimezone(ZoneInfo(viewer_zone))
    other = conversation.person.time_zone
    if not other or other == viewer_zone:
        return describe_slot(mine)
    theirs = conversation.scheduled_start.astimezone(ZoneInfo(other))
    city = other.rsplit("/", 1)[-1].replace("_", " ")
    day = describe_slot(mine).split(",")[0]
    return f"{day}, {clock_text(mine)} your time ({mine.tzname()}) · {clock_text(theirs)} in {city} ({theirs.tzname()})"

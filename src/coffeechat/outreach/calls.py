"""Phone as a channel: what to say when they pick up, what to leave on voicemail, and logging attempts.

A call attempt is a request like an email: the first one starts the 3 / 7 business-day routine,
and an answer on the phone moves the conversation as a reply would.
"""

from datetime import datetime

from django.db import models, transaction
from django.utils import timezone

from coffeechat.conversations import services as conversations
from coffeechat.conversations.models import Conversation
from coffeechat.outreach.drafting import connection_sentence, fill
from coffeechat.outreach.models import Channel, Message, MessageKind
from coffeechat.people.models import Person


class Outcome(models.TextChoices):
    AGREED = "agreed", "We talked: they agreed to a conversation"
    DECLINED = "declined", "We talked: they declined"
    TALKED = "talked", "We talked: call back later"
    VOICEMAIL = "voicemail", "I left a voicemail"
    NO_ANSWER = "no_answer", "No answer"


ANSWERS = {Outcome.AGREED: Conversation.State.ACCEPTED, Outcome.DECLINED: Conversation.State.DECLINED}

CALL_SCRIPT = """Hello, is this {their_first_name}? {introduction}
{connection_sentence}
I'm exploring {goal}, and I'm calling to ask whether you might have {minutes} minutes in the next couple of weeks to tell me about your work. I'm not looking for a job — only hoping to learn from your experience.

If yes: Thank you! Would one of these suit you?
{slots}
If now is a bad moment: Of course — when would be a better time to call back?"""

VOICEMAIL_SCRIPT = """Hello {their_first_name}, this is {my_name}, {my_intro}. {connection_sentence} I'm learning about {goal}, and I'd be grateful for {minutes} minutes of your time to hear how you got into your work — not about a job. I'll also send you a short email. You can reach me at [your phone number, said slowly, twice]. Thank you, and have a good day."""


def scripts(values: dict[str, str], pitch: str = "") -> dict[str, str]:
    """What to say; the user's own 30-second pitch, when written, is how the call script introduces them."""
    introduction = pitch.strip() or fill("My name is {my_name} — {my_intro}.", values)
    values = {**values, "connection_sentence": connection_sentence(values, "call you"), "introduction": introduction}
    return {"call": fill(CALL_SCRIPT, values), "voicemail": fill(VOICEMAIL_SCRIPT, values)}


@transaction.atomic
def log_call(user, person: Person, outcome: str, note: str = "", when: datetime | None = None) -> Message:
    """Record one call attempt on the person's timeline and move their conversation as it says."""
    when = when or timezone.now()
    conversation = conversations.open_conversation(user, person)
    body = Outcome(outcome).label + (f"\n{note.strip()}" if note.strip() else "")
    message = Message.objects.create(owner=user, person=person, conversation=conversation, kind=MessageKind.CALL,
                                     channel=Channel.PHONE, body=body, sent_at=when)
    conversations.request_sent(conversation, when)
    if outcome in ANSWERS:
        conversations.record_answer(conversation, ANSWERS[outcome], when)
    else:
        conversations.record_contact(person, when)
    return message

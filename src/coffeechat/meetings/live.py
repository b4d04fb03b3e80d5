"""Live mode: starting a call, saving what is typed, capturing referrals, ending the call."""

from django.db import transaction
from django.utils import timezone

from coffeechat.meetings.models import Conversation
from coffeechat.outreach.services import open_conversation
from coffeechat.people.models import Person, Source
from coffeechat.people.services import organization_named
from coffeechat.questions import plans
from coffeechat.questions.bank import PRESETS

QUICK_PRESET = PRESETS[0].key  # "first conversation in a new field"
NOTE_FIELDS = ("notes", "observations")


@transaction.atomic
def start_now(user, person: Person) -> Conversation:
    """"Call me now": no scheduling; the plan starts with must-asks when it is empty."""
    conversation = open_conversation(user, person)
    if not conversation.plan_items.exists():
        preset = plans.PRESETS_BY_KEY[QUICK_PRESET]
        plans.apply_preset(conversation, QUICK_PRESET, replace=False)
        conversation.plan_items.exclude(bank_key__in=preset.must_ask).delete()
    return begin(conversation)


def begin(conversation: Conversation) -> Conversation:
    if conversation.live_started_at is None:
        conversation.live_started_at = timezone.now()
        conversation.save(update_fields=["live_started_at", "updated_at"])
    return conversation


@transaction.atomic
def add_referral(conversation: Conversation, *, name: str, organization: str, may_use_name: bool) -> Person:
    """Someone they suggested: a new person linked to who referred them and in which conversation."""
    parts = name.split()
    first, last = (" ".join(parts[:-1]), parts[-1]) if len(parts) > 1 else (name, "")
    person = Person(
        owner=conversation.owner, first_name=first[:150], last_name=last[:150], source=Source.REFERRAL,
        referred_by=conversation.person, may_use_referrer_name=may_use_name, referral_conversation=conversation,
        organization=organization_named(conversation.owner, organization),
    )
    person.save()
    return person


@transaction.atomic
def end_call(conversation: Conversation) -> Conversation:
    now = timezone.now()
    conversation.ended_at = now
    if conversation.scheduled_start is None:
        conversation.scheduled_start = conversation.live_started_at or now
    conversation.state = Conversation.State.HELD
    conversation.save()
    return conversation

"""Building a conversation's question plan: add, reorder, mark must-asks, apply presets."""

from django.db import transaction
from django.db.models import Max

from coffeechat.conversations import services as conversations
from coffeechat.conversations.models import Conversation
from coffeechat.people.models import Person
from coffeechat.questions.bank import PRESETS
from coffeechat.questions.bankview import bank_for
from coffeechat.questions.coach import check_plan, check_question, classify
from coffeechat.questions.models import PlanItem
from coffeechat.text import storable

PRESETS_BY_KEY = {p.key: p for p in PRESETS}
QUICK_PRESET = PRESETS[0].key  # "first conversation in a new field"


def items(conversation: Conversation) -> list[PlanItem]:
    return list(conversation.plan_items.order_by("position", "pk"))


def add_item(conversation: Conversation, text: str, *, category: str = "", bank_key: str = "", must_ask: bool = False) -> PlanItem:
    text = " ".join(text.split())
    last = conversation.plan_items.aggregate(last=Max("position"))["last"]
    return PlanItem.objects.create(
        owner=conversation.owner, conversation=conversation, text=text, category=category or classify(text),
        bank_key=bank_key, must_ask=must_ask, position=(last or 0) + 1,
    )


def save_note(item: PlanItem, *, note: str | None = None, asked: bool | None = None) -> PlanItem:
    """The note under one question and whether it was asked (live mode's autosave, answers by email, the API):
    None leaves a value as it is."""
    if note is not None:
        item.note = storable(note)
    if asked is not None:
        item.asked = asked
    item.save(update_fields=["note", "asked", "updated_at"])
    return item


@transaction.atomic
def apply_preset(conversation: Conversation, key: str, *, replace: bool) -> int:
    """Add the preset's questions (the user's edits of them included); returns how many were added."""
    preset = PRESETS_BY_KEY[key]
    if replace:
        conversation.plan_items.all().delete()
    by_key = {e.bank_key: e for e in bank_for(conversation.owner) if e.bank_key}
    present = set(conversation.plan_items.values_list("bank_key", flat=True))
    added = 0
    for bank_key in preset.question_keys:
        entry = by_key.get(bank_key)
        if entry is None or bank_key in present:
            continue
        add_item(conversation, entry.text, category=entry.category, bank_key=bank_key, must_ask=bank_key in preset.must_ask)
        added += 1
    return added


@transaction.atomic
def move(item: PlanItem, offset: int) -> None:
    """Swap with the neighbour above (-1) or below (+1); positions are renumbered 1..n."""
    ordered = items(item.conversation)
    index = next(i for i, other in enumerate(ordered) if other.pk == item.pk)
    target = index + offset
    if 0 <= target < len(ordered):
        ordered[index], ordered[target] = ordered[target], ordered[index]
    for position, other in enumerate(ordered, 1):
        other.position = position
    PlanItem.objects.bulk_update(ordered, ["position"])


@transaction.atomic
def reorder(conversation: Conversation, ids: list[int]) -> list[PlanItem]:
    """Put the plan in this order (every question's id once); positions are renumbered 1..n."""
    ordered = items(conversation)
    by_id = {item.pk: item for item in ordered}
    if sorted(ids) != sorted(by_id):
        raise ValueError("List every question of this plan once, and no other.")
    ordered = [by_id[pk] for pk in ids]
    for position, item in enumerate(ordered, 1):
        item.position = position
    PlanItem.objects.bulk_update(ordered, ["position"])
    return ordered


def report(conversation: Conversation):
    plan = items(conversation)
    return plan, [check_question(i.text) for i in plan], check_plan([i.text for i in plan], [i.must_ask for i in plan])


@transaction.atomic
def talk_now(user, person: Person) -> Conversation:
    """"Call me now": no scheduling; an empty plan starts with the quick preset's must-asks."""
    conversation = conversations.open_conversation(user, person)
    if not conversation.plan_items.exists():
        preset = PRESETS_BY_KEY[QUICK_PRESET]
        apply_preset(conversation, QUICK_PRESET, replace=False)
        conversation.plan_items.exclude(bank_key__in=preset.must_ask).delete()
    return conversations.start_call(conversation)

"""Question plans over the API: a conversation's questions in order, built as the plan page builds
them (questions.plans): typed (the question form), from your bank, from the goal's key questions or
from a preset; reordered, marked must-ask, or removed."""

from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from coffeechat.api.errors import DOCUMENTED, ErrorOut, error, form_errors
from coffeechat.api.pagination import Pages
from coffeechat.conversations.models import Conversation
from coffeechat.questions import plans
from coffeechat.questions.bankview import entry
from coffeechat.questions.forms import QuestionForm
from coffeechat.questions.models import PlanItem

router = Router(tags=["question plans"])
INVALID = "Some fields are not valid."


class PlanItemOut(Schema):
    id: int
    conversation_id: int
    position: int
    text: str
    category: str
    bank_key: str
    must_ask: bool
    asked: bool
    note: str


class PlanAddIn(Schema):
    text: str | None = Field(None, description="A question of your own (its category is guessed unless given).")
    category: str | None = None
    bank_ref: str | None = Field(None, description="A question from your bank, by its ref (e.g. b:day_typical or u:12).")
    key_question: int | None = Field(None, description="One of the goal's key questions, by its place (0 for the first): a must-ask.")
    must_ask: bool = False


class PresetIn(Schema):
    preset: str
    replace: bool = False


class AddedOut(Schema):
    added: int


class OrderIn(Schema):
    items: list[int] = Field(max_length=1000, description="Every question's id of this plan, once each, in the new order.")


class MoveIn(Schema):
    direction: str = Field(description="up or down")


class PlanItemIn(Schema):
    must_ask: bool | None = None


def conversation_for(request, conversation_id: int) -> Conversation:
    return get_object_or_404(Conversation.objects.for_user(request.user).select_related("goal"), pk=conversation_id)


def item_for(request, item_id: int) -> PlanItem:
    return get_object_or_404(PlanItem.objects.for_user(request.user).select_related("conversation"), pk=item_id)


@router.get("/conversations/{conversation_id}/plan", response={200: list[PlanItemOut], 404: ErrorOut},
            summary="A conversation's planned questions, in order", openapi_extra=DOCUMENTED)
@paginate(Pages)
def list_plan(request, conversation_id: int):
    return conversation_for(request, conversation_id).plan_items.order_by("position", "pk")


@router.post("/conversations/{conversation_id}/plan", response={201: PlanItemOut, 404: ErrorOut, 422: ErrorOut},
             summary="Add a question: your own text, a bank question (bank_ref) or a key question of the goal (one of them)",
             openapi_extra=DOCUMENTED)
def add_question(request, conversation_id: int, payload: PlanAddIn):
    conversation = conversation_for(request, conversation_id)
    given = [name for name in ("text", "bank_ref", "key_question") if getattr(payload, name) is not None]
    if len(given) != 1:
        return error(422, "Give one of text, bank_ref or key_question.", {"non_field_errors": ["Give one of text, bank_ref or key_question."]})
    if payload.key_question is not None:
        questions = conversation.goal.key_questions if conversation.goal else []
        if not 0 <= payload.key_question < len(questions):
            return error(422, INVALID, {"key_question": [f"This conversation's goal has {len(questions)} key questions."]})
        item = plans.add_item(conversation, questions[payload.key_question], must_ask=True)
    elif payload.bank_ref is not None:
        found = entry(request.user, payload.bank_ref)
        if found is None:
            return error(422, INVALID, {"bank_ref": ["No such question in your bank."]})
        item = plans.add_item(conversation, found.text, category=found.category, bank_key=found.bank_key, must_ask=payload.must_ask)
    else:
        form = QuestionForm({"text": payload.text, "category": payload.category or ""})
        if not form.is_valid():
            return error(422, INVALID, form_errors(form, {}))
        item = plans.add_item(conversation, form.cleaned_data["text"], category=form.cleaned_data["category"], must_ask=payload.must_ask)
    return Status(201, item)


@router.post("/conversations/{conversation_id}/plan/preset", response={200: AddedOut, 404: ErrorOut, 422: ErrorOut},
             summary="Add a preset's questions (replace: true clears the plan first)", openapi_extra=DOCUMENTED)
def add_preset(request, conversation_id: int, payload: PresetIn):
    conversation = conversation_for(request, conversation_id)
    if payload.preset not in plans.PRESETS_BY_KEY:
        return error(422, INVALID, {"preset": [f"One of: {', '.join(plans.PRESETS_BY_KEY)}."]})
    return {"added": plans.apply_preset(conversation, payload.preset, replace=payload.replace)}


@router.put("/conversations/{conversation_id}/plan/order", response={200: list[PlanItemOut], 404: ErrorOut, 422: ErrorOut},
            summary="Put the plan in a new order: every question's id, once each", openapi_extra=DOCUMENTED)
def reorder_plan(request, conversation_id: int, payload: OrderIn):
    conversation = conversation_for(request, conversation_id)
    try:
        return plans.reorder(conversation, payload.items)
    except ValueError as exc:
        return error(422, INVALID, {"items": [str(exc)]})


@router.get("/plan-items/{item_id}", response={200: PlanItemOut, 404: ErrorOut}, openapi_extra=DOCUMENTED)
def get_plan_item(request, item_id: int):
    return item_for(request, item_id)


@router.patch("/plan-items/{item_id}", response={200: PlanItemOut, 404: ErrorOut, 422: ErrorOut},
              summary="Mark a planned question must-ask or not (its note: PATCH /plan-items/{id}/note)", openapi_extra=DOCUMENTED)
def update_plan_item(request, item_id: int, payload: PlanItemIn):
    item = item_for(request, item_id)
    if payload.must_ask is not None:
        item.must_ask = payload.must_ask
        item.save(update_fields=["must_ask", "updated_at"])
    return item


@router.post("/plan-items/{item_id}/move", response={200: list[PlanItemOut], 404: ErrorOut, 422: ErrorOut},
             summary="Move a question up or down one place; answers with the plan in its new order", openapi_extra=DOCUMENTED)
def move_plan_item(request, item_id: int, payload: MoveIn):
    item = item_for(request, item_id)
    if payload.direction not in ("up", "down"):
        return error(422, INVALID, {"direction": ["up or down."]})
    plans.move(item, -1 if payload.direction == "up" else 1)
    return plans.items(item.conversation)


@router.delete("/plan-items/{item_id}", response={204: None, 404: ErrorOut}, summary="Remove a question from its plan",
               openapi_extra=DOCUMENTED)
def remove_plan_item(request, item_id: int):
    item_for(request, item_id).delete()
    return Status(204, None)

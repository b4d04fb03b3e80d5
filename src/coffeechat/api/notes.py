"""Notes over the API, as the web stores them: during the call (live mode) the free notes, what you
observed, whether you may contact them again and a note under each planned question (also how answers
that came by email are kept); after it, the reflection (followups.services.save_reflection)."""

from datetime import datetime

from ninja import Router, Schema

from coffeechat.api.errors import DOCUMENTED, ErrorOut, error, form_errors
from coffeechat.api.plans import PlanItemOut, conversation_for, item_for
from coffeechat.conversations import services as conversations
from coffeechat.followups.forms import ReflectionForm
from coffeechat.followups.services import save_reflection
from coffeechat.htmx import MAX_NOTE
from coffeechat.questions.plans import save_note

router = Router(tags=["notes"])
REFLECTION_FIELDS = tuple(ReflectionForm.base_fields)
TOO_LONG = f"At most {MAX_NOTE:,} characters."


class AnswerOut(Schema):
    id: int
    position: int
    text: str
    asked: bool
    note: str


class NotesOut(Schema):
    conversation_id: int
    notes: str
    observations: str
    may_contact_again: bool | None
    answers: list[AnswerOut]
    learned: str
    fit: str
    strengths_gaps: str
    next_steps: str
    reflected_at: datetime | None

    @staticmethod
    def resolve_conversation_id(obj):
        return obj.pk

    @staticmethod
    def resolve_answers(obj):
        return obj.plan_items.order_by("position", "pk")


class LiveNotesIn(Schema):
    notes: str | None = None
    observations: str | None = None
    may_contact_again: bool | None = None


class ReflectionIn(Schema):
    learned: str | None = None
    fit: str | None = None
    strengths_gaps: str | None = None
    next_steps: str | None = None


class ItemNoteIn(Schema):
    note: str | None = None
    asked: bool | None = None


def _too_long(values: dict) -> dict:
    return {name: [TOO_LONG] for name, value in values.items() if isinstance(value, str) and len(value) > MAX_NOTE}


@router.get("/conversations/{conversation_id}/notes", response={200: NotesOut, 404: ErrorOut},
            summary="Everything noted in a conversation: live notes, the answer under each question, the reflection",
            openapi_extra=DOCUMENTED)
def get_notes(request, conversation_id: int):
    return conversation_for(request, conversation_id)


@router.patch("/conversations/{conversation_id}/notes", response={200: NotesOut, 404: ErrorOut, 422: ErrorOut},
              summary="Save live notes (as live mode does): notes, observations, may_contact_again (null: not asked)",
              openapi_extra=DOCUMENTED)
def save_live_notes(request, conversation_id: int, payload: LiveNotesIn):
    conversation = conversation_for(request, conversation_id)
    given = payload.dict(exclude_unset=True)
    if errors := _too_long(given):
        return error(422, "Some fields are not valid.", errors)
    # A null note leaves it as it is; a null may_contact_again means "not asked".
    return conversations.save_live_notes(conversation, **{name: value for name, value in given.items()
                                            if value is not None or name == "may_contact_again"})


@router.patch("/conversations/{conversation_id}/reflection", response={200: NotesOut, 404: ErrorOut, 422: ErrorOut},
              summary="Save the reflection after the call (the fields not sent stay; at least one line in all)",
              openapi_extra=DOCUMENTED)
def save_conversation_reflection(request, conversation_id: int, payload: ReflectionIn):
    conversation = conversation_for(request, conversation_id)
    given = {k: v for k, v in payload.dict(exclude_unset=True).items() if v is not None}
    if errors := _too_long(given):
        return error(422, "Some fields are not valid.", errors)
    form = ReflectionForm({name: given.get(name, getattr(conversation, name)) for name in REFLECTION_FIELDS})
    if not form.is_valid():
        return error(422, "Some fields are not valid.", form_errors(form, {}))
    return save_reflection(conversation, **form.cleaned_data)


@router.patch("/plan-items/{item_id}/note", response={200: PlanItemOut, 404: ErrorOut, 422: ErrorOut}, tags=["notes"],
              summary="The note under one planned question, and whether it was asked (as live mode saves them)",
              openapi_extra=DOCUMENTED)
def save_item_note(request, item_id: int, payload: ItemNoteIn):
    item = item_for(request, item_id)
    given = payload.dict(exclude_unset=True)
    if errors := _too_long(given):
        return error(422, "Some fields are not valid.", errors)
    return save_note(item, note=given.get("note"), asked=given.get("asked"))

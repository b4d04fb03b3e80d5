"""Conversations and what is due over the API."""

from datetime import datetime
from typing import Literal

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Query, Router, Schema
from ninja.pagination import paginate

from coffeechat.api.errors import DOCUMENTED, ErrorOut
from coffeechat.api.pagination import Pages
from coffeechat.conversations.models import Conversation
from coffeechat.followups import services as followups
from coffeechat.followups.rules import due_items, load_snapshot
from coffeechat.followups.today import due_item, first_due

router = Router()


class ConversationOut(Schema):
    id: int
    person_id: int
    person: str
    state: str
    goal: str
    medium: str
    minutes: int
    scheduled_start: datetime | None
    time_zone: str
    location: str
    requested_at: datetime | None
    ended_at: datetime | None
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_person(obj):
        return obj.person.display_name

    @staticmethod
    def resolve_goal(obj):
        return obj.goal.title if obj.goal_id else ""


class DueItemOut(Schema):
    key: str
    kind: str
    title: str
    person: str
    person_id: int | None
    conversation: int | None
    due: datetime
    overdue: bool
    action: str


MAX_DUE = 1000  # the largest `limit` of GET /due


class DueMarkIn(Schema):
    key: str


class SnoozeIn(Schema):
    key: str
    span: Literal["1h", "tomorrow", "week"]


@router.get("/conversations", response=list[ConversationOut], tags=["conversations"], openapi_extra=DOCUMENTED)
@paginate(Pages)
def list_conversations(request, state: str = ""):
    conversations = Conversation.objects.for_user(request.user).select_related("person", "goal")
    if state:  # as goals' state: an unknown value lists nothing
        conversations = conversations.filter(state=state) if state in Conversation.State.values else conversations.none()
    return conversations.order_by("-created_at", "-pk")


@router.get("/conversations/{conversation_id}", response={200: ConversationOut, 404: ErrorOut}, tags=["conversations"], openapi_extra=DOCUMENTED)
def get_conversation(request, conversation_id: int):
    return get_object_or_404(Conversation.objects.for_user(request.user).select_related("person", "goal"), pk=conversation_id)


@router.get("/due", response=list[DueItemOut], tags=["due"], summary="What is due now, soonest first (the Today page)", openapi_extra=DOCUMENTED)
def list_due(request, limit: int | None = Query(None, ge=1, le=MAX_DUE, description="Only the first this many (soonest first)")):
    """Everything due, soonest first; with `limit`, only the first items, read without reading the rest (a large
    network has thousands of items due some day)."""
    if limit is not None:
        return first_due(request.user, timezone.now(), limit)
    return due_items(load_snapshot(request.user), timezone.now())


def _due_now(request, key: str):
    item = due_item(request.user, key, timezone.now())
    if item is None:
        raise Http404("No such item is due.")
    return item


@router.post("/due/done", response={200: DueItemOut, 404: ErrorOut}, tags=["due"],
             summary="Mark a due item done (by its key)", openapi_extra=DOCUMENTED)
def due_done(request, payload: DueMarkIn):
    item = _due_now(request, payload.key)
    followups.mark_done(request.user, item.key)
    return item


@router.post("/due/snooze", response={200: DueItemOut, 404: ErrorOut}, tags=["due"],
             summary="Snooze a due item for an hour, until tomorrow or a week", openapi_extra=DOCUMENTED)
def due_snooze(request, payload: SnoozeIn):
    item = _due_now(request, payload.key)
    followups.snooze(request.user, item.key, payload.span, due=item.due)  # from when it is due, as Today's buttons
    return item

"""Messages over the API: drafts and what was sent, said or answered, for each person and conversation.

Drafts are written through the composer's form (ComposeForm) and saved by outreach.services.save_draft,
as on the web: a request opens its conversation, a request or follow-up sets its goal, length and medium.
Marking one sent goes through outreach.services.mark_sent, which moves the conversation on."""

from datetime import datetime
from typing import Literal

from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from coffeechat.api.errors import DOCUMENTED, ErrorOut, error, form_errors
from coffeechat.api.pagination import Pages
from coffeechat.conversations.models import Conversation
from coffeechat.outreach import coaching
from coffeechat.outreach.forms import ComposeForm, MarkSentForm
from coffeechat.outreach.models import Message, MessageKind
from coffeechat.outreach.services import ASKS_FOR_TIME, current_conversation, mark_sent, save_draft
from coffeechat.people.models import Person

router = Router(tags=["messages"])
FORM_NAMES = {"goal": "goal_id"}
Draftable = Literal["request", "follow_up", "thank_you", "keep_in_touch", "introductions"]


class MessageOut(Schema):
    id: int
    person_id: int
    person: str
    conversation_id: int | None
    kind: str
    draft: bool
    channel: str
    subject: str
    body: str
    attach_resume: bool
    sent_at: datetime | None
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_person(obj):
        return obj.person.display_name

    @staticmethod
    def resolve_draft(obj):
        return obj.is_draft


class DraftFields(Schema):
    subject: str | None = None
    body: str | None = None
    attach_resume: bool | None = None
    goal_id: int | None = None
    new_goal: str | None = None
    minutes: int | None = None
    medium: str | None = None


class DraftIn(DraftFields):
    person_id: int
    kind: Draftable = "request"


class SentIn(Schema):
    channel: str


def _messages(user):
    return Message.objects.for_user(user).select_related("person")


def _message(request, message_id: int) -> Message:
    return get_object_or_404(_messages(request.user).select_related("conversation"), pk=message_id)


def _listed(messages, person_id: int | None, kind: str, status: str):
    if person_id is not None:
        messages = messages.filter(person_id=person_id)
    if kind:  # as goals' state: an unknown kind lists nothing
        messages = messages.filter(kind=kind) if kind in MessageKind.values else messages.none()
    if status == "draft":
        messages = messages.filter(sent_at__isnull=True).exclude(kind__in=[MessageKind.REPLY, MessageKind.NOTE])
    elif status == "sent":
        messages = messages.filter(sent_at__isnull=False)
    return messages.order_by("-created_at", "-pk")


def _save(request, person: Person, kind: str, message: Message | None, payload: DraftFields, status: int):
    user = request.user
    conversation = message.conversation if message else current_conversation(user, person)
    current = {"subject": message.subject if message else "", "body": message.body if message else "",
               "attach_resume": message.attach_resume if message else False,
               "goal_id": conversation.goal_id if conversation else None, "new_goal": "",
               "minutes": conversation.minutes if conversation else user.meeting_minutes,
               "medium": conversation.medium if conversation else "video"}
    values = {**current, **payload.dict(exclude_unset=True, exclude={"person_id", "kind"})}
    data = {"subject": values["subject"] or "", "body": values["body"] or "", "goal": values["goal_id"] or "",
            "new_goal": values["new_goal"] or "", "minutes": "" if values["minutes"] is None else values["minutes"],
            "medium": values["medium"] or ""}
    if values["attach_resume"]:
        data["attach_resume"] = "on"
    form = ComposeForm(data, instance=message, user=user, goal_id=conversation.goal_id if conversation else None,
                       has_resume=bool(user.resume), asks_for_time=kind in ASKS_FOR_TIME)
    if not form.is_valid():
        return error(422, "Some fields are not valid.", form_errors(form, FORM_NAMES))
    saved = save_draft(form, person=person, kind=kind, conversation=conversation)
    return Status(status, _messages(user).get(pk=saved.pk))


def _draft(request, message_id: int) -> Message:
    message = _message(request, message_id)
    if not message.is_draft:
        raise HttpError(409, "This message was already sent (or is a reply or a note); it stays as it was.")
    return message


@router.get("/messages", response=list[MessageOut], summary="Your messages, newest first: drafts, sent, replies, calls and notes",
            openapi_extra=DOCUMENTED)
@paginate(Pages)
def list_messages(request, person_id: int | None = None, kind: str = "", status: Literal["", "draft", "sent"] = ""):
    return _listed(_messages(request.user), person_id, kind, status)


@router.get("/conversations/{conversation_id}/messages", response={200: list[MessageOut], 404: ErrorOut}, tags=["conversations"],
            summary="A conversation's messages, newest first", openapi_extra=DOCUMENTED)
@paginate(Pages)
def conversation_messages(request, conversation_id: int, kind: str = "", status: Literal["", "draft", "sent"] = ""):
    conversation = get_object_or_404(Conversation.objects.for_user(request.user), pk=conversation_id)
    return _listed(_messages(request.user).filter(conversation=conversation), None, kind, status)


@router.get("/messages/{message_id}", response={200: MessageOut, 404: ErrorOut}, openapi_extra=DOCUMENTED)
def get_message(request, message_id: int):
    return _message(request, message_id)


@router.post("/messages", response={201: MessageOut, 404: ErrorOut, 422: ErrorOut}, openapi_extra=DOCUMENTED,
             summary="Write a draft to one of your people (a request opens a conversation with them)")
def create_draft(request, payload: DraftIn):
    person = get_object_or_404(Person.objects.for_user(request.user).select_related("organization"), pk=payload.person_id)
    return _save(request, person, payload.kind, None, payload, 201)


@router.patch("/messages/{message_id}", response={200: MessageOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
              summary="Change a draft (a sent message stays as it was)", openapi_extra=DOCUMENTED)
def update_draft(request, message_id: int, payload: DraftFields):
    message = _draft(request, message_id)
    return _save(request, message.person, message.kind, message, payload, 200)


@router.delete("/messages/{message_id}", response={204: None, 404: ErrorOut, 409: ErrorOut}, summary="Delete a draft",
               openapi_extra=DOCUMENTED)
def delete_draft(request, message_id: int):
    _draft(request, message_id).delete()
    return Status(204, None)


@router.post("/messages/{message_id}/sent", response={200: MessageOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
             summary="Mark a draft sent (you sent it yourself): a request or follow-up moves its conversation on",
             openapi_extra=DOCUMENTED)
def mark_draft_sent(request, message_id: int, payload: SentIn):
    message = _draft(request, message_id)
    if found := coaching.prompts_left(message.subject, message.body):
        return error(422, coaching.refusal(found), {"body": [coaching.refusal(found)]})
    form = MarkSentForm({"channel": payload.channel})
    if not form.is_valid():
        return error(422, "Some fields are not valid.", form_errors(form, {}))
    mark_sent(message, form.cleaned_data["channel"])
    return _messages(request.user).get(pk=message.pk)

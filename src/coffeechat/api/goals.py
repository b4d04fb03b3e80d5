"""Goals over the API: what the user is exploring. Writes go through the goal form (GoalForm), so they
validate exactly as the Goals page does; a goal's conversations keep existing when it is deleted."""

from datetime import datetime

from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.db.models.functions import Lower
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from ninja.pagination import paginate

from coffeechat.api.errors import DOCUMENTED, ErrorOut, error, form_errors
from coffeechat.api.pagination import Pages
from coffeechat.insights.forms import GoalForm
from coffeechat.insights.models import MAX_KEY_QUESTIONS, Goal

router = Router(tags=["goals"])
STATE_ORDER = Case(*(When(state=s, then=Value(n)) for n, s in enumerate(Goal.State.values)), output_field=IntegerField())


class GoalOut(Schema):
    id: int
    title: str
    kind: str
    hope_to_learn: str
    key_questions: list[str]
    state: str
    asked: int
    held: int
    created_at: datetime
    updated_at: datetime


class GoalIn(Schema):
    title: str | None = None
    kind: str | None = None
    hope_to_learn: str | None = None
    key_questions: list[str] | None = None
    state: str | None = None


def _goals(user):
    return Goal.objects.for_user(user).annotate(
        asked=Count("conversations", filter=Q(conversations__requested_at__isnull=False)),
        held=Count("conversations", filter=Q(conversations__state="held")),
    )


def _goal(request, goal_id: int) -> Goal:
    return get_object_or_404(_goals(request.user), pk=goal_id)


def _save(request, goal: Goal | None, payload: GoalIn, status: int):
    current = {"title": "", "kind": Goal.Kind.FIELD, "hope_to_learn": "", "key_questions": [], "state": Goal.State.ACTIVE}
    if goal is not None:
        current = {name: getattr(goal, name) for name in current}
    values = {**current, **{k: v for k, v in payload.dict(exclude_unset=True).items() if v is not None}}
    questions = values.pop("key_questions")
    if len(questions) > MAX_KEY_QUESTIONS:
        return error(422, "Some fields are not valid.", {"key_questions": [f"At most {MAX_KEY_QUESTIONS} key questions."]})
    values.update({f"question_{n}": text for n, text in enumerate(questions, 1)})
    form = GoalForm(values, owner=request.user, instance=goal)
    if not form.is_valid():
        renames = {f"question_{n}": "key_questions" for n in range(1, MAX_KEY_QUESTIONS + 1)}
        return error(422, "Some fields are not valid.", form_errors(form, renames))
    saved = form.save()
    return Status(status, _goals(request.user).get(pk=saved.pk))


@router.get("/goals", response=list[GoalOut], summary="Your goals: active, then paused, then done; A–Z within each",
            openapi_extra=DOCUMENTED)
@paginate(Pages)
def list_goals(request, state: str = ""):
    goals = _goals(request.user)
    if state:  # a value that is no state lists nothing (and never reaches the database: PostgreSQL refuses NUL)
        goals = goals.filter(state=state) if state in Goal.State.values else goals.none()
    return goals.order_by(STATE_ORDER, Lower("title"), "pk")


@router.get("/goals/{goal_id}", response={200: GoalOut, 404: ErrorOut}, openapi_extra=DOCUMENTED)
def get_goal(request, goal_id: int):
    return _goal(request, goal_id)


@router.post("/goals", response={201: GoalOut, 422: ErrorOut}, openapi_extra=DOCUMENTED,
             summary="Add a goal (a title is needed; at most 5 key questions)")
def create_goal(request, payload: GoalIn):
    return _save(request, None, payload, 201)


@router.patch("/goals/{goal_id}", response={200: GoalOut, 404: ErrorOut, 422: ErrorOut}, openapi_extra=DOCUMENTED,
              summary="Change some fields of a goal (the others stay)")
def update_goal(request, goal_id: int, payload: GoalIn):
    return _save(request, _goal(request, goal_id), payload, 200)


@router.delete("/goals/{goal_id}", response={204: None, 404: ErrorOut}, openapi_extra=DOCUMENTED,
               summary="Delete a goal; its conversations stay, with no goal")
def delete_goal(request, goal_id: int):
    get_object_or_404(Goal.objects.for_user(request.user), pk=goal_id).delete()
    return Status(204, None)

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from coffeechat.conversations.access import get_conversation_for_user
from coffeechat.conversations.forms import GoalFields, ReplyForm, StateForm
from coffeechat.conversations.models import Conversation
from coffeechat.conversations.services import held_end, nudge_for, set_state
from coffeechat.meetings.preparation import checklist_context, checklist_for
from coffeechat.meetings.scheduling import invitation_method, profile_missing, when_text


@login_required
def conversation_list(request):
    state = request.GET.get("state", "")
    state = state if state in Conversation.State.values else ""
    mine = Conversation.objects.for_user(request.user)
    counts = dict(mine.values_list("state").annotate(n=Count("pk")).order_by())
    listed = mine.select_related("person", "person__organization")
    if state:
        listed = listed.filter(state=state)
    page = Paginator(listed, 25).get_page(request.GET.get("page"))
    tabs = [(value, label, counts.get(value, 0)) for value, label in Conversation.State.choices]
    return render(request, "meetings/conversation_list.html", {
        "page": page, "state": state, "tabs": tabs, "total": sum(counts.values()),
    })


@login_required
def conversation_detail(request, pk):
    conversation = get_conversation_for_user(request, pk)
    return render(request, "meetings/conversation_detail.html", {
        "conversation": conversation, "person": conversation.person,
        "timeline": conversation.messages.order_by("-created_at", "-pk"),
        "nudge": nudge_for(conversation), "reply_form": ReplyForm(),
        "when": when_text(conversation, request.user.time_zone) if conversation.scheduled_start else "",
        "invitation_method": invitation_method(conversation) if conversation.scheduled_start else "",
        "profile_missing": profile_missing(request.user),
        **checklist_context(conversation),
        "held": held_end(conversation, timezone.now()) is not None,
        "goal_form": _goal_form(request, conversation),
    })


def _goal_form(request, conversation, data=None) -> GoalFields:
    form = GoalFields(data, initial={"goal": conversation.goal_id})
    form.setup_goals(request.user, conversation.goal_id)
    return form


@login_required
@require_POST
def conversation_goal(request, pk):
    """Link the conversation to one of the active goals, or to a new one typed in place."""
    conversation = get_conversation_for_user(request, pk)
    form = _goal_form(request, conversation, request.POST)
    if form.is_valid():
        conversation.goal = form.chosen_goal()
        conversation.save(update_fields=["goal", "updated_at"])
        messages.success(request, f"Goal: {conversation.goal}." if conversation.goal else "No goal for this conversation.")
    else:
        messages.error(request, "Pick one of your active goals, or type a new one.")
    return redirect(conversation)


@login_required
@require_POST
def conversation_state(request, pk):
    conversation = get_conversation_for_user(request, pk)
    form = StateForm(request.POST)
    if form.is_valid():
        set_state(conversation, form.cleaned_data["state"])
        messages.success(request, f"Marked “{conversation.get_state_display()}”.")
    return redirect(conversation)


@login_required
@require_POST
def checklist_tick(request, pk, key):
    """Tick or untick one preparation item; htmx swaps the checklist fragment."""
    conversation = get_conversation_for_user(request, pk)
    if key not in {item.key for item in checklist_for(conversation.medium)}:
        raise Http404("No such checklist item.")
    ticks = dict(conversation.checklist or {})
    ticks[key] = request.POST.get("done") == "1"
    conversation.checklist = ticks
    conversation.save(update_fields=["checklist", "updated_at"])
    if request.headers.get("HX-Request"):
        return render(request, "meetings/_checklist.html", {"conversation": conversation, **checklist_context(conversation)})
    return redirect(conversation)

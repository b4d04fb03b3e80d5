from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from coffeechat.conversations.models import Conversation
from coffeechat.insights.access import get_goal_for_user
from coffeechat.insights.forms import GoalForm, LeadForm
from coffeechat.insights.leads import goal_resources
from coffeechat.insights.models import Goal

STATE_ORDER = {Goal.State.ACTIVE: 0, Goal.State.PAUSED: 1, Goal.State.DONE: 2}


@login_required
def goal_list(request):
    goals = Goal.objects.for_user(request.user).annotate(
        asked=Count("conversations", filter=Q(conversations__requested_at__isnull=False)),
        held=Count("conversations", filter=Q(conversations__state=Conversation.State.HELD)),
    )
    goals = sorted(goals, key=lambda g: (STATE_ORDER[g.state], g.title.casefold(), g.pk))
    return render(request, "insights/goal_list.html", {"goals": goals})


@login_required
@require_http_methods(["GET", "POST"])
def goal_add(request):
    return _goal_form(request, None)


@login_required
@require_http_methods(["GET", "POST"])
def goal_edit(request, pk):
    return _goal_form(request, get_goal_for_user(request, pk))


def _goal_form(request, goal):
    initial = {"title": request.GET.get("title", "")[:300]} if goal is None else None
    form = GoalForm(request.POST or None, owner=request.user, instance=goal, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            goal = form.save()
            messages.success(request, "Goal saved.")
            return redirect("insights:goals")
        return goal_page(request, goal, form=form, status=422)
    return goal_page(request, goal, form=form)


def goal_page(request, goal, *, form=None, resource_form=None, status=200):
    """The goal's form and, once it exists, its Resources list."""
    context = {"form": form or GoalForm(owner=request.user, instance=goal), "goal": goal}
    if goal is not None and goal.pk:
        context |= {"resources": goal_resources(goal),
                    "resource_form": resource_form or LeadForm(resources_only=True, prefix="resource")}
    return render(request, "insights/goal_form.html", context, status=status)

"""Leads: noted in live mode and on the follow-up page, acted on in one tap, kept on a goal's Resources list.

The conversation pages (meetings, followups) show the `#leads` fragment through the
`{% conversation_leads %}` tag; every action here answers htmx with that fragment again and
anything else with a redirect back to the page it came from.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from coffeechat.conversations.access import get_conversation_for_user
from coffeechat.insights import leads as service
from coffeechat.insights.access import get_goal_for_user, get_lead_for_user
from coffeechat.insights.forms import LeadForm
from coffeechat.insights.models import Goal, Lead
from coffeechat.insights.views import goal_page

QUICK_IDS = "lead-%s"  # the quick form's fields keep these ids across swaps, so htmx puts the cursor back


def leads_context(request, conversation, *, form=None, notice: str = "", next_url: str = "", what: str = "") -> dict:
    """What `insights/_leads.html` shows for one conversation."""
    needs_goal_choice = conversation.goal_id is None
    return {
        "conversation": conversation, "leads": service.conversation_leads(conversation),
        "lead_form": form or LeadForm(initial={"what": what or Lead.Kind.ORGANIZATION}, auto_id=QUICK_IDS),
        "goals": list(Goal.objects.for_user(request.user).filter(state=Goal.State.ACTIVE)) if needs_goal_choice else [],
        "notice": notice, "next": next_url or request.path,
    }


def _next(request, fallback: str) -> str:
    back = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=request.is_secure())
    return back if back and safe and back.startswith("/") else fallback


def _home_of(lead: Lead) -> str:
    """Where a lead is shown: its conversation's follow-up page, else the goal whose list holds it."""
    if lead.conversation_id is not None:
        return reverse("followups:conversation", args=[lead.conversation_id])
    if lead.saved_to_id is not None:
        return reverse("insights:goal-edit", args=[lead.saved_to_id]) + "#resources"
    return reverse("insights:goals")


def _answer(request, lead_or_conversation, notice: str, *, fallback: str, what: str = ""):
    conversation = getattr(lead_or_conversation, "conversation", lead_or_conversation)
    if request.headers.get("HX-Request") and conversation is not None:
        return render(request, "insights/_leads.html",
                      leads_context(request, conversation, notice=notice, next_url=_next(request, ""), what=what))
    if notice:
        messages.success(request, notice)
    return redirect(_next(request, fallback))


@login_required
@require_POST
def lead_add(request, pk):
    """Note a lead from the conversation; the form comes back empty, ready for the next one."""
    conversation = get_conversation_for_user(request, pk)
    form = LeadForm(request.POST, auto_id=QUICK_IDS)
    if not form.is_valid():
        if request.headers.get("HX-Request"):
            return render(request, "insights/_leads.html",
                          leads_context(request, conversation, form=form, next_url=_next(request, "")), status=422)
        return render(request, "insights/lead_form.html", {
            "form": form, "conversation": conversation, "next": _next(request, reverse("followups:conversation", args=[pk])),
        }, status=422)
    data = form.cleaned_data
    lead, new = service.add_lead(request.user, conversation=conversation, kind=data["kind"], resource_kind=data["resource_kind"],
                                 name=data["name"], url=data["url"], note=data["note"])
    notice = f"Noted: {lead.name}." if new else f"{lead.name} is already on the list."
    return _answer(request, conversation, notice, fallback=reverse("followups:conversation", args=[pk]), what=data["what"])


@login_required
@require_POST
def lead_target(request, pk):
    lead = get_lead_for_user(request, pk)
    if lead.kind not in service.MAKES_TARGET:
        return HttpResponseBadRequest("Only an organisation or an employer can become a target.")
    organization = service.make_target(lead)
    return _answer(request, lead, f"{organization.name} is a target.", fallback=_home_of(lead))


@login_required
@require_POST
def lead_goal(request, pk):
    lead = get_lead_for_user(request, pk)
    if lead.kind not in service.MAKES_GOAL:
        return HttpResponseBadRequest("Only a career or role can become a goal.")
    goal = service.make_goal(lead)
    return _answer(request, lead, f"“{goal.title}” is a goal: add the questions you most want answered on its page.",
                   fallback=_home_of(lead))


@login_required
@require_POST
def lead_resources(request, pk):
    """Save a resource to a goal's Resources list (`goal`), or take it off (`action=remove`)."""
    lead = get_lead_for_user(request, pk)
    if lead.kind not in service.GOES_ON_A_LIST:
        return HttpResponseBadRequest("Only a resource goes on a goal's Resources list.")
    if request.POST.get("action") == "remove":
        old = lead.saved_to
        service.save_to(lead, None)
        fallback = reverse("insights:goal-edit", args=[old.pk]) + "#resources" if old else _home_of(lead)
        return _answer(request, lead, f"{lead.name} is off the Resources list.", fallback=fallback)
    goal_id = request.POST.get("goal", "")
    if not goal_id.isdigit():
        return HttpResponseBadRequest("Choose the goal whose Resources list it goes on.")
    goal = get_goal_for_user(request, int(goal_id))
    service.save_to(lead, goal)
    return _answer(request, lead, f"Saved to the resources of “{goal.title}”.", fallback=_home_of(lead))


@login_required
@require_http_methods(["GET", "POST"])
def lead_edit(request, pk):
    lead = get_lead_for_user(request, pk)
    form = LeadForm(request.POST or None, instance=lead, resources_only=lead.conversation_id is None)
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, "Saved.")
            return redirect(_next(request, _home_of(lead)))
    return render(request, "insights/lead_form.html", {"form": form, "lead": lead, "conversation": lead.conversation,
                                                       "next": _next(request, _home_of(lead))},
                  status=422 if request.method == "POST" else 200)


@login_required
@require_POST
def lead_delete(request, pk):
    """Forget a lead noted by mistake; a target or goal it made stays."""
    lead = get_lead_for_user(request, pk)
    home = _home_of(lead)
    lead.delete()
    return _answer(request, lead, f"Removed {lead.name}.", fallback=home)


@login_required
@require_POST
def goal_resource_add(request, pk):
    """Add a resource straight to a goal's list (one not from a conversation)."""
    goal = get_goal_for_user(request, pk)
    form = LeadForm(request.POST, resources_only=True, prefix="resource")
    if not form.is_valid():
        return goal_page(request, goal, resource_form=form, status=422)
    data = form.cleaned_data
    lead, new = service.add_lead(request.user, saved_to=goal, kind=data["kind"], resource_kind=data["resource_kind"],
                                 name=data["name"], url=data["url"], note=data["note"])
    messages.success(request, f"Added {lead.name} to the resources." if new else f"{lead.name} is already on the list.")
    return redirect(reverse("insights:goal-edit", args=[goal.pk]) + "#resources")

from datetime import datetime, time, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from coffeechat.conversations.access import get_conversation_for_user
from coffeechat.conversations.forms import ReferralForm
from coffeechat.conversations.models import Conversation
from coffeechat.followups import services
from coffeechat.followups.forms import CadenceForm, ReflectionForm, TaskForm, TouchForm
from coffeechat.followups.models import CalendarFeed
from coffeechat.followups.rules import (
    due_for_request,
    keep_in_touch_due,
    last_interaction,
    load_snapshot,
)
from coffeechat.people.access import get_person_for_user
from coffeechat.people.models import Person


def group_items(items, now, week_start: int = 0):
    """Overdue, today, the rest of this calendar week (from the user's week start), later — in their time zone."""
    today = timezone.localdate(now)
    end_of_week = today + timedelta(days=(week_start + 6 - today.weekday()) % 7)
    groups = {"Overdue": [], "Today": [], "This week": [], "Later": []}
    for item in items:
        day = timezone.localdate(item.due)
        if item.overdue:
            groups["Overdue"].append(item)
        elif day == today:
            groups["Today"].append(item)
        elif day <= end_of_week:
            groups["This week"].append(item)
        else:
            groups["Later"].append(item)
    return [(name, group) for name, group in groups.items() if group]


def _today_context(request):
    now, items = due_for_request(request)
    upcoming = (Conversation.objects.for_user(request.user).filter(state=Conversation.State.SCHEDULED, scheduled_start__gte=now)
                .select_related("person").order_by("scheduled_start")[:5])
    return {"groups": group_items(items, now, request.user.week_start), "item_count": len(items), "upcoming": upcoming, "task_form": TaskForm(),
            "has_people": Person.objects.for_user(request.user).exists()}


@login_required
def today(request):
    return render(request, "followups/today.html", _today_context(request))


@login_required
@require_POST
def item_action(request):
    """Done or snooze one due item; the list is re-rendered for htmx, or the page reloaded."""
    key, action = request.POST.get("key", ""), request.POST.get("action", "")
    now, items = due_for_request(request)
    item = next((i for i in items if i.key == key), None)
    if item is None:
        raise Http404("Nothing due with that key.")
    if action == "done":
        services.mark_done(request.user, key)
    elif action in services.SNOOZE_CHOICES:
        services.snooze(request.user, key, action, now=now, due=item.due)
    else:
        return HttpResponse("Unknown action", status=400)
    if request.headers.get("HX-Request"):
        due_for_request(request, refresh=True)  # the list as it is after this change
        return render(request, "followups/_due_list.html", _today_context(request))
    return redirect("home")


@login_required
@require_POST
def add_task(request):
    form = TaskForm(request.POST)
    if form.is_valid():
        due = timezone.make_aware(datetime.combine(form.cleaned_data["due"], time(9)))
        services.add_task(request.user, form.cleaned_data["title"], due)
        messages.success(request, "Task added.")
        return redirect("home")
    context = _today_context(request) | {"task_form": form}
    return render(request, "followups/today.html", context, status=422)


def _followup_context(request, conversation, **extra):
    return {
        "conversation": conversation, "person": conversation.person,
        "items": conversation.plan_items.order_by("position"),
        "helped_items": [(item, helped_prefill(item)) for item in conversation.plan_items.order_by("position") if item.asked or item.note], "referrals": conversation.referrals.all(),
        "referral_form": ReferralForm(), "task_form": TaskForm(),
        "reflection_form": ReflectionForm(initial={name: getattr(conversation, name) for name in ReflectionForm.base_fields}),
        "next_steps": [s.strip(" -•") for s in conversation.next_steps.splitlines() if s.strip(" -•")],
        "thank_you": conversation.messages.filter(kind="thank_you").order_by("-pk").first(), **extra,
    }


@login_required
def conversation_followup(request, pk):
    conversation = get_conversation_for_user(request, pk)
    return render(request, "followups/followup.html", _followup_context(request, conversation))


def helped_prefill(item) -> str:
    """The editable line offered for a question: from the question, never from the private note."""
    return f"your answer to “{item.text.strip().rstrip('?').strip()}?”"


@login_required
@require_POST
def thank_you(request, pk):
    """Draft the thank-you from the lines the user ticked and wrote, then open it in the editor with its coach."""
    conversation = get_conversation_for_user(request, pk)
    items = {str(i.pk): i for i in conversation.plan_items.all()}
    helped = [request.POST.get(f"helped_{key}", "").strip()[:300] for key in request.POST.getlist("mention") if key in items]
    helped.append(request.POST.get("helped_other", "").strip()[:300])
    message = services.draft_thank_you(conversation, [line for line in helped if line])
    messages.info(request, "Your thank-you draft: read it through with the coach, then choose how to send it.")
    return redirect("outreach:edit", pk=message.pk)


@login_required
@require_POST
def reflection(request, pk):
    conversation = get_conversation_for_user(request, pk)
    form = ReflectionForm(request.POST)
    if not form.is_valid():
        return render(request, "followups/followup.html", _followup_context(request, conversation, reflection_form=form), status=422)
    services.save_reflection(conversation, **form.cleaned_data)
    messages.success(request, "Reflection saved.")
    return redirect(f"{conversation_url(conversation)}#reflection")


def conversation_url(conversation):
    return reverse("followups:conversation", args=[conversation.pk])


@login_required
@require_POST
def step_task(request, pk):
    conversation = get_conversation_for_user(request, pk)
    form = TaskForm(request.POST)
    if not form.is_valid():
        return render(request, "followups/followup.html", _followup_context(request, conversation, task_form=form), status=422)
    due = timezone.make_aware(datetime.combine(form.cleaned_data["due"], time(9)))
    services.add_task(request.user, form.cleaned_data["title"], due, person=conversation.person, conversation=conversation)
    messages.success(request, "Added to Today on that date.")
    return redirect(f"{conversation_url(conversation)}#reflection")


@login_required
@require_POST
def linkedin_connected(request, pk):
    conversation = get_conversation_for_user(request, pk)
    conversation.linkedin_connected = request.POST.get("done") == "1"
    conversation.save(update_fields=["linkedin_connected", "updated_at"])
    return redirect(conversation_url(conversation))


@login_required
@require_POST
def mark_missed(request, pk):
    conversation = get_conversation_for_user(request, pk)
    if conversation.state in (Conversation.State.SCHEDULED, Conversation.State.HELD):
        conversation.state = Conversation.State.MISSED if request.POST.get("state") != "cancelled" else Conversation.State.CANCELLED
        conversation.save()
    return redirect(conversation)


@login_required
@require_http_methods(["GET", "POST"])
def keep_in_touch(request, person_pk):
    person = get_person_for_user(request, person_pk)
    touch_form = TouchForm(request.POST if request.POST.get("form") == "touch" else None)
    current = "" if person.keep_in_touch_days is None else str(person.keep_in_touch_days)
    preset = current if current in {"", "0", "30", "60", "90", "120", "180"} else "custom"
    cadence_form = CadenceForm(request.POST if request.POST.get("form") == "cadence" else None,
                               initial={"cadence": preset, "custom_days": person.keep_in_touch_days if preset == "custom" else None})
    if request.method == "POST":
        if request.POST.get("form") == "touch" and touch_form.is_valid():
            day = touch_form.cleaned_data["when"]
            when = timezone.now() if day == timezone.localdate() else timezone.make_aware(datetime.combine(day, time(12)))
            services.log_touch(person, touch_form.cleaned_data["kind"], touch_form.cleaned_data["note"], when)
            messages.success(request, "Logged. The keep-in-touch clock starts again from it.")
            return redirect("followups:touch", person_pk=person.pk)
        if request.POST.get("form") == "cadence" and cadence_form.is_valid():
            person.keep_in_touch_days = cadence_form.days()
            person.save(update_fields=["keep_in_touch_days", "updated_at"])
            messages.success(request, "Saved.")
            return redirect("followups:touch", person_pk=person.pk)
    now = timezone.now()
    snapshot = load_snapshot(request.user)
    last = last_interaction(snapshot, person.pk, now)
    cadence = request.user.keep_in_touch_days if person.keep_in_touch_days is None else person.keep_in_touch_days
    due = keep_in_touch_due(snapshot, person, now)
    return render(request, "followups/keep_in_touch.html", {
        "person": person, "touch_form": touch_form, "cadence_form": cadence_form, "touches": person.touches.all(),
        "last": last, "next_due": due[0] + timedelta(days=due[1]) if due else None, "cadence": cadence,
    }, status=422 if request.method == "POST" else 200)


@login_required
@require_POST
def feed_settings(request):
    if request.POST.get("action") == "revoke":
        CalendarFeed.objects.filter(user=request.user).delete()
        messages.success(request, "The calendar address is revoked; calendars using it stop updating.")
    else:
        CalendarFeed.objects.filter(user=request.user).delete()
        CalendarFeed.objects.create(user=request.user)
        messages.success(request, "A new private calendar address is ready below.")
    return redirect("settings")


def calendar_feed(request, token):
    """The subscribable calendar: no sign-in, the secret address is the key; a revoked one is 404."""
    from coffeechat.followups.feed import feed_ics

    feed = CalendarFeed.objects.select_related("user").filter(token=token).first()
    if feed is None or not feed.user.is_active:
        raise Http404("No such calendar.")
    response = HttpResponse(feed_ics(feed.user, timezone.now()), content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, max-age=300"
    return response

from datetime import datetime, time, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from coffeechat.accounts.pagecache import cached_page
from coffeechat.conversations.access import get_conversation_for_user
from coffeechat.conversations.forms import ReferralForm
from coffeechat.conversations.models import Conversation
from coffeechat.followups import services
from coffeechat.followups.forms import CadenceForm, ReflectionForm, TaskForm, TouchForm
from coffeechat.followups.models import CalendarFeed
from coffeechat.followups.rules import keep_in_touch_due, last_interaction, load_snapshot
from coffeechat.followups.today import (
    GROUPS,
    due_item,
    due_summary,
    summary_for_request,
    today_groups,
)
from coffeechat.people.access import get_person_for_user
from coffeechat.people.models import Person

ALL_PAGE_SIZE = 25  # as the people list
MAX_PAGE = 400  # 10,000 items; a deeper page reads as much as the whole group


def _today_context(request, *, refresh: bool = False):
    summary = summary_for_request(request, refresh=refresh)
    upcoming = (Conversation.objects.for_user(request.user).filter(state=Conversation.State.SCHEDULED, scheduled_start__gte=summary.now)
                .select_related("person").order_by("scheduled_start")[:5])
    groups = today_groups(summary)
    return {"groups": groups, "item_count": sum(g.count for g in groups), "upcoming": upcoming, "task_form": TaskForm(),
            "has_people": bool(groups) or Person.objects.for_user(request.user).exists()}


@login_required
@cached_page
def today(request):
    return render(request, "followups/today.html", _today_context(request))


@login_required
def today_group(request, group):
    """Every item of one Today group, a page at a time (Today itself shows the first screenful)."""
    names = {name.lower().replace(" ", "-"): name for name in GROUPS}
    if group not in names:
        raise Http404("No such group.")
    number = request.GET.get("page", "")
    number = min(int(number), MAX_PAGE) if number.isdigit() and int(number) > 0 else 1
    # The rules list the group's first items up to this page (read as Today reads its screenful); counts.py counts them all.
    summary = due_summary(request.user, timezone.now(), screenful=number * ALL_PAGE_SIZE, group=names[group])
    total, reach = summary.count(names[group]), MAX_PAGE * ALL_PAGE_SIZE
    page = Paginator(_Listed(summary.grouped[names[group]], min(total, reach)), ALL_PAGE_SIZE).get_page(number)
    return render(request, "followups/today_group.html", {"name": names[group], "page": page, "total": total,
                                                          "beyond": total - reach if total > reach and not page.has_next() else 0})


class _Listed:
    """The first items of a group, as long as the whole group (a Paginator only slices the pages it shows)."""

    def __init__(self, first: list, count: int):
        self.first, self.count = first, count

    def __len__(self) -> int:
        return self.count

    def __getitem__(self, index):
        return self.first[index]


@login_required
@require_POST
def item_action(request):
    """Done or snooze one due item; the list is re-rendered for htmx, or the page reloaded."""
    key, action = request.POST.get("key", ""), request.POST.get("action", "")
    now = timezone.now()
    item = due_item(request.user, key, now)
    if item is None:
        raise Http404("Nothing due with that key.")
    if action == "done":
        services.mark_done(request.user, key)
    elif action in services.SNOOZE_CHOICES:
        services.snooze(request.user, key, action, now=now, due=item.due)
    else:
        return HttpResponse("Unknown action", status=400)
    if request.headers.get("HX-Request"):
        return render(request, "followups/_due_list.html", _today_context(request, refresh=True))  # the list after this change
    back = request.POST.get("next", "")
    if back and url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return redirect(back)
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
    snapshot = load_snapshot(request.user, person_id=person.pk)
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

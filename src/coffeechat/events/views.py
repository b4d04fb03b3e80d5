from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from coffeechat.events.access import get_event_for_user
from coffeechat.events.forms import EventForm, MetForm
from coffeechat.events.models import FOLLOW_UP_DAYS, Event
from coffeechat.events.services import add_person_met


@login_required
def event_list(request):
    events = Event.objects.for_user(request.user).annotate(met_count=Count("people_met")).order_by("-date", "-pk")
    page = Paginator(events, 25).get_page(request.GET.get("page"))
    return render(request, "events/event_list.html", {"page": page})


def _detail(request, event, met_form, status=200):
    people = event.people_met.select_related("organization").order_by("pk")
    return render(request, "events/event_detail.html", {
        "event": event, "people": people, "met_form": met_form, "follow_up_days": FOLLOW_UP_DAYS,
    }, status=status)


@login_required
def event_detail(request, pk):
    return _detail(request, get_event_for_user(request, pk), MetForm())


@login_required
@require_http_methods(["POST"])
def event_met(request, pk):
    """Add someone met there; the form stays open for the next one."""
    event = get_event_for_user(request, pk)
    form = MetForm(request.POST)
    if not form.is_valid():
        return _detail(request, event, form, status=422)
    person = add_person_met(event, **form.cleaned_data)
    messages.success(request, f"Added {person.display_name}. Write to them within {FOLLOW_UP_DAYS} days.")
    return redirect(event)


@login_required
@require_http_methods(["GET", "POST"])
def event_add(request):
    return _event_form(request, None)


@login_required
@require_http_methods(["GET", "POST"])
def event_edit(request, pk):
    return _event_form(request, get_event_for_user(request, pk))


def _event_form(request, event):
    form = EventForm(request.POST or None, instance=event)
    if request.method == "POST":
        if form.is_valid():
            event = form.save(commit=False)
            if event.owner_id is None:
                event.owner = request.user
            event.save()
            messages.success(request, "Saved.")
            return redirect(event)
        return render(request, "events/event_form.html", {"form": form, "event": event}, status=422)
    return render(request, "events/event_form.html", {"form": form, "event": event})


@login_required
@require_http_methods(["GET", "POST"])
def event_delete(request, pk):
    event = get_event_for_user(request, pk)
    if request.method == "POST":
        event.delete()
        messages.success(request, f"Deleted {event.name}. The people you met there are kept.")
        return redirect("events:list")
    return render(request, "events/event_confirm_delete.html", {"event": event, "met_count": event.people_met.count()})

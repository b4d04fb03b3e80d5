from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from coffeechat.meetings.access import get_conversation_for_user
from coffeechat.meetings.forms import ScheduleForm
from coffeechat.meetings.models import Conversation
from coffeechat.meetings.scheduling import cancel, invitation_ics, overlapping, schedule
from coffeechat.outreach.services import open_conversation
from coffeechat.people.access import get_person_for_user


@login_required
@require_http_methods(["GET", "POST"])
def schedule_conversation(request, pk):
    conversation = get_conversation_for_user(request, pk)
    user = request.user
    if conversation.scheduled_start:
        local = timezone.localtime(conversation.scheduled_start, timezone.get_current_timezone())
        initial = {"date": local.date(), "time": local.time(), "time_zone": conversation.time_zone or user.time_zone}
    else:
        initial = {"time_zone": user.time_zone}
    initial |= {"minutes": conversation.minutes, "medium": conversation.medium, "location": conversation.location}
    form = ScheduleForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        clashes = overlapping(conversation, data["start"], data["minutes"])
        schedule(conversation, start=data["start"], time_zone=data["time_zone"], minutes=data["minutes"],
                 medium=data["medium"], location=data["location"])
        for other in clashes:
            messages.warning(request, f"This overlaps your conversation with {other.person.display_name}.")
        messages.success(request, "Scheduled. Download the invitation to add it to your calendar and send it.")
        return redirect(conversation)
    return render(request, "meetings/schedule.html", {"form": form, "conversation": conversation, "person": conversation.person},
                  status=422 if form.is_bound else 200)


@login_required
@require_POST
def schedule_for_person(request, person_pk):
    """"Schedule" from a person's page: uses their open conversation or starts one."""
    person = get_person_for_user(request, person_pk)
    conversation = open_conversation(request.user, person)
    return redirect("meetings:schedule", pk=conversation.pk)


@login_required
def invitation(request, pk):
    conversation = get_conversation_for_user(request, pk)
    if conversation.scheduled_start is None:
        raise Http404("This conversation has no time yet.")
    cancelled = conversation.state == Conversation.State.CANCELLED
    response = HttpResponse(invitation_ics(conversation),
                            content_type=f"text/calendar; charset=utf-8; method={'CANCEL' if cancelled else 'REQUEST'}")
    response["Content-Disposition"] = f'attachment; filename="{"cancel" if cancelled else "invitation"}-{conversation.pk}.ics"'
    if not cancelled and request.GET.get("sent") != "0":
        Conversation.objects.filter(pk=conversation.pk).update(invitation_sent_at=timezone.now())
    return response


@login_required
@require_http_methods(["GET", "POST"])
def cancel_conversation(request, pk):
    conversation = get_conversation_for_user(request, pk)
    if conversation.state != Conversation.State.SCHEDULED:
        return redirect(conversation)
    if request.method == "POST":
        cancel(conversation)
        messages.success(request, "Cancelled. Download the cancellation so it disappears from both calendars.")
        return redirect(conversation)
    return render(request, "meetings/cancel.html", {"conversation": conversation})

import smtplib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from coffeechat.conversations.access import get_conversation_for_user
from coffeechat.conversations.models import Conversation
from coffeechat.conversations.services import open_conversation
from coffeechat.mail.models import MailAccount
from coffeechat.mail.transport import calendar_part, send_smtp
from coffeechat.meetings.forms import OrganizerForm, ScheduleForm
from coffeechat.meetings.ics import IncompleteInvitation
from coffeechat.meetings.scheduling import (
    agenda,
    cancel,
    invitation_ics,
    invitation_method,
    log_past,
    overlapping,
    profile_missing,
    schedule,
    summary_line,
    when_text,
)
from coffeechat.people.access import get_person_for_user


@login_required
@require_http_methods(["GET", "POST"])
def schedule_conversation(request, pk):
    conversation = get_conversation_for_user(request, pk)
    user = request.user
    # The form shows and reads the time in ONE zone: the conversation's own (the user's for a new one).
    zone = conversation.time_zone or user.time_zone
    initial = ScheduleForm.initial_for(conversation.scheduled_start, zone) if conversation.scheduled_start else {"time_zone": zone}
    initial |= {"minutes": conversation.minutes, "medium": conversation.medium, "location": conversation.location,
                "goal": conversation.goal_id}
    form = ScheduleForm(request.POST or None, initial=initial, user=user, goal_id=conversation.goal_id)
    # The invitation needs who it is from: ask here, the first time it is needed.
    organizer_form = OrganizerForm(request.POST or None, instance=user, prefix="me") if profile_missing(user) else None
    # Logging a conversation that already happened sends no invitation, so it needs no organiser;
    # whatever was typed there is kept only when it is complete.
    past = form.is_valid() and form.cleaned_data["already_happened"]
    organizer_ok = organizer_form is None or organizer_form.is_valid()
    if request.method == "POST" and form.is_valid() and (organizer_ok or past):
        if organizer_form is not None and organizer_ok:
            organizer_form.save()
        data = form.cleaned_data
        conversation.goal = form.chosen_goal()
        if data["already_happened"]:
            log_past(conversation, start=data["start"], time_zone=data["time_zone"], minutes=data["minutes"],
                     medium=data["medium"], location=data["location"])
            messages.success(request, "Logged as held. Write your thank-you and your reflection while it is fresh.")
            return redirect("followups:conversation", pk=conversation.pk)
        clashes = overlapping(conversation, data["start"], data["minutes"])
        schedule(conversation, start=data["start"], time_zone=data["time_zone"], minutes=data["minutes"],
                 medium=data["medium"], location=data["location"])
        for other in clashes:
            messages.warning(request, f"This overlaps your conversation with {other.person.display_name}.")
        method = invitation_method(conversation)
        messages.success(request, "Scheduled. Download the invitation to add it to your calendar and send it." if method == "REQUEST" else
                         "Scheduled. Add it to your calendar below." if method == "PUBLISH" else "Scheduled.")
        return redirect(conversation)
    return render(request, "meetings/schedule.html", {"form": form, "organizer_form": organizer_form, "conversation": conversation,
                                                     "person": conversation.person},
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
    try:
        content = invitation_ics(conversation)
    except IncompleteInvitation as exc:
        messages.error(request, str(exc))
        return redirect("settings")
    method = invitation_method(conversation)
    response = HttpResponse(content, content_type=f"text/calendar; charset=utf-8; method={method}")
    name = "cancel" if cancelled else "invitation" if method == "REQUEST" else "event"
    response["Content-Disposition"] = f'attachment; filename="{name}-{conversation.pk}.ics"'
    if method == "REQUEST" and request.GET.get("sent") != "0":
        Conversation.objects.filter(pk=conversation.pk).update(invitation_sent_at=timezone.now())
    return response


@login_required
@require_POST
def email_invitation(request, pk):
    """Send the invitation (or the cancellation) from the user's own mail server."""
    conversation = get_conversation_for_user(request, pk)
    account = MailAccount.objects.for_user(request.user).first()
    person = conversation.person
    if conversation.scheduled_start is None or account is None or not person.emails:
        messages.error(request, "To email the invitation, schedule the conversation, set up your mail server and add their email address.")
        return redirect(conversation)
    cancelled = conversation.state == Conversation.State.CANCELLED
    if invitation_method(conversation) not in ("REQUEST", "CANCEL"):
        messages.error(request, f"An invitation needs {' and '.join(profile_missing(request.user))}: add them in Settings first.")
        return redirect(conversation)
    when = when_text(conversation, person.time_zone or request.user.time_zone)
    body = (f"Dear {person.first_name or person.display_name},\n\n"
            + (f"I'm sorry to cancel our conversation planned for {when}." if cancelled else
               f"Thank you again for agreeing to talk. Here is an invitation for {when}.\n\n{agenda(conversation)}")
            + f"\n\n{request.user.get_full_name()}")
    try:
        send_smtp(account, to=person.emails[:1], subject=("Cancelled: " if cancelled else "Invitation: ") + summary_line(conversation),
                  body=body, parts=[calendar_part(invitation_ics(conversation), "CANCEL" if cancelled else "REQUEST")])
    except (OSError, smtplib.SMTPException) as exc:
        messages.error(request, f"Your mail server refused or could not be reached ({exc}). Nothing was sent.")
        return redirect(conversation)
    if not cancelled:
        Conversation.objects.filter(pk=conversation.pk).update(invitation_sent_at=timezone.now())
    messages.success(request, f"{'Cancellation' if cancelled else 'Invitation'} sent to {person.emails[0]}.")
    return redirect(conversation)


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

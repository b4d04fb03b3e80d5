"""Calling someone: the scripts, their numbers, and the attempts logged so far."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from coffeechat.accounts.availability import parse_availability
from coffeechat.conversations.models import Conversation
from coffeechat.outreach.calls import log_call, scripts
from coffeechat.outreach.drafting import draft_values
from coffeechat.outreach.forms import CallForm
from coffeechat.outreach.models import MessageKind
from coffeechat.outreach.slots import propose_slots
from coffeechat.people.access import get_person_for_user


@login_required
@require_http_methods(["GET", "POST"])
def call(request, person_pk):
    person = get_person_for_user(request, person_pk)
    user = request.user
    form = CallForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        log_call(user, person, form.cleaned_data["outcome"], form.cleaned_data["note"])
        messages.success(request, "Call logged.")
        return redirect("outreach:call", person_pk=person.pk)
    conversation = Conversation.objects.for_user(user).filter(person=person).order_by("-pk").first()
    minutes = conversation.minutes if conversation else user.meeting_minutes
    slots = propose_slots(parse_availability(user.availability), now=timezone.now(), time_zone=user.time_zone, minutes=minutes)
    return render(request, "outreach/call.html", {
        "person": person, "form": form, "scripts": scripts(draft_values(user, person, conversation, slots), pitch=user.pitch),
        "attempts": person.messages.filter(kind=MessageKind.CALL).order_by("-sent_at", "-pk"),
    }, status=422 if form.is_bound else 200)

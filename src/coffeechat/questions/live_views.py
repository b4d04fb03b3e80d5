"""The question plan during the call: talk now, and the note under each question."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from coffeechat.htmx import MAX_NOTE, autosaved
from coffeechat.people.access import get_person_for_user
from coffeechat.questions import plans
from coffeechat.questions.access import get_plan_item_for_user


@login_required
@require_POST
def talk_now(request, person_pk):
    person = get_person_for_user(request, person_pk)
    return redirect("meetings:live", pk=plans.talk_now(request.user, person).pk)


@login_required
@require_POST
def save_item(request, pk):
    """Autosave of the note under one question, and whether it was asked."""
    item = get_plan_item_for_user(request, pk)
    note = request.POST.get("note")
    if note is not None and len(note) > MAX_NOTE:
        return HttpResponse("Too long to save", status=413)
    plans.save_note(item, note=note, asked=request.POST["asked"] == "1" if "asked" in request.POST else None)
    return autosaved()

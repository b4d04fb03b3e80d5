from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from coffeechat.accounts.pitch import pitch_for
from coffeechat.conversations import services as conversations
from coffeechat.conversations.access import get_conversation_for_user
from coffeechat.conversations.forms import ReferralForm
from coffeechat.htmx import MAX_NOTE, autosaved
from coffeechat.people.services import matching_people


@login_required
def live_mode(request, pk):
    # Opening the page early (to look over the questions) starts nothing; the timer starts on "Start".
    conversation = get_conversation_for_user(request, pk)
    return render(request, "meetings/live.html", _live_context(conversation))


def _live_context(conversation) -> dict:
    return {"conversation": conversation, "person": conversation.person, "items": conversation.plan_items.all(),
            "referral_form": ReferralForm(), "referrals": conversation.referrals.all(),
            "pitch": pitch_for(conversation.owner, conversation.goal.title if conversation.goal else "")}


@login_required
@require_POST
def start(request, pk):
    conversations.start_call(get_conversation_for_user(request, pk))
    return redirect("meetings:live", pk=pk)


@login_required
@require_POST
def save_field(request, pk, field):
    """Autosave of the free notes and observations; answers with a small 'Saved' mark for htmx."""
    conversation = get_conversation_for_user(request, pk)
    if field not in conversations.LIVE_NOTE_FIELDS:
        raise Http404("Unknown field.")
    value = request.POST.get(field, "")
    if len(value) > MAX_NOTE:
        return HttpResponse("Too long to save", status=413)
    conversations.save_live_notes(conversation, **{field: value})
    return autosaved()


@login_required
@require_POST
def add_referral(request, pk):
    """Add someone they suggested, or link someone already recorded (never a duplicate, never themselves)."""
    conversation = get_conversation_for_user(request, pk)
    form = ReferralForm(request.POST)
    status, matches = 422, []
    if form.is_valid():
        data = form.cleaned_data
        matches = matching_people(request.user, name=data["name"], organization=data["organization"],
                                  email=data["email"], linkedin_url=data["linkedin_url"])
        interviewee = conversation.person
        chosen = next((p for p, _ in matches if p.pk == data["link"]), None)
        if any(p.pk == interviewee.pk for p, _ in matches) or data["link"] == interviewee.pk:
            form.add_error("name", f"That is {interviewee.display_name}, whom you are talking with: a referral is someone else.")
            matches = []
        elif data["link"] and chosen is None:
            form.add_error(None, "That person is no longer a match; check the name and try again.")
        elif chosen is not None:
            conversations.link_referral(conversation, chosen, may_use_name=data["may_use_name"])
            form, matches, status = ReferralForm(), [], 200
        elif matches and not data["add_new"]:
            status = 200  # not an error: an offer to link instead of adding a second record
        else:
            conversations.add_referral(conversation, name=data["name"], organization=data["organization"],
                                       may_use_name=data["may_use_name"], email=data["email"], linkedin_url=data["linkedin_url"])
            form, matches, status = ReferralForm(), [], 200
    context = {"conversation": conversation, "referral_form": form, "referrals": conversation.referrals.all(), "matches": matches}
    if request.headers.get("HX-Request"):
        return render(request, "meetings/_referrals.html", context, status=status)
    if status == 200 and not matches:
        back = request.POST.get("next", "")
        safe = url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=request.is_secure())
        return redirect(back if back and safe else reverse("meetings:live", args=[pk]))
    return render(request, "meetings/live.html", _live_context(conversation) | context, status=status)


@login_required
@require_POST
def contact_again(request, pk):
    conversation = get_conversation_for_user(request, pk)
    conversation.may_contact_again = {"1": True, "0": False}.get(request.POST.get("answer"))
    conversation.save(update_fields=["may_contact_again", "updated_at"])
    return autosaved()


@login_required
@require_POST
def end(request, pk):
    conversation = conversations.end_call(get_conversation_for_user(request, pk))
    messages.success(request, f"Well done. Send your thank-you to {conversation.person.first_name or conversation.person.display_name} within 24 hours.")
    return redirect("followups:conversation", pk=conversation.pk)

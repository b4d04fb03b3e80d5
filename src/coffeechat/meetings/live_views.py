from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from coffeechat.conversations import services as conversations
from coffeechat.conversations.access import get_conversation_for_user
from coffeechat.conversations.forms import ReferralForm
from coffeechat.htmx import autosaved

MAX_NOTE = 100_000
NOTE_FIELDS = ("notes", "observations")


@login_required
def live_mode(request, pk):
    # Opening the page early (to look over the questions) starts nothing; the timer starts on "Start".
    conversation = get_conversation_for_user(request, pk)
    return render(request, "meetings/live.html", {
        "conversation": conversation, "person": conversation.person, "items": conversation.plan_items.all(),
        "referral_form": ReferralForm(), "referrals": conversation.referrals.all(),
    })


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
    if field not in NOTE_FIELDS:
        raise Http404("Unknown field.")
    value = request.POST.get(field, "")
    if len(value) > MAX_NOTE:
        return HttpResponse("Too long to save", status=413)
    setattr(conversation, field, value)
    conversation.save(update_fields=[field, "updated_at"])
    return autosaved()


@login_required
@require_POST
def add_referral(request, pk):
    conversation = get_conversation_for_user(request, pk)
    form = ReferralForm(request.POST)
    if form.is_valid():
        conversations.add_referral(conversation, name=" ".join(form.cleaned_data["name"].split()),
                          organization=form.cleaned_data["organization"], may_use_name=form.cleaned_data["may_use_name"])
        form = ReferralForm()
        status = 200
    else:
        status = 422
    context = {"conversation": conversation, "referral_form": form, "referrals": conversation.referrals.all()}
    if request.headers.get("HX-Request"):
        return render(request, "meetings/_referrals.html", context, status=status)
    return redirect("meetings:live", pk=pk)


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

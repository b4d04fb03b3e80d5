"""Their answer to a request: noted on the timeline, and the conversation moves with it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from coffeechat.conversations.access import get_conversation_for_user
from coffeechat.conversations.forms import ReplyForm
from coffeechat.outreach.services import log_reply


@login_required
@require_POST
def conversation_reply(request, pk):
    conversation = get_conversation_for_user(request, pk)
    form = ReplyForm(request.POST)
    if form.is_valid():
        log_reply(conversation, form.cleaned_data["body"], form.cleaned_data["outcome"])
        messages.success(request, "Reply noted.")
        return redirect(conversation)
    return render(request, "outreach/reply.html", {
        "conversation": conversation, "person": conversation.person, "reply_form": form,
    }, status=422)

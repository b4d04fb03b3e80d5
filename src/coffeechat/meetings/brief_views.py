from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from coffeechat.accounts.pitch import pitch_for
from coffeechat.conversations.access import get_conversation_for_user
from coffeechat.meetings.scheduling import when_text


@login_required
def brief(request, pk):
    """One page to print or keep open: the person, the research, the goal, the questions, the logistics."""
    conversation = get_conversation_for_user(request, pk)
    return render(request, "meetings/brief.html", {
        "conversation": conversation, "person": conversation.person, "items": conversation.plan_items.all(),
        "when": when_text(conversation, request.user.time_zone) if conversation.scheduled_start else "",
        "pitch": pitch_for(request.user, conversation.goal.title if conversation.goal else ""),
    })

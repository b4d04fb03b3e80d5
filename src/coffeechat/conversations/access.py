from django.shortcuts import get_object_or_404

from coffeechat.conversations.models import Conversation


def get_conversation_for_user(request, pk) -> Conversation:
    return get_object_or_404(
        Conversation.objects.for_user(request.user).select_related("person", "person__organization"), pk=pk
    )

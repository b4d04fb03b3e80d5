from django.shortcuts import get_object_or_404

from coffeechat.outreach.models import Message, MessageTemplate


def get_message_for_user(request, pk) -> Message:
    return get_object_or_404(
        Message.objects.for_user(request.user).select_related("person", "person__organization", "conversation"), pk=pk
    )


def get_template_for_user(request, pk) -> MessageTemplate:
    return get_object_or_404(MessageTemplate.objects.for_user(request.user), pk=pk)

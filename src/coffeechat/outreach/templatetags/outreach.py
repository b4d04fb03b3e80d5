"""What other apps' pages show of a person's messages, without importing outreach."""

from django import template

from coffeechat.outreach.models import MessageKind

register = template.Library()


@register.simple_tag
def follow_up_draft(conversation):
    """The unsent follow-up to this conversation's request, if one is being written."""
    return conversation.messages.filter(kind=MessageKind.FOLLOW_UP, sent_at__isnull=True).first()

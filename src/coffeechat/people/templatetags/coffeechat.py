from django import template

from coffeechat.people.models import CommonalityKind
from coffeechat.text import render_markdown
from coffeechat.timezones import slot_for_both

register = template.Library()


@register.filter
def markdown(source):
    return render_markdown(source)


@register.filter
def commonality_label(kind):
    return dict(CommonalityKind.choices).get(kind, "Other")


@register.filter
def with_their_time(slot, zone):
    """A proposed time in the user's zone, with the other person's local time beside it when their zone is known."""
    return slot_for_both(slot, zone or "")

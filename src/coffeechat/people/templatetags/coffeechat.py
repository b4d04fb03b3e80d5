from django import template

from coffeechat.people.models import CommonalityKind
from coffeechat.text import render_markdown

register = template.Library()


@register.filter
def markdown(source):
    return render_markdown(source)


@register.filter
def commonality_label(kind):
    return dict(CommonalityKind.choices).get(kind, "Other")

"""Pieces of pages that show follow-up data: the settings page's calendar feed, the lists of due items."""

from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS_3, WEEKDAYS_ABBR
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import slugify

from coffeechat.followups.models import CalendarFeed

register = template.Library()


@register.inclusion_tag("followups/_feed_settings.html", takes_context=True)
def calendar_feed_settings(context):
    request = context["request"]
    feed = CalendarFeed.objects.filter(user=request.user).first()
    feed_url = request.build_absolute_uri(reverse("followups:feed", args=[feed.token])) if feed else ""
    return {"feed_url": feed_url, "csrf_token": context.get("csrf_token")}


@register.simple_tag(takes_context=True)
def due_items(context, items, back=""):
    """The list of due items with their Done and snooze buttons.

    Written here rather than as a template: Today draws up to eighty items on every visit, and the template
    language took five times as long (followups/_due_items.html calls this). `back`: the page to return to
    after a button (the "show all" pages); without it, the buttons replace the list through htmx.
    """
    action = escape(_item_url())
    token = context.get("csrf_token")
    csrf = f'<input type="hidden" name="csrfmiddlewaretoken" value="{escape(token)}">' if token and token != "NOTPROVIDED" else ""
    htmx = "" if back else f' hx-post="{action}" hx-target="#due-list" hx-swap="outerHTML"'
    next_field = f'<input type="hidden" name="next" value="{escape(back)}">' if back else ""
    rows = ['<ul class="due-items">']
    for item in items:
        anchor = f"task-{item.key.replace('task:', '')}" if item.kind == "task" else slugify(item.key)
        rows.append(
            f'\n  <li class="due-item kind-{escape(item.kind)}{" overdue" if item.overdue else ""}" id="{escape(anchor)}">\n'
            f'    <a href="{escape(item.action)}" class="due-title">{escape(item.title)}</a>\n'
            f'    <small class="muted">{"was due" if item.overdue else "due"} {_when(item.due)}</small>\n'
            f'    <form method="post" action="{action}"{htmx} class="item-actions">\n'
            f'      {csrf}<input type="hidden" name="key" value="{escape(item.key)}">{next_field}\n'
            '      <button type="submit" name="action" value="done" class="link-button">Done</button>\n'
            '      <button type="submit" name="action" value="tomorrow" class="link-button">Tomorrow</button>\n'
            '      <button type="submit" name="action" value="week" class="link-button">Next week</button>\n'
            '    </form>\n  </li>')
    rows.append("\n</ul>")
    return mark_safe("".join(rows))  # every value above escaped


def _item_url() -> str:
    return reverse("followups:item")


def _when(moment) -> str:
    """As the date filter's "D j M, H:i" writes it, in the active time zone."""
    local = timezone.localtime(moment)
    return f"{WEEKDAYS_ABBR[local.weekday()]} {local.day} {MONTHS_3[local.month].title()}, {local:%H:%M}"

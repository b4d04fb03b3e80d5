"""Pieces of other apps' pages that show follow-up data (the settings page's calendar feed)."""

from django import template
from django.urls import reverse

from coffeechat.followups.models import CalendarFeed

register = template.Library()


@register.inclusion_tag("followups/_feed_settings.html", takes_context=True)
def calendar_feed_settings(context):
    request = context["request"]
    feed = CalendarFeed.objects.filter(user=request.user).first()
    feed_url = request.build_absolute_uri(reverse("followups:feed", args=[feed.token])) if feed else ""
    return {"feed_url": feed_url, "csrf_token": context.get("csrf_token")}

"""The calendar feed: scheduled conversations and what is due, for Google, Apple or Outlook to subscribe to."""

from datetime import timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from coffeechat.conversations.models import Conversation
from coffeechat.followups.rules import due_items, load_snapshot
from coffeechat.meetings.ics import PRODID
from coffeechat.meetings.scheduling import agenda, summary_line


def feed_ics(user, now) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", "Coffeechat")
    utc = ZoneInfo("UTC")
    for c in Conversation.objects.for_user(user).filter(state=Conversation.State.SCHEDULED).select_related("person", "owner"):
        event = Event()
        event.add("uid", c.ical_uid)
        event.add("dtstamp", now.astimezone(utc))
        event.add("sequence", c.sequence)
        event.add("dtstart", c.scheduled_start.astimezone(utc))
        event.add("dtend", c.scheduled_end.astimezone(utc))
        event.add("summary", summary_line(c))
        event.add("description", agenda(c))
        if c.location:
            event.add("location", c.location)
        calendar.add_component(event)
    zone = ZoneInfo(user.time_zone)
    for item in due_items(load_snapshot(user), now):
        day = item.due.astimezone(zone).date()
        event = Event()
        event.add("uid", f"{item.key}@coffeechat-due")
        event.add("dtstamp", now.astimezone(utc))
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
        event.add("summary", item.title)
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar.to_ical()

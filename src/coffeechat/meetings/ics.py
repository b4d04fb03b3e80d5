"""Calendar invitations (.ics) that Google Calendar, Outlook and Apple Calendar accept.

One VEVENT per conversation with a stable UID; SEQUENCE rises with every change, so a
re-sent invitation updates the same event, and METHOD:CANCEL with the same UID removes it.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event, vCalAddress, vText

PRODID = "-//Coffeechat//Coffeechat//EN"


@dataclass(frozen=True)
class Invitation:
    uid: str
    sequence: int
    start: datetime            # aware
    minutes: int
    time_zone: str             # IANA name the event is written in
    summary: str
    description: str = ""
    location: str = ""
    organizer_email: str = ""
    organizer_name: str = ""
    attendee_email: str = ""
    attendee_name: str = ""
    alarm_minutes: int = 15


def _address(email: str, name: str, **params) -> vCalAddress:
    address = vCalAddress(f"mailto:{email}")
    if name:
        address.params["CN"] = vText(name)
    for key, value in params.items():
        address.params[key] = vText(value)
    return address


def build_calendar(invitation: Invitation, *, method: str = "REQUEST", now: datetime) -> bytes:
    """The whole .ics file. `method` is REQUEST (new or changed) or CANCEL."""
    if method not in ("REQUEST", "CANCEL", "PUBLISH"):
        raise ValueError(f"unsupported METHOD {method}")
    zone = ZoneInfo(invitation.time_zone)
    start = invitation.start.astimezone(zone)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    calendar.add_component(_event(invitation, start, method, now))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _event(invitation: Invitation, start: datetime, method: str, now: datetime) -> Event:
    event = Event()
    event.add("uid", invitation.uid)
    event.add("dtstamp", now.astimezone(ZoneInfo("UTC")))
    event.add("sequence", invitation.sequence)
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=invitation.minutes))
    event.add("summary", invitation.summary)
    if invitation.description:
        event.add("description", invitation.description)
    if invitation.location:
        event.add("location", invitation.location)
    event.add("status", "CANCELLED" if method == "CANCEL" else "CONFIRMED")
    event.add("transp", "OPAQUE")
    if invitation.organizer_email:
        event.add("organizer", _address(invitation.organizer_email, invitation.organizer_name))
    if invitation.attendee_email:
        event.add("attendee", _address(
            invitation.attendee_email, invitation.attendee_name,
            ROLE="REQ-PARTICIPANT", PARTSTAT="NEEDS-ACTION", RSVP="TRUE",
        ))
    if method != "CANCEL" and invitation.alarm_minutes:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"In {invitation.alarm_minutes} minutes: {invitation.summary}")
        alarm.add("trigger", timedelta(minutes=-invitation.alarm_minutes))
        event.add_component(alarm)
    return event

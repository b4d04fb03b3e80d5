"""Calendar invitations (.ics) that Google Calendar, Outlook and Apple Calendar accept.

One VEVENT per conversation with a stable UID; SEQUENCE rises with every change, so a
re-sent invitation updates the same event, and METHOD:CANCEL with the same UID removes it.
An invitation (REQUEST or CANCEL, RFC 5546) always names its ORGANIZER and an ATTENDEE; without
the other person's address the file is a METHOD:PUBLISH event for the user's own calendar.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event, vCalAddress, vText

from coffeechat.meetings.vtimezone import vtimezone

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
    created: datetime | None = None        # when the conversation was first scheduled or recorded
    last_modified: datetime | None = None


class IncompleteInvitation(ValueError):
    """An invitation without an organiser or an attendee would be invalid (RFC 5546 section 3.2)."""


def method_for(invitation: Invitation, *, cancelled: bool = False) -> str:
    """REQUEST/CANCEL when both people have an address; PUBLISH (just an event) when the other has none."""
    if not invitation.organizer_email:
        raise IncompleteInvitation("An invitation needs your name and email address: add them in Settings.")
    if not invitation.attendee_email:
        return "PUBLISH"
    return "CANCEL" if cancelled else "REQUEST"


def _address(email: str, name: str, **params) -> vCalAddress:
    address = vCalAddress(f"mailto:{email}")
    if name:
        address.params["CN"] = vText(name)
    for key, value in params.items():
        address.params[key] = vText(value)
    return address


def build_calendar(invitation: Invitation, *, method: str = "REQUEST", now: datetime, cancelled: bool = False) -> bytes:
    """The whole .ics file. `method` is REQUEST (new or changed), CANCEL, or PUBLISH (no invitee)."""
    if method not in ("REQUEST", "CANCEL", "PUBLISH"):
        raise ValueError(f"unsupported METHOD {method}")
    if method in ("REQUEST", "CANCEL") and not (invitation.organizer_email and invitation.attendee_email):
        raise IncompleteInvitation(f"METHOD:{method} needs an organiser and an attendee with email addresses.")
    if method == "PUBLISH" and not invitation.organizer_email:
        raise IncompleteInvitation("METHOD:PUBLISH needs an organiser with an email address.")
    zone = ZoneInfo(invitation.time_zone)
    start = invitation.start.astimezone(zone)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    if invitation.time_zone != "UTC":
        calendar.add_component(vtimezone(invitation.time_zone, start.replace(tzinfo=None)))
    calendar.add_component(_event(invitation, start, method, now, cancelled or method == "CANCEL"))
    return calendar.to_ical()


def _event(invitation: Invitation, start: datetime, method: str, now: datetime, cancelled: bool) -> Event:
    event = Event()
    event.add("uid", invitation.uid)
    utc = ZoneInfo("UTC")
    event.add("dtstamp", now.astimezone(utc))
    event.add("created", (invitation.created or now).astimezone(utc))
    event.add("last-modified", (invitation.last_modified or invitation.created or now).astimezone(utc))
    event.add("sequence", invitation.sequence)
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=invitation.minutes))
    event.add("summary", invitation.summary)
    if invitation.description:
        event.add("description", invitation.description)
    if invitation.location:
        event.add("location", invitation.location)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("transp", "OPAQUE")
    event.add("organizer", _address(invitation.organizer_email, invitation.organizer_name))
    if method != "PUBLISH":
        # As Google, Outlook and Apple do: the organiser is also an attendee, who has accepted.
        event.add("attendee", _address(
            invitation.organizer_email, invitation.organizer_name,
            CUTYPE="INDIVIDUAL", ROLE="REQ-PARTICIPANT", PARTSTAT="ACCEPTED", RSVP="FALSE",
        ))
        event.add("attendee", _address(
            invitation.attendee_email, invitation.attendee_name,
            CUTYPE="INDIVIDUAL", ROLE="REQ-PARTICIPANT", PARTSTAT="NEEDS-ACTION", RSVP="TRUE",
        ))
    if not cancelled and invitation.alarm_minutes:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"In {invitation.alarm_minutes} minutes: {invitation.summary}")
        alarm.add("trigger", timedelta(minutes=-invitation.alarm_minutes))
        event.add_component(alarm)
    return event

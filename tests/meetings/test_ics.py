"""The invitation must read back right in two independent parsers."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
import vobject

from coffeechat.meetings.ics import Invitation, build_calendar

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
START = datetime(2026, 12, 1, 15, 0, tzinfo=ZoneInfo("America/Toronto"))


def invitation(**overrides):
    values = dict(
        uid="3f1c2d7e-1111-4222-8333-944455556666@coffeechat", sequence=0, start=START, minutes=30,
        time_zone="America/Toronto", summary="Informational interview: Zoë Kowalczyk & Hélène Béland",
        description="Agenda:\n1. Your path into nursing informatics\n2. What a typical week looks like",
        location="https://meet.example.com/abc-defg", organizer_email="zoe@example.org", organizer_name="Zoë Kowalczyk",
        attendee_email="helene@northwind.example", attendee_name="Hélène Béland",
    )
    values.update(overrides)
    return Invitation(**values)


def test_icalendar_reads_back_the_instant_length_and_people():
    calendar = icalendar.Calendar.from_ical(build_calendar(invitation(), now=NOW))
    assert calendar["METHOD"] == "REQUEST"
    [event] = calendar.walk("VEVENT")
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert start == START and start.astimezone(UTC) == datetime(2026, 12, 1, 20, 0, tzinfo=UTC)
    assert end - start == timedelta(minutes=30)
    assert event["DTSTART"].params["TZID"] == "America/Toronto"
    assert str(event["UID"]) == "3f1c2d7e-1111-4222-8333-944455556666@coffeechat"
    assert str(event["ORGANIZER"]) == "mailto:zoe@example.org"
    assert event["ATTENDEE"].params["RSVP"] == "TRUE"
    assert event.decoded("DTSTAMP") == NOW
    assert [c.name for c in calendar.walk("VTIMEZONE")] == ["VTIMEZONE"]
    [alarm] = event.walk("VALARM")
    assert alarm.decoded("TRIGGER") == timedelta(minutes=-15)


def test_vobject_reads_back_the_same_instant():
    parsed = vobject.readOne(build_calendar(invitation(), now=NOW).decode())
    event = parsed.vevent
    assert event.dtstart.value.astimezone(UTC) == datetime(2026, 12, 1, 20, 0, tzinfo=UTC)
    assert event.dtend.value - event.dtstart.value == timedelta(minutes=30)
    assert event.summary.value == "Informational interview: Zoë Kowalczyk & Hélène Béland"
    assert event.location.value == "https://meet.example.com/abc-defg"


def test_a_reschedule_keeps_the_uid_and_raises_the_sequence():
    first = icalendar.Calendar.from_ical(build_calendar(invitation(), now=NOW)).walk("VEVENT")[0]
    moved = invitation(sequence=1, start=START + timedelta(days=1))
    second = icalendar.Calendar.from_ical(build_calendar(moved, now=NOW)).walk("VEVENT")[0]
    assert second["UID"] == first["UID"] and second["SEQUENCE"] == 1


def test_cancel_uses_the_same_uid_and_no_alarm():
    calendar = icalendar.Calendar.from_ical(build_calendar(invitation(sequence=2), method="CANCEL", now=NOW))
    [event] = calendar.walk("VEVENT")
    assert calendar["METHOD"] == "CANCEL" and event["STATUS"] == "CANCELLED"
    assert event["UID"] == "3f1c2d7e-1111-4222-8333-944455556666@coffeechat" and not event.walk("VALARM")


def test_utc_events_and_no_attendee_are_fine():
    calendar = icalendar.Calendar.from_ical(build_calendar(invitation(time_zone="UTC", attendee_email=""), now=NOW))
    [event] = calendar.walk("VEVENT")
    assert event.decoded("DTSTART") == datetime(2026, 12, 1, 20, 0, tzinfo=ZoneInfo("UTC"))
    assert "ATTENDEE" not in event


def test_lines_are_folded_and_crlf_terminated():
    raw = build_calendar(invitation(description="Long agenda item " * 40), now=NOW)
    assert b"\r\n" in raw and all(len(line) <= 75 for line in raw.split(b"\r\n"))


def test_an_unknown_method_is_refused():
    with pytest.raises(ValueError):
        build_calendar(invitation(), method="PUBLISHX", now=NOW)

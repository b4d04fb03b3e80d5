"""The invitation must read back right in two independent parsers."""

import os
import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
import vobject

from coffeechat.meetings.ics import IncompleteInvitation, Invitation, build_calendar, method_for

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
    me, them = event["ATTENDEE"]
    assert them.params["RSVP"] == "TRUE" and them.params["PARTSTAT"] == "NEEDS-ACTION"
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


def test_utc_events_without_an_attendee_are_published_not_requested():
    calendar = icalendar.Calendar.from_ical(build_calendar(invitation(time_zone="UTC", attendee_email=""), method="PUBLISH", now=NOW))
    [event] = calendar.walk("VEVENT")
    assert calendar["METHOD"] == "PUBLISH" and not calendar.walk("VTIMEZONE")
    assert event.decoded("DTSTART") == datetime(2026, 12, 1, 20, 0, tzinfo=ZoneInfo("UTC"))
    assert "ATTENDEE" not in event and str(event["ORGANIZER"]) == "mailto:zoe@example.org"


def test_lines_are_folded_and_crlf_terminated():
    raw = build_calendar(invitation(description="Long agenda item " * 40), now=NOW)
    assert b"\r\n" in raw and all(len(line) <= 75 for line in raw.split(b"\r\n"))


def test_an_unknown_method_is_refused():
    with pytest.raises(ValueError):
        build_calendar(invitation(), method="PUBLISHX", now=NOW)


# Issue 14, items 5 and 6: never an invalid REQUEST; what real invitations carry; a real client reads it.

def test_a_request_without_organiser_or_attendee_is_never_written():
    with pytest.raises(IncompleteInvitation):
        build_calendar(invitation(organizer_email=""), now=NOW)
    with pytest.raises(IncompleteInvitation):
        build_calendar(invitation(attendee_email=""), now=NOW)
    with pytest.raises(IncompleteInvitation):
        method_for(invitation(organizer_email=""))
    assert method_for(invitation(attendee_email="")) == "PUBLISH" and method_for(invitation()) == "REQUEST"
    assert method_for(invitation(), cancelled=True) == "CANCEL"


def test_the_organiser_is_an_accepted_individual_attendee_and_times_are_stamped():
    created = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
    modified = datetime(2026, 11, 21, 16, 0, tzinfo=UTC)
    event = icalendar.Calendar.from_ical(build_calendar(invitation(created=created, last_modified=modified), now=NOW)).walk("VEVENT")[0]
    me, them = event["ATTENDEE"]
    assert str(me) == "mailto:zoe@example.org" and me.params["PARTSTAT"] == "ACCEPTED" and me.params["CN"] == "Zoë Kowalczyk"
    assert me.params["CUTYPE"] == them.params["CUTYPE"] == "INDIVIDUAL"
    assert event.decoded("CREATED") == created and event.decoded("LAST-MODIFIED") == modified


@pytest.mark.parametrize(("zone", "local", "utc"), [
    ("America/Toronto", datetime(2026, 12, 1, 15, 0), datetime(2026, 12, 1, 20, 0)),
    ("America/Toronto", datetime(2026, 7, 1, 15, 0), datetime(2026, 7, 1, 19, 0)),
    ("Europe/London", datetime(2026, 3, 30, 9, 0), datetime(2026, 3, 30, 8, 0)),
    ("Australia/Sydney", datetime(2026, 1, 15, 9, 0), datetime(2026, 1, 14, 22, 0)),
    ("Asia/Kolkata", datetime(2026, 12, 1, 15, 0), datetime(2026, 12, 1, 9, 30)),
])
def test_the_vtimezone_states_yearly_rules_not_a_list_of_dates(zone, local, utc):
    raw = build_calendar(invitation(time_zone=zone, start=local.replace(tzinfo=ZoneInfo(zone))), now=NOW)
    calendar = icalendar.Calendar.from_ical(raw)
    [vtimezone] = calendar.walk("VTIMEZONE")
    assert str(vtimezone["TZID"]) == zone and b"RDATE" not in raw and b"2038" not in raw
    observances = vtimezone.walk("DAYLIGHT") + vtimezone.walk("STANDARD")
    if zone != "Asia/Kolkata":
        assert len(observances) == 2 and all("RRULE" in o for o in observances)
    # Read back with the file's own rules (not the zone database): the same instant.
    start = calendar.walk("VEVENT")[0].decoded("DTSTART")
    assert start.astimezone(UTC) == utc.replace(tzinfo=UTC)
    assert vtimezone.to_tz(lookup_tzid=False).utcoffset(local) == local.replace(tzinfo=ZoneInfo(zone)).utcoffset()
    # vobject builds the zone from the VTIMEZONE in the file, too.
    assert vobject.readOne(raw.decode()).vevent.dtstart.value.astimezone(UTC) == utc.replace(tzinfo=UTC)


KHAL_CONFIG = """[calendars]
[[mine]]
path = {path}
type = calendar

[locale]
local_timezone = {zone}
default_timezone = {zone}
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
"""


@pytest.mark.skipif(shutil.which("khal") is None, reason="khal (Debian package khal) is not installed")
def test_khal_imports_the_invitation_at_the_right_time(tmp_path):
    calendar_dir, ics = tmp_path / "calendar", tmp_path / "invitation.ics"
    calendar_dir.mkdir()
    config = tmp_path / "khal.conf"
    config.write_text(KHAL_CONFIG.format(path=calendar_dir, zone="Europe/Paris"))
    ics.write_bytes(build_calendar(invitation(), now=NOW))
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "config"), "TZ": "Europe/Paris"}
    khal = ["khal", "-c", str(config)]
    imported = subprocess.run([*khal, "import", "--batch", str(ics)], env=env, capture_output=True, text=True, timeout=60)
    assert imported.returncode == 0, imported.stderr
    assert len(list(calendar_dir.glob("*.ics"))) == 1
    # 15:00 in Toronto on 1 December is 21:00 in Paris.
    listed = subprocess.run([*khal, "list", "--format", "{start} {end} {title}", "2026-12-01", "2d"],
                            env=env, capture_output=True, text=True, timeout=60)
    assert listed.returncode == 0, listed.stderr
    assert "2026-12-01 21:00 2026-12-01 21:30 Informational interview: Zoë Kowalczyk & Hélène Béland" in listed.stdout


def test_a_zone_whose_rule_has_no_rrule_form_lists_only_the_years_around_the_event():
    # Israel's clocks go forward on the Friday before the last Sunday of March: no BYDAY says that.
    local = datetime(2026, 12, 1, 15, 0)
    raw = build_calendar(invitation(time_zone="Asia/Jerusalem", start=local.replace(tzinfo=ZoneInfo("Asia/Jerusalem"))), now=NOW)
    assert b"RDATE" in raw and b"1970" not in raw and b"2038" not in raw
    [vtimezone] = icalendar.Calendar.from_ical(raw).walk("VTIMEZONE")
    assert vtimezone.to_tz(lookup_tzid=False).utcoffset(local) == timedelta(hours=2)


def test_an_event_from_before_the_current_rule_is_not_given_todays_rule():
    # Toronto's clocks went forward on 3 April in 2005; today's rule (second Sunday of March) says 13 March.
    local = datetime(2005, 3, 20, 15, 0)
    raw = build_calendar(invitation(start=local.replace(tzinfo=ZoneInfo("America/Toronto"))), now=NOW)
    [vtimezone] = icalendar.Calendar.from_ical(raw).walk("VTIMEZONE")
    assert vtimezone.to_tz(lookup_tzid=False).utcoffset(local) == timedelta(hours=-5)
    # (vobject keeps the first VTIMEZONE it saw for a TZID for the whole process, so it cannot judge this one here.)

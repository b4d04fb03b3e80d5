from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from coffeechat.accounts.availability import format_availability, parse_availability
from coffeechat.outreach.slots import propose_slots
from coffeechat.timezones import describe_slot

AVAILABILITY = {"1": [["14:00", "17:00"]], "3": [["09:00", "11:00"], ["15:00", "16:00"]], "bad": [["x"]], "5": [["10:00", "09:00"]]}
NOW = datetime(2026, 11, 22, 15, 0, tzinfo=UTC)  # Sunday


def test_availability_parses_and_formats_ignoring_bad_entries():
    windows = parse_availability(AVAILABILITY)
    assert [(w.weekday, w.start.isoformat(timespec="minutes")) for w in windows] == [(1, "14:00"), (3, "09:00"), (3, "15:00")]
    assert format_availability(AVAILABILITY) == {1: "14:00-17:00", 3: "09:00-11:00, 15:00-16:00"}


def test_three_slots_on_different_days_within_two_weeks_after_48_hours():
    slots = propose_slots(parse_availability(AVAILABILITY), now=NOW, time_zone="America/Toronto", minutes=30)
    assert len(slots) == 3
    assert len({s.date() for s in slots}) == 3
    for slot in slots:
        assert slot.tzinfo == ZoneInfo("America/Toronto")
        assert (slot - NOW).total_seconds() >= 48 * 3600
        assert (slot - NOW).days <= 14
        assert slot.weekday() in (1, 3)


def test_busy_times_are_avoided():
    windows = parse_availability({"1": [["14:00", "15:00"]], "2": [["14:00", "15:00"]]})
    first = propose_slots(windows, now=NOW, time_zone="UTC", minutes=30, count=1)[0]
    busy = [(first, first.replace(hour=15))]
    again = propose_slots(windows, now=NOW, time_zone="UTC", minutes=30, count=1, busy=busy)[0]
    assert again.date() != first.date()


def test_no_availability_gives_no_slots():
    assert propose_slots([], now=NOW, time_zone="UTC", minutes=30) == []


def test_a_slot_reads_in_both_zones():
    slot = datetime(2026, 12, 1, 15, 0, tzinfo=ZoneInfo("America/Toronto"))
    assert describe_slot(slot, "America/Vancouver") == "Tuesday 1 December, 3:00 pm (EST) — 12:00 pm your time (PST)"
    assert describe_slot(slot) == "Tuesday 1 December, 3:00 pm (EST)"

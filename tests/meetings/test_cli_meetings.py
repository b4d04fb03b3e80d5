import json
from datetime import UTC, datetime

import icalendar
import vobject

from tests.clirun import run_cli


def test_meetings_add_ics_and_list(tmp_path):
    data = tmp_path / "data"
    person_id = run_cli(data, "people", "add", "Hélène Béland", "--email", "helene@northwind.example").stdout.strip()
    added = run_cli(data, "meetings", "add", "helene@northwind.example", "--at", "2026-12-01 15:00",
                    "--tz", "America/Toronto", "--minutes", "20", "--medium", "phone", "--where", "+1 604 555 0100")
    assert added.returncode == 0, added.stderr
    conversation_id = added.stdout.strip()
    out = tmp_path / "invite.ics"
    refused = run_cli(data, "meetings", "ics", conversation_id, "-o", str(out))  # no name or email yet: no invalid REQUEST
    assert refused.returncode == 1 and "coffeechat settings --name" in refused.stderr and not out.exists()
    assert run_cli(data, "settings", "--name", "Zoë Kowalczyk", "--email", "zoe@example.org").returncode == 0
    assert run_cli(data, "meetings", "ics", conversation_id, "-o", str(out)).returncode == 0
    event = icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")[0]
    assert event.decoded("DTSTART").astimezone(UTC) == datetime(2026, 12, 1, 20, 0, tzinfo=UTC)
    assert (event.decoded("DTEND") - event.decoded("DTSTART")).total_seconds() == 1200
    assert vobject.readOne(out.read_text()).vevent.location.value == "+1 604 555 0100"
    assert str(event["SUMMARY"]) == "Informational interview: Zoë Kowalczyk & Hélène Béland"  # not the OS user name
    assert str(event["ORGANIZER"]) == "mailto:zoe@example.org"
    [row] = json.loads(run_cli(data, "meetings", "list", "--json").stdout)
    assert (row["id"], row["person_id"], row["state"], row["minutes"]) == (int(conversation_id), int(person_id), "scheduled", 20)
    by_name = run_cli(data, "meetings", "add", "hélène béland", "--at", "2026-12-01 15:10", "--tz", "America/Toronto")
    assert by_name.returncode == 0 and "overlaps" in by_name.stderr


def test_meetings_add_refuses_bad_input(tmp_path):
    data = tmp_path / "data"
    run_cli(data, "people", "add", "Ada Lovelace")
    run_cli(data, "people", "add", "Ada Lovelace")
    for args, expected in [
        (["Ada Lovelace", "--at", "2026-12-01 15:00"], "2 people are called"),
        (["Nobody", "--at", "2026-12-01 15:00"], "Nobody matches"),
        (["1", "--at", "tomorrow"], "is not a date and time"),
        (["1", "--at", "2026-12-01 15:00", "--tz", "Mars/Base"], "not a time zone"),
    ]:
        result = run_cli(data, "meetings", "add", *args)
        assert result.returncode == 1 and expected in result.stderr, (args, result.stderr)
    assert run_cli(data, "meetings", "add", "1").returncode == 2
    assert json.loads(run_cli(data, "meetings", "list", "--json").stdout) == []
    assert run_cli(data, "meetings", "ics", "99").returncode == 1

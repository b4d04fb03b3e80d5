"""`coffeechat settings` shows and sets the profile invitations and drafts use (issue 14, item 7)."""

import json

from tests.clirun import run_cli


def test_settings_sets_and_shows_the_profile(tmp_path):
    data = tmp_path / "data"
    shown = run_cli(data, "settings", "--json")
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["email"] == ""
    done = run_cli(data, "settings", "--name", "Zoë  Kowalczyk", "--email", "zoe@example.org", "--time-zone", "America/Halifax", "--json")
    assert done.returncode == 0, done.stderr
    profile = json.loads(done.stdout)
    assert (profile["name"], profile["first_name"], profile["last_name"]) == ("Zoë Kowalczyk", "Zoë", "Kowalczyk")
    assert (profile["email"], profile["time_zone"]) == ("zoe@example.org", "America/Halifax")
    text = run_cli(data, "settings").stdout
    assert "Zoë Kowalczyk" in text and "zoe@example.org" in text and "America/Halifax" in text


def test_bad_values_exit_1_and_change_nothing(tmp_path):
    data = tmp_path / "data"
    run_cli(data, "settings", "--name", "Zoë Kowalczyk", "--email", "zoe@example.org")
    bad_email = run_cli(data, "settings", "--name", "Someone Else", "--email", "not-an-address")
    assert bad_email.returncode == 1 and "not an email address" in bad_email.stderr
    bad_zone = run_cli(data, "settings", "--time-zone", "Mars/Olympus")
    assert bad_zone.returncode == 1 and "not a time zone" in bad_zone.stderr
    assert run_cli(data, "settings", "--name", "  ").returncode == 1
    assert json.loads(run_cli(data, "settings", "--json").stdout)["name"] == "Zoë Kowalczyk"


def test_wrong_usage_exits_2(tmp_path):
    assert run_cli(tmp_path / "data", "settings", "--colour", "blue").returncode == 2

import json

from tests.clirun import run_cli
from tests.outreach.emails import GOOD_REFERRED


def test_coach_email_json_from_a_file_and_from_stdin(tmp_path):
    path = tmp_path / "request.txt"
    path.write_text(GOOD_REFERRED, encoding="utf-8")
    result = run_cli(tmp_path / "data", "coach", "email", str(path), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["word_count"] == 76 and data["checks"]["asks_for_job"] is False and data["checks"]["clear_request"] is True
    piped = run_cli(tmp_path / "data", "coach", "email", "-", "--json", stdin="Hi,\n\nAre you hiring?\n\nThanks")
    assert piped.returncode == 0 and json.loads(piped.stdout)["checks"]["asks_for_job"] is True


def test_coach_email_readable_report_exits_0_even_with_problems(tmp_path):
    result = run_cli(tmp_path / "data", "coach", "email", "-", stdin="Hello")
    assert result.returncode == 0 and "✗ clear_request" in result.stdout and "Not ready yet" in result.stdout


def test_unreadable_input_exits_1(tmp_path):
    (tmp_path / "binary.txt").write_bytes(b"\xff\xfe\x00\x81")
    for source in (str(tmp_path / "missing.txt"), str(tmp_path), str(tmp_path / "binary.txt")):
        result = run_cli(tmp_path / "data", "coach", "email", source)
        assert result.returncode == 1 and result.stderr.strip(), source
    assert run_cli(tmp_path / "data", "coach", "poems", "-").returncode == 2


def test_the_web_composer_and_the_cli_agree(tmp_path):
    from coffeechat.outreach.coach import check_email

    path = tmp_path / "request.txt"
    path.write_text(GOOD_REFERRED, encoding="utf-8")
    cli = json.loads(run_cli(tmp_path / "data", "coach", "email", str(path), "--json").stdout)
    assert cli == check_email(GOOD_REFERRED).as_json()


def test_coach_questions_json(tmp_path):
    text = "# my plan\n1. Do you like your job?\n2. How many people work at your company?\n3. Who else should I talk to?\n"
    result = run_cli(tmp_path / "data", "coach", "questions", "-", "--json", stdin=text)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    flags = [(q["open_ended"], q["googleable"], q["asks_for_job"]) for q in data["questions"]]
    assert flags == [(False, False, False), (True, True, False), (True, False, False)]
    assert data["plan"]["count"] == 3 and data["plan"]["has_referral_question"] and not data["plan"]["has_closing_question"]
    readable = run_cli(tmp_path / "data", "coach", "questions", "-", stdin=text)
    assert readable.returncode == 0 and "What do you enjoy most about your work?" in readable.stdout


THANKS = """Dear Ruth,

Thank you for your time on Monday. Your tip about volunteering with a charity press office first was exactly what I
needed. I've written to Amira Haddad, as you suggested.

Warm regards,
Owen"""


def test_coach_thanks_json_with_notes_and_referrals(tmp_path):
    note, notes = tmp_path / "thanks.txt", tmp_path / "notes.txt"
    note.write_text(THANKS, encoding="utf-8")
    notes.write_text("Volunteer at a charity press office before anything else\nTalk to Amira Haddad\n", encoding="utf-8")
    result = run_cli(tmp_path / "data", "coach", "thanks", str(note), "--notes", str(notes),
                     "--referral", "Amira Haddad", "--referral", "Tom Reed", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert list(data["checks"]) == ["thanks", "specific_takeaway", "mentions_referrals", "no_prompts", "no_private_notes",
                                    "brief"]
    assert data["checks"]["mentions_referrals"] is True and data["checks"]["no_private_notes"] is True
    from coffeechat.outreach.coach import check_thanks

    assert data == check_thanks(THANKS, notes=notes.read_text(), referrals=["Amira Haddad", "Tom Reed"]).as_json()


def test_coach_thanks_readable_from_stdin_flags_what_is_missing(tmp_path):
    result = run_cli(tmp_path / "data", "coach", "thanks", "-", "--referral", "Amira Haddad",
                     stdin="Hi Ruth,\n\nThanks for [day].\n\nBest,\nOwen")
    assert result.returncode == 0, result.stderr
    assert "✗ mentions_referrals" in result.stdout and "✗ no_prompts" in result.stdout
    assert "Not ready yet" in result.stdout and "Amira Haddad" in result.stdout


def test_coach_thanks_bad_input_and_usage(tmp_path):
    note = tmp_path / "thanks.txt"
    note.write_text(THANKS, encoding="utf-8")
    missing = run_cli(tmp_path / "data", "coach", "thanks", str(note), "--notes", str(tmp_path / "missing.txt"))
    assert missing.returncode == 1 and "missing.txt" in missing.stderr
    both = run_cli(tmp_path / "data", "coach", "thanks", "-", "--notes", "-", stdin="x")
    assert both.returncode == 2 and both.stderr.strip()
    assert run_cli(tmp_path / "data", "coach", "thanks").returncode == 2

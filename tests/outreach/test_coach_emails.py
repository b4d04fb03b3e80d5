
import pytest
from tests.outreach.emails import EMAILS, GOOD_REFERRED

from coffeechat.outreach.coach import CHECK_IDS, CoachContext, check_email, parse_email

CASES = [(name, text, check, expected) for name, text, checks in EMAILS for check, expected in checks.items()]


def test_there_are_at_least_forty_emails_and_every_check_is_shown_both_ways():
    assert len(EMAILS) >= 40
    for check in CHECK_IDS:
        outcomes = {expected for _, _, c, expected in CASES if c == check}
        assert outcomes == {True, False}, f"{check} is not shown both holding and failing"


@pytest.mark.parametrize(("name", "text", "check", "expected"), CASES, ids=[f"{n}:{c}" for n, _, c, _ in CASES])
def test_the_coach_verdict(name, text, check, expected):
    assert check_email(text).checks[check] is expected


def test_every_check_has_a_finding_with_a_plain_message_and_a_fix_when_it_fails():
    report = check_email("Hi,\n\nAre you hiring?\n\nThanks,\nMe")
    assert [f.id for f in report.findings] == list(CHECK_IDS)
    for finding in report.findings:
        assert finding.message
        assert bool(finding.fix) is (not finding.ok)
    assert report.checks["asks_for_job"] is True and not report.passed


def test_fixes_use_the_users_own_context():
    context = CoachContext(sender_name="Zoë Kowalczyk", sender_line="a final-year nursing student at Dalhousie",
                           referrer_name="Priya Shah", organization="Northwind Health", minutes=20)
    report = check_email("Hi,\n\nHello.\n\nBest,\nZ", context)
    fixes = {f.id: f.fix for f in report.findings}
    assert "I'm Zoë Kowalczyk, a final-year nursing student at Dalhousie" in fixes["introduces_self"]
    assert "Priya Shah suggested I write to you" in fixes["names_connection"]
    assert "Northwind Health" in fixes["information_not_job"]
    assert "20 minutes" in fixes["clear_request"]


def test_a_complete_request_passes():
    report = check_email(GOOD_REFERRED)
    assert report.passed, [f for f in report.findings if not f.ok]
    assert report.word_count == 76  # counted by hand


def test_word_count_is_between_greeting_and_sign_off():
    assert check_email("Dear Sam,\n\none two three four\n\nBest regards,\nA long signature with many words in it").word_count == 4
    assert check_email("Subject: many words in the subject line\n\nHi Sam,\n\none two\n\nThanks,\nX").word_count == 2


def test_subject_line_is_optional_and_read_from_the_first_line():
    assert parse_email("Subject: Hello there\nDear X,\nBody") == ("Hello there", "Dear X,\nBody")
    assert parse_email("Dear X,\nBody") == ("", "Dear X,\nBody")


def test_the_json_shape():
    data = check_email(GOOD_REFERRED).as_json()
    assert set(data) == {"word_count", "checks", "findings"}
    assert set(data["checks"]) == set(CHECK_IDS)
    assert set(data["findings"][0]) == {"id", "ok", "message", "fix"}


def test_it_is_deterministic_and_needs_no_network(monkeypatch):
    import socket

    monkeypatch.setattr(socket, "socket", lambda *a, **k: (_ for _ in ()).throw(AssertionError("network used")))
    first = [check_email(text).as_json() for _, text, _ in EMAILS]
    assert first == [check_email(text).as_json() for _, text, _ in EMAILS]




def test_bracketed_prompts_left_in_the_text_keep_it_from_being_ready():
    text = GOOD_REFERRED.replace("nursing informatics.", "[the field or role you are exploring].")
    report = check_email(text)
    assert report.placeholders == ["[the field or role you are exploring]"] and not report.passed
    assert check_email(GOOD_REFERRED).placeholders == []

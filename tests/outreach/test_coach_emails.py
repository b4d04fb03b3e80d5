
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


def _body(middle: str) -> str:
    return f"Hi Sam,\n\n{middle}\n\nBest,\nAlex"


def test_connections_named_in_less_common_ways():
    for sentence in ("I noticed your profile on your team page.", "We share a connection in Tom Whitfield.",
                     "I saw your talk at the Leeds JS meetup last month.", "I read your recent article on rural broadband.",
                     "Your name came up in the alumni mentoring portal.", "Mr Adebayo, who runs our careers programme, "
                     "said you'd spoken at our school.", "A former colleague of yours, James Whitby, told me about your move.",
                     "I found your name in the Canadian Nursing Informatics Association's member list.",
                     "I've been listening to your podcast for a year."):
        assert check_email(_body(sentence)).checks["names_connection"], sentence
    for sentence in ("I'm a member of the university finance society.", "I saw the junior analyst position advertised on your website."):
        assert not check_email(_body(sentence)).checks["names_connection"], sentence


def test_indirect_job_asks_are_caught():
    for sentence in ("Please keep me in mind in case anything opens up.", "I've attached my CV in case there is a fit.",
                     "I'm applying for your graduate scheme and would love a word in with recruitment.",
                     "I'm writing to enquire about work experience placements.", "I'm job hunting at the moment.",
                     "If your team ever has summer internships, I'd appreciate you keeping me in mind.",
                     "Could you refer me for the SDE-2 opening?"):
        report = check_email(_body(sentence))
        assert report.checks["asks_for_job"] and not report.checks["information_not_job"], sentence


def test_job_words_that_are_not_asks():
    for sentence in ("I'd love to hear how you found your first job in the sector.",
                     "What experience, paid or volunteer, would you recommend to someone starting out?",
                     "I'm not looking for a job or placement; I'd just like to learn how graduates get started.",
                     "I'd love advice on how to find an internship in science policy.",
                     "Could you spare 20 minutes? Would Tuesday at 10 work for you?"):
        report = check_email(_body(sentence))
        assert not report.checks["asks_for_job"], sentence
        assert report.checks["information_not_job"] or "spare" in sentence, sentence


def test_a_greeting_on_the_same_line_as_the_message_keeps_the_message():
    report = check_email("Hi Priya, Dev Malhotra suggested I reach out. Would love 15 min to hear about your work — "
                         "free Tue 3–5 or Wed morning. Thanks! — Karan")
    assert report.checks["names_connection"] and report.checks["clear_request"] and report.checks["offers_availability"]


def test_hints_keep_proper_names_as_the_user_wrote_them():
    context = CoachContext(commonality="we both studied at Dalhousie University in Halifax")
    fix = {f.id: f.fix for f in check_email("Hi,\n\nHello.\n\nBest,\nZ", context).findings}["names_connection"]
    assert "“We both studied at Dalhousie University in Halifax, and" in fix

"""The thank-you coach: each check both ways, on notes written for these tests."""

from coffeechat.outreach.coach import THANKS_IDS, check_thanks

NOTES = """Moved from newsroom to the NHS press office in 2017
- Suggests volunteering for a charity press office first
- Salary roughly 45k at band 7
  (not public, don't repeat)
Talk to Amira Haddad at Shelter and Dr. Tom Reed"""

GOOD = """Dear Ruth,

Thank you for your time on Monday. Your suggestion to volunteer with a charity press office before applying anywhere
was exactly the practical step I needed, and I've emailed two already.

I wrote to Amira Haddad this morning and will contact Dr. Reed next week, mentioning that you suggested them.

Warm regards,
Owen"""


def verdicts(text, notes=NOTES, referrals=("Amira Haddad", "Dr. Tom Reed")):
    return check_thanks(text, notes=notes, referrals=referrals).checks


def test_a_good_note_passes_every_check_and_keeps_the_email_reports_json_shape():
    report = check_thanks(GOOD, notes=NOTES, referrals=["Amira Haddad", "Dr. Tom Reed"])
    assert report.passed, [f for f in report.findings if not f.ok]
    data = report.as_json()
    assert set(data) == {"word_count", "checks", "findings"}
    assert [f["id"] for f in data["findings"]] == list(THANKS_IDS) == list(data["checks"])
    assert set(data["findings"][0]) == {"id", "ok", "message", "fix"}


def test_thanks():
    assert verdicts("Hi Ruth,\n\nCheers for the chat on Monday, it helped a lot.\n\nOwen")["thanks"]
    assert not verdicts("Hi Ruth,\n\nFollowing up on our call: I wrote to Amira Haddad.\n\nRegards,\nOwen")["thanks"]


def test_a_specific_takeaway_is_named_not_just_praised():
    generic = "Dear Ruth,\n\nThank you so much for your time. It was really helpful and I learned a lot.\n\nBest,\nOwen"
    assert not verdicts(generic, notes="")["specific_takeaway"]
    assert verdicts("Dear Ruth,\n\nThank you. I had no idea the first year is mostly rota planning.\n\nBest,\nOwen",
                    notes="")["specific_takeaway"]
    # Without a phrase like "your advice", a particular thing from the notes still counts.
    assert verdicts("Dear Ruth,\n\nThank you. Volunteering at a charity press office is next on my list.\n\nBest,\nOwen")[
        "specific_takeaway"]


def test_the_sentence_about_referrals_is_not_a_takeaway():
    text = "Dear Ruth,\n\nThank you. I've written to Amira Haddad, as you suggested.\n\nBest,\nOwen"
    assert not verdicts(text, notes="")["specific_takeaway"]


def test_referrals_must_be_said_to_be_contacted_when_there_were_any():
    silent = "Dear Ruth,\n\nThank you! Your tip about charity press offices was gold.\n\nBest,\nOwen"
    assert not verdicts(silent)["mentions_referrals"]
    assert verdicts(silent, referrals=())["mentions_referrals"]  # none given: nothing to report
    # a surname after a title, across "Ms." and "Dr." that do not end a sentence
    assert verdicts(silent.replace("gold.", "gold. I will contact Ms. Haddad and Dr. Reed this week."))["mentions_referrals"]
    assert verdicts(silent.replace("gold.", "gold. I have emailed both of the people you suggested."))["mentions_referrals"]
    # naming them without saying they will be contacted is not enough
    assert not verdicts(silent.replace("gold.", "gold. Amira Haddad sounds great."))["mentions_referrals"]


def test_bracketed_prompts_left():
    report = check_thanks("Dear Ruth,\n\nThank you for [something specific they said].\n\nBest,\nOwen")
    assert not report.checks["no_prompts"] and report.placeholders == ["[something specific they said]"]
    assert not report.passed


def test_a_line_of_the_private_notes_copied_nearly_word_for_word_is_flagged():
    copied = "Dear Ruth,\n\nThank you. I was surprised the salary is roughly 45k at band 7.\n\nBest,\nOwen"
    report = check_thanks(copied, notes=NOTES)
    assert not report.checks["no_private_notes"]
    assert "Salary roughly 45k at band 7" in report.findings[THANKS_IDS.index("no_private_notes")].message
    # the same subject in the writer's own words, or a short overlap, is fine
    assert verdicts(GOOD)["no_private_notes"]
    assert verdicts("Dear Ruth,\n\nThank you. Press office work sounds right for me.\n\nBest,\nOwen")["no_private_notes"]
    # lines shorter than six words are never counted
    assert verdicts("Dear Ruth,\n\nThank you. Talk to Amira.\n\nBest,\nOwen", notes="Talk to Amira")["no_private_notes"]


def test_brief_counts_words_between_greeting_and_sign_off():
    long_note = "Dear Ruth,\n\nThank you. " + "word " * 150 + "\n\nBest,\nOwen"
    assert not verdicts(long_note)["brief"]
    assert check_thanks(GOOD).word_count < 150 and verdicts(GOOD)["brief"]


def test_every_failing_check_comes_with_a_fix():
    report = check_thanks("Dear Ruth,\n\n[something]\n\nBest,\nOwen", notes=NOTES, referrals=["Amira Haddad"])
    for finding in report.findings:
        assert finding.message and bool(finding.fix) is (not finding.ok)
    assert "Amira Haddad" in report.findings[THANKS_IDS.index("mentions_referrals")].fix

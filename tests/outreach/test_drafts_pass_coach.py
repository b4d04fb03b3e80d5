"""Every text Coffeechat drafts passes its own coach when the record has what the template needs (issue 14, items 3-4)."""

from datetime import UTC, datetime

import pytest
from django.utils import timezone
from tests.factories import ConversationFactory, GoalFactory, OrganizationFactory, PersonFactory

from coffeechat.outreach import coaching
from coffeechat.outreach.builtin_templates import BUILTIN_TEMPLATES
from coffeechat.outreach.drafting import draft, draft_values, subject_suggestions

pytestmark = pytest.mark.django_db

SLOTS = [datetime(2026, 12, 1, 19, 0, tzinfo=UTC), datetime(2026, 12, 3, 14, 0, tzinfo=UTC)]
SOURCES = {  # what each template needs to know about how the user found the person
    "referred": {"source": "referral"},
    "alumni": {"source": "alumni"},
    "event": {"source": "speaker", "source_detail": "the Halifax health informatics evening"},
    "association": {"source": "association", "source_detail": "the Canadian Nursing Informatics Association"},
    "linkedin": {"source": "linkedin"},
    "second_person": {"source": "linkedin"},
    "follow_up": {"source": "linkedin"},
    "thank_you": {"source": "linkedin"},
    "keep_in_touch": {"source": "linkedin"},
    "linkedin_note": {"source": "linkedin"},
    "email_questions": {"source": "linkedin"},
    "mentor": {"source": "linkedin"},
    "introduction": {"source": "relative"},
    "introductions": {"source": "relative"},
    "thank_introducer": {"source": "relative"},
}


# Checks that do not apply to a template: 300 characters hold no list of times, and someone you
# already know needs no introduction, no account of how you found them, no reason why them.
NOT_APPLICABLE = {
    "linkedin_note": ("offers_availability",),
    "mentor": ("introduces_self", "names_connection", "explains_why_them"),
}


@pytest.fixture
def me(owner):
    owner.first_name, owner.last_name = "Zoë", "Kowalczyk"
    owner.intro_line = "a final-year nursing student at Dalhousie University"
    owner.affiliation = "Dalhousie University"
    owner.save()
    return owner


def complete_person(me, key):
    referrer = PersonFactory(owner=me, first_name="Priya", last_name="Shah")
    org = OrganizationFactory(owner=me, name="Northwind Health")
    return PersonFactory(
        owner=me, first_name="Hélène", last_name="Béland", organization=org, title="clinical informatics lead",
        referred_by=referrer, may_use_referrer_name=key == "referred", time_zone="America/Vancouver",
        commonalities=[{"kind": "school", "detail": "Dalhousie University"}] if key == "alumni" else [], **SOURCES[key],
    )


@pytest.mark.parametrize("template", BUILTIN_TEMPLATES, ids=lambda t: t.key)
def test_every_builtin_template_passes_its_coach_for_a_complete_record(me, template):
    person = complete_person(me, template.key)
    conversation = ConversationFactory(owner=me, person=person, goal=GoalFactory(owner=me, title="nursing informatics"), minutes=20)
    values = draft_values(me, person, conversation, SLOTS, last_subject="Learning from your experience at Northwind Health")
    if template.key == "introduction":
        introduce = PersonFactory(owner=me, first_name="Omar", last_name="Haddad", organization=OrganizationFactory(owner=me, name="Stantec"))
        values = draft_values(me, person, conversation, SLOTS, introduce=introduce)
    if template.key == "thank_introducer":
        PersonFactory(owner=me, first_name="Omar", last_name="Haddad", source="introduction", referred_by=person)
        subject, body = draft(template.key, draft_values(me, person, None, SLOTS))
        conversation = None
    elif template.kind == "thank_you":
        from coffeechat.followups.services import thank_you_text

        conversation.state, conversation.ended_at = "held", timezone.now()
        conversation.save()
        subject, body = thank_you_text(conversation, ["Your tip to start as a super-user on the ward"])
    else:
        if template.kind == "keep_in_touch":  # the news is the user's own; no record holds it in advance
            values["update"] = "I started the informatics course you recommended and enjoy it a lot"
        subject, body = draft(template.key, values)
    report = coaching.report_for_kind(me, person, template.kind, subject, body, conversation)
    if template.key in NOT_APPLICABLE:
        assert not report.placeholders and (template.key != "linkedin_note" or len(body) <= 300)
        assert all(f.ok for f in report.findings if f.id not in (*NOT_APPLICABLE[template.key], "spelling")), body
        return
    assert report.passed, (body, [f.id for f in getattr(report, "findings", []) if not f.ok], report.placeholders)


def test_without_research_the_why_them_prompt_stays_for_the_user(me):
    person = PersonFactory(owner=me, first_name="Hélène", source="linkedin")
    _, body = draft("linkedin", draft_values(me, person, None, SLOTS))
    assert "[One sentence on what drew you to them specifically" in body


def test_a_current_student_is_not_called_a_fellow_graduate(me):
    person = complete_person(me, "alumni")
    values = draft_values(me, person, None, SLOTS)
    subject, _ = draft("alumni", values)
    assert subject == "A Dalhousie University student asking for your advice"
    assert not any("fellow" in s and "graduate" in s for s in subject_suggestions(values))


def test_a_graduate_still_is(me):
    me.intro_line, me.affiliation = "a registered nurse moving into informatics", "Halifax Infirmary"
    me.save()
    subject, _ = draft("alumni", draft_values(me, complete_person(me, "alumni"), None, SLOTS))
    assert subject == "A fellow Dalhousie University graduate asking for advice"

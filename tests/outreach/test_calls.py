from datetime import UTC, datetime

import pytest
from django.urls import reverse
from tests.factories import ConversationFactory, GoalFactory, OrganizationFactory, PersonFactory

from coffeechat.conversations.models import Conversation
from coffeechat.conversations.services import nudge_for
from coffeechat.outreach.coach import check_email
from coffeechat.outreach.drafting import draft, draft_values
from coffeechat.outreach.models import Message

pytestmark = pytest.mark.django_db


@pytest.fixture
def helene(owner):
    owner.first_name, owner.last_name, owner.intro_line = "Zoë", "Kowalczyk", "a final-year nursing student at Dalhousie"
    owner.save()
    priya = PersonFactory(owner=owner, first_name="Priya", last_name="Shah")
    return PersonFactory(owner=owner, first_name="Hélène", last_name="Béland", phones=["+1 902 555 0100"],
                         organization=OrganizationFactory(owner=owner, name="Northwind Health"),
                         referred_by=priya, may_use_referrer_name=True)


def test_the_scripts_come_from_the_record(owner_client, helene):
    ConversationFactory(owner=helene.owner, person=helene, goal=GoalFactory(owner=helene.owner, title="health informatics"), minutes=20)
    page = owner_client.get(reverse("outreach:call", args=[helene.pk])).content.decode()
    assert "Hello, is this Hélène? My name is Zoë Kowalczyk — a final-year nursing student at Dalhousie." in page
    assert "Priya Shah suggested I call you." in page and "20 minutes" in page and "health informatics" in page
    assert "I&#x27;m not looking for a job" in page and 'href="tel:+19025550100"' in page
    assert "[your phone number, said slowly, twice]" in page  # the voicemail asks for what only the user knows


def test_a_first_attempt_starts_the_3_7_routine_like_an_email(owner_client, helene):
    owner_client.post(reverse("outreach:call", args=[helene.pk]), {"outcome": "voicemail", "note": "Left my number"})
    conversation = Conversation.objects.get(person=helene)
    call = Message.objects.get(person=helene)
    assert conversation.state == "requested" and conversation.requested_at == call.sent_at
    assert (call.kind, call.channel) == ("call", "phone") and "Left my number" in call.body
    later = datetime(2099, 1, 1, tzinfo=UTC)
    assert nudge_for(conversation, later) is not None  # unanswered: the routine runs
    owner_client.post(reverse("outreach:call", args=[helene.pk]), {"outcome": "no_answer"})
    conversation.refresh_from_db()
    assert Message.objects.filter(person=helene).count() == 2 and conversation.requested_at == call.sent_at


@pytest.mark.parametrize(("outcome", "state"), [("agreed", "accepted"), ("declined", "declined"), ("talked", "requested")])
def test_an_answer_on_the_phone_moves_the_conversation(owner_client, helene, outcome, state):
    owner_client.post(reverse("outreach:call", args=[helene.pk]), {"outcome": outcome})
    conversation = Conversation.objects.get(person=helene)
    assert conversation.state == state and (conversation.answered_at is not None) == (state != "requested")


def test_a_call_needs_an_outcome_and_keeps_the_note(owner_client, helene):
    response = owner_client.post(reverse("outreach:call", args=[helene.pk]), {"note": "Busy until Friday"})
    assert response.status_code == 422 and "Busy until Friday" in response.content.decode()
    assert not Message.objects.exists() and not Conversation.objects.exists()


def test_an_outsider_gets_404(outsider_client, helene):
    assert outsider_client.get(reverse("outreach:call", args=[helene.pk])).status_code == 404
    assert outsider_client.post(reverse("outreach:call", args=[helene.pk]), {"outcome": "agreed"}).status_code == 404
    assert not Conversation.objects.exists()


def test_the_linkedin_note_fits_and_passes_the_checks_that_apply(helene):
    conversation = ConversationFactory(owner=helene.owner, person=helene, goal=GoalFactory(owner=helene.owner, title="health informatics"), minutes=20)
    _, note = draft("linkedin_note", draft_values(helene.owner, helene, conversation, []))
    assert len(note) <= 300 and "[" not in note
    verdicts = {f.id: f.ok for f in check_email(note).findings}
    for check in ("introduces_self", "names_connection", "information_not_job", "asks_for_job", "clear_request", "time_bounded"):
        assert verdicts[check], (check, note)


def test_the_call_script_uses_the_written_pitch(owner_client, helene):
    helene.owner.pitch = "I'm Zoë, a nurse who wants to help build better charting software."
    helene.owner.save()
    page = owner_client.get(reverse("outreach:call", args=[helene.pk])).content.decode()
    assert "Hello, is this Hélène? I&#x27;m Zoë, a nurse who wants to help build better charting software." in page

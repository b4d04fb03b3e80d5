import pytest
from django.urls import reverse

from coffeechat.conversations.models import Conversation
from coffeechat.followups.rules import due_items, load_snapshot
from coffeechat.outreach.drafting import draft, draft_values, suggested_template
from coffeechat.questions.plans import add_item
from tests.factories import ConversationFactory, GoalFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def asked(owner):
    conversation = ConversationFactory(owner=owner, state="accepted", goal=GoalFactory(owner=owner, title="health informatics"))
    for text in ("How did you move from nursing into informatics?", "What does a normal week look like?", "Who else should I talk to?"):
        add_item(conversation, text)
    return conversation


def test_answers_by_email_go_under_each_question_and_count_as_the_conversation(owner_client, asked):
    first, second, third = asked.plan_items.all()
    response = owner_client.post(reverse("questions:email-answers", args=[asked.pk]), {
        f"answer_{first.pk}": "Through a charting project on my ward.", f"answer_{second.pk}": "  Meetings, then testing.  ",
        f"answer_{third.pk}": "",
    })
    assert response.status_code == 302 and response["Location"] == reverse("followups:conversation", args=[asked.pk])
    first.refresh_from_db(), second.refresh_from_db(), third.refresh_from_db()
    assert (first.note, first.asked) == ("Through a charting project on my ward.", True)
    assert (second.note, third.asked) == ("Meetings, then testing.", False)
    asked.refresh_from_db()
    assert asked.state == Conversation.State.HELD and asked.ended_at is not None
    assert "thank_you" in {i.kind for i in due_items(load_snapshot(asked.owner), asked.ended_at)}


def test_nothing_pasted_is_refused_and_nothing_changes(owner_client, asked):
    response = owner_client.post(reverse("questions:email-answers", args=[asked.pk]), {})
    assert response.status_code == 422 and "Paste at least one answer" in response.content.decode()
    asked.refresh_from_db()
    assert asked.state == "accepted"


def test_an_empty_plan_points_to_the_plan_editor(owner_client, owner):
    conversation = ConversationFactory(owner=owner, state="accepted")
    page = owner_client.get(reverse("questions:email-answers", args=[conversation.pk])).content.decode()
    assert "No questions yet" in page and reverse("questions:plan", args=[conversation.pk]) in page


def test_an_outsider_gets_404(outsider_client, asked):
    item = asked.plan_items.first()
    assert outsider_client.get(reverse("questions:email-answers", args=[asked.pk])).status_code == 404
    assert outsider_client.post(reverse("questions:email-answers", args=[asked.pk]), {f"answer_{item.pk}": "x"}).status_code == 404
    item.refresh_from_db()
    assert item.note == ""


def test_someone_met_twice_is_offered_the_mentor_ask(owner):
    person = PersonFactory(owner=owner, first_name="Hélène")
    assert suggested_template(person, times_met=1) != "mentor"
    assert suggested_template(person, times_met=2) == "mentor"
    owner.first_name = "Zoë"
    conversation = ConversationFactory(owner=owner, person=person, goal=GoalFactory(owner=owner, title="health informatics"), minutes=20)
    _, body = draft("mentor", draft_values(owner, person, conversation, []))
    assert "20-minute check-in" in body and "not asking for a job" in body and "Zoë" in body
    _, body = draft("email_questions", draft_values(owner, person, conversation, []))
    assert "three short questions by email" in body

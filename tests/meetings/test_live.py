import pytest
from django.urls import reverse

from coffeechat.conversations.models import Conversation
from coffeechat.people.models import Person, Source
from coffeechat.questions.bank import PRESETS
from tests.factories import ConversationFactory, GoalFactory, OrganizationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_talk_now_opens_live_mode_with_the_must_ask_questions(owner_client, owner):
    person = PersonFactory(owner=owner)
    response = owner_client.post(reverse("questions:talk-now", args=[person.pk]))
    conversation = Conversation.objects.get(person=person)
    assert response.url == reverse("meetings:live", args=[conversation.pk])
    assert conversation.live_started_at is not None
    must = set(PRESETS[0].must_ask)
    assert set(conversation.plan_items.values_list("bank_key", flat=True)) == must
    assert all(conversation.plan_items.values_list("must_ask", flat=True))
    page = owner_client.get(response.url).content.decode()
    assert 'id="timer"' in page and "End call" in page


def test_notes_are_saved_as_typed(owner_client, owner):
    conversation = ConversationFactory(owner=owner, state="scheduled")
    owner_client.post(reverse("meetings:save-field", args=[conversation.pk, "notes"]), {"notes": "Loves the night shift 🙂"})
    owner_client.post(reverse("meetings:save-field", args=[conversation.pk, "observations"]), {"observations": "Calm ward"})
    conversation.refresh_from_db()
    assert (conversation.notes, conversation.observations) == ("Loves the night shift 🙂", "Calm ward")
    assert owner_client.post(reverse("meetings:save-field", args=[conversation.pk, "goal"]), {"goal": "x"}).status_code == 404


def test_question_notes_and_asked_ticks_are_saved(owner_client, owner):
    conversation = ConversationFactory(owner=owner)
    from coffeechat.questions.plans import add_item

    item = add_item(conversation, "What surprised you?")
    owner_client.post(reverse("questions:save-item", args=[item.pk]), {"note": "The paperwork"})
    owner_client.post(reverse("questions:save-item", args=[item.pk]), {"asked": "1"})
    item.refresh_from_db()
    assert (item.note, item.asked) == ("The paperwork", True)


def test_a_referral_becomes_a_person_linked_to_the_referrer_and_the_conversation(owner_client, owner):
    org = OrganizationFactory(owner=owner, name="Northwind Health")
    conversation = ConversationFactory(owner=owner, person__organization=org)
    response = owner_client.post(reverse("meetings:referral", args=[conversation.pk]),
                                 {"name": "Priya  Shah", "organization": "northwind health", "may_use_name": "on"},
                                 headers={"HX-Request": "true"})
    assert response.status_code == 200 and "Priya Shah" in response.content.decode()
    priya = Person.objects.get(first_name="Priya")
    assert (priya.last_name, priya.source, priya.referred_by, priya.referral_conversation) == ("Shah", Source.REFERRAL, conversation.person, conversation)
    assert priya.may_use_referrer_name and priya.organization == org and priya.owner == owner
    assert owner_client.post(reverse("meetings:referral", args=[conversation.pk]), {"name": ""}, headers={"HX-Request": "true"}).status_code == 422


def test_ending_the_call_marks_it_held(owner_client, owner):
    conversation = ConversationFactory(owner=owner, state="accepted")
    owner_client.get(reverse("meetings:live", args=[conversation.pk]))
    response = owner_client.post(reverse("meetings:end", args=[conversation.pk]), follow=True)
    conversation.refresh_from_db()
    assert conversation.state == "held" and conversation.ended_at and conversation.scheduled_start
    assert "within 24 hours" in response.content.decode()


def test_the_brief_has_everything_on_one_page(owner_client, owner):
    person = PersonFactory(owner=owner, first_name="Hélène", research="**Led** charting", commonalities=[{"kind": "school", "detail": "McGill"}])
    conversation = ConversationFactory(owner=owner, person=person, goal=GoalFactory(owner=owner, title="nursing informatics", key_questions=["How did the move happen?"]))
    from coffeechat.questions.plans import add_item

    add_item(conversation, "What surprised you?", must_ask=True)
    body = owner_client.get(reverse("meetings:brief", args=[conversation.pk])).content.decode()
    for expected in ("Hélène", "<strong>Led</strong>", "McGill", "nursing informatics", "★ What surprised you?", "How did the move happen?", "@media print"):
        assert expected in body or expected == "@media print", expected


@pytest.mark.parametrize(("name", "method", "data"), [
    ("meetings:live", "get", None), ("meetings:end", "post", {}), ("meetings:referral", "post", {"name": "X"}),
    ("meetings:contact-again", "post", {"answer": "1"}), ("meetings:brief", "get", None),
])
def test_an_outsider_gets_404_in_live_mode(outsider_client, owner, name, method, data):
    conversation = ConversationFactory(owner=owner, state="scheduled", person__first_name="Hidden")
    response = getattr(outsider_client, method)(reverse(name, args=[conversation.pk]), data or {})
    assert response.status_code == 404 and "Hidden" not in response.content.decode()
    conversation.refresh_from_db()
    assert conversation.state == "scheduled" and conversation.live_started_at is None
    assert not Person.objects.filter(first_name="X").exists()


def test_an_outsider_cannot_save_notes(outsider_client, owner):
    conversation = ConversationFactory(owner=owner, notes="mine")
    assert outsider_client.post(reverse("meetings:save-field", args=[conversation.pk, "notes"]), {"notes": "theirs"}).status_code == 404
    assert outsider_client.post(reverse("questions:talk-now", args=[conversation.person.pk])).status_code == 404
    conversation.refresh_from_db()
    assert conversation.notes == "mine"


def test_an_outsider_cannot_save_a_question_note(outsider_client, owner):
    from coffeechat.questions.plans import add_item

    item = add_item(ConversationFactory(owner=owner), "What surprised you?")
    assert outsider_client.post(reverse("questions:save-item", args=[item.pk]), {"note": "theirs", "asked": "1"}).status_code == 404
    item.refresh_from_db()
    assert (item.note, item.asked) == ("", False)

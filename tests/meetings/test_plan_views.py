import pytest
from django.urls import reverse

from coffeechat.questions.bank import BANK, PRESETS
from coffeechat.questions.models import PlanItem, UserQuestion
from tests.factories import ConversationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def conversation(owner):
    return ConversationFactory(owner=owner, state="scheduled")


def plan(conversation):
    return list(conversation.plan_items.order_by("position").values_list("text", "must_ask"))


def test_a_preset_fills_the_plan_with_its_must_asks(owner_client, conversation):
    preset = PRESETS[0]
    owner_client.post(reverse("questions:plan-preset", args=[conversation.pk]), {"preset": preset.key})
    items = plan(conversation)
    assert len(items) == len(preset.question_keys)
    assert sum(must for _, must in items) == len(preset.must_ask)
    again = owner_client.post(reverse("questions:plan-preset", args=[conversation.pk]), {"preset": preset.key}, follow=True)
    assert len(plan(conversation)) == len(preset.question_keys)  # no duplicates
    assert "Added 0 questions" in again.content.decode()


def test_adding_from_the_bank_and_my_own_question(owner_client, conversation):
    first = BANK[0]
    owner_client.post(reverse("questions:plan-add", args=[conversation.pk]), {"ref": f"b:{first.key}"})
    owner_client.post(reverse("questions:plan-add", args=[conversation.pk]), {"text": "  What surprised you   most in your first year? ", "category": ""})
    assert [text for text, _ in plan(conversation)] == [first.text, "What surprised you most in your first year?"]
    assert PlanItem.objects.get(text__startswith="What surprised").category in dict(PlanItem._meta.get_field("category").choices)


def test_an_empty_question_is_refused(owner_client, conversation):
    response = owner_client.post(reverse("questions:plan-add", args=[conversation.pk]), {"text": ""}, headers={"HX-Request": "true"})
    assert response.status_code == 422 and not PlanItem.objects.exists()


def test_reorder_and_must_ask_with_the_keyboard_buttons(owner_client, conversation):
    for text in ("One?", "Two?", "Three?"):
        owner_client.post(reverse("questions:plan-add", args=[conversation.pk]), {"text": text})
    third = PlanItem.objects.get(text="Three?")
    owner_client.post(reverse("questions:plan-item", args=[third.pk]), {"action": "up"})
    owner_client.post(reverse("questions:plan-item", args=[third.pk]), {"action": "up"})
    owner_client.post(reverse("questions:plan-item", args=[third.pk]), {"action": "up"})  # already first: stays
    owner_client.post(reverse("questions:plan-item", args=[third.pk]), {"action": "must_ask"}, headers={"HX-Request": "true"})
    assert plan(conversation) == [("Three?", True), ("One?", False), ("Two?", False)]
    owner_client.post(reverse("questions:plan-item", args=[third.pk]), {"action": "remove"})
    assert plan(conversation) == [("One?", False), ("Two?", False)]


def test_the_editor_shows_the_coach(owner_client, conversation):
    owner_client.post(reverse("questions:plan-add", args=[conversation.pk]), {"text": "Do you like your job?"})
    body = owner_client.get(reverse("questions:plan", args=[conversation.pk])).content.decode()
    assert 'data-flag="open_ended"' in body and 'data-check="count"' in body


def test_editing_a_built_in_question_makes_my_version(owner_client, owner):
    question = BANK[0]
    url = reverse("questions:bank-edit", args=[f"b:{question.key}"])
    owner_client.post(url, {"text": "My own wording?", "category": question.category, "scope": question.scope})
    assert UserQuestion.objects.get(owner=owner, bank_key=question.key).text == "My own wording?"
    assert "My own wording?" in owner_client.get(reverse("questions:bank")).content.decode()
    owner_client.post(url, {"remove": "1", "text": "x", "category": "other", "scope": "role"})
    assert question.text not in owner_client.get(reverse("questions:bank")).content.decode()


@pytest.mark.parametrize(("name", "args", "data"), [
    ("questions:plan", None, None), ("questions:plan-add", None, {"text": "Hi?"}), ("questions:plan-preset", None, {"preset": "tiara"}),
])
def test_an_outsider_gets_404_on_the_plan(outsider_client, conversation, name, args, data):
    url = reverse(name, args=[conversation.pk])
    response = outsider_client.post(url, data) if data else outsider_client.get(url)
    assert response.status_code == 404 and not PlanItem.objects.exists()


def test_an_outsider_cannot_touch_a_plan_item_or_my_questions(owner_client, outsider_client, owner, conversation):
    owner_client.post(reverse("questions:plan-add", args=[conversation.pk]), {"text": "Private?"})
    item = PlanItem.objects.get()
    assert outsider_client.post(reverse("questions:plan-item", args=[item.pk]), {"action": "remove"}).status_code == 404
    mine = UserQuestion.objects.create(owner=owner, text="My secret question?")
    assert outsider_client.get(reverse("questions:bank-edit", args=[f"u:{mine.pk}"])).status_code == 404
    assert "My secret question" not in outsider_client.get(reverse("questions:bank")).content.decode()
    assert PlanItem.objects.filter(pk=item.pk).exists()

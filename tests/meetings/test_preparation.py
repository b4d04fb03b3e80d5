import pytest
from django.urls import reverse

from coffeechat.meetings.preparation import checklist_for, open_items
from tests.factories import ConversationFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("medium", "present", "absent"),
    [("phone", "reception", "lighting"), ("video", "early_login", "route"), ("in_person", "route", "connection")],
)
def test_the_checklist_fits_the_medium(medium, present, absent):
    keys = {item.key for item in checklist_for(medium)}
    assert present in keys and absent not in keys
    assert {"research", "pitch", "purpose", "dress", "quiet"} <= keys


def test_ticks_are_saved_and_shown(owner_client, owner):
    conversation = ConversationFactory(owner=owner, state="scheduled", medium="video")
    url = reverse("meetings:checklist", args=[conversation.pk, "research"])
    response = owner_client.post(url, {"done": "1"}, headers={"HX-Request": "true"})
    assert response.status_code == 200 and 'aria-pressed="true"' in response.content.decode()
    conversation.refresh_from_db()
    assert conversation.checklist == {"research": True}
    assert "research" not in {item.key for item in open_items(conversation)}
    owner_client.post(url, {"done": "0"})
    conversation.refresh_from_db()
    assert conversation.checklist == {"research": False}


def test_an_item_of_another_medium_is_404(owner_client, owner):
    conversation = ConversationFactory(owner=owner, state="scheduled", medium="phone")
    assert owner_client.post(reverse("meetings:checklist", args=[conversation.pk, "lighting"]), {"done": "1"}).status_code == 404


def test_an_outsider_cannot_tick(outsider_client, owner):
    conversation = ConversationFactory(owner=owner, state="scheduled")
    assert outsider_client.post(reverse("meetings:checklist", args=[conversation.pk, "research"]), {"done": "1"}).status_code == 404
    conversation.refresh_from_db()
    assert conversation.checklist == {}


def test_the_conversation_page_shows_what_is_still_open_and_the_research(owner_client, owner):
    conversation = ConversationFactory(owner=owner, state="scheduled", medium="phone",
                                       person__research="Wrote **the** handbook", person__commonalities=[{"kind": "school", "detail": "McGill"}])
    owner_client.post(reverse("meetings:checklist", args=[conversation.pk, "research"]), {"done": "1"})
    body = owner_client.get(conversation.get_absolute_url()).content.decode()
    total = len(checklist_for("phone"))
    assert f"{total - 1} of {total} still open" in body
    assert "<strong>the</strong> handbook" in body and "McGill" in body

from datetime import UTC, datetime

import pytest
import time_machine
from django.urls import reverse

from coffeechat.conversations.models import Conversation
from coffeechat.outreach.models import Message, MessageKind
from tests.factories import ConversationFactory, OrganizationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_the_empty_list_explains_how_to_start(owner_client):
    body = owner_client.get(reverse("meetings:list")).content.decode()
    assert "No conversations yet" in body and "Ask for a conversation" in body


def test_the_list_filters_by_state_and_shows_only_mine(owner_client, owner, second_user):
    ConversationFactory(owner=owner, state="requested", person__first_name="Asked")
    ConversationFactory(owner=owner, state="accepted", person__first_name="Agreed")
    ConversationFactory(owner=second_user, state="requested", person__first_name="Theirs")
    requested = owner_client.get(reverse("meetings:list"), {"state": "requested"}).content.decode()
    assert "Asked" in requested and "Agreed" not in requested and "Theirs" not in requested


@time_machine.travel(datetime(2026, 11, 6, 21, 0, tzinfo=UTC), tick=False)
def test_the_conversation_page_shows_the_3_and_7_business_day_routine(owner_client, owner):
    org = OrganizationFactory(owner=owner, name="Northwind Health")
    conversation = ConversationFactory(owner=owner, person__organization=org, state="requested",
                                       requested_at=datetime(2026, 11, 6, 21, 0, tzinfo=UTC))
    url = conversation.get_absolute_url()
    assert "consider asking" not in owner_client.get(url).content.decode()
    with time_machine.travel(datetime(2026, 11, 11, 22, 0, tzinfo=UTC), tick=False):
        assert "No answer for 3 business days — consider asking someone else at Northwind Health" in owner_client.get(url).content.decode()
    with time_machine.travel(datetime(2026, 11, 17, 22, 0, tzinfo=UTC), tick=False):
        assert "Write the follow-up" in owner_client.get(url).content.decode()


def test_logging_a_yes_moves_to_accepted_and_keeps_the_reply(owner_client, owner):
    conversation = ConversationFactory(owner=owner, state="requested", requested_at=datetime(2026, 11, 6, tzinfo=UTC))
    owner_client.post(reverse("outreach:reply", args=[conversation.pk]), {"outcome": "accepted", "body": "Happy to! Thursday works."})
    conversation.refresh_from_db()
    assert conversation.state == Conversation.State.ACCEPTED and conversation.answered_at is not None
    reply = Message.objects.get(conversation=conversation)
    assert reply.kind == MessageKind.REPLY and reply.body == "Happy to! Thursday works."
    assert "Thursday works" in owner_client.get(conversation.person.get_absolute_url()).content.decode()


def test_an_empty_reply_is_refused(owner_client, owner):
    conversation = ConversationFactory(owner=owner, state="requested")
    assert owner_client.post(reverse("outreach:reply", args=[conversation.pk]), {"outcome": "", "body": ""}).status_code == 422


def test_marking_no_answer(owner_client, owner):
    conversation = ConversationFactory(owner=owner, state="requested")
    owner_client.post(reverse("meetings:state", args=[conversation.pk]), {"state": "no_answer"})
    conversation.refresh_from_db()
    assert conversation.state == "no_answer"


@pytest.mark.parametrize(("name", "method"), [("meetings:conversation", "get"), ("meetings:state", "post"), ("outreach:reply", "post")])
def test_an_outsider_gets_404(outsider_client, owner, name, method):
    conversation = ConversationFactory(owner=owner, state="requested", person__first_name="Hidden")
    response = getattr(outsider_client, method)(reverse(name, args=[conversation.pk]), {"state": "declined", "outcome": "declined", "body": "x"})
    assert response.status_code == 404 and "Hidden" not in response.content.decode()
    conversation.refresh_from_db()
    assert conversation.state == "requested" and not Message.objects.exists()


def test_deleting_a_person_removes_their_conversations(owner_client, owner):
    conversation = ConversationFactory(owner=owner)
    owner_client.post(reverse("people:delete", args=[conversation.person.pk]))
    assert not Conversation.objects.exists()


def test_the_person_page_has_the_ask_button(owner_client, owner):
    person = PersonFactory(owner=owner)
    assert reverse("outreach:compose", args=[person.pk]) in owner_client.get(person.get_absolute_url()).content.decode()


def test_the_list_query_count_does_not_grow(owner_client, owner, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert owner_client.get(reverse("meetings:list")).status_code == 200
        return len(ctx.captured_queries)

    ConversationFactory(owner=owner, state="requested", person__with_organization=True)
    few = count()
    for _ in range(20):
        ConversationFactory(owner=owner, state="requested", person__with_organization=True)
    assert count() == few


def test_a_keep_in_touch_message_can_be_written(owner_client, owner):
    person = PersonFactory(owner=owner, first_name="Hélène", with_organization=True)
    response = owner_client.get(reverse("outreach:compose-keep-in-touch", args=[person.pk]))
    assert response.status_code == 200 and "A quick update" in response.content.decode()
    owner_client.post(reverse("outreach:compose-keep-in-touch", args=[person.pk]),
                      {"subject": "A quick update", "body": "Dear Hélène, I started the course you suggested.", "minutes": 20, "medium": "video"})
    assert Message.objects.get(person=person).kind == MessageKind.KEEP_IN_TOUCH


def test_an_update_or_thank_you_never_creates_a_conversation(owner_client, owner):
    from coffeechat.conversations.models import Conversation

    person = PersonFactory(owner=owner)
    page = owner_client.get(reverse("outreach:compose-keep-in-touch", args=[person.pk])).content.decode()
    assert "What I hope to learn" not in page
    owner_client.post(reverse("outreach:compose-keep-in-touch", args=[person.pk]), {"subject": "News", "body": "Dear X, news."})
    assert Message.objects.get(person=person).conversation is None and not Conversation.objects.exists()

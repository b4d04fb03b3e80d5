"""A time in the past is refused unless logged as already happened; live mode's timer starts on Start."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.urls import reverse

from tests.factories import ConversationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def organiser(owner):
    """Invitations need who they are from; the schedule form asks for it otherwise (issue 14, 5)."""
    owner.first_name, owner.last_name, owner.email = "Zoë", "Kowalczyk", "zoe@example.com"
    owner.save()

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
PAST = {"date": "2020-01-01", "time": "10:00", "time_zone": "America/Toronto", "minutes": 30, "medium": "phone"}


@time_machine.travel(NOW, tick=False)
def test_a_time_in_the_past_is_refused_with_a_warning(owner_client, owner):
    conversation = ConversationFactory(owner=owner, state="accepted")
    response = owner_client.post(reverse("meetings:schedule", args=[conversation.pk]), PAST)
    assert response.status_code == 422
    page = response.content.decode()
    assert "This time is in the past" in page and 'value="2020-01-01"' in page
    conversation.refresh_from_db()
    assert conversation.scheduled_start is None and conversation.state == "accepted"


@time_machine.travel(NOW, tick=False)
def test_a_past_conversation_can_be_logged_explicitly_as_held(owner_client, owner):
    conversation = ConversationFactory(owner=owner, state="accepted")
    response = owner_client.post(reverse("meetings:schedule", args=[conversation.pk]), PAST | {"already_happened": "on"})
    assert response.status_code == 302 and response.url == reverse("followups:conversation", args=[conversation.pk])
    conversation.refresh_from_db()
    assert conversation.state == "held" and conversation.scheduled_start == datetime(2020, 1, 1, 15, 0, tzinfo=UTC)
    assert conversation.ended_at == datetime(2020, 1, 1, 15, 30, tzinfo=UTC)


@time_machine.travel(NOW, tick=False)
def test_logging_a_future_time_as_already_happened_is_refused(owner_client, owner):
    conversation = ConversationFactory(owner=owner, state="accepted")
    response = owner_client.post(reverse("meetings:schedule", args=[conversation.pk]),
                                 PAST | {"date": "2026-12-01", "already_happened": "on"})
    assert response.status_code == 422 and "still to come" in response.content.decode()


def test_opening_live_mode_does_not_start_the_timer(owner_client, owner):
    conversation = ConversationFactory(owner=owner, state="scheduled", scheduled_start=datetime(2030, 1, 1, tzinfo=UTC))
    page = owner_client.get(reverse("meetings:live", args=[conversation.pk])).content.decode()
    conversation.refresh_from_db()
    assert conversation.live_started_at is None
    assert "Start" in page and reverse("meetings:start", args=[conversation.pk]) in page


def test_start_records_the_start_once(owner_client, owner):
    conversation = ConversationFactory(owner=owner, state="scheduled")
    with time_machine.travel(NOW, tick=False):
        response = owner_client.post(reverse("meetings:start", args=[conversation.pk]))
    assert response.url == reverse("meetings:live", args=[conversation.pk])
    with time_machine.travel(datetime(2026, 11, 24, 12, 10, tzinfo=UTC), tick=False):
        owner_client.post(reverse("meetings:start", args=[conversation.pk]))
    conversation.refresh_from_db()
    assert conversation.live_started_at == NOW


def test_an_outsider_cannot_start_my_call(outsider_client, owner):
    conversation = ConversationFactory(owner=owner, state="scheduled")
    assert outsider_client.post(reverse("meetings:start", args=[conversation.pk])).status_code == 404


@time_machine.travel(NOW, tick=False)
def test_logging_a_past_conversation_does_not_ask_who_an_invitation_is_from(owner_client, owner):
    owner.first_name, owner.last_name, owner.email = "", "", ""
    owner.save()
    conversation = ConversationFactory(owner=owner, state="accepted")
    schedule = reverse("meetings:schedule", args=[conversation.pk])
    response = owner_client.post(schedule, PAST | {"already_happened": "on"})
    assert response.status_code == 302
    conversation.refresh_from_db()
    assert conversation.state == "held"
    owner.refresh_from_db()
    assert owner.email == ""
    # A conversation still to come does need it: the invitation names its organiser.
    upcoming = ConversationFactory(owner=owner, state="accepted")
    response = owner_client.post(reverse("meetings:schedule", args=[upcoming.pk]), PAST | {"date": "2026-12-01"})
    assert response.status_code == 422

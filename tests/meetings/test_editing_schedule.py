"""Editing a scheduled conversation: one zone shown and read, nothing moves unless the user moves it."""

import re
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


def form_values(page: str) -> dict:
    values = {name: re.search(rf'name="{name}"[^>]*value="([^"]*)"', page) for name in ("date", "time", "time_zone")}
    return {name: match.group(1) for name, match in values.items() if match}


def scheduled(owner, start, zone, **extra):
    return ConversationFactory(owner=owner, state="scheduled", scheduled_start=start, time_zone=zone, minutes=30,
                               medium="video", location="https://meet.example.com/x", sequence=2, **extra)


def save_as_shown(client, conversation, **changes):
    page = client.get(reverse("meetings:schedule", args=[conversation.pk])).content.decode()
    data = form_values(page) | {"minutes": conversation.minutes, "medium": conversation.medium, "location": conversation.location}
    return client.post(reverse("meetings:schedule", args=[conversation.pk]), data | changes)


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize(("user_zone", "conversation_zone", "start", "shown"), [
    # 15:00 in London, edited by a user in Toronto: shows 15:00 London, not 10:00 labelled London.
    ("America/Toronto", "Europe/London", datetime(2026, 12, 1, 15, 0, tzinfo=UTC), ("2026-12-01", "15:00")),
    # North America has moved its clocks, Europe not yet (the weeks between differ by an hour).
    ("America/Vancouver", "Europe/Paris", datetime(2027, 3, 17, 16, 30, tzinfo=UTC), ("2027-03-17", "17:30")),
    # The day after Europe's change; the user's own date is the day before.
    ("Pacific/Auckland", "Europe/London", datetime(2027, 3, 28, 10, 0, tzinfo=UTC), ("2027-03-28", "11:00")),
    # A conversation across the autumn change in Toronto itself.
    ("Asia/Tokyo", "America/Toronto", datetime(2027, 11, 7, 14, 0, tzinfo=UTC), ("2027-11-07", "09:00")),
])
def test_saving_unchanged_keeps_the_instant_and_the_sequence(owner_client, owner, user_zone, conversation_zone, start, shown):
    owner.time_zone = user_zone
    owner.save()
    conversation = scheduled(owner, start, conversation_zone)
    page = owner_client.get(reverse("meetings:schedule", args=[conversation.pk])).content.decode()
    assert form_values(page) == {"date": shown[0], "time": shown[1], "time_zone": conversation_zone}
    assert save_as_shown(owner_client, conversation).status_code == 302
    conversation.refresh_from_db()
    assert (conversation.scheduled_start, conversation.sequence, conversation.time_zone) == (start, 2, conversation_zone)


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("change", [{"medium": "phone"}, {"location": "Room 4, Northwind"}, {"minutes": 45}, {"time": "16:00"}])
def test_changing_what_the_invitation_carries_raises_the_sequence(owner_client, owner, change):
    conversation = scheduled(owner, datetime(2026, 12, 1, 15, 0, tzinfo=UTC), "Europe/London")
    assert save_as_shown(owner_client, conversation, **change).status_code == 302
    conversation.refresh_from_db()
    assert conversation.sequence == 3


@time_machine.travel(NOW, tick=False)
def test_the_zone_chosen_is_the_zone_read(owner_client, owner):
    conversation = ConversationFactory(owner=owner, state="accepted")
    response = owner_client.post(reverse("meetings:schedule", args=[conversation.pk]), {
        "date": "2026-12-01", "time": "15:00", "time_zone": "Europe/London", "minutes": 30, "medium": "video"})
    assert response.status_code == 302
    conversation.refresh_from_db()
    assert conversation.scheduled_start == datetime(2026, 12, 1, 15, 0, tzinfo=UTC)

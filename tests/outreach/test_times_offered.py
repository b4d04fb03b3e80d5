"""The composer lists the times it offers, with the other person's local time beside each."""

import re
from datetime import UTC, datetime

import pytest
import time_machine
from django.urls import reverse
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 11, 22, 15, 0, tzinfo=UTC)  # a Sunday


@pytest.fixture
def available(owner):
    owner.time_zone = "America/Toronto"
    owner.availability = {"1": [["14:00", "17:00"]], "3": [["09:00", "11:00"]]}
    owner.save()
    return owner


def offered(page: str) -> list[str]:
    section = page[page.index("<h2>Times offered</h2>"):]
    section = section[:section.index("</section>")]
    return [re.sub(r"\s+", " ", item).strip() for item in re.findall(r"<li>(.*?)</li>", section, re.S)]


@time_machine.travel(NOW, tick=False)
def test_times_offered_show_their_local_time(owner_client, available):
    person = PersonFactory(owner=available, first_name="Hélène", time_zone="America/Vancouver")
    items = offered(owner_client.get(reverse("outreach:compose", args=[person.pk])).content.decode())
    assert len(items) == 3
    assert "Tuesday 24 November, 2:00 pm (EST) · 11:00 am in Vancouver (PST)" in items
    assert all(" in Vancouver (PST)" in item for item in items)


@time_machine.travel(NOW, tick=False)
def test_their_day_is_named_when_it_differs(owner_client, available):
    person = PersonFactory(owner=available, time_zone="Asia/Tokyo")
    items = offered(owner_client.get(reverse("outreach:compose", args=[person.pk])).content.decode())
    assert "Tuesday 24 November, 2:00 pm (EST) · Wednesday 4:00 am in Tokyo (JST)" in items


@time_machine.travel(NOW, tick=False)
def test_one_time_when_their_zone_is_unknown_or_the_same(owner_client, available):
    for zone in ("", "America/New_York"):
        person = PersonFactory(owner=available, time_zone=zone)
        items = offered(owner_client.get(reverse("outreach:compose", args=[person.pk])).content.decode())
        assert "Tuesday 24 November, 2:00 pm (EST)" in items

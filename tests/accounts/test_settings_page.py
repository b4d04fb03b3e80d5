import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db
URL = reverse("settings")


def valid(**overrides):
    data = {"first_name": "Sam", "last_name": "Lee", "email": "sam@example.org", "time_zone": "Asia/Tokyo",
            "week_start": 0, "meeting_minutes": 20, "thank_you_hours": 24, "second_contact_business_days": 3,
            "follow_up_business_days": 7, "keep_in_touch_days": 90}
    data.update(overrides)
    return data


def test_it_saves_the_users_settings(owner_client, owner):
    assert owner_client.post(URL, valid()).status_code == 302
    owner.refresh_from_db()
    assert (owner.time_zone, owner.meeting_minutes) == ("Asia/Tokyo", 20)


@pytest.mark.parametrize(
    ("field", "value"),
    [("time_zone", "Nowhere/Land"), ("meeting_minutes", 600), ("follow_up_business_days", 2), ("keep_in_touch_days", "soon")],
)
def test_bad_values_are_refused_with_422_and_nothing_changes(owner_client, owner, field, value):
    response = owner_client.post(URL, valid(**{field: value}))
    assert response.status_code == 422
    owner.refresh_from_db()
    assert owner.time_zone == "America/Toronto" and owner.meeting_minutes == 30


def test_pages_show_dates_in_the_users_time_zone(owner_client, owner):
    from tests.factories import PersonFactory

    person = PersonFactory(owner=owner)
    owner.time_zone = "Asia/Tokyo"
    owner.save()
    body = owner_client.get(reverse("people:person", args=[person.pk])).content.decode()
    local = person.updated_at.astimezone(__import__("zoneinfo").ZoneInfo("Asia/Tokyo"))
    assert local.strftime("%H:%M") in body

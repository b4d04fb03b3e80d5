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


def test_profile_and_weekly_availability_are_saved(owner_client, owner):
    data = valid(intro_line="a career changer from teaching", affiliation="Dalhousie", available_1="9:00-12:00, 14:00-17:00", available_3="")
    assert owner_client.post(URL, data).status_code == 302
    owner.refresh_from_db()
    assert owner.intro_line == "a career changer from teaching"
    assert owner.availability == {"1": [["09:00", "12:00"], ["14:00", "17:00"]]}
    assert 'value="09:00-12:00, 14:00-17:00"' in owner_client.get(URL).content.decode()


@pytest.mark.parametrize("text", ["morning", "12:00-09:00", "25:00-26:00"])
def test_bad_availability_is_refused(owner_client, owner, text):
    response = owner_client.post(URL, valid(available_2=text))
    assert response.status_code == 422
    owner.refresh_from_db()
    assert owner.availability == {}


def test_a_resume_upload_is_checked(owner_client, owner, tmp_path, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    bad = owner_client.post(URL, valid(resume=SimpleUploadedFile("cv.exe", b"MZ")))
    assert bad.status_code == 422
    good = owner_client.post(URL, valid(resume=SimpleUploadedFile("cv.pdf", b"%PDF-1.4")))
    assert good.status_code == 302
    owner.refresh_from_db()
    assert owner.resume.name.endswith("cv.pdf")

"""The backup holds everything typed in Settings; Settings offers download and restore (empty accounts only)."""

import json

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from coffeechat.backup import export_backup, restore_backup
from coffeechat.people.models import Person
from tests.factories import PersonFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def profiled(owner, media):
    owner.first_name, owner.last_name = "Zoë", "Kowalczyk"
    owner.intro_line = "a final-year nursing student at Dalhousie"
    owner.affiliation = "Dalhousie University"
    owner.availability = {"1": [["14:00", "17:00"]], "3": [["09:00", "11:00"]]}
    owner.time_zone, owner.week_start, owner.keep_in_touch_days = "America/Halifax", 6, 45
    owner.resume.save("cv.pdf", ContentFile(b"%PDF-1.4 my resume"), save=False)
    owner.save()
    PersonFactory(owner=owner, first_name="Priya")
    return owner


def test_the_backup_holds_the_whole_profile(profiled):
    profile = export_backup(profiled)["user"]
    assert profile["intro_line"] == "a final-year nursing student at Dalhousie"
    assert profile["affiliation"] == "Dalhousie University"
    assert profile["availability"] == {"1": [["14:00", "17:00"]], "3": [["09:00", "11:00"]]}
    assert (profile["time_zone"], profile["week_start"], profile["keep_in_touch_days"]) == ("America/Halifax", 6, 45)
    assert profile["resume"]["name"] == "cv.pdf"
    assert "password" not in profile and "is_superuser" not in profile and "username" not in profile


def test_the_profile_comes_back_on_restore(profiled):
    document = json.loads(json.dumps(export_backup(profiled)))
    target = UserFactory(username="fresh")
    restore_backup(target, document)
    target.refresh_from_db()
    assert (target.intro_line, target.affiliation, target.first_name) == (
        "a final-year nursing student at Dalhousie", "Dalhousie University", "Zoë")
    assert target.availability == profiled.availability and target.time_zone == "America/Halifax"
    with target.resume.open("rb") as handle:
        assert handle.read() == b"%PDF-1.4 my resume"


def test_settings_offers_backup_download_and_restore(owner_client, profiled):
    page = owner_client.get(reverse("settings")).content.decode()
    assert reverse("people:export", args=["json"]) in page and reverse("settings-restore") in page
    download = owner_client.get(reverse("people:export", args=["json"]))
    assert json.loads(download.content)["user"]["affiliation"] == "Dalhousie University"


def upload(content: bytes, name="backup.json"):
    return SimpleUploadedFile(name, content, content_type="application/json")


def test_restore_from_settings_into_an_empty_account(client, profiled, media):
    document = json.dumps(export_backup(profiled)).encode()
    fresh = UserFactory(username="fresh-web")
    client.force_login(fresh)
    response = client.post(reverse("settings-restore"), {"file": upload(document)}, follow=True)
    assert "Backup restored" in response.content.decode()
    fresh.refresh_from_db()
    assert fresh.intro_line.startswith("a final-year") and Person.objects.filter(owner=fresh, first_name="Priya").exists()


@pytest.mark.parametrize(("content", "message"), [
    (b"not json at all", "is not a JSON backup"),
    (b'{"format": "something-else"}', "This is not a Coffeechat backup"),
])
def test_a_bad_file_is_refused_clearly(client, content, message):
    user = UserFactory(username="bad-file")
    client.force_login(user)
    response = client.post(reverse("settings-restore"), {"file": upload(content)})
    assert response.status_code == 422 and message in response.content.decode()


def test_restore_refuses_an_account_that_is_not_empty(owner_client, profiled):
    document = json.dumps(export_backup(profiled)).encode()
    response = owner_client.post(reverse("settings-restore"), {"file": upload(document)})
    assert response.status_code == 422 and "restore only into an empty account" in response.content.decode()
    assert Person.objects.filter(owner=profiled).count() == 1


def test_restore_needs_a_file(owner_client):
    response = owner_client.post(reverse("settings-restore"), {})
    assert response.status_code == 422 and "This field is required" in response.content.decode()

"""The data folder is the user's alone: 0700, and the database, secret and uploads 0600."""

import os
import stat

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.clirun import run_cli

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


def mode(path):
    return stat.S_IMODE(path.stat().st_mode)


def test_a_first_run_creates_a_private_folder_database_and_secret(tmp_path):
    data_dir = tmp_path / "data"
    assert run_cli(data_dir, "people", "add", "Ada Lovelace", COFFEECHAT_MODE="local").returncode == 0
    assert mode(data_dir) == 0o700
    files = [p for p in data_dir.iterdir() if p.is_file()]
    assert {p.name for p in files} >= {"coffeechat.sqlite3", "secret_key"}
    assert {p.name: mode(p) for p in files} == {p.name: 0o600 for p in files}


def test_files_left_readable_by_an_older_version_are_tightened(tmp_path):
    data_dir = tmp_path / "data"
    assert run_cli(data_dir, "people", "add", "Ada Lovelace").returncode == 0
    os.chmod(data_dir, 0o755)
    for name in ("coffeechat.sqlite3", "secret_key"):
        os.chmod(data_dir / name, 0o644)
    assert run_cli(data_dir, "people", "list").returncode == 0
    assert mode(data_dir) == 0o700
    assert mode(data_dir / "coffeechat.sqlite3") == 0o600 and mode(data_dir / "secret_key") == 0o600


@pytest.mark.django_db
def test_an_uploaded_resume_is_private(owner_client, owner, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    response = owner_client.post(reverse("settings"), {
        "first_name": "Sam", "last_name": "Lee", "email": "sam@example.org", "time_zone": "UTC", "week_start": 0,
        "meeting_minutes": 30, "thank_you_hours": 24, "second_contact_business_days": 3,
        "follow_up_business_days": 7, "keep_in_touch_days": 90,
        "resume": SimpleUploadedFile("cv.pdf", b"%PDF-1.4"),
    })
    assert response.status_code == 302
    owner.refresh_from_db()
    stored = tmp_path / "media" / owner.resume.name
    assert mode(stored) == 0o600
    assert mode(stored.parent) == 0o700 and mode(tmp_path / "media") == 0o700

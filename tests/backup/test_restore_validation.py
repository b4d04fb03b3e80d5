"""`restore` checks every value as the forms do, refuses the file whole and says what it refused."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from coffeechat.backup import BackupError, export_backup, restore_backup
from coffeechat.people.models import Organization, Person
from tests.factories import OrganizationFactory, PersonFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def backup(owner):
    OrganizationFactory(owner=owner, name="Northwind", website="https://northwind.example")
    PersonFactory(owner=owner, first_name="Ada", last_name="Park", linkedin_url="https://www.linkedin.com/in/adapark")
    PersonFactory(owner=owner, first_name="Ben", last_name="Ito")
    return json.loads(json.dumps(export_backup(owner)))


def person(document, n):
    return document["data"]["people.person"][n]["fields"]


@pytest.mark.parametrize(("field", "value", "words"), [
    ("linkedin_url", "javascript:alert(1)", "linkedin_url: Enter a valid URL."),
    ("linkedin_url", "data:text/html,<script>alert(1)</script>", "linkedin_url: Enter a valid URL."),
    ("emails", ["ada@example.org", "not an address"], "emails: “not an address” is not a valid email address."),
    ("links", ["javascript:alert(1)"], "links: “javascript:alert(1)” is not a valid web address."),
    ("phones", ["call me"], "phones: “call me” is not a valid phone number."),
    ("time_zone", "Mars/Olympus", "time_zone"),
    ("source", "made-up", "source: Value 'made-up' is not a valid choice."),
    ("first_name", "x" * 151, "first_name: Ensure this value has at most 150 characters"),
])
def test_a_value_the_form_refuses_is_refused(backup, field, value, words):
    person(backup, 0)[field] = value
    target = UserFactory(username="target")
    with pytest.raises(BackupError) as caught:
        restore_backup(target, backup)
    assert "people.person #1: " + words in str(caught.value)
    assert "nothing was restored" in str(caught.value)
    assert not Person.objects.filter(owner=target).exists()
    assert not Organization.objects.filter(owner=target).exists()


def test_an_organisation_website_must_be_a_web_address(backup):
    backup["data"]["people.organization"][0]["fields"]["website"] = "javascript:alert(document.cookie)"
    with pytest.raises(BackupError, match=r"people.organization #1: website: Enter a valid URL"):
        restore_backup(UserFactory(username="target"), backup)


def test_every_refusal_is_reported(backup, tmp_path, capsys):
    person(backup, 0)["linkedin_url"] = "javascript:alert(1)"
    person(backup, 1)["emails"] = ["nope"]
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(backup))
    UserFactory(username="fresh")
    with pytest.raises(CommandError) as caught:
        call_command("restore", str(path), "--user", "fresh")
    assert caught.value.returncode == 1
    message = str(caught.value)
    assert "2 value(s)" in message
    assert "people.person #1: linkedin_url" in message and "people.person #2: emails: “nope”" in message
    assert not Person.objects.filter(owner__username="fresh").exists()


def test_a_clean_backup_still_restores(backup):
    target = UserFactory(username="target")
    restore_backup(target, backup)
    assert Person.objects.get(owner=target, first_name="Ada").linkedin_url == "https://www.linkedin.com/in/adapark"

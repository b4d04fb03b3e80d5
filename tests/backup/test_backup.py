import datetime
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from coffeechat.backup import BackupError, export_backup, owned_models, restore_backup
from coffeechat.conversations.models import Conversation
from coffeechat.people.models import ImportBatch, Organization, Person, Tag
from coffeechat.people.services import set_tags
from tests.factories import (
    ConversationFactory,
    GoalFactory,
    OrganizationFactory,
    PersonFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def comparable(document):
    document = dict(document)
    document.pop("exported_at")
    return json.loads(json.dumps(document, sort_keys=True))


@pytest.fixture
def rich_account(owner):
    org = OrganizationFactory(owner=owner, name="Northwind Health", website="https://northwind.example", industry="Health")
    referrer = PersonFactory(owner=owner, first_name="Priya", last_name="Shah", organization=org,
                             commonalities=[{"kind": "school", "detail": "McGill"}], research="**Mentor**")
    referral = PersonFactory(owner=owner, first_name="Hélène", last_name="Béland", referred_by=referrer,
                             may_use_referrer_name=True, connected_on=datetime.date(2024, 10, 9),
                             phones=["+1 514 555 0100"], links=["https://example.com/h"], time_zone="America/Toronto")
    set_tags(referrer, ["mentor", "health"])
    set_tags(referral, ["health"])
    batch = ImportBatch.objects.create(owner=owner, filename="Connections.csv", format="linkedin", status="done", created_count=1)
    PersonFactory(owner=owner, first_name="Imported", last_name="One", import_batch=batch)
    goal = GoalFactory(owner=owner, title="Health informatics", kind="field", state="paused",
                       key_questions=["What does a week look like?", "Which skills carry over?", "What would you learn first?"])
    ConversationFactory(owner=owner, person=referral, goal=goal, state="held")
    org.is_target, org.motivation, org.postings = True, 3, 2
    org.save()
    owner.time_zone, owner.meeting_minutes = "Europe/Paris", 25
    owner.save()
    return owner


def test_every_private_model_is_in_the_backup():
    labels = {m._meta.label_lower for m in owned_models()}
    assert {"people.person", "people.organization", "people.tag", "people.importbatch", "insights.goal"} <= labels


def test_export_restore_export_gives_the_same_data(rich_account):
    first = export_backup(rich_account)
    # A fresh account stands in for a fresh database: ids differ, the backup must not care.
    PersonFactory.create_batch(3, owner=UserFactory(username="noise"))
    target = UserFactory(username="restored")
    restore_backup(target, json.loads(json.dumps(first)))
    second = export_backup(target)
    assert comparable(second) == comparable(first)
    restored = Person.objects.get(owner=target, last_name="Béland")
    assert restored.referred_by.first_name == "Priya" and restored.referred_by.owner == target
    assert restored.referred_by.organization.owner == target
    assert sorted(t.name for t in restored.tags.all()) == ["health"]
    assert restored.created_at == Person.objects.get(owner=rich_account, last_name="Béland").created_at
    assert target.time_zone == "Europe/Paris" and target.meeting_minutes == 25
    goal = target_goal = Conversation.objects.get(owner=target).goal
    assert goal.owner == target and (goal.state, target_goal.key_questions[1]) == ("paused", "Which skills carry over?")
    northwind = Organization.objects.get(owner=target)
    assert (northwind.is_target, northwind.motivation, northwind.postings) == (True, 3, 2)


def test_the_backup_has_a_format_and_schema_version(rich_account):
    document = export_backup(rich_account)
    assert document["format"] == "coffeechat-backup" and document["schema_version"] == 1
    assert len(document["data"]["people.person"]) == 3
    assert "owner" not in document["data"]["people.person"][0]["fields"]


def test_restore_refuses_a_non_empty_account(rich_account):
    document = export_backup(rich_account)
    with pytest.raises(BackupError, match="not empty"):
        restore_backup(rich_account, document)


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.update(format="something-else"), "not a Coffeechat backup"),
        (lambda d: d.update(schema_version=99), "schema version"),
        (lambda d: d["data"].update({"people.unknown": []}), "does not know"),
        (lambda d: d["data"]["people.person"][1]["fields"].update(referred_by=999), "damaged"),
        (lambda d: d["data"]["people.person"][0]["fields"].update(connected_on="not a date"), "connected_on: .*invalid date format"),
    ],
)
def test_a_bad_backup_is_refused_and_nothing_is_written(rich_account, mutate, message):
    document = export_backup(rich_account)
    mutate(document)
    target = UserFactory(username="target")
    with pytest.raises(BackupError, match=message):
        restore_backup(target, document)
    for model in (Person, Organization, Tag, ImportBatch):
        assert not model.objects.filter(owner=target).exists()


def test_the_cli_round_trip(rich_account, tmp_path, capsys):
    path = tmp_path / "backup.json"
    call_command("export", "json", "-o", str(path), "--user", "owner")
    target = UserFactory(username="fresh")
    call_command("restore", str(path), "--user", "fresh")
    assert "Restored" in capsys.readouterr().out
    assert Person.objects.filter(owner=target).count() == 3
    with pytest.raises(CommandError) as caught:
        call_command("restore", str(path), "--user", "fresh")
    assert caught.value.returncode == 1
    (tmp_path / "bad.json").write_text("{not json")
    with pytest.raises(CommandError) as caught:
        call_command("restore", str(tmp_path / "bad.json"), "--user", "fresh")
    assert caught.value.returncode == 1


def test_export_restore_into_a_fresh_database_export_again(tmp_path):
    """Two real installations (two SQLite files): the backup moves between them unchanged."""
    from tests.clirun import run_cli

    first = tmp_path / "first"
    for args in (["people", "add", "Hélène Béland", "--org", "Northwind Health", "--email", "h@example.com", "--source", "alumni"],
                 ["people", "add", "Omar Haddad", "--title", "Architect"]):
        assert run_cli(first, *args).returncode == 0
    assert run_cli(first, "meetings", "add", "h@example.com", "--at", "2026-12-01 15:00", "--tz", "America/Toronto").returncode == 0
    backup = tmp_path / "backup.json"
    assert run_cli(first, "export", "json", "-o", str(backup)).returncode == 0
    fresh = tmp_path / "third"
    restored = run_cli(fresh, "restore", str(backup))
    assert restored.returncode == 0, restored.stderr
    original, reexported = json.loads(backup.read_text()), json.loads(run_cli(fresh, "export", "json").stdout)
    for document in (original, reexported):
        document.pop("exported_at")
    assert reexported == original and len(original["data"]["conversations.conversation"]) == 1


def test_a_backup_from_before_the_conversations_app_still_restores(owner):
    from tests.factories import ConversationFactory, GoalFactory

    ConversationFactory(owner=owner, goal=GoalFactory(owner=owner, title="What the work is like"))
    document = json.loads(json.dumps(export_backup(owner)))
    # Backups written before the move name the model by its old app.
    document["data"]["meetings.conversation"] = document["data"].pop("conversations.conversation")
    target = UserFactory(username="from-old-backup")
    restore_backup(target, document)
    restored = export_backup(target)["data"]
    assert restored["conversations.conversation"][0]["fields"]["goal"] == 1
    assert restored["insights.goal"][0]["fields"]["title"] == "What the work is like"

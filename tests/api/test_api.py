"""The JSON API: tokens, people CRUD with the form's validation, scoping, errors, throttling."""

import json
from datetime import datetime, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from coffeechat.accounts.models import ApiToken
from coffeechat.people.models import Person
from tests.factories import ConversationFactory, OrganizationFactory, PersonFactory

pytestmark = pytest.mark.django_db
API = "/api/v1"


@pytest.fixture
def token(owner):
    return ApiToken.issue(owner, "script")[1]


def call(client, method, path, token=None, body=None, **params):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    kwargs = {"content_type": "application/json", "data": json.dumps(body)} if body is not None else {"data": params}
    return getattr(client, method)(API + path, **kwargs, **headers)


def test_no_token_or_a_wrong_one_is_401_json(client, token):
    for bad in (None, "cc_made-up", token + "x"):
        response = call(client, "get", "/people", bad)
        assert response.status_code == 401
        assert response.json()["detail"].startswith("Send a valid personal token")


def test_people_list_search_and_pagination_in_a_stable_order(client, owner, token):
    for n in range(7):
        PersonFactory(owner=owner, first_name=f"P{n}", last_name="Same")
    PersonFactory(owner=owner, first_name="Hélène", last_name="Béland")
    first = call(client, "get", "/people", token, page_size=5).json()
    second = call(client, "get", "/people", token, page_size=5, page=2).json()
    assert first["count"] == 8 and len(first["items"]) == 5 and len(second["items"]) == 3
    names = [p["name"] for p in first["items"] + second["items"]]
    assert names[0] == "Hélène Béland" and len(set(names)) == 8
    found = call(client, "get", "/people", token, q="helene").json()
    assert [p["name"] for p in found["items"]] == ["Hélène Béland"]


def test_create_get_update_delete_a_person(client, owner, token):
    created = call(client, "post", "/people", token, {
        "first_name": "Ada", "last_name": "Park", "organization": "Northwind Health", "emails": ["ada@example.org"],
        "tags": ["nursing", "mentor"], "linkedin_url": "https://www.linkedin.com/in/adapark"})
    assert created.status_code == 201, created.content
    person = created.json()
    assert person["organization"] == "Northwind Health" and person["tags"] == ["mentor", "nursing"]
    got = call(client, "get", f"/people/{person['id']}", token).json()
    assert got["emails"] == ["ada@example.org"]
    updated = call(client, "patch", f"/people/{person['id']}", token, {"title": "Charge nurse"})
    assert updated.status_code == 200
    assert updated.json()["title"] == "Charge nurse" and updated.json()["tags"] == ["mentor", "nursing"]
    assert call(client, "delete", f"/people/{person['id']}", token).status_code == 204
    assert not Person.objects.exists()


def test_writes_validate_like_the_form_with_a_field_map(client, owner, token):
    response = call(client, "post", "/people", token, {
        "first_name": "Ada", "linkedin_url": "javascript:alert(1)", "emails": ["not an address"], "time_zone": "Mars/Base"})
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert set(errors) == {"linkedin_url", "emails", "time_zone"}
    assert "not a valid email address" in errors["emails"][0]
    nameless = call(client, "post", "/people", token, {"title": "Nobody"})
    assert nameless.status_code == 422 and "non_field_errors" in nameless.json()["errors"]
    wrong_type = call(client, "post", "/people", token, {"emails": "one@example.org"})
    assert wrong_type.status_code == 422 and "emails" in wrong_type.json()["errors"]
    assert not Person.objects.exists()


def test_organisations_conversations_and_due_items(client, owner, token):
    org = OrganizationFactory(owner=owner, name="Northwind")
    person = PersonFactory(owner=owner, organization=org)
    conversation = ConversationFactory(owner=owner, person=person, state="held")
    acme = OrganizationFactory(owner=owner, name="Acme Labs")
    for n in range(3):
        PersonFactory(owner=owner, organization=acme, first_name=f"Worker{n}")
    OrganizationFactory(owner=owner, name="Zenith Care")
    orgs = call(client, "get", "/organizations", token).json()
    assert [(o["name"], o["people"]) for o in orgs["items"]] == [("Acme Labs", 3), ("Northwind", 1), ("Zenith Care", 0)]
    assert call(client, "get", f"/organizations/{acme.pk}", token).json()["people"] == 3
    conversations = call(client, "get", "/conversations", token).json()
    assert conversations["items"][0]["id"] == conversation.pk and conversations["items"][0]["state"] == "held"
    due = call(client, "get", "/due", token).json()
    assert isinstance(due, list) and all({"key", "kind", "due", "overdue"} <= set(item) for item in due)


def test_the_coaches_answer_with_the_same_json_as_the_cli(client, token, tmp_path, capsys):
    text = "Subject: Coffee?\n\nHi Sam,\n\nCould we talk for 20 minutes next week?\n\nThanks,\nZoe"
    api = call(client, "post", "/coach/email", token, {"text": text}).json()
    path = tmp_path / "email.txt"
    path.write_text(text)
    call_command("coach", "email", str(path), "--json")
    assert api == json.loads(capsys.readouterr().out)
    questions = "What does a typical week look like?\nDo you like it?"
    api = call(client, "post", "/coach/questions", token, {"text": questions}).json()
    path.write_text(questions)
    call_command("coach", "questions", str(path), "--json")
    assert api == json.loads(capsys.readouterr().out)


def test_the_api_is_throttled(client, token, settings, monkeypatch):
    from coffeechat.api.api import api

    for throttle in api.throttle:
        monkeypatch.setattr(throttle, "num_requests", 3)
    statuses = [call(client, "get", "/people", token).status_code for _ in range(5)]
    assert statuses[:3] == [200, 200, 200] and statuses[3:] == [429, 429]


def test_the_schema_and_docs_are_served(client):
    schema = client.get(API + "/openapi.json").json()
    assert "/api/v1/people" in schema["paths"] and "/api/v1/coach/email" in schema["paths"]
    assert client.get(API + "/docs").status_code == 200


def test_snoozing_by_the_api_moves_an_item_from_when_it_is_due_reading_only_that_item(client, owner, token, monkeypatch):
    from coffeechat.followups import today
    from coffeechat.followups.models import DueMark, Task

    for n in range(3):
        ConversationFactory(owner=owner, state="held", ended_at=timezone.now() - timedelta(days=2),
                            person=PersonFactory(owner=owner, first_name=f"Met{n}"))
    task = Task.objects.create(owner=owner, title="Send the portfolio link", due_at=timezone.now() + timedelta(days=3))
    reads = []
    real = today.load_snapshot
    monkeypatch.setattr(today, "load_snapshot", lambda user, **subject: reads.append(subject) or real(user, **subject))
    assert call(client, "post", "/due/snooze", token, {"key": f"task:{task.pk}", "span": "1h"}).status_code == 200
    assert DueMark.objects.get(key=f"task:{task.pk}").snoozed_until == task.due_at + timedelta(hours=1)  # from its due time, as Today's button
    assert reads == [{"task_id": task.pk}]  # that task alone, not the whole network


def test_tokens_from_the_command_line(owner, capsys, client):
    call_command("token", "create", "laptop", "--user", "owner")
    token = capsys.readouterr().out.split()[-1]
    assert call(client, "get", "/people", token).status_code == 200
    stored = ApiToken.objects.get(name="laptop")
    assert token not in stored.token_hash and len(stored.token_hash) == 64
    call_command("token", "list", "--user", "owner")
    assert "laptop" in capsys.readouterr().out
    call_command("token", "revoke", "laptop", "--user", "owner")
    assert call(client, "get", "/people", token).status_code == 401


def test_a_script_marks_a_due_item_done_or_snoozes_one(client, owner, token):
    for n in range(2):
        ConversationFactory(owner=owner, state="held", ended_at=timezone.now() - timedelta(days=2),
                            person=PersonFactory(owner=owner, first_name=f"Met{n}"))
    due = call(client, "get", "/due", token).json()
    keys = [item["key"] for item in due]
    assert len(keys) >= 2
    assert call(client, "post", "/due/done", token, {"key": keys[0]}).json()["key"] == keys[0]
    assert call(client, "post", "/due/snooze", token, {"key": keys[1], "span": "week"}).status_code == 200
    left = {item["key"]: item for item in call(client, "get", "/due", token).json()}
    assert keys[0] not in left  # done
    snoozed = datetime.fromisoformat(left[keys[1]]["due"])  # moved a week on, no longer overdue
    assert snoozed > timezone.now() + timedelta(days=6) and not left[keys[1]]["overdue"]
    first = call(client, "get", "/due", token, limit=1).json()
    assert [item["key"] for item in first] == [next(iter(left))]  # the soonest, read without reading the rest
    assert call(client, "get", "/due", token, limit=0).status_code == 422
    assert call(client, "get", "/due", token, limit=1001).status_code == 422
    assert call(client, "post", "/due/done", token, {"key": "made-up"}).status_code == 404
    assert call(client, "post", "/due/snooze", token, {"key": keys[1], "span": "forever"}).status_code == 422

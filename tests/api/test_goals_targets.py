"""Goals and target organisations over the API: the forms' rules, a stable order, scoped to the token's user."""

import json

import pytest
from django.core.management import call_command

from coffeechat.accounts.models import ApiToken
from coffeechat.conversations.models import Conversation
from coffeechat.insights.models import Goal
from coffeechat.people.models import Organization
from tests.api.helpers import call
from tests.factories import ConversationFactory, GoalFactory, OrganizationFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def token(owner):
    return ApiToken.issue(owner, "script")[1]


def test_goals_create_list_update_delete(client, owner, token):
    made = call(client, "post", "/goals", token, {"title": "  UX research   in health ", "kind": "role",
                                                  "key_questions": ["What does a week look like?", "", "How did you start?"]})
    assert made.status_code == 201, made.content
    goal = made.json()
    assert goal["title"] == "UX research in health" and goal["key_questions"] == ["What does a week look like?", "How did you start?"]
    assert goal["state"] == "active" and goal["asked"] == 0
    GoalFactory(owner=owner, title="Archivist", state="done")
    GoalFactory(owner=owner, title="Zoo keeping")
    listed = call(client, "get", "/goals", token).json()
    assert [g["title"] for g in listed["items"]] == ["UX research in health", "Zoo keeping", "Archivist"]  # active A–Z, then done
    changed = call(client, "patch", f"/goals/{goal['id']}", token, {"state": "paused"}).json()
    assert changed["state"] == "paused" and changed["key_questions"] == goal["key_questions"]  # the rest stays
    conversation = ConversationFactory(owner=owner, goal=Goal.objects.get(pk=goal["id"]), state="held")
    assert call(client, "get", f"/goals/{goal['id']}", token).json()["held"] == 1
    assert call(client, "delete", f"/goals/{goal['id']}", token).status_code == 204
    conversation.refresh_from_db()
    assert conversation.goal is None and Conversation.objects.count() == 1


def test_goal_writes_validate_like_the_goal_form(client, owner, token):
    GoalFactory(owner=owner, title="Data journalism")
    duplicate = call(client, "post", "/goals", token, {"title": "data  JOURNALISM"})
    assert duplicate.status_code == 422 and duplicate.json()["errors"] == {"title": ["You already have this goal."]}
    bad = call(client, "post", "/goals", token, {"title": "", "kind": "hobby", "state": "maybe", "key_questions": ["x" * 501]})
    assert bad.status_code == 422
    assert set(bad.json()["errors"]) == {"title", "kind", "state", "key_questions"}
    too_many = call(client, "post", "/goals", token, {"title": "Six", "key_questions": ["q"] * 6})
    assert too_many.status_code == 422 and "key_questions" in too_many.json()["errors"]
    assert Goal.objects.count() == 1


def test_targets_rank_rate_add_and_remove(client, owner, token):
    far = OrganizationFactory(owner=owner, name="Far Away Ltd", is_target=True, motivation=1, postings=1)
    near = OrganizationFactory(owner=owner, name="Northwind", is_target=True, motivation=3, postings=2)
    PersonFactory(owner=owner, organization=near)
    OrganizationFactory(owner=owner, name="Not a target")
    listed = call(client, "get", "/targets", token).json()
    assert [t["name"] for t in listed["items"]] == ["Northwind", "Far Away Ltd"]
    assert listed["items"][0] == {"id": near.pk, "name": "Northwind", "motivation": 3, "postings": 2, "advocacy": 1,
                                  "advocacy_label": "a name", "people": 1, "rank": 1, "first_five": True}
    rated = call(client, "patch", f"/targets/{far.pk}", token, {"motivation": 3, "postings": 3})
    assert rated.status_code == 200 and rated.json()["rank"] == 1
    assert call(client, "patch", f"/targets/{far.pk}", token, {"motivation": 7}).json()["errors"].keys() == {"motivation"}
    added = call(client, "post", "/targets", token, {"name": " Blue  Harbour Studio", "motivation": 2})
    assert added.status_code == 201 and added.json()["name"] == "Blue Harbour Studio" and added.json()["postings"] == 1
    again = call(client, "post", "/targets", token, {"name": "blue harbour studio"})
    assert again.status_code == 200 and again.json()["motivation"] == 2  # matched, never duplicated
    assert call(client, "post", "/targets", token, {"name": "Two\nNames"}).status_code == 422
    assert call(client, "post", "/targets", token, {"name": "Rated wrong", "postings": 0}).status_code == 422
    assert not Organization.objects.filter(name="Rated wrong").exists()  # nothing added with a wrong rating
    assert call(client, "delete", f"/targets/{far.pk}", token).status_code == 204
    assert call(client, "get", f"/targets/{far.pk}", token).status_code == 404
    far.refresh_from_db()
    assert not far.is_target  # the organisation stays


def test_the_thanks_coach_answers_with_the_same_json_as_the_cli(client, token, tmp_path, capsys):
    note = ("Subject: Thank you\n\nHi Sam,\n\nThank you for your time on Tuesday. Your advice to talk to Priya Shah "
            "about the archive project was a great help. Hiring freeze until spring.\n\nBest,\nZoe")
    notes = "She said: talk to Priya Shah about the archive project.\nHiring freeze until spring."
    api = call(client, "post", "/coach/thanks", token, {"text": note, "notes": notes, "referrals": ["Tom Li"]})
    assert api.status_code == 200
    (tmp_path / "note.txt").write_text(note)
    (tmp_path / "notes.txt").write_text(notes)
    call_command("coach", "thanks", str(tmp_path / "note.txt"), "--notes", str(tmp_path / "notes.txt"),
                 "--referral", "Tom Li", "--json")
    cli = json.loads(capsys.readouterr().out)
    assert api.json() == cli
    verdicts = {f["id"]: f["ok"] for f in cli["findings"]}
    assert verdicts["thanks"] and not verdicts["mentions_referrals"] and not verdicts["no_private_notes"]
    bare = call(client, "post", "/coach/thanks", token, {"text": note}).json()
    call_command("coach", "thanks", str(tmp_path / "note.txt"), "--json")
    assert bare == json.loads(capsys.readouterr().out) != cli  # the notes and names were used


@pytest.mark.parametrize("path, name", [("/goals", "state"), ("/conversations", "state"), ("/messages", "kind")])
def test_a_filter_value_that_names_nothing_lists_nothing_even_with_a_nul(client, owner, token, path, name):
    # PostgreSQL refuses text with a NUL byte: such a value must be an empty list, not a server error.
    GoalFactory(owner=owner, title="Archivist")
    ConversationFactory(owner=owner)
    for value in ("no-such-value", "active\x00", "held\x00x"):
        listed = call(client, "get", path, token, **{name: value})
        assert listed.status_code == 200 and listed.json()["items"] == [], (value, listed.content)

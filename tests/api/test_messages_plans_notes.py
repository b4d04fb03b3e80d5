"""Messages, question plans and notes over the API: the web's forms and services, scoped to the token's user."""

import pytest

from coffeechat.accounts.models import ApiToken
from coffeechat.conversations.models import Conversation
from coffeechat.outreach.models import Message
from coffeechat.questions.bank import PRESETS
from coffeechat.questions.models import PlanItem
from tests.api.helpers import call
from tests.factories import ConversationFactory, GoalFactory, MessageFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def token(owner):
    return ApiToken.issue(owner, "script")[1]


def test_a_draft_request_opens_its_conversation_and_marking_it_sent_moves_it_on(client, owner, token):
    person = PersonFactory(owner=owner, first_name="Sam")
    goal = GoalFactory(owner=owner, title="Archives")
    made = call(client, "post", "/messages", token, {"person_id": person.pk, "subject": "Coffee?", "body": "Hi Sam, 20 minutes?",
                                                     "goal_id": goal.pk, "minutes": 20, "medium": "phone"})
    assert made.status_code == 201, made.content
    draft = made.json()
    assert draft["draft"] and draft["kind"] == "request" and draft["sent_at"] is None
    conversation = Conversation.objects.get(pk=draft["conversation_id"])
    assert (conversation.state, conversation.goal, conversation.minutes, conversation.medium) == ("draft", goal, 20, "phone")
    edited = call(client, "patch", f"/messages/{draft['id']}", token, {"body": "Hi Sam, could we talk for 20 minutes?"}).json()
    assert edited["subject"] == "Coffee?" and edited["body"].startswith("Hi Sam, could")
    sent = call(client, "post", f"/messages/{draft['id']}/sent", token, {"channel": "linkedin"})
    assert sent.status_code == 200 and sent.json()["channel"] == "linkedin" and not sent.json()["draft"]
    conversation.refresh_from_db()
    assert conversation.state == "requested" and conversation.requested_at is not None  # through mark_sent
    assert call(client, "patch", f"/messages/{draft['id']}", token, {"body": "later"}).status_code == 409
    assert call(client, "delete", f"/messages/{draft['id']}", token).status_code == 409
    assert call(client, "post", f"/messages/{draft['id']}/sent", token, {"channel": "eml"}).status_code == 409


def test_drafts_validate_like_the_composer(client, owner, token, second_user):
    person = PersonFactory(owner=owner)
    empty = call(client, "post", "/messages", token, {"person_id": person.pk, "body": "   ", "minutes": 500, "medium": "fax",
                                                      "goal_id": GoalFactory(owner=second_user).pk})
    assert empty.status_code == 422
    assert set(empty.json()["errors"]) == {"body", "minutes", "medium", "goal_id"}
    assert empty.json()["errors"]["body"] == ["Write the message first."]
    assert call(client, "post", "/messages", token, {"person_id": PersonFactory(owner=second_user).pk, "body": "Hi"}).status_code == 404
    assert not Message.objects.exists() and not Conversation.objects.exists()
    prompts = call(client, "post", "/messages", token, {"person_id": person.pk, "kind": "thank_you",
                                                        "body": "Thank you! [Name one thing they said that helped.]"}).json()
    assert prompts["conversation_id"] is None and prompts["kind"] == "thank_you"
    refused = call(client, "post", f"/messages/{prompts['id']}/sent", token, {"channel": "mail_app"})
    assert refused.status_code == 422 and "bracketed prompt" in refused.json()["errors"]["body"][0]
    wrong_channel = call(client, "patch", f"/messages/{prompts['id']}", token, {"body": "Thank you, truly."})
    assert wrong_channel.status_code == 200
    assert call(client, "post", f"/messages/{prompts['id']}/sent", token, {"channel": "smtp"}).json()["errors"].keys() == {"channel"}
    assert call(client, "delete", f"/messages/{prompts['id']}", token).status_code == 204


def test_message_lists_filter_and_keep_a_stable_order(client, owner, token):
    person = PersonFactory(owner=owner)
    conversation = ConversationFactory(owner=owner, person=person)
    sent = MessageFactory(owner=owner, person=person, conversation=conversation, sent_at="2026-01-05T10:00:00Z")
    draft = MessageFactory(owner=owner, person=person, conversation=conversation)
    other = MessageFactory(owner=owner, person=PersonFactory(owner=owner))
    everything = call(client, "get", "/messages", token, page_size=2).json()
    assert everything["count"] == 3 and [m["id"] for m in everything["items"]] == [other.pk, draft.pk]
    assert [m["id"] for m in call(client, "get", "/messages", token, status="sent").json()["items"]] == [sent.pk]
    assert [m["id"] for m in call(client, "get", "/messages", token, person_id=person.pk, status="draft").json()["items"]] == [draft.pk]
    in_conversation = call(client, "get", f"/conversations/{conversation.pk}/messages", token).json()
    assert [m["id"] for m in in_conversation["items"]] == [draft.pk, sent.pk]


def test_a_plan_is_built_reordered_and_trimmed_as_the_plan_page_does(client, owner, token):
    goal = GoalFactory(owner=owner, key_questions=["How did you get your first archive job?"])
    conversation = ConversationFactory(owner=owner, goal=goal)
    url = f"/conversations/{conversation.pk}/plan"
    own = call(client, "post", url, token, {"text": "  What does a typical   week look like? "})
    assert own.status_code == 201 and own.json()["text"] == "What does a typical week look like?" and own.json()["category"]
    key = call(client, "post", url, token, {"key_question": 0}).json()
    assert key["must_ask"] and key["text"] == goal.key_questions[0]
    assert call(client, "post", url, token, {"key_question": 3}).status_code == 422
    assert call(client, "post", url, token, {"text": "x", "key_question": 0}).status_code == 422
    assert call(client, "post", url, token, {"text": "", "category": "nonsense"}).json()["errors"].keys() == {"text", "category"}
    assert call(client, "post", url, token, {"bank_ref": "b:made-up"}).status_code == 422
    preset = call(client, "post", f"{url}/preset", token, {"preset": PRESETS[0].key})
    assert preset.status_code == 200 and preset.json()["added"] > 0
    assert call(client, "post", f"{url}/preset", token, {"preset": "nope"}).status_code == 422
    plan = call(client, "get", url, token, page_size=200).json()["items"]
    ids = [item["id"] for item in plan]
    assert ids[:2] == [own.json()["id"], key["id"]]
    reordered = call(client, "put", f"{url}/order", token, {"items": list(reversed(ids))})
    assert [i["id"] for i in reordered.json()] == list(reversed(ids)) and [i["position"] for i in reordered.json()] == list(range(1, len(ids) + 1))
    assert call(client, "put", f"{url}/order", token, {"items": ids[1:]}).status_code == 422
    moved = call(client, "post", f"/plan-items/{key['id']}/move", token, {"direction": "down"}).json()
    assert [i["id"] for i in moved][-2:] == [own.json()["id"], key["id"]]
    assert call(client, "patch", f"/plan-items/{key['id']}", token, {"must_ask": False}).json()["must_ask"] is False
    assert call(client, "delete", f"/plan-items/{key['id']}", token).status_code == 204
    assert not PlanItem.objects.filter(pk=key["id"]).exists()


def test_notes_live_answers_and_reflection(client, owner, token):
    conversation = ConversationFactory(owner=owner, state="held")
    item = PlanItem.objects.create(owner=owner, conversation=conversation, text="What surprised you?", position=1)
    url = f"/conversations/{conversation.pk}/notes"
    saved = call(client, "patch", url, token, {"notes": "Met at the café.", "may_contact_again": True})
    assert saved.status_code == 200 and saved.json()["notes"] == "Met at the café." and saved.json()["may_contact_again"] is True
    answer = call(client, "patch", f"/plan-items/{item.pk}/note", token, {"note": "The pace.", "asked": True}).json()
    assert answer["note"] == "The pace." and answer["asked"]
    assert call(client, "patch", f"/plan-items/{item.pk}/note", token, {"note": "x" * 100_001}).status_code == 422
    assert call(client, "patch", url, token, {"observations": "y" * 100_001}).json()["errors"].keys() == {"observations"}
    empty = call(client, "patch", f"/conversations/{conversation.pk}/reflection", token, {"learned": "  "})
    assert empty.status_code == 422 and "non_field_errors" in empty.json()["errors"]
    reflected = call(client, "patch", f"/conversations/{conversation.pk}/reflection", token, {"learned": "Archives hire in spring."})
    assert reflected.status_code == 200 and reflected.json()["reflected_at"]
    notes = call(client, "get", url, token).json()
    assert notes["answers"] == [{"id": item.pk, "position": 1, "text": "What surprised you?", "asked": True, "note": "The pace."}]
    assert notes["learned"] == "Archives hire in spring." and notes["observations"] == "" and notes["notes"] == "Met at the café."


def test_a_nul_character_in_notes_is_left_out_not_a_server_error(client, owner, token):
    # PostgreSQL refuses NUL in text; SQLite stores it. Either way it is never part of a note (the API's fuzz found it).
    conversation = ConversationFactory(owner=owner, state="held")
    item = PlanItem.objects.create(owner=owner, conversation=conversation, text="What surprised you?", position=1)
    saved = call(client, "patch", f"/conversations/{conversation.pk}/notes", token, {"notes": "Ask\u0000 about grants"})
    assert saved.status_code == 200 and saved.json()["notes"] == "Ask about grants"
    answer = call(client, "patch", f"/plan-items/{item.pk}/note", token, {"note": "\u0000The pace."})
    assert answer.status_code == 200 and answer.json()["note"] == "The pace."
    client.force_login(owner)
    live = client.post(f"/conversations/{conversation.pk}/live/save/observations/", {"observations": "Calm\x00 and kind"})
    assert live.status_code == 200
    conversation.refresh_from_db()
    assert conversation.observations == "Calm and kind"


def test_lists_take_the_same_queries_for_few_rows_or_many(client, owner, token):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(path):
        with CaptureQueriesContext(connection) as captured:
            assert call(client, "get", path, token, page_size=200).status_code == 200
        return len(captured)

    def grow(n):
        for _ in range(n):
            person = PersonFactory(owner=owner)
            conversation = ConversationFactory(owner=owner, person=person, goal=GoalFactory(owner=owner))
            MessageFactory(owner=owner, person=person, conversation=conversation)
            PlanItem.objects.create(owner=owner, conversation=conversation, text="Why?")

    grow(1)
    call(client, "get", "/due", token)  # the token's first use of the minute notes when it was used
    paths = ["/messages", "/goals", "/targets", "/people", "/conversations"]
    few = {path: queries(path) for path in paths}
    grow(12)
    assert {path: queries(path) for path in paths} == few

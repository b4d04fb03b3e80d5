"""Every API route, called with another user's token, neither shows nor changes the owner's data."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from coffeechat.accounts.models import ApiToken
from coffeechat.conversations.models import Conversation
from coffeechat.followups.models import DueMark
from coffeechat.followups.rules import due_items, load_snapshot
from coffeechat.insights.models import Goal
from coffeechat.outreach.models import Message
from coffeechat.people.models import Organization, Person
from coffeechat.questions.models import PlanItem
from tests.factories import (
    ConversationFactory,
    GoalFactory,
    MessageFactory,
    OrganizationFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db
# Collection routes whose body names one of the owner's objects: that object is not found for the intruder.
NAMES_AN_OBJECT = {("post", "/api/v1/messages"), ("post", "/api/v1/due/done"), ("post", "/api/v1/due/snooze")}


def api_routes():
    from coffeechat.api.api import api

    schema = api.get_openapi_schema()
    return [(path, method) for path, ops in schema["paths"].items() for method in ops]


def snapshot(owner):
    """Everything of the owner's that a route could change."""
    return {
        "people": list(Person.objects.filter(owner=owner).values("pk", "first_name")),
        "organizations": list(Organization.objects.filter(owner=owner).values("pk", "name", "is_target", "motivation", "postings")),
        "goals": list(Goal.objects.filter(owner=owner).values("pk", "title", "state", "key_questions")),
        "conversations": list(Conversation.objects.filter(owner=owner).values(
            "pk", "state", "notes", "observations", "may_contact_again", "learned", "reflected_at", "goal")),
        "messages": list(Message.objects.filter(owner=owner).values("pk", "body", "sent_at", "channel")),
        "plan": list(PlanItem.objects.filter(owner=owner).values("pk", "text", "position", "must_ask", "asked", "note")),
    }


def test_a_second_users_token_sees_and_changes_nothing(client, owner, second_user):
    org = OrganizationFactory(owner=owner, name="Owner Org", is_target=True, motivation=2)
    person = PersonFactory(owner=owner, first_name="Secret", last_name="Person", organization=org)
    goal = GoalFactory(owner=owner, title="secret goal", key_questions=["Secret key question?"])
    conversation = ConversationFactory(owner=owner, person=person, goal=goal, state="held", notes="Secret notes",
                                       ended_at=timezone.now() - timedelta(days=2))
    message = MessageFactory(owner=owner, person=person, conversation=conversation, body="Secret draft")
    items = [PlanItem.objects.create(owner=owner, conversation=conversation, text=f"Secret question {n}?", position=n,
                                     note="Secret answer") for n in (1, 2)]
    owner_item = next(i for i in due_items(load_snapshot(owner), timezone.now()) if i.conversation == conversation.pk)
    ids = {"person_id": person.pk, "organization_id": org.pk, "conversation_id": conversation.pk, "goal_id": goal.pk,
           "message_id": message.pk, "item_id": items[0].pk}
    before = snapshot(owner)
    token = ApiToken.issue(second_user, "intruder")[1]
    body = {"first_name": "Hacked", "text": "x", "key": owner_item.key, "span": "week", "title": "Hacked goal",
            "name": "Hacked Org", "person_id": person.pk, "body": "Hacked", "channel": "other", "subject": "Hacked",
            "preset": "first_conversation", "items": [i.pk for i in reversed(items)], "direction": "down",
            "note": "Hacked", "notes": "Hacked", "learned": "Hacked", "must_ask": True, "motivation": 3, "postings": 3,
            "key_question": 0, "state": "done"}
    routes = api_routes()
    assert len(routes) >= 40
    for path, method in routes:
        url = re.sub(r"\{(\w+)\}", lambda m: str(ids[m.group(1)]), path)
        response = getattr(client, method)(url, data=body if method in ("post", "patch", "put") else None,
                                           content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}")
        text = response.content.decode()
        assert "Secret" not in text and "Owner Org" not in text and "secret goal" not in text, (method, url)
        if "{" in path or (method, path) in NAMES_AN_OBJECT:
            assert response.status_code == 404, (method, url, response.status_code)
        else:
            assert response.status_code in (200, 201), (method, url, response.status_code, text)
    assert snapshot(owner) == before
    assert not DueMark.objects.exists()
    # Whatever the intruder created is theirs alone.
    for model in (Person, Organization, Goal, Conversation, Message, PlanItem):
        assert set(model.objects.exclude(owner=owner).values_list("owner", flat=True)) <= {second_user.pk}, model

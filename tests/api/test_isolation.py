"""Every API route, called with another user's token, neither shows nor changes the owner's data."""

import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from coffeechat.accounts.models import ApiToken
from coffeechat.conversations.models import Conversation
from coffeechat.followups.models import DueMark
from coffeechat.followups.rules import due_items, load_snapshot
from coffeechat.people.models import Organization, Person
from tests.factories import ConversationFactory, GoalFactory, OrganizationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def api_routes():
    from coffeechat.api.api import api

    schema = api.get_openapi_schema()
    return [(path, method) for path, ops in schema["paths"].items() for method in ops]


def test_a_second_users_token_sees_and_changes_nothing(client, owner, second_user):
    cache.clear()
    org = OrganizationFactory(owner=owner, name="Owner Org")
    person = PersonFactory(owner=owner, first_name="Secret", last_name="Person", organization=org)
    conversation = ConversationFactory(owner=owner, person=person, goal=GoalFactory(owner=owner, title="secret goal"), state="held",
                                       ended_at=timezone.now() - timedelta(days=2))
    owner_item = next(i for i in due_items(load_snapshot(owner), timezone.now()) if i.conversation == conversation.pk)
    ids = {"person_id": person.pk, "organization_id": org.pk, "conversation_id": conversation.pk}
    token = ApiToken.issue(second_user, "intruder")[1]
    routes = api_routes()
    assert len(routes) >= 13
    for path, method in routes:
        url = re.sub(r"\{(\w+)\}", lambda m: str(ids[m.group(1)]), path)
        body = {"first_name": "Hacked", "text": "x", "key": owner_item.key, "span": "week"} if method in ("post", "patch") else None
        response = getattr(client, method)(url, data=body, content_type="application/json",
                                           HTTP_AUTHORIZATION=f"Bearer {token}")
        text = response.content.decode()
        assert "Secret" not in text and "Owner Org" not in text and "secret goal" not in text, (method, url)
        if "{" in path or path.startswith("/api/v1/due/"):
            assert response.status_code == 404, (method, url, response.status_code)
        else:
            assert response.status_code in (200, 201), (method, url, response.status_code)
    assert not DueMark.objects.exists()
    person.refresh_from_db()
    assert person.first_name == "Secret"
    assert Person.objects.filter(owner=owner).count() == 1
    assert Organization.objects.filter(owner=owner).count() == 1 and Conversation.objects.filter(owner=owner).count() == 1
    # Whatever the intruder created is theirs alone.
    assert set(Person.objects.exclude(owner=owner).values_list("owner", flat=True)) <= {second_user.pk}

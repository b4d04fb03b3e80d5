"""Property-based run of the whole API from its own OpenAPI schema (schemathesis): no server
errors, and every answer matches the schema. A bounded number of examples per operation."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from coffeechat.accounts.models import ApiToken
from coffeechat.questions.models import PlanItem
from coffeechat.wsgi import application
from tests.factories import (
    ConversationFactory,
    GoalFactory,
    MessageFactory,
    OrganizationFactory,
    PersonFactory,
    UserFactory,
)

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


@pytest.fixture
def bearer(db, monkeypatch):
    from coffeechat.api.api import api

    # As Django's test client does: a request must not close the test's database connection
    # (schemathesis calls the WSGI application directly).
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)

    for throttle in api.throttle:
        monkeypatch.setattr(throttle, "num_requests", 100_000)
    user = UserFactory(username="fuzz")
    goal = GoalFactory(owner=user, key_questions=["How did you start?"])
    organization = OrganizationFactory(owner=user, is_target=True)
    person = PersonFactory(owner=user, organization=organization)
    conversation = ConversationFactory(owner=user, person=person, goal=goal, state="held")
    draft = MessageFactory(owner=user, person=person, conversation=conversation)
    items = [PlanItem.objects.create(owner=user, conversation=conversation, text=f"Question {n}?", position=n) for n in (1, 2)]
    ids = {"goal_id": goal.pk, "organization_id": organization.pk, "person_id": person.pk, "conversation_id": conversation.pk,
           "message_id": draft.pk, "item_id": items[0].pk}
    yield {"Authorization": f"Bearer {ApiToken.issue(user, 'fuzz')[1]}"}, ids
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_api_honours_its_schema(case, bearer):
    headers, ids = bearer
    # Random ids are mostly not found; send half of them (the even ones) to the fuzz user's real
    # objects, so each operation also runs on something it can show, change or refuse to change.
    for params in (case.path_parameters, case.body if isinstance(case.body, dict) else None):
        for name, value in (params or {}).items():
            if name in ids and isinstance(value, int) and not isinstance(value, bool) and value % 2 == 0:
                params[name] = ids[name]
    # Excluded: unknown query parameters are ignored, as most HTTP APIs do; and a request the
    # schema allows may still fail the form's rules (a person needs a name or an email) with a
    # documented 422. Every other check applies: no 5xx, documented codes, types and bodies.
    case.call_and_validate(headers=headers, excluded_checks=[schemathesis.checks.negative_data_rejection,
                                                            schemathesis.checks.positive_data_acceptance])

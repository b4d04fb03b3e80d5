"""Property-based run of the whole API from its own OpenAPI schema (schemathesis): no server
errors, and every answer matches the schema. A bounded number of examples per operation."""

import pytest
import schemathesis
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from coffeechat.accounts.models import ApiToken
from coffeechat.wsgi import application
from tests.factories import ConversationFactory, UserFactory

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
    cache.clear()
    user = UserFactory(username="fuzz")
    ConversationFactory(owner=user, state="held")
    yield {"Authorization": f"Bearer {ApiToken.issue(user, 'fuzz')[1]}"}
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_api_honours_its_schema(case, bearer):
    # Excluded: unknown query parameters are ignored, as most HTTP APIs do; and a request the
    # schema allows may still fail the form's rules (a person needs a name or an email) with a
    # documented 422. Every other check applies: no 5xx, documented codes, types and bodies.
    case.call_and_validate(headers=bearer, excluded_checks=[schemathesis.checks.negative_data_rejection,
                                                            schemathesis.checks.positive_data_acceptance])

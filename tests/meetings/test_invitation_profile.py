"""An invitation names who it is from, asked for where first needed; no address for them means no invitation (issue 14, item 5)."""

from datetime import UTC, datetime

import icalendar
import pytest
from django.urls import reverse

from tests.factories import ConversationFactory, PersonFactory
from tests.meetings.test_scheduling import schedule

pytestmark = pytest.mark.django_db


@pytest.fixture
def bare_owner(owner):
    owner.first_name, owner.last_name, owner.email = "", "", ""  # a local account, as first run makes it
    owner.save()
    return owner


@pytest.fixture
def conversation(bare_owner):
    person = PersonFactory(owner=bare_owner, first_name="John", last_name="Doë", emails=["john@example.com"])
    return ConversationFactory(owner=bare_owner, person=person, state="accepted")


def test_the_schedule_form_asks_for_my_name_and_email_the_first_time(owner_client, bare_owner, conversation):
    page = owner_client.get(reverse("meetings:schedule", args=[conversation.pk])).content.decode()
    assert "Who the invitation is from" in page and 'name="me-email"' in page
    refused = schedule(owner_client, conversation)
    assert refused.status_code == 422 and "This field is required" in refused.content.decode()
    conversation.refresh_from_db()
    assert conversation.scheduled_start is None  # nothing half-written
    assert schedule(owner_client, conversation, **{"me-first_name": "Zoë", "me-last_name": "Kowalczyk", "me-email": "zoe@example.org"}).status_code == 302
    bare_owner.refresh_from_db()
    assert (bare_owner.get_full_name(), bare_owner.email) == ("Zoë Kowalczyk", "zoe@example.org")
    event = icalendar.Calendar.from_ical(owner_client.get(reverse("meetings:ics", args=[conversation.pk])).content).walk("VEVENT")[0]
    assert str(event["ORGANIZER"]) == "mailto:zoe@example.org" and event["ORGANIZER"].params["CN"] == "Zoë Kowalczyk"
    assert str(event["SUMMARY"]) == "Informational interview: Zoë Kowalczyk & John Doë"
    assert "owner" not in str(event["SUMMARY"])  # never the account's user name
    assert 'name="me-email"' not in owner_client.get(reverse("meetings:schedule", args=[conversation.pk])).content.decode()


def test_without_my_email_no_invitation_is_offered_and_settings_is_named(owner_client, conversation):
    conversation.state, conversation.scheduled_start, conversation.time_zone = "scheduled", datetime(2026, 12, 1, 20, tzinfo=UTC), "UTC"
    conversation.save()
    page = owner_client.get(conversation.get_absolute_url()).content.decode()
    assert "Coffeechat needs your name and your email address" in page and reverse("settings") in page
    assert reverse("meetings:ics", args=[conversation.pk]) not in page
    response = owner_client.get(reverse("meetings:ics", args=[conversation.pk]))
    assert response.status_code == 302 and response.url == reverse("settings")
    assert owner_client.post(reverse("meetings:email-invitation", args=[conversation.pk])).status_code == 302


def test_without_their_email_only_an_event_for_my_calendar_is_offered(owner_client, bare_owner, conversation):
    bare_owner.first_name, bare_owner.email = "Zoë", "zoe@example.org"
    bare_owner.save()
    conversation.person.emails = []
    conversation.person.save()
    schedule(owner_client, conversation)
    page = owner_client.get(conversation.get_absolute_url()).content.decode()
    assert "Add to my calendar (.ics)" in page and "Download the invitation" not in page and "Email the invitation" not in page
    response = owner_client.get(reverse("meetings:ics", args=[conversation.pk]))
    assert "method=PUBLISH" in response["Content-Type"]
    calendar = icalendar.Calendar.from_ical(response.content)
    [event] = calendar.walk("VEVENT")
    assert calendar["METHOD"] == "PUBLISH" and "ATTENDEE" not in event and str(event["ORGANIZER"]) == "mailto:zoe@example.org"

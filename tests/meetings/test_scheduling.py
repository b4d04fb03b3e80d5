from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
import vobject
from django.urls import reverse

from coffeechat.conversations.models import Conversation
from tests.factories import ConversationFactory, GoalFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def conversation(owner):
    owner.first_name, owner.last_name, owner.email = "Zoë", "Kowalczyk", "zoe@example.org"
    owner.save()
    person = PersonFactory(owner=owner, first_name="Hélène", last_name="Béland", emails=["helene@northwind.example"],
                           time_zone="America/Vancouver")
    return ConversationFactory(owner=owner, person=person, state="accepted", goal=GoalFactory(owner=owner, title="nursing informatics"))


def schedule(client, conversation, **overrides):
    data = {"date": "2026-12-01", "time": "15:00", "time_zone": "America/Toronto", "minutes": 30,
            "medium": "video", "location": "https://meet.example.com/abc", "goal": conversation.goal_id or ""}
    data.update(overrides)
    return client.post(reverse("meetings:schedule", args=[conversation.pk]), data)


def test_scheduling_shows_both_time_zones(owner_client, conversation):
    assert schedule(owner_client, conversation).status_code == 302
    conversation.refresh_from_db()
    assert conversation.state == "scheduled"
    assert conversation.scheduled_start == datetime(2026, 12, 1, 20, 0, tzinfo=UTC)
    page = owner_client.get(conversation.get_absolute_url()).content.decode()
    assert "Tuesday 1 December, 3:00 pm your time (EST) · 12:00 pm in Vancouver (PST)" in page


def test_the_invitation_parses_in_both_libraries_at_the_right_instant(owner_client, conversation):
    schedule(owner_client, conversation)
    response = owner_client.get(reverse("meetings:ics", args=[conversation.pk]))
    assert response["Content-Type"].startswith("text/calendar") and "method=REQUEST" in response["Content-Type"]
    event = icalendar.Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert event.decoded("DTSTART").astimezone(UTC) == datetime(2026, 12, 1, 20, 0, tzinfo=UTC)
    assert (event.decoded("DTEND") - event.decoded("DTSTART")).total_seconds() == 1800
    assert str(event["ORGANIZER"]) == "mailto:zoe@example.org"
    assert [str(a) for a in event["ATTENDEE"]] == ["mailto:zoe@example.org", "mailto:helene@northwind.example"]
    assert "Zoë Kowalczyk & Hélène Béland" in str(event["SUMMARY"])
    assert "nursing informatics" in str(event["DESCRIPTION"])
    parsed = vobject.readOne(response.content.decode())
    assert parsed.vevent.dtstart.value.astimezone(UTC) == datetime(2026, 12, 1, 20, 0, tzinfo=UTC)
    conversation.refresh_from_db()
    assert conversation.invitation_sent_at is not None


def test_moving_keeps_the_uid_and_raises_sequence_then_cancel(owner_client, conversation):
    schedule(owner_client, conversation)
    first = icalendar.Calendar.from_ical(owner_client.get(reverse("meetings:ics", args=[conversation.pk])).content).walk("VEVENT")[0]
    schedule(owner_client, conversation, time="16:30")
    second = icalendar.Calendar.from_ical(owner_client.get(reverse("meetings:ics", args=[conversation.pk])).content).walk("VEVENT")[0]
    assert second["UID"] == first["UID"] and second["SEQUENCE"] == first["SEQUENCE"] + 1
    owner_client.post(reverse("meetings:cancel", args=[conversation.pk]))
    cancelled = owner_client.get(reverse("meetings:ics", args=[conversation.pk]))
    calendar = icalendar.Calendar.from_ical(cancelled.content)
    assert calendar["METHOD"] == "CANCEL" and calendar.walk("VEVENT")[0]["UID"] == first["UID"]
    assert calendar.walk("VEVENT")[0]["SEQUENCE"] == first["SEQUENCE"] + 2


def test_an_overlap_is_warned_about(owner_client, owner, conversation):
    other = ConversationFactory(owner=owner, state="scheduled", scheduled_start=datetime(2026, 12, 1, 20, 15, tzinfo=UTC),
                                minutes=30, person__first_name="Omar", person__last_name="Haddad")
    response = schedule(owner_client, conversation)
    followed = owner_client.get(response.url).content.decode()
    assert "overlaps your conversation with Omar Haddad" in followed
    assert Conversation.objects.get(pk=other.pk).state == "scheduled"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [({"date": "2026-02-30"}, "Enter a valid date"), ({"time_zone": "Mars/Base"}, "not a time zone we know"),
     ({"minutes": 600}, "less than or equal to 240"), ({"date": "2026-03-08", "time": "02:30"}, "does not exist")],
)
def test_bad_times_are_refused_with_422(owner_client, conversation, overrides, message):
    response = schedule(owner_client, conversation, **overrides)
    assert response.status_code == 422 and message in response.content.decode()
    conversation.refresh_from_db()
    assert conversation.scheduled_start is None


def test_schedule_from_the_person_page(owner_client, owner):
    person = PersonFactory(owner=owner)
    response = owner_client.post(reverse("meetings:schedule-person", args=[person.pk]))
    conversation = Conversation.objects.get(person=person)
    assert response.url == reverse("meetings:schedule", args=[conversation.pk])


@pytest.mark.parametrize(("name", "method"), [("meetings:schedule", "post"), ("meetings:ics", "get"), ("meetings:cancel", "post")])
def test_an_outsider_gets_404(outsider_client, owner, name, method):
    conversation = ConversationFactory(owner=owner, state="scheduled", scheduled_start=datetime(2026, 12, 1, 20, tzinfo=UTC))
    response = getattr(outsider_client, method)(reverse(name, args=[conversation.pk]), {"date": "2026-12-02", "time": "10:00",
                                                                                        "time_zone": "UTC", "minutes": 30, "medium": "phone"})
    assert response.status_code == 404
    conversation.refresh_from_db()
    assert conversation.state == "scheduled" and conversation.sequence == 0


def test_outsider_cannot_start_a_conversation_with_my_person(outsider_client, owner):
    person = PersonFactory(owner=owner)
    assert outsider_client.post(reverse("meetings:schedule-person", args=[person.pk])).status_code == 404
    assert not Conversation.objects.exists()


def test_time_zone_display_uses_the_users_zone(owner_client, owner, conversation):
    owner.time_zone = "Europe/Paris"
    owner.save()
    schedule(owner_client, conversation)
    page = owner_client.get(conversation.get_absolute_url()).content.decode()
    assert "9:00 pm your time (CET)" in page and ZoneInfo("Europe/Paris")


def test_the_invitation_is_emailed_as_text_calendar_method_request(owner_client, owner, conversation, smtp_server):
    from coffeechat.mail.models import MailAccount

    MailAccount.objects.create(owner=owner, host="127.0.0.1", port=smtp_server.port, security="none", from_address="zoe@example.org")
    schedule(owner_client, conversation)
    response = owner_client.post(reverse("meetings:email-invitation", args=[conversation.pk]), follow=True)
    assert "Invitation sent to helene@northwind.example" in response.content.decode()
    [(recipients, message)] = smtp_server.messages
    [calendar] = [part for part in message.walk() if part.get_content_type() == "text/calendar"]
    assert calendar.get_param("method") == "REQUEST" and recipients == ["helene@northwind.example"]
    event = icalendar.Calendar.from_ical(calendar.get_content()).walk("VEVENT")[0]
    assert event.decoded("DTSTART").astimezone(UTC) == datetime(2026, 12, 1, 20, 0, tzinfo=UTC)
    conversation.refresh_from_db()
    assert conversation.invitation_sent_at is not None


def test_emailing_without_a_mail_server_explains(owner_client, conversation):
    schedule(owner_client, conversation)
    response = owner_client.post(reverse("meetings:email-invitation", args=[conversation.pk]), follow=True)
    assert "set up your mail server" in response.content.decode()


def test_an_outsider_cannot_email_my_invitation(outsider_client, owner):
    conversation = ConversationFactory(owner=owner, state="scheduled", scheduled_start=datetime(2026, 12, 1, 20, tzinfo=UTC))
    assert outsider_client.post(reverse("meetings:email-invitation", args=[conversation.pk])).status_code == 404

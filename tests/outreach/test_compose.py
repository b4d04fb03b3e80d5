import email
from email import policy

import pytest
from django.urls import reverse
from tests.factories import MessageFactory, OrganizationFactory, PersonFactory

from coffeechat.conversations.models import Conversation
from coffeechat.outreach.models import Message, MessageTemplate

pytestmark = pytest.mark.django_db


@pytest.fixture
def profile(owner):
    owner.first_name, owner.last_name = "Zoë", "Kowalczyk"
    owner.intro_line = "a final-year nursing student at Dalhousie"
    owner.availability = {"1": [["14:00", "17:00"]], "3": [["09:00", "11:00"]], "4": [["10:00", "12:00"]]}
    owner.save()
    return owner


@pytest.fixture
def referred(profile):
    referrer = PersonFactory(owner=profile, first_name="Priya", last_name="Shah")
    org = OrganizationFactory(owner=profile, name="Northwind Health")
    return PersonFactory(owner=profile, first_name="Hélène", last_name="Béland", organization=org,
                         referred_by=referrer, may_use_referrer_name=True, time_zone="America/Vancouver")


def test_the_composer_is_prefilled_from_what_we_know(owner_client, referred):
    response = owner_client.get(reverse("outreach:compose", args=[referred.pk]))
    body = response.context["form"]["body"].value()
    assert response.context["template_key"] == "referred"
    assert "Dear Hélène" in body and "Priya Shah suggested I write to you" in body
    assert "I'm Zoë Kowalczyk, a final-year nursing student at Dalhousie" in body
    assert body.count("\n- ") == 3 and "your time (PST)" in body
    assert "Priya Shah suggested I get in touch" in response.context["form"]["subject"].value()
    assert response.context["coach"].findings  # the coach runs on the first render, without JavaScript


def test_the_referrer_is_not_named_without_permission(owner_client, referred):
    referred.may_use_referrer_name = False
    referred.save()
    response = owner_client.get(reverse("outreach:compose", args=[referred.pk]))
    assert "Priya" not in response.context["form"]["body"].value()


def test_choosing_another_template_refills_the_text(owner_client, referred):
    response = owner_client.get(reverse("outreach:compose", args=[referred.pk]), {"template": "event"})
    assert response.context["template_key"] == "event"
    assert "[the event or talk]" in response.context["form"]["body"].value()


def test_saving_creates_a_draft_and_a_conversation_and_a_template(owner_client, owner, referred):
    response = owner_client.post(reverse("outreach:compose", args=[referred.pk]), {
        "subject": "Hello", "body": "Dear Hélène, could you spare 20 minutes?", "new_goal": "nursing informatics",
        "minutes": 20, "medium": "phone", "save_as_template": "My nursing ask",
    })
    message = Message.objects.get(owner=owner)
    assert response.status_code == 302 and response.url == message.get_absolute_url()
    assert message.is_draft and message.conversation.state == Conversation.State.DRAFT
    assert (message.conversation.goal.title, message.conversation.minutes, message.conversation.medium) == ("nursing informatics", 20, "phone")
    assert MessageTemplate.objects.get(owner=owner).name == "My nursing ask"


def test_an_empty_body_is_refused_with_422(owner_client, owner, referred):
    response = owner_client.post(reverse("outreach:compose", args=[referred.pk]), {"subject": "x", "body": " ", "minutes": 20, "medium": "video"})
    assert response.status_code == 422 and "Write the message first." in response.content.decode()
    assert not Message.objects.exists()


def test_the_live_coach_fragment(owner_client, referred):
    response = owner_client.post(reverse("outreach:coach", args=[referred.pk]), {
        "subject": "Quick question", "body": "Hi Hélène,\n\nAre you hiring? Please pass my resume to HR.\n\nThanks,\nZoë",
    })
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert 'data-check="asks_for_job"' in html
    assert response.context["coach"].checks["asks_for_job"] is True


def test_marking_sent_moves_the_conversation_to_requested(owner_client, owner, referred):
    owner_client.post(reverse("outreach:compose", args=[referred.pk]), {"subject": "Hi", "body": "Dear Hélène, 20 minutes?", "minutes": 20, "medium": "video"})
    message = Message.objects.get(owner=owner)
    response = owner_client.post(reverse("outreach:mark-sent", args=[message.pk]), {"channel": "mail_app"})
    message.refresh_from_db()
    conversation = message.conversation
    assert response.url == conversation.get_absolute_url()
    assert message.sent_at is not None and message.channel == "mail_app"
    assert conversation.state == Conversation.State.REQUESTED and conversation.requested_at == message.sent_at
    page = owner_client.get(conversation.get_absolute_url()).content.decode()
    assert "Requested" in page and "asked" in page
    assert "Requested" in owner_client.get(reverse("meetings:list"), {"state": "requested"}).content.decode()
    assert "Requested" in owner_client.get(referred.get_absolute_url()).content.decode()


def test_the_eml_download_is_an_editable_draft(owner_client, owner, referred):
    message = MessageFactory(owner=owner, person=referred, subject="Une question", body="Bonjour Hélène — 20 minutes ?")
    response = owner_client.get(reverse("outreach:eml", args=[message.pk]))
    parsed = email.message_from_bytes(response.content, policy=policy.default)
    assert response["Content-Type"] == "message/rfc822"
    assert parsed["X-Unsent"] == "1" and parsed["Subject"] == "Une question"
    assert "Bonjour Hélène — 20 minutes ?" in parsed.get_body(("plain",)).get_content()


def test_the_message_page_offers_mailto_and_warns_about_linkedins_limit(owner_client, owner, referred):
    referred.emails = ["helene@northwind.example"]
    referred.save()
    short = MessageFactory(owner=owner, person=referred, body="Short note")
    long = MessageFactory(owner=owner, person=referred, body="word " * 100)
    assert "mailto:helene@northwind.example" in owner_client.get(short.get_absolute_url()).content.decode()
    assert "too long for a connection request note" in owner_client.get(long.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    ("name", "method"),
    [("outreach:message", "get"), ("outreach:edit", "get"), ("outreach:edit", "post"), ("outreach:delete", "post"),
     ("outreach:eml", "get"), ("outreach:send", "post"), ("outreach:mark-sent", "post")],
)
def test_an_outsider_gets_404_for_someone_elses_message(outsider_client, owner, name, method):
    message = MessageFactory(owner=owner, subject="Private subject")
    response = getattr(outsider_client, method)(reverse(name, args=[message.pk]), {"channel": "other", "body": "x", "minutes": 20, "medium": "video"})
    assert response.status_code == 404
    assert "Private subject" not in response.content.decode()
    message.refresh_from_db()
    assert message.is_draft and message.body.startswith("Dear Sam")


@pytest.mark.parametrize(("name", "method"), [("outreach:compose", "get"), ("outreach:compose", "post"), ("outreach:coach", "post")])
def test_an_outsider_cannot_write_to_someone_elses_person(outsider_client, owner, name, method):
    person = PersonFactory(owner=owner, first_name="Secret")
    response = getattr(outsider_client, method)(reverse(name, args=[person.pk]), {"body": "x", "minutes": 20, "medium": "video"})
    assert response.status_code == 404 and not Message.objects.exists()


def test_a_thank_you_draft_is_coached_as_a_thank_you_with_its_conversations_notes(owner_client, owner, referred):
    from tests.factories import ConversationFactory

    conversation = ConversationFactory(owner=owner, person=referred,
                                       notes="Said the informatics team is short-staffed and morale is low")
    PersonFactory(owner=owner, first_name="Tom", last_name="Reed", referral_conversation=conversation)
    note = MessageFactory(owner=owner, person=referred, conversation=conversation, kind="thank_you",
                          subject="Thank you", body="Dear Hélène,\n\nThank you! The informatics team is short-staffed "
                                                    "and morale is low, I gather.\n\nZoë")
    html = owner_client.get(reverse("outreach:edit", args=[note.pk])).content.decode()
    assert 'data-check="no_private_notes"' in html and 'data-check="clear_request"' not in html
    assert "Tom Reed" in html  # the fix names the referral to follow up with
    live = owner_client.post(reverse("outreach:coach", args=[referred.pk]), {
        "subject": "Thank you", "body": "Dear Hélène,\n\nThank you. I wrote to Tom Reed today.\n\nZoë", "coach_kind": "thank_you", "coach_message": note.pk})
    checks = live.context["coach"].checks
    assert checks["mentions_referrals"] is True and checks["no_private_notes"] is True and "clear_request" not in checks
    request = owner_client.post(reverse("outreach:coach", args=[referred.pk]), {"subject": "", "body": "Hi", "coach_kind": "request", "coach_message": ""})
    assert "clear_request" in request.context["coach"].checks  # a new request is still coached as a request


def test_the_live_coach_will_not_read_someone_elses_message(outsider_client, outsider, owner, referred):
    note = MessageFactory(owner=owner, person=referred, kind="thank_you")
    mine = PersonFactory(owner=outsider)
    response = outsider_client.post(reverse("outreach:coach", args=[mine.pk]), {"body": "x", "coach_kind": "thank_you", "coach_message": note.pk})
    assert response.status_code == 404

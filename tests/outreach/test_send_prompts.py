"""No way of sending lets a [bracketed prompt] reach the other person (issue 14, item 1)."""

import pytest
from django.urls import reverse
from tests.factories import MessageFactory, PersonFactory

from coffeechat.mail.models import MailAccount
from coffeechat.outreach.models import Message

pytestmark = pytest.mark.django_db

PROMPT = "[something specific about their work or path]"
BODY = f"Dear Hélène,\n\nI'm Zoë, a nursing student.\nYour path caught my eye: {PROMPT}.\n\nCould you spare 20 minutes on Tuesday?\n\nBest,\nZoë"


@pytest.fixture
def person(owner):
    return PersonFactory(owner=owner, first_name="Hélène", last_name="Béland", emails=["helene@northwind.example"])


@pytest.fixture
def draft(owner, person):
    return MessageFactory(owner=owner, person=person, subject="Learning about your work", body=BODY)


@pytest.fixture
def clean(owner, person):
    return MessageFactory(owner=owner, person=person, subject="Learning about your work", body=BODY.replace(PROMPT, "your move into informatics"))


def test_prompts_are_found_with_where_they_are():
    from coffeechat.outreach.coaching import prompts_left

    found = prompts_left("[their organisation] question", BODY)
    assert [(p.prompt, p.where) for p in found] == [
        ("[their organisation]", "the subject"), (PROMPT, "line 4 of the text")]


def test_the_send_page_offers_no_way_out_and_says_which_prompt_and_where(owner_client, draft):
    page = owner_client.get(draft.get_absolute_url()).content.decode()
    assert "Not ready to send" in page and PROMPT in page and "line 4 of the text" in page
    assert "mailto:" not in page                      # no mail link
    assert 'id="linkedin-text"' not in page           # no text to copy for LinkedIn
    assert reverse("outreach:mark-sent", args=[draft.pk]) not in page
    assert reverse("outreach:eml", args=[draft.pk]) not in page
    assert reverse("outreach:edit", args=[draft.pk]) in page


def test_the_eml_download_is_refused_and_the_editor_lists_the_prompt(owner_client, draft):
    response = owner_client.get(reverse("outreach:eml", args=[draft.pk]))
    assert response.status_code == 302 and response.url == reverse("outreach:edit", args=[draft.pk])
    page = owner_client.get(response.url).content.decode()
    assert "Not sent: replace the bracketed prompt" in page and "line 4 of the text" in page
    assert "Replace before sending" in page


def test_i_sent_it_is_refused(owner_client, draft):
    response = owner_client.post(reverse("outreach:mark-sent", args=[draft.pk]), {"channel": "linkedin"})
    draft.refresh_from_db()
    assert response.url == reverse("outreach:edit", args=[draft.pk]) and draft.sent_at is None


def test_smtp_sending_is_refused_and_nothing_reaches_the_server(owner_client, owner, draft, smtp_server):
    MailAccount.objects.create(owner=owner, host="127.0.0.1", port=smtp_server.port, security="none", from_address="zoe@example.org")
    response = owner_client.post(reverse("outreach:send", args=[draft.pk]), follow=True)
    draft.refresh_from_db()
    assert draft.sent_at is None and smtp_server.messages == []
    assert PROMPT in response.content.decode()


def test_a_prompt_in_the_subject_blocks_too(owner_client, owner, person):
    message = MessageFactory(owner=owner, person=person, subject="A fellow [your shared school] graduate", body="Dear Hélène, 20 minutes?")
    response = owner_client.get(reverse("outreach:eml", args=[message.pk]), follow=True)
    assert "in the subject" in response.content.decode()


def test_a_message_without_prompts_goes_out_by_every_path(owner_client, owner, clean, smtp_server):
    page = owner_client.get(clean.get_absolute_url()).content.decode()
    assert "mailto:helene@northwind.example" in page and 'id="linkedin-text"' in page
    assert owner_client.get(reverse("outreach:eml", args=[clean.pk]))["Content-Type"] == "message/rfc822"
    MailAccount.objects.create(owner=owner, host="127.0.0.1", port=smtp_server.port, security="none", from_address="zoe@example.org")
    owner_client.post(reverse("outreach:send", args=[clean.pk]))
    assert len(smtp_server.messages) == 1 and Message.objects.get(pk=clean.pk).sent_at is not None


def test_the_live_coach_judges_a_thank_you_as_a_thank_you(owner_client, owner, person, outsider_client):
    thanks = MessageFactory(owner=owner, person=person, kind="thank_you", subject="Thank you", body="Dear Hélène,\n\nThank you!\n\nZoë")
    data = {"subject": thanks.subject, "body": thanks.body, "coach_kind": "thank_you", "coach_message": thanks.pk}
    fragment = owner_client.post(reverse("outreach:coach", args=[person.pk]), data).content.decode()
    assert 'data-check="clear_request"' not in fragment  # a thank-you asks for no conversation
    request = owner_client.post(reverse("outreach:coach", args=[person.pk]), data | {"coach_kind": "request"}).content.decode()
    assert 'data-check="clear_request"' in request
    assert outsider_client.post(reverse("outreach:coach", args=[person.pk]), data).status_code == 404

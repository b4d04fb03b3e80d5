import pytest
from django.urls import reverse
from tests.factories import MessageFactory, PersonFactory

from coffeechat.mail.models import MailAccount
from coffeechat.mail.transport import decrypt_password
from coffeechat.outreach.models import Message

pytestmark = pytest.mark.django_db
URL = reverse("outreach:mail-settings")


def account_data(port, **overrides):
    data = {"from_address": "zoe@example.org", "host": "127.0.0.1", "port": port, "security": "none",
            "username": "", "password": "s3cret-pass"}
    data.update(overrides)
    return data


def test_saving_stores_the_password_encrypted_and_never_shows_it(owner_client, owner):
    assert owner_client.post(URL, account_data(2525)).status_code == 302
    account = MailAccount.objects.get(owner=owner)
    assert decrypt_password(account.password_encrypted) == "s3cret-pass"
    assert "s3cret" not in account.password_encrypted
    page = owner_client.get(URL).content.decode()
    assert "s3cret" not in page and account.password_encrypted not in page and "A password is saved" in page
    owner_client.post(URL, account_data(2525, password=""))
    account.refresh_from_db()
    assert decrypt_password(account.password_encrypted) == "s3cret-pass"


def test_a_bad_port_is_refused(owner_client):
    assert owner_client.post(URL, account_data(70000)).status_code == 422
    assert not MailAccount.objects.exists()


def test_send_me_a_test_goes_through_a_real_smtp_server(owner_client, owner, smtp_server):
    owner_client.post(URL, account_data(smtp_server.port))
    response = owner_client.post(reverse("outreach:mail-test"), follow=True)
    assert "Test sent to zoe@example.org" in response.content.decode()
    [(recipients, message)] = smtp_server.messages
    assert recipients == ["zoe@example.org"] and message["Subject"] == "Coffeechat test message"


def test_an_unreachable_server_gives_a_clear_message(owner_client, owner):
    owner_client.post(URL, account_data(1))
    response = owner_client.post(reverse("outreach:mail-test"), follow=True)
    assert "The test failed" in response.content.decode()


def test_sending_a_request_by_smtp_marks_it_sent(owner_client, owner, smtp_server, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    owner_client.post(URL, account_data(smtp_server.port))
    person = PersonFactory(owner=owner, emails=["helene@example.com"])
    from coffeechat.conversations.services import open_conversation

    message = MessageFactory(owner=owner, person=person, conversation=open_conversation(owner, person), subject="Hello Hélène")
    owner_client.post(reverse("outreach:send", args=[message.pk]))
    message.refresh_from_db()
    assert message.channel == "smtp" and message.sent_at is not None
    assert message.conversation.state == "requested"
    [(recipients, sent)] = smtp_server.messages
    assert recipients == ["helene@example.com"] and sent["Subject"] == "Hello Hélène"


def test_a_failed_smtp_send_keeps_the_draft(owner_client, owner):
    owner_client.post(URL, account_data(1))
    message = MessageFactory(owner=owner, person=PersonFactory(owner=owner, emails=["x@example.com"]))
    response = owner_client.post(reverse("outreach:send", args=[message.pk]), follow=True)
    assert "Nothing was sent" in response.content.decode()
    assert Message.objects.get(pk=message.pk).is_draft


def test_templates_are_private(owner_client, outsider_client, owner):
    owner_client.post(reverse("outreach:templates"), {"name": "Mine", "kind": "request", "subject": "s", "body": "Dear {their_first_name}"})
    from coffeechat.outreach.models import MessageTemplate

    template = MessageTemplate.objects.get(owner=owner)
    assert outsider_client.get(reverse("outreach:template-edit", args=[template.pk])).status_code == 404
    assert outsider_client.post(reverse("outreach:template-delete", args=[template.pk])).status_code == 404
    assert "Mine" not in outsider_client.get(reverse("outreach:templates")).content.decode()
    assert MessageTemplate.objects.filter(pk=template.pk).exists()

"""Hosted mode: a user's mail server may not point Coffeechat at its own network."""

import pytest
from django.urls import reverse

from coffeechat.mail.models import MailAccount
from coffeechat.mail.transport import smtp_connection

pytestmark = pytest.mark.django_db
URL = reverse("outreach:mail-settings")


@pytest.fixture
def hosted(settings):
    settings.LOCAL_MODE = False
    settings.SMTP_ALLOWED_PORTS = [25, 465, 587, 2525]
    settings.SMTP_ALLOWED_NETWORKS = []
    return settings


def account_data(host, port, **overrides):
    data = {"from_address": "zoe@example.org", "host": host, "port": port, "security": "starttls",
            "username": "zoe", "password": "s3cret-pass"}
    data.update(overrides)
    return data


@pytest.mark.parametrize(("host", "words"), [
    ("127.0.0.1", "loopback"),
    ("localhost", "loopback"),
    ("::1", "loopback"),
    ("10.1.2.3", "private"),
    ("192.168.0.10", "private"),
    ("169.254.169.254", "link-local"),
    ("0.0.0.0", "private or reserved"),
])
def test_internal_addresses_are_refused_on_save(owner_client, hosted, host, words):
    response = owner_client.post(URL, account_data(host, 587))
    assert response.status_code == 422
    assert words in response.content.decode()
    assert not MailAccount.objects.exists()


def test_a_database_port_is_not_a_mail_port(owner_client, hosted):
    response = owner_client.post(URL, account_data("8.8.8.8", 5432))
    assert response.status_code == 422
    assert "Port 5432 is not a mail port" in response.content.decode()


def test_an_unknown_name_is_refused(owner_client, hosted):
    response = owner_client.post(URL, account_data("no-such-host.invalid", 587))
    assert response.status_code == 422
    assert "could not be found" in response.content.decode()


def test_a_public_server_on_a_mail_port_is_saved(owner_client, owner, hosted):
    assert owner_client.post(URL, account_data("8.8.8.8", 587)).status_code == 302
    assert MailAccount.objects.get(owner=owner).host == "8.8.8.8"


def test_the_test_message_never_reaches_an_internal_server(owner_client, owner, hosted, smtp_server):
    # Saved before the rules (or by a name that later changed its answer): refused when connecting.
    hosted.SMTP_ALLOWED_PORTS = [smtp_server.port]
    MailAccount.objects.create(owner=owner, host="127.0.0.1", port=smtp_server.port, security="none",
                               from_address="zoe@example.org")
    response = owner_client.post(reverse("outreach:mail-test"), follow=True)
    assert "The test failed" in response.content.decode() and "loopback" in response.content.decode()
    assert smtp_server.messages == []


def test_the_operator_can_allow_a_network_and_a_port(owner_client, owner, hosted, smtp_server):
    hosted.SMTP_ALLOWED_PORTS = [587, smtp_server.port]
    hosted.SMTP_ALLOWED_NETWORKS = ["127.0.0.0/8"]
    assert owner_client.post(URL, account_data("127.0.0.1", smtp_server.port, security="none", username="")).status_code == 302
    response = owner_client.post(reverse("outreach:mail-test"), follow=True)
    assert "Test sent to zoe@example.org" in response.content.decode()
    assert len(smtp_server.messages) == 1


def test_local_mode_keeps_a_server_on_this_computer(owner_client, settings, smtp_server):
    settings.LOCAL_MODE = True
    assert owner_client.post(URL, account_data("127.0.0.1", smtp_server.port, security="none", username="")).status_code == 302
    owner_client.post(reverse("outreach:mail-test"))
    assert len(smtp_server.messages) == 1


def test_the_connection_gives_up_after_ten_seconds(owner):
    account = MailAccount(owner=owner, host="mail.example.org", port=587, from_address="zoe@example.org")
    assert smtp_connection(account).timeout == 10

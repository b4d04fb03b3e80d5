"""Throttles against guessing: password sign-in (django-axes), reset requests, sign-in links."""

import pytest
from django.core import mail
from django.urls import reverse

from coffeechat.accounts.models import LoginToken
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-enough-pass-9"


@pytest.fixture
def hosted(settings):
    settings.LOCAL_MODE = False
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.AXES_FAILURE_LIMIT = 3
    return settings


def sign_in(client, username, password, address="203.0.113.7"):
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address)


def test_an_account_is_paused_after_wrong_passwords_even_with_the_right_one(client, owner, hosted):
    assert sign_in(client, "owner", "wrong").status_code == 200
    assert sign_in(client, "owner", "wrong").status_code == 200
    assert sign_in(client, "owner", "wrong").status_code == 429  # the third failure locks
    response = sign_in(client, "owner", PASSWORD, address="198.51.100.9")  # another network
    assert response.status_code == 429
    body = response.content.decode()
    assert "Sign-in paused" in body and "Try again in 15 minutes" in body
    assert reverse("password_reset") in body
    assert client.get(reverse("people:list")).status_code == 302


def test_one_client_address_is_paused_across_accounts(client, owner, hosted):
    for number in range(3):
        UserFactory(username=f"user{number}")
        sign_in(client, f"user{number}", "wrong")
    response = sign_in(client, "owner", PASSWORD)
    assert response.status_code == 429
    # Someone else, elsewhere, still signs in to the account.
    assert sign_in(client, "owner", PASSWORD, address="198.51.100.9").status_code == 302


def test_a_success_before_the_limit_clears_the_count(client, owner, hosted):
    sign_in(client, "owner", "wrong")
    sign_in(client, "owner", "wrong")
    assert sign_in(client, "owner", PASSWORD).status_code == 302
    client.logout()
    sign_in(client, "owner", "wrong")
    sign_in(client, "owner", "wrong")
    assert sign_in(client, "owner", PASSWORD).status_code == 302


def test_a_password_reset_lifts_the_pause(client, owner, hosted):
    for _ in range(3):
        sign_in(client, "owner", "wrong", address="192.0.2.1")
    assert sign_in(client, "owner", PASSWORD, address="198.51.100.9").status_code == 429
    client.post(reverse("password_reset"), {"email": owner.email})
    link = next(line for line in mail.outbox[0].body.splitlines() if "/password/reset/" in line)
    form_page = client.get(link.split("testserver", 1)[1], follow=True)
    client.post(form_page.redirect_chain[-1][0], {"new_password1": "fresh-long-pass-3", "new_password2": "fresh-long-pass-3"})
    assert sign_in(client, "owner", "fresh-long-pass-3", address="198.51.100.9").status_code == 302


def test_reset_requests_are_limited_per_address_and_per_client(client, owner, hosted):
    hosted.PASSWORD_RESET_LIMIT = 2
    for _ in range(4):
        response = client.post(reverse("password_reset"), {"email": owner.email}, REMOTE_ADDR=f"192.0.2.{_}")
        assert response.status_code == 302  # the page never tells whether an account exists
    assert len(mail.outbox) == 2
    client.post(reverse("password_reset"), {"email": "nobody@example.org"}, REMOTE_ADDR="192.0.2.50")
    refused = client.post(reverse("password_reset"), {"email": "other@example.org"}, REMOTE_ADDR="192.0.2.50")
    assert refused.status_code == 302
    paused = client.post(reverse("password_reset"), {"email": "third@example.org"}, REMOTE_ADDR="192.0.2.50")
    assert paused.status_code == 429
    assert "Too many password reset requests" in paused.content.decode()


def test_guessing_sign_in_links_is_paused(client, owner, settings):
    settings.LOGIN_LINK_FAILURE_LIMIT = 3
    for number in range(3):
        assert client.get(reverse("token-login", args=[f"guess-{number}"])).status_code == 410
    good = LoginToken.issue(owner)
    response = client.get(reverse("token-login", args=[good]))
    assert response.status_code == 429
    assert "Too many sign-in links" in response.content.decode()
    # The good link was not spent by the refused attempt, and works from elsewhere.
    assert client.get(reverse("token-login", args=[good]), REMOTE_ADDR="198.51.100.9").status_code == 302


def test_the_client_address_behind_a_trusted_proxy(rf, settings):
    from coffeechat.accounts.throttle import client_ip

    request = rf.get("/", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7", REMOTE_ADDR="10.0.0.2")
    assert client_ip(request) == "10.0.0.2"
    settings.TRUSTED_PROXIES = 1
    assert client_ip(request) == "203.0.113.7"  # the forged left-most value is ignored

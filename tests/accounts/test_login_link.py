from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from coffeechat.accounts.models import LoginToken
from coffeechat.accounts.services import ensure_local_owner, login_link

pytestmark = pytest.mark.django_db


def test_a_link_signs_in_once(client, owner):
    token = LoginToken.issue(owner)
    url = reverse("token-login", args=[token])
    first = client.get(url)
    assert first.status_code == 302 and first.url == reverse("home")
    assert client.get(reverse("people:list")).status_code == 200
    client.logout()
    second = client.get(url)
    assert second.status_code == 410
    assert "coffeechat login-link" in second.content.decode()
    assert client.get(reverse("people:list")).status_code == 302


def test_a_link_expires(client, owner):
    token = LoginToken.issue(owner, minutes=10)
    with time_machine.travel(timezone.now() + timedelta(minutes=11)):
        assert client.get(reverse("token-login", args=[token])).status_code == 410


@pytest.mark.parametrize("token", ["made-up", "x" * 500, "é"])
def test_unknown_tokens_are_refused(client, owner, token):
    assert client.get(reverse("token-login", args=[token])).status_code == 410


def test_only_a_hash_is_stored(owner):
    token = LoginToken.issue(owner)
    stored = LoginToken.objects.get()
    assert token not in stored.token_hash and len(stored.token_hash) == 64


def test_the_local_owner_is_created_once_and_the_link_points_at_the_server(db):
    owner = ensure_local_owner()
    assert ensure_local_owner() == owner
    assert not owner.has_usable_password()
    assert login_link(owner, "http://127.0.0.1:8123").startswith("http://127.0.0.1:8123/login/link/")


def test_local_sign_in_page_explains_how_to_get_a_link(client):
    body = client.get(reverse("login")).content.decode()
    assert "coffeechat login-link" in body
    assert 'type="password"' not in body


def test_local_mode_refuses_password_posts(client, owner):
    response = client.post(reverse("login"), {"username": "owner", "password": "a-long-enough-pass-9"})
    assert response.status_code == 404

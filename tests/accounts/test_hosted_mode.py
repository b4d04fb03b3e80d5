import pytest
from django.core import mail
from django.urls import reverse

from coffeechat.accounts.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture
def hosted(settings):
    settings.LOCAL_MODE = False
    settings.ALLOW_SIGNUP = False
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    return settings


def test_password_sign_in_and_sign_out(client, owner, hosted):
    response = client.post(reverse("login"), {"username": "owner", "password": "a-long-enough-pass-9"})
    assert response.status_code == 302
    assert client.get(reverse("people:list")).status_code == 200
    body = client.get(reverse("home")).content.decode()
    assert "Sign out" in body
    client.post(reverse("logout"))
    assert client.get(reverse("people:list")).status_code == 302


def test_a_wrong_password_is_refused_with_a_message(client, owner, hosted):
    response = client.post(reverse("login"), {"username": "owner", "password": "wrong"})
    assert response.status_code == 200
    assert "Please enter a correct username and password" in response.content.decode()


def test_signup_is_closed_unless_allowed(client, hosted):
    assert client.get(reverse("signup")).status_code == 404
    hosted.ALLOW_SIGNUP = True
    assert client.get(reverse("signup")).status_code == 200


def test_signing_up_creates_an_account_with_its_time_zone(client, hosted):
    hosted.ALLOW_SIGNUP = True
    response = client.post(
        reverse("signup"),
        {"username": "newbie", "email": "newbie@example.org", "time_zone": "Europe/Paris",
         "password1": "correct-horse-battery", "password2": "correct-horse-battery"},
    )
    assert response.status_code == 302
    assert User.objects.get(username="newbie").time_zone == "Europe/Paris"


def test_a_bad_signup_is_re_rendered_with_422(client, hosted):
    hosted.ALLOW_SIGNUP = True
    response = client.post(reverse("signup"), {"username": "x", "email": "bad", "time_zone": "UTC", "password1": "a", "password2": "b"})
    assert response.status_code == 422
    assert not User.objects.filter(username="x").exists()


def test_password_change(client, owner, hosted):
    client.force_login(owner)
    response = client.post(
        reverse("password_change"),
        {"old_password": "a-long-enough-pass-9", "new_password1": "another-long-pass-7", "new_password2": "another-long-pass-7"},
    )
    assert response.status_code == 302
    owner.refresh_from_db()
    assert owner.check_password("another-long-pass-7")


def test_password_reset_sends_a_working_link(client, owner, hosted):
    client.post(reverse("password_reset"), {"email": owner.email})
    assert len(mail.outbox) == 1
    link = next(line for line in mail.outbox[0].body.splitlines() if "/password/reset/" in line)
    path = link.split("testserver", 1)[1]
    form_page = client.get(path, follow=True)
    assert form_page.status_code == 200
    response = client.post(form_page.redirect_chain[-1][0], {"new_password1": "fresh-long-pass-3", "new_password2": "fresh-long-pass-3"})
    assert response.status_code == 302
    owner.refresh_from_db()
    assert owner.check_password("fresh-long-pass-3")

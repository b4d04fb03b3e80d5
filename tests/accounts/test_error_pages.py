"""404 and 500 wear the app's layout and offer a way back; 500 renders with no request context at all."""

import pytest
from django.test import RequestFactory
from django.views.defaults import server_error

pytestmark = pytest.mark.django_db


def test_not_found_has_the_layout_and_a_way_back(owner_client):
    response = owner_client.get("/no-such-page/")
    page = response.content.decode()
    assert response.status_code == 404
    assert 'class="site-header"' in page and "Back to Today" in page and 'href="/"' in page
    assert "Conversations" in page  # the signed-in navigation is there


def test_not_found_for_someone_signed_out(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404 and "Back to Today" in response.content.decode()


def test_server_error_renders_without_a_request_context():
    response = server_error(RequestFactory().get("/"))
    page = response.content.decode()
    assert response.status_code == 500
    assert 'class="site-header"' in page and "Something went wrong" in page and "Back to Today" in page


def test_a_real_failure_shows_the_500_page(owner_client, monkeypatch):
    from coffeechat.followups import views

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(views, "_today_context", broken)
    owner_client.raise_request_exception = False
    response = owner_client.get("/")
    assert response.status_code == 500 and "Back to Today" in response.content.decode()

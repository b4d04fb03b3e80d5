import pytest
from django.urls import reverse

from coffeechat.accounts.models import ApiToken

pytestmark = pytest.mark.django_db
URL = reverse("api-tokens")


def test_a_token_is_shown_once_and_stored_hashed(owner_client, owner, client):
    response = owner_client.post(URL, {"name": "laptop script"})
    assert response.status_code == 200
    token = response.context["created"]
    assert token.startswith("cc_") and token in response.content.decode()
    assert token not in owner_client.get(URL).content.decode()
    assert ApiToken.objects.get(owner=owner).token_hash != token
    assert client.get("/api/v1/people", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 200


def test_a_duplicate_name_is_refused(owner_client, owner):
    ApiToken.issue(owner, "laptop")
    assert owner_client.post(URL, {"name": "laptop"}).status_code == 422
    assert ApiToken.objects.count() == 1


def test_revoking_and_outsiders(owner_client, outsider_client, owner, client):
    record, token = ApiToken.issue(owner, "build-box")
    assert outsider_client.post(reverse("api-token-revoke", args=[record.pk])).status_code == 404
    assert "build-box" not in outsider_client.get(URL).content.decode()
    owner_client.post(reverse("api-token-revoke", args=[record.pk]))
    assert not ApiToken.objects.exists()
    assert client.get("/api/v1/people", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 401

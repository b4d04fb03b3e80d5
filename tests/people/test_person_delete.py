import pytest
from django.urls import reverse

from coffeechat.people.models import Person
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_get_asks_for_confirmation_and_deletes_nothing(owner_client, owner):
    person = PersonFactory(owner=owner)
    PersonFactory(owner=owner, referred_by=person)
    response = owner_client.get(reverse("people:delete", args=[person.pk]))
    assert response.status_code == 200
    assert "will be kept" in response.content.decode()
    assert Person.objects.filter(pk=person.pk).exists()


def test_deleting_someone_keeps_the_people_they_referred(owner_client, owner):
    referrer = PersonFactory(owner=owner)
    referral = PersonFactory(owner=owner, referred_by=referrer)
    response = owner_client.post(reverse("people:delete", args=[referrer.pk]))
    assert response.status_code == 302
    assert not Person.objects.filter(pk=referrer.pk).exists()
    referral.refresh_from_db()
    assert referral.referred_by is None


def test_an_outsider_gets_404_and_nothing_is_deleted(outsider_client, owner):
    person = PersonFactory(owner=owner)
    url = reverse("people:delete", args=[person.pk])
    assert outsider_client.get(url).status_code == 404
    assert outsider_client.post(url).status_code == 404
    assert Person.objects.filter(pk=person.pk).exists()

import pytest
from django.urls import reverse

from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_it_shows_the_person_with_research_rendered_and_sanitised(owner_client, owner):
    person = PersonFactory(
        owner=owner, first_name="Grace", last_name="Hopper",
        research="**Navy** officer <script>alert(1)</script> [site](javascript:alert(2))",
        commonalities=[{"kind": "school", "detail": "Vassar College"}],
    )
    body = owner_client.get(reverse("people:person", args=[person.pk])).content.decode()
    assert "<strong>Navy</strong>" in body
    assert "<script>alert(1)" not in body
    assert 'href="javascript' not in body
    assert "School:</strong> Vassar College" in body


def test_it_lists_the_people_this_person_referred(owner_client, owner):
    referrer = PersonFactory(owner=owner, first_name="Ref", last_name="Errer")
    PersonFactory(owner=owner, first_name="New", last_name="Contact", referred_by=referrer, may_use_referrer_name=True)
    body = owner_client.get(reverse("people:person", args=[referrer.pk])).content.decode()
    assert "People they referred me to" in body and "New Contact" in body


def test_an_outsider_gets_404_and_sees_nothing(outsider_client, owner):
    person = PersonFactory(owner=owner, first_name="Secret", last_name="Name")
    response = outsider_client.get(reverse("people:person", args=[person.pk]))
    assert response.status_code == 404
    assert "Secret" not in response.content.decode()


def test_a_missing_id_is_404(owner_client):
    assert owner_client.get(reverse("people:person", args=[999999])).status_code == 404

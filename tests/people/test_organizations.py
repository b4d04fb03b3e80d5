import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from coffeechat.people.models import Organization, Person
from tests.factories import OrganizationFactory, PersonFactory

pytestmark = pytest.mark.django_db
LIST = reverse("people:organizations")


def test_the_empty_list_says_how_organisations_appear(owner_client):
    body = owner_client.get(LIST).content.decode()
    assert "No organisations yet" in body


def test_the_list_shows_own_organisations_with_people_counts(owner_client, owner, second_user):
    org = OrganizationFactory(owner=owner, name="Northwind")
    PersonFactory.create_batch(2, owner=owner, organization=org)
    OrganizationFactory(owner=second_user, name="Elsewhere Inc")
    body = owner_client.get(LIST).content.decode()
    assert "Northwind" in body and "2 people" in body
    assert "Elsewhere" not in body


def test_the_list_query_count_does_not_grow(owner_client, owner):
    def count():
        with CaptureQueriesContext(connection) as ctx:
            owner_client.get(LIST)
        return len(ctx.captured_queries)

    OrganizationFactory(owner=owner)
    few = count()
    for _ in range(15):
        PersonFactory(owner=owner, organization=OrganizationFactory(owner=owner))
    assert count() == few


def test_the_detail_page_lists_its_people(owner_client, owner):
    org = OrganizationFactory(owner=owner, name="Northwind", industry="Health")
    PersonFactory(owner=owner, organization=org, first_name="Nia", last_name="Okafor")
    body = owner_client.get(reverse("people:organization", args=[org.pk])).content.decode()
    assert "Nia Okafor" in body and "Health" in body


def test_a_large_employer_lists_its_people_a_page_at_a_time_in_the_same_queries(owner_client, owner):
    from coffeechat.people.services import set_tags

    org = OrganizationFactory(owner=owner, name="Megacorp")
    url = reverse("people:organization", args=[org.pk])
    for i in range(3):
        set_tags(PersonFactory(owner=owner, organization=org, last_name=f"Staff{i:02d}"), ["alumni", "Design"])
    with CaptureQueriesContext(connection) as few:
        owner_client.get(url)
    for i in range(3, 30):
        set_tags(PersonFactory(owner=owner, organization=org, last_name=f"Staff{i:02d}"), ["alumni"])
    PersonFactory(owner=owner, last_name="Elsewhere")
    with CaptureQueriesContext(connection) as many:
        first = owner_client.get(url).content.decode()
    second = owner_client.get(url, {"page": 2}).content.decode()
    assert len(many) == len(few)
    assert "30 people" in first and "Page 1 of 2" in first and "Staff24" in first and "Staff25" not in first
    assert 'href="?page=2" rel="next"' in first
    assert "Staff29" in second and "Elsewhere" not in first + second
    row = first.split("Staff00")[1].split("</li>")[0]
    assert '<span class="tag">alumni</span><span class="tag">Design</span>' in row


def test_adding_an_organisation_and_refusing_a_duplicate_name(owner_client, owner):
    url = reverse("people:organization-add")
    response = owner_client.post(url, {"name": "Northwind Health", "website": "https://northwind.example", "industry": "", "notes": ""})
    assert response.status_code == 302
    again = owner_client.post(url, {"name": "northwind  health", "website": "", "industry": "", "notes": ""})
    assert again.status_code == 422
    assert "already have an organisation" in again.content.decode()
    assert Organization.objects.for_user(owner).count() == 1


def test_a_bad_website_is_refused(owner_client):
    response = owner_client.post(reverse("people:organization-add"), {"name": "X", "website": "not a url"})
    assert response.status_code == 422


def test_editing_renames(owner_client, owner):
    org = OrganizationFactory(owner=owner, name="Old")
    owner_client.post(reverse("people:organization-edit", args=[org.pk]), {"name": "New", "website": "", "industry": "", "notes": ""})
    org.refresh_from_db()
    assert org.name == "New"


def test_deleting_keeps_its_people(owner_client, owner):
    org = OrganizationFactory(owner=owner)
    person = PersonFactory(owner=owner, organization=org)
    owner_client.post(reverse("people:organization-delete", args=[org.pk]))
    person.refresh_from_db()
    assert person.organization is None and Person.objects.filter(pk=person.pk).exists()


@pytest.mark.parametrize("name", ["people:organization", "people:organization-edit", "people:organization-delete"])
def test_an_outsider_gets_404_and_sees_nothing(outsider_client, owner, name):
    org = OrganizationFactory(owner=owner, name="Private Org")
    url = reverse(name, args=[org.pk])
    for response in (outsider_client.get(url), outsider_client.post(url, {"name": "Hacked"})):
        assert response.status_code == 404
        assert "Private Org" not in response.content.decode()
    org.refresh_from_db()
    assert org.name == "Private Org"

import pytest
from django.urls import reverse

from coffeechat.people.models import Organization, Person
from tests.factories import OrganizationFactory, PersonFactory

pytestmark = pytest.mark.django_db
ADD = reverse("people:add")


def form_data(**overrides):
    data = {
        "first_name": "Ada", "last_name": "Lovelace", "title": "Mathematician",
        "emails": "ada@example.com\nada@engines.example", "phones": "+44 20 7946 0000",
        "linkedin_url": "", "links": "https://example.com/notes", "location": "London",
        "time_zone": "Europe/London", "source": "professor", "source_detail": "Met after a lecture",
        "referred_by": "", "research": "Wrote the first program.",
        "organization_name": "Analytical Engines", "commonalities_text": "School: University of London\nLoves poetry",
        "tags_text": "maths, history",
    }
    data.update(overrides)
    return data


def test_adding_a_person_saves_every_field(owner_client, owner):
    response = owner_client.post(ADD, form_data())
    person = Person.objects.get(owner=owner)
    assert response.status_code == 302 and response.url == person.get_absolute_url()
    assert person.emails == ["ada@example.com", "ada@engines.example"]
    assert person.organization.name == "Analytical Engines" and person.organization.owner == owner
    assert person.commonalities == [
        {"kind": "school", "detail": "University of London"}, {"kind": "other", "detail": "Loves poetry"},
    ]
    assert sorted(t.name for t in person.tags.all()) == ["history", "maths"]
    assert person.time_zone == "Europe/London"


def test_it_reuses_an_existing_organisation_whatever_the_case(owner_client, owner):
    existing = OrganizationFactory(owner=owner, name="Analytical Engines")
    owner_client.post(ADD, form_data(organization_name="analytical ENGINES"))
    assert Organization.objects.for_user(owner).count() == 1
    assert Person.objects.get(owner=owner).organization == existing


def test_it_never_reuses_another_users_organisation(owner_client, owner, second_user):
    theirs = OrganizationFactory(owner=second_user, name="Analytical Engines")
    owner_client.post(ADD, form_data())
    assert Person.objects.get(owner=owner).organization != theirs


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("emails", "not-an-email", "is not a valid email address"),
        ("links", "notaurl", "is not a valid web address"),
        ("time_zone", "Mars/Olympus", "not a time zone we know"),
        ("source", "carrier-pigeon", "Select a valid choice"),
    ],
)
def test_bad_input_is_shown_with_422_and_nothing_is_saved(owner_client, owner, field, value, message):
    response = owner_client.post(ADD, form_data(**{field: value}))
    assert response.status_code == 422
    assert message in response.content.decode()
    assert not Person.objects.exists()


def test_a_person_needs_a_name_or_an_email(owner_client):
    response = owner_client.post(ADD, form_data(first_name="", last_name="", emails=""))
    assert response.status_code == 422
    assert "Give at least a name or an email address." in response.content.decode()


def test_referred_by_only_offers_the_users_own_people(owner_client, owner, second_user):
    theirs = PersonFactory(owner=second_user)
    response = owner_client.post(ADD, form_data(referred_by=theirs.pk))
    assert response.status_code == 422
    assert not Person.objects.filter(owner=owner).exists()


def test_editing_updates_the_person(owner_client, owner):
    person = PersonFactory(owner=owner, first_name="Old")
    response = owner_client.post(reverse("people:edit", args=[person.pk]), form_data(first_name="New", tags_text=""))
    person.refresh_from_db()
    assert response.status_code == 302
    assert person.first_name == "New" and not person.tags.exists()


def test_the_edit_form_is_prefilled(owner_client, owner):
    person = PersonFactory(owner=owner, commonalities=[{"kind": "employer", "detail": "Acme"}], with_organization=True)
    body = owner_client.get(reverse("people:edit", args=[person.pk])).content.decode()
    assert "Employer: Acme" in body and person.organization.name in body


def test_an_outsider_can_neither_see_nor_change_the_edit_form(outsider_client, owner):
    person = PersonFactory(owner=owner, first_name="Kept")
    url = reverse("people:edit", args=[person.pk])
    assert outsider_client.get(url).status_code == 404
    assert outsider_client.post(url, form_data(first_name="Hacked")).status_code == 404
    person.refresh_from_db()
    assert person.first_name == "Kept"

"""Referrals link people already recorded instead of duplicating them; nobody is their own referral."""

import pytest
from django.urls import reverse

from coffeechat.people.models import Person
from tests.factories import ConversationFactory, OrganizationFactory, PersonFactory

pytestmark = pytest.mark.django_db
HX = {"HX-Request": "true"}


@pytest.fixture
def conversation(owner):
    return ConversationFactory(owner=owner, state="held", person__first_name="Priya", person__last_name="Shah")


def refer(client, conversation, **data):
    return client.post(reverse("meetings:referral", args=[conversation.pk]), data, headers=HX)


@pytest.mark.parametrize(("known", "typed", "why"), [
    ({"emails": ["aisha@stantec.example"]}, {"name": "A. Ahmed", "email": "AISHA@stantec.example"}, "same email"),
    ({"linkedin_url": "https://www.linkedin.com/in/aisha-ahmed"}, {"name": "Aisha A", "linkedin_url": "https://www.linkedin.com/in/aisha-ahmed/"},
     "same LinkedIn profile"),
    ({}, {"name": "aïsha  AHMED", "organization": "stantec"}, "same name and organisation"),
])
def test_a_known_person_is_offered_for_linking_not_duplicated(owner_client, owner, conversation, known, typed, why):
    aisha = PersonFactory(owner=owner, first_name="Aïsha", last_name="Ahmed", source="linkedin",
                          organization=OrganizationFactory(owner=owner, name="Stantec"), **known)
    response = refer(owner_client, conversation, **typed)
    page = response.content.decode()
    assert response.status_code == 200 and "Already in your people" in page and why in page
    assert Person.objects.filter(owner=owner).count() == 2
    response = refer(owner_client, conversation, **typed, may_use_name="on", link=aisha.pk)
    assert response.status_code == 200 and "Already in your people" not in response.content.decode()
    aisha.refresh_from_db()
    assert (aisha.referred_by, aisha.referral_conversation, aisha.may_use_referrer_name) == (conversation.person, conversation, True)
    assert aisha.source == "linkedin" and Person.objects.filter(owner=owner).count() == 2


def test_someone_new_can_still_be_added_after_the_offer(owner_client, owner, conversation):
    PersonFactory(owner=owner, first_name="Aisha", last_name="Ahmed", organization=OrganizationFactory(owner=owner, name="Stantec"))
    refer(owner_client, conversation, name="Aisha Ahmed", organization="Stantec", add_new="1", email="aisha2@example.org")
    assert Person.objects.filter(owner=owner, first_name="Aisha", referred_by=conversation.person).get().emails == ["aisha2@example.org"]


def test_the_same_name_elsewhere_is_not_a_match(owner_client, owner, conversation):
    PersonFactory(owner=owner, first_name="Aisha", last_name="Ahmed", organization=OrganizationFactory(owner=owner, name="WSP"))
    response = refer(owner_client, conversation, name="Aisha Ahmed", organization="Stantec")
    assert "Already in your people" not in response.content.decode()
    assert Person.objects.filter(owner=owner, first_name="Aisha").count() == 2


@pytest.mark.parametrize("typed", [{"name": "Priya Shah"}, {"name": "priya shah", "add_new": "1"}])
def test_the_interviewee_cannot_be_their_own_referral(owner_client, owner, conversation, typed):
    response = refer(owner_client, conversation, **typed)
    assert response.status_code == 422 and "whom you are talking with" in response.content.decode()
    assert 'value="' + typed["name"] + '"' in response.content.decode()
    assert Person.objects.filter(owner=owner).count() == 1


def test_linking_the_interviewee_by_id_is_refused(owner_client, owner, conversation):
    response = refer(owner_client, conversation, name="Someone", link=conversation.person.pk)
    assert response.status_code == 422
    conversation.person.refresh_from_db()
    assert conversation.person.referred_by is None


def test_another_users_person_is_never_offered(owner_client, owner, second_user, conversation):
    PersonFactory(owner=second_user, first_name="Aisha", last_name="Ahmed", emails=["aisha@stantec.example"])
    response = refer(owner_client, conversation, name="Aisha Ahmed", email="aisha@stantec.example")
    assert "Already in your people" not in response.content.decode()


def test_without_htmx_the_page_it_came_from_is_shown_again(owner_client, owner, conversation):
    follow_up = reverse("followups:conversation", args=[conversation.pk])
    response = owner_client.post(reverse("meetings:referral", args=[conversation.pk]),
                                 {"name": "Omar Haddad", "next": follow_up})
    assert response.status_code == 302 and response.url == follow_up
    for elsewhere in ("https://elsewhere.example/", "//elsewhere.example/"):
        response = owner_client.post(reverse("meetings:referral", args=[conversation.pk]),
                                     {"name": "Someone New", "next": elsewhere, "add_new": "1"})
        assert response.status_code == 302 and response.url == reverse("meetings:live", args=[conversation.pk])

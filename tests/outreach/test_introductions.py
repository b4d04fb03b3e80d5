from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from tests.factories import ConversationFactory, GoalFactory, OrganizationFactory, PersonFactory

from coffeechat.followups.rules import due_items, load_snapshot
from coffeechat.outreach.models import Message
from coffeechat.people.models import Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def aunt(owner):
    owner.first_name = "Zoë"
    owner.save()
    return PersonFactory(owner=owner, first_name="Marie", last_name="Roy", source="relative")


def names(*rows):
    data = {"names-TOTAL_FORMS": "3", "names-INITIAL_FORMS": "0"}
    for i, row in enumerate(rows):
        for key, value in row.items():
            data[f"names-{i}-{key}"] = value
    return data


def test_the_ask_names_the_goal_and_is_no_job_request(owner_client, owner, aunt):
    ConversationFactory(owner=owner, goal=GoalFactory(owner=owner, title="health informatics"))
    response = owner_client.get(reverse("outreach:compose-introductions", args=[aunt.pk]))
    body = response.context["form"]["body"].value()
    assert "Hi Marie" in body and "exploring health informatics" in body and "not asking anyone for a job" in body
    assert "do you know anyone in health informatics" in response.context["form"]["subject"].value().lower()


def test_names_given_become_people_introduced_by_them(owner_client, owner, aunt):
    known = PersonFactory(owner=owner, first_name="Aisha", last_name="Ahmed", emails=["Aisha@Stantec.example"])
    response = owner_client.post(reverse("outreach:introductions", args=[aunt.pk]), names(
        {"name": "Omar  Haddad", "organization": "Northwind Health", "may_use_name": "on"},
        {"name": "Aisha Ahmed", "email": "aisha@stantec.example"},
    ))
    assert response.status_code == 302
    omar = Person.objects.get(owner=owner, first_name="Omar")
    assert (omar.source, omar.referred_by, omar.may_use_referrer_name, omar.organization.name) == ("introduction", aunt, True, "Northwind Health")
    known.refresh_from_db()
    assert known.referred_by == aunt and Person.objects.filter(owner=owner, first_name="Aisha").count() == 1
    assert "Omar Haddad, Aisha Ahmed" in Message.objects.get(person=aunt).body
    kinds = {i.kind: i for i in due_items(load_snapshot(owner), timezone.now())}
    assert kinds["contact_referral"].title == "Contact Omar Haddad, whom Marie Roy suggested"
    thank = kinds["thank_introducer"]
    assert thank.title == "Thank Marie Roy for the introductions" and thank.action.endswith("?template=thank_introducer")


def test_thanking_the_introducer_clears_the_nudge(owner, aunt):
    PersonFactory(owner=owner, first_name="Omar", source="introduction", referred_by=aunt)
    assert "thank_introducer" in {i.kind for i in due_items(load_snapshot(owner), timezone.now())}
    Message.objects.create(owner=owner, person=aunt, kind="thank_you", body="Thank you!", sent_at=timezone.now())
    assert "thank_introducer" not in {i.kind for i in due_items(load_snapshot(owner), timezone.now() + timedelta(days=5))}


def test_the_introducer_is_not_their_own_introduction(owner_client, owner, aunt):
    org = OrganizationFactory(owner=owner, name="Stantec")
    aunt.organization = org
    aunt.save()
    owner_client.post(reverse("outreach:introductions", args=[aunt.pk]), names({"name": "Marie Roy", "organization": "Stantec"}))
    aunt.refresh_from_db()
    assert aunt.referred_by is None and Person.objects.filter(owner=owner).count() == 1 and not Message.objects.exists()


def test_no_names_or_a_row_without_a_name_is_explained(owner_client, aunt):
    response = owner_client.post(reverse("outreach:introductions", args=[aunt.pk]), names({}))
    assert response.status_code == 422 and "Type at least one name" in response.content.decode()
    response = owner_client.post(reverse("outreach:introductions", args=[aunt.pk]), names({"organization": "Stantec"}))
    page = response.content.decode()
    assert response.status_code == 422 and "A name is needed for this row" in page and "Stantec" in page
    assert Person.objects.count() == 1


def test_an_outsider_gets_404(outsider_client, aunt):
    for name in ("outreach:introductions", "outreach:compose-introductions", "outreach:compose-thanks"):
        assert outsider_client.get(reverse(name, args=[aunt.pk])).status_code == 404
    assert outsider_client.post(reverse("outreach:introductions", args=[aunt.pk]), names({"name": "Evil"})).status_code == 404
    assert Person.objects.count() == 1

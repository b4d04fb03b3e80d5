import pytest
from django.urls import reverse

from coffeechat.people.models import Organization
from tests.factories import ConversationFactory, OrganizationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_research_notes_links_and_search_links(owner_client, owner):
    org = OrganizationFactory(owner=owner, name="Northwind Health & Co")
    response = owner_client.post(reverse("people:organization-edit", args=[org.pk]), {
        "name": "Northwind Health & Co", "team_page": "northwind.example/team", "careers_page": "https://northwind.example/careers",
        "links": "https://news.example/northwind-opens-clinic\n\nhttps://news.example/northwind-opens-clinic",
        "notes": "Runs **12 clinics**; moving to a new charting system in 2027.",
    })
    assert response.status_code == 302
    org.refresh_from_db()
    assert org.team_page == "https://northwind.example/team" and org.links == ["https://news.example/northwind-opens-clinic"]
    page = owner_client.get(org.get_absolute_url()).content.decode()
    assert "<strong>12 clinics</strong>" in page and 'href="https://northwind.example/careers"' in page
    assert "https://www.linkedin.com/search/results/people/?keywords=Northwind+Health+%26+Co" in page
    assert page.count('target="_blank"') >= 6 and 'rel="noopener noreferrer" target="_blank">Recent news' in page


def test_a_bad_link_is_refused_with_the_input_kept(owner_client, owner):
    org = OrganizationFactory(owner=owner, name="Northwind")
    response = owner_client.post(reverse("people:organization-edit", args=[org.pk]), {"name": "Northwind", "links": "not a link\njavascript:alert(1)"})
    assert response.status_code == 422 and "not a link" in response.content.decode()
    assert Organization.objects.get(pk=org.pk).links == []


def test_an_empty_organisation_invites_research(owner_client, owner):
    org = OrganizationFactory(owner=owner, name="Northwind")
    assert "No notes yet" in owner_client.get(org.get_absolute_url()).content.decode()


def test_the_brief_carries_the_organisation_notes(owner_client, owner):
    org = OrganizationFactory(owner=owner, name="Northwind", notes="Moving to a new charting system in 2027.")
    conversation = ConversationFactory(owner=owner, person=PersonFactory(owner=owner, organization=org))
    page = owner_client.get(reverse("meetings:brief", args=[conversation.pk])).content.decode()
    assert "About Northwind" in page and "new charting system" in page

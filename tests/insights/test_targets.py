import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from coffeechat.people.models import Organization
from tests.clirun import run_cli
from tests.factories import ConversationFactory, OrganizationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def target(owner, name, motivation=0, postings=1, **kwargs):
    return OrganizationFactory(owner=owner, name=name, is_target=True, motivation=motivation, postings=postings, **kwargs)


def test_advocacy_counts_a_held_conversation_above_a_request_above_a_name(owner):
    from coffeechat.insights.targets import target_list

    met, asked, named, empty = (target(owner, n) for n in ("Met", "Asked", "Named", "Empty"))
    ConversationFactory(owner=owner, person=PersonFactory(owner=owner, organization=met), state="held")
    PersonFactory(owner=owner, organization=met)
    ConversationFactory(owner=owner, person=PersonFactory(owner=owner, organization=asked), state="requested")
    PersonFactory(owner=owner, organization=named)
    PersonFactory.create_batch(3, owner=owner, organization=named)
    assert [(t.organization.name, t.advocacy) for t in target_list(owner)] == [("Met", 3), ("Asked", 2), ("Named", 1), ("Empty", 0)]


def test_the_page_sorts_by_motivation_postings_advocacy_and_marks_five(owner_client, owner):
    target(owner, "Low", motivation=1, postings=3)
    target(owner, "High but no postings", motivation=3, postings=1)
    target(owner, "High and hiring", motivation=3, postings=3)
    known = target(owner, "Mid zeta known", motivation=2, postings=2)
    PersonFactory(owner=owner, organization=known)
    target(owner, "Mid alpha unknown", motivation=2, postings=2)
    target(owner, "Sixth", motivation=0, postings=1)
    OrganizationFactory(owner=owner, name="Not a target", motivation=3, postings=3)
    response = owner_client.get(reverse("insights:targets"))
    order = [(t.organization.name, t.first_five) for t in response.context["targets"]]
    assert order == [("High and hiring", True), ("High but no postings", True), ("Mid zeta known", True), ("Mid alpha unknown", True),
                     ("Low", True), ("Sixth", False)]
    body = response.content.decode()
    assert "6 of 40 organisations" in body and body.count("work on now") == 5 and "Not a target" not in body


def test_pasting_forty_names_matches_existing_organisations(owner_client, owner):
    existing = OrganizationFactory(owner=owner, name="Hôpital Sainte-Anne")
    names = ["hopital  SAINTE-ANNE"] + [f"Org {n}" for n in range(39)] + ["org 3", ""]
    response = owner_client.post(reverse("insights:targets-paste"), {"names": "\n".join(names)})
    assert response.status_code == 302
    assert Organization.objects.filter(owner=owner).count() == 40
    assert Organization.objects.filter(owner=owner, is_target=True).count() == 40
    existing.refresh_from_db()
    assert existing.is_target and existing.name == "Hôpital Sainte-Anne"
    assert "40 of 40" in owner_client.get(reverse("insights:targets")).content.decode()
    assert owner_client.post(reverse("insights:targets-paste"), {"names": "  \n "}).status_code == 422


def test_rating_and_removing_a_target(owner_client, owner):
    org = target(owner, "Northwind")
    owner_client.post(reverse("insights:target-rate", args=[org.pk]), {"motivation": "3", "postings": "2"})
    org.refresh_from_db()
    assert (org.motivation, org.postings) == (3, 2)
    form = owner_client.get(reverse("insights:targets")).content.decode().split('class="rate-form"')[1].split("</form>")[0]
    motivation, postings = form.split('name="postings"')
    assert '<option value="3" selected>' in motivation and motivation.count(" selected") == 1
    assert '<option value="2" selected>' in postings and postings.count(" selected") == 1
    owner_client.post(reverse("insights:target-rate", args=[org.pk]), {"motivation": "9", "postings": "0"})
    org.refresh_from_db()
    assert (org.motivation, org.postings) == (3, 2)
    owner_client.post(reverse("insights:target-rate", args=[org.pk]), {"action": "remove"})
    org.refresh_from_db()
    assert not org.is_target and Organization.objects.filter(pk=org.pk).exists()


def test_a_target_shows_its_people_conversations_paths_and_hints(owner_client, owner):
    org = target(owner, "Northwind", website="https://northwind.example")
    friend = PersonFactory(owner=owner, first_name="Ana", last_name="Friend")
    middle = PersonFactory(owner=owner, first_name="Ben", last_name="Middle", referred_by=friend)
    there = PersonFactory(owner=owner, first_name="Cleo", last_name="There", organization=org, referred_by=middle)
    ConversationFactory(owner=owner, person=there, state="requested")
    response = owner_client.get(reverse("insights:target", args=[org.pk]))
    body = response.content.decode()
    assert "Cleo There" in body and "Requested" in body and "LinkedIn" in body and "alumni" in body
    assert [p.names for p in response.context["paths"]] == [["Ben Middle", "Cleo There"], ["Ana Friend", "Ben Middle", "Cleo There"]]


@pytest.mark.parametrize(("name", "method"), [("insights:target", "get"), ("insights:target-rate", "post")])
def test_outsider_gets_404(outsider_client, owner, name, method):
    org = target(owner, "Private", motivation=1)
    response = getattr(outsider_client, method)(reverse(name, args=[org.pk]), {"motivation": "3", "postings": "3"})
    assert response.status_code == 404
    org.refresh_from_db()
    assert org.motivation == 1
    assert "Private" not in outsider_client.get(reverse("insights:targets")).content.decode()


def test_the_targets_page_runs_the_same_queries_at_any_size(owner_client, owner):
    def grow(n):
        for i in range(n):
            org = target(owner, f"Grow {n}-{i}", motivation=i % 4)
            person = PersonFactory(owner=owner, organization=org)
            ConversationFactory(owner=owner, person=person, state="held")

    grow(2)
    with CaptureQueriesContext(connection) as small:
        owner_client.get(reverse("insights:targets"))
    grow(20)
    with CaptureQueriesContext(connection) as large:
        owner_client.get(reverse("insights:targets"))
    assert len(large) == len(small)


def test_cli_targets_add_and_list(tmp_path):
    assert run_cli(tmp_path, "targets", "add", "Northwind", "--motivation", "3", "--postings", "2").returncode == 0
    assert run_cli(tmp_path, "targets", "add", "Blue Harbour", "--motivation", "1").returncode == 0
    again = run_cli(tmp_path, "targets", "add", "NORTHWIND", "--postings", "3")
    assert again.returncode == 0
    bad = run_cli(tmp_path, "targets", "add", "X", "--motivation", "4")
    assert bad.returncode == 1 and "--motivation" in bad.stderr
    listed = json.loads(run_cli(tmp_path, "targets", "list", "--json").stdout)
    assert listed == {"targets": [
        {"organization": "Northwind", "motivation": 3, "postings": 3, "advocacy": 0, "people": 0, "first_five": True},
        {"organization": "Blue Harbour", "motivation": 1, "postings": 1, "advocacy": 0, "people": 0, "first_five": True},
    ]}


def test_the_target_list_escapes_names_counts_people_and_its_forms_post(owner):
    from django.test import Client

    hostile = target(owner, '<b>Acme</b> & "Sons"', motivation=3)
    PersonFactory(owner=owner, organization=hostile)
    target(owner, "Quiet Co", motivation=1)
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(owner)
    body = browser.get(reverse("insights:targets")).content.decode()
    assert "<b>Acme</b>" not in body and "&lt;b&gt;Acme&lt;/b&gt; &amp; &quot;Sons&quot;" in body
    assert 'aria-label="Remove &lt;b&gt;Acme&lt;/b&gt; &amp; &quot;Sons&quot; from targets"' in body
    assert "advocacy 1 (a name) · 1 person" in body and "advocacy 0 (nobody yet) · 0 people" in body
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body.split(f'id="target-{hostile.pk}"')[1].split("</form>")[0]).group(1)
    rated = browser.post(reverse("insights:target-rate", args=[hostile.pk]), {"motivation": "2", "postings": "3", "csrfmiddlewaretoken": token})
    assert rated.status_code == 302
    hostile.refresh_from_db()
    assert (hostile.motivation, hostile.postings) == (2, 3)

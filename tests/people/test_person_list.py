import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from coffeechat.people.models import Source
from coffeechat.people.services import set_tags
from tests.factories import OrganizationFactory, PersonFactory

pytestmark = pytest.mark.django_db
URL = reverse("people:list")


def names(response):
    return [p.display_name for p in response.context["page"].object_list]


def test_it_shows_an_empty_state_with_the_two_ways_to_start(owner_client):
    response = owner_client.get(URL)
    body = response.content.decode()
    assert response.status_code == 200
    assert "No one here yet" in body
    assert reverse("people:add") in body and reverse("people:import") in body


def test_it_lists_only_the_users_own_people(owner_client, owner, second_user):
    PersonFactory(owner=owner, first_name="Mine", last_name="Person")
    PersonFactory(owner=second_user, first_name="Theirs", last_name="Person")
    response = owner_client.get(URL)
    assert names(response) == ["Mine Person"]
    assert "Theirs" not in response.content.decode()


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize(
    "query",
    ["beland", "BÉLAND", "béland", "helene", "Hélène Béland", "nursing", "northwind", "NORTHWIND health", "hbeland@", "pediatric"],
)
def test_search_ignores_case_and_accents_across_names_org_title_email_and_notes(owner_client, owner, query):
    org = OrganizationFactory(owner=owner, name="Northwind Health")
    PersonFactory(owner=owner, first_name="Hélène", last_name="Béland", title="Nursing Lead",
                  emails=["hbeland@northwind.example"], organization=org, research="Ran the pediatric ward.")
    PersonFactory(owner=owner, first_name="Omar", last_name="Haddad", title="Architect")
    assert names(owner_client.get(URL, {"q": query})) == ["Hélène Béland"]


def test_search_with_no_match_says_so_and_offers_to_clear(owner_client, owner):
    PersonFactory(owner=owner, first_name="Omar", last_name="Haddad")
    body = owner_client.get(URL, {"q": "zzz"}).content.decode()
    assert "Nobody matches “zzz”" in body
    assert "Clear the search" in body


def test_it_filters_by_source_and_by_tag(owner_client, owner):
    alum = PersonFactory(owner=owner, first_name="Alum", last_name="One", source=Source.ALUMNI)
    PersonFactory(owner=owner, first_name="Friend", last_name="Two", source=Source.FRIEND)
    set_tags(alum, ["Design"])
    assert names(owner_client.get(URL, {"source": "alumni"})) == ["Alum One"]
    assert names(owner_client.get(URL, {"tag": "design"})) == ["Alum One"]
    assert len(names(owner_client.get(URL, {"source": "not-a-source"}))) == 2


def test_it_sorts_by_name_newest_and_organisation(owner_client, owner):
    PersonFactory(owner=owner, first_name="Zed", last_name="Adams", organization=OrganizationFactory(owner=owner, name="Zeta"))
    PersonFactory(owner=owner, first_name="Amy", last_name="Young", organization=OrganizationFactory(owner=owner, name="Alpha"))
    assert names(owner_client.get(URL)) == ["Zed Adams", "Amy Young"]
    assert names(owner_client.get(URL, {"sort": "-created"})) == ["Amy Young", "Zed Adams"]
    assert names(owner_client.get(URL, {"sort": "organization"})) == ["Amy Young", "Zed Adams"]


def test_it_paginates_by_25(owner_client, owner):
    PersonFactory.create_batch(30, owner=owner)
    first = owner_client.get(URL)
    second = owner_client.get(URL, {"page": 2})
    assert len(names(first)) == 25 and len(names(second)) == 5
    assert "Page 1 of 2" in first.content.decode()


def test_htmx_search_returns_only_the_results_fragment(owner_client, owner):
    PersonFactory(owner=owner, first_name="Hélène", last_name="Béland")
    response = owner_client.get(URL, {"q": "beland"}, headers={"HX-Request": "true", "HX-Target": "people-results"})
    body = response.content.decode()
    assert "Hélène Béland" in body
    assert "<html" not in body and "<nav" not in body.split("pagination")[0]


def _count_queries(client, params=None):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(URL, params or {}).status_code == 200
    return len(ctx.captured_queries)


def test_the_number_of_queries_does_not_grow_with_the_number_of_people(owner_client, owner):
    for _ in range(3):
        person = PersonFactory(owner=owner, with_organization=True)
        set_tags(person, ["a", "b"])
    few = _count_queries(owner_client)
    for _ in range(20):
        person = PersonFactory(owner=owner, with_organization=True)
        set_tags(person, ["a", "b", "c"])
    assert _count_queries(owner_client) == few
    assert _count_queries(owner_client, {"q": "given"}) <= few


def test_each_row_shows_name_role_organisation_source_and_tags_escaped(owner_client, owner):
    organization = OrganizationFactory(owner=owner, name="Ponts & <Chaussées>")
    named = PersonFactory(owner=owner, first_name="Hélène", last_name="O'Brien", title="Engineer <lead>",
                          organization=organization, source=Source.EVENT)
    set_tags(named, ["mentor", "<b>bold</b>"])
    unnamed = PersonFactory(owner=owner, first_name="", middle_name="", last_name="", emails=["only@example.org"],
                            title="", organization=None, source=Source.OTHER)
    body = owner_client.get(URL).content.decode()
    assert f'<a href="{reverse("people:person", args=[named.pk])}">Hélène O&#x27;Brien</a>' in body
    assert "<small>Engineer &lt;lead&gt; · Ponts &amp; &lt;Chaussées&gt;</small>" in body
    assert f'<small class="muted">{named.get_source_display()}</small>' in body
    assert '<span class="tag">mentor</span>' in body and '<span class="tag">&lt;b&gt;bold&lt;/b&gt;</span>' in body
    row = body.split(f'href="{reverse("people:person", args=[unnamed.pk])}"')[1].split("</li>")[0]
    assert row.startswith(">only@example.org</a>") and "<small>" not in row.split("</span>")[0]


def test_a_search_pages_its_matches_in_the_lists_order_with_their_count(owner_client, owner):
    for i in range(30):
        PersonFactory(owner=owner, first_name="Bella", last_name=f"Match{i:02d}")
    PersonFactory(owner=owner, first_name="Other", last_name="Person")
    first = owner_client.get(URL, {"q": "bel"})
    second = owner_client.get(URL, {"q": "bel", "page": 2})
    beyond = owner_client.get(URL, {"q": "bel", "page": 99})
    assert names(first) == [f"Bella Match{i:02d}" for i in range(25)]
    assert names(second) == names(beyond) == [f"Bella Match{i:02d}" for i in range(25, 30)]
    assert "30 people match" in first.content.decode() and "Page 2 of 2" in second.content.decode()
    assert 'href="?q=bel&amp;source=&amp;tag=&amp;sort=name&amp;page=2" rel="next"' in first.content.decode()  # the search kept
    newest = owner_client.get(URL, {"q": "bel", "sort": "-created"})
    assert names(newest)[0] == "Bella Match29"


def test_tags_show_in_alphabetical_order_whatever_their_case(owner_client, owner):
    person = PersonFactory(owner=owner, first_name="Tagged")
    set_tags(person, ["zeta", "Mid", "alpha"])
    for params in ({}, {"q": "tagged"}):
        body = owner_client.get(URL, params).content.decode().split('class="people-list"')[1]  # the rows, not the tag filter
        assert body.index(">alpha<") < body.index(">Mid<") < body.index(">zeta<")


def test_the_people_of_one_import_stay_filtered_on_the_next_page(owner_client, owner):
    from coffeechat.people.models import ImportBatch

    batch = ImportBatch.objects.create(owner=owner, format="linkedin", filename="Connections.csv")
    PersonFactory.create_batch(30, owner=owner, import_batch=batch)
    PersonFactory.create_batch(5, owner=owner)
    first = owner_client.get(URL, {"batch": batch.pk}).content.decode()
    assert "30 people match" in first and f"sort=name&amp;batch={batch.pk}&amp;page=2" in first

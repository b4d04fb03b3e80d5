"""People at any size: the full-text index, the list's indexes, the type-ahead person picker."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from coffeechat.people.models import Person
from coffeechat.people.services import people_list
from tests.factories import OrganizationFactory, PersonFactory

pytestmark = pytest.mark.django_db
ADD = reverse("people:add")
PICK = reverse("people:pick")


def form_data(**overrides):
    return {"first_name": "Ada", "last_name": "Lovelace", "emails": "", "phones": "", "links": "", "source": "friend",
            "referred_by": "", "organization_name": "", "commonalities_text": "", "tags_text": "", **overrides}


def names(queryset):
    return [p.display_name for p in queryset]


def test_search_matches_word_prefixes_through_the_full_text_index(owner):
    org = OrganizationFactory(owner=owner, name="Hôpital Sainte-Justine")
    PersonFactory(owner=owner, first_name="Hélène", last_name="Béland", organization=org)
    PersonFactory(owner=owner, first_name="Isabel", last_name="Ortiz")
    assert names(people_list(owner, query="bel")) == ["Hélène Béland"]     # a word's start, not its middle
    assert names(people_list(owner, query="BÉL hél")) == ["Hélène Béland"]
    assert names(people_list(owner, query="sainte just")) == ["Hélène Béland"]  # the organisation's name
    assert names(people_list(owner, query="isa")) == ["Isabel Ortiz"]
    assert names(people_list(owner, query='"); DROP TABLE people_person; --')) == []


def test_the_index_follows_edits_and_deletes(owner):
    person = PersonFactory(owner=owner, first_name="Marguerite", last_name="Roy", emails=["mr@example.org"])
    assert names(people_list(owner, query="marg")) == ["Marguerite Roy"]
    person.first_name = "Margot"
    person.save()
    assert names(people_list(owner, query="marguerite")) == []
    assert names(people_list(owner, query="margot")) == ["Margot Roy"]
    Person.objects.filter(pk=person.pk).update(search_text="renamed in bulk")  # bulk writes too (imports)
    assert names(people_list(owner, query="bulk")) == ["Margot Roy"]
    person.delete()
    assert names(people_list(owner, query="bulk")) == []


def test_another_users_organisation_never_matches(owner, second_user):
    PersonFactory(owner=owner, first_name="Sam", last_name="Lee")
    theirs = OrganizationFactory(owner=second_user, name="Zephyr Labs")
    PersonFactory(owner=second_user, first_name="Other", organization=theirs)
    assert names(people_list(owner, query="zephyr")) == []


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite plan")
def test_the_default_order_is_read_from_an_index_not_sorted(owner):
    sql, params = people_list(owner).query.sql_with_params()
    with connection.cursor() as cursor:
        plan = " ".join(str(row[-1]) for row in cursor.execute(f"EXPLAIN QUERY PLAN {sql} LIMIT 25", params).fetchall())
    assert "person_owner_name" in plan and "TEMP B-TREE" not in plan, plan


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the PostgreSQL full-text subquery")
def test_the_full_text_match_reads_only_the_owners_people(owner):
    # Read site-wide, a common prefix read that word's matches across every account on each search.
    sql, params = people_list(owner, query="bel").query.sql_with_params()
    subquery = sql[sql.index("SELECT id FROM people_person"):]
    assert subquery.startswith("SELECT id FROM people_person WHERE owner_id = %s AND search_vector"), sql
    assert params[list(params).index("bel:*") - 1] == owner.pk
    # The words are read from the stored column: none recomputed from the text, person by person.
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = " ".join(row[0] for row in cursor.fetchall())
    assert "regexp_replace" not in plan and "to_tsvector" not in plan, plan


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite triggers")
def test_the_search_triggers_survive_every_migration():
    with connection.cursor() as cursor:
        triggers = {row[0] for row in cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall()}
    assert {"people_person_fts_insert", "people_person_fts_update", "people_person_fts_delete"} <= triggers


def test_the_person_form_has_no_list_of_all_people(owner_client, owner):
    PersonFactory.create_batch(30, owner=owner)
    body = owner_client.get(ADD).content.decode()
    assert "<select" not in body.split('name="referred_by"')[0].rsplit("<label", 1)[-1]
    assert body.count("Family") == 0
    assert f'hx-get="{PICK}"' in body and 'list="id_referred_by-options"' in body


def test_the_picker_suggests_only_my_people(owner_client, owner, second_user):
    PersonFactory(owner=owner, first_name="Hélène", last_name="Béland", emails=["hb@example.org"])
    PersonFactory(owner=second_user, first_name="Hélène", last_name="Bélanger", emails=["other@example.org"])
    body = owner_client.get(PICK, {"referred_by": "hel"}).content.decode()
    assert '<option value="Hélène Béland &lt;hb@example.org&gt;">' in body and "Bélanger" not in body
    assert owner_client.get(PICK, {"q": ""}).content.decode().strip() == ""


def test_the_picker_is_for_signed_in_users_only(client):
    assert client.get(PICK, {"q": "a"}).status_code == 302


def test_choosing_a_referrer_by_typing_without_javascript(owner_client, owner):
    referrer = PersonFactory(owner=owner, first_name="Hélène", last_name="Béland", emails=["hb@example.org"])
    assert owner_client.post(ADD, form_data(referred_by="helene bel")).status_code == 302
    assert Person.objects.get(first_name="Ada").referred_by == referrer
    body = owner_client.get(reverse("people:edit", args=[Person.objects.get(first_name="Ada").pk])).content.decode()
    assert 'value="Hélène Béland &lt;hb@example.org&gt;"' in body


def test_a_referrer_naming_nobody_or_several_is_a_clear_error(owner_client, owner, second_user):
    PersonFactory(owner=owner, first_name="Sam", last_name="Lee", emails=["sam@one.example"])
    PersonFactory(owner=owner, first_name="Sam", last_name="Leclerc", emails=["sam@two.example"])
    PersonFactory(owner=second_user, first_name="Zora", last_name="Neale")
    nobody = owner_client.post(ADD, form_data(referred_by="Zora"))
    assert nobody.status_code == 422 and "None of your people matches “Zora”" in nobody.content.decode()
    several = owner_client.post(ADD, form_data(referred_by="sam le"))
    assert several.status_code == 422 and "Several of your people match" in several.content.decode()
    picked = owner_client.post(ADD, form_data(referred_by="Sam Lee <sam@one.example>"))
    assert picked.status_code == 302
    assert Person.objects.get(first_name="Ada").referred_by.last_name == "Lee"
    assert not Person.objects.filter(owner=owner, first_name="Ada").exclude(referred_by__last_name="Lee").exists()


def test_the_people_list_reads_organisations_of_the_owner_only(owner_client, owner):
    PersonFactory.create_batch(3, owner=owner, with_organization=True)
    with CaptureQueriesContext(connection) as ctx:
        owner_client.get(reverse("people:list"), {"sort": "organization"})
    org_reads = [q["sql"] for q in ctx.captured_queries
                 if '"people_organization"' in q["sql"] and ("own_organization" in q["sql"] or 'FROM "people_organization"' in q["sql"])]
    assert len(org_reads) == 2, org_reads  # the sort's join and the page's organisations
    assert all('"people_organization"."owner_id" =' in sql or 'own_organization."owner_id" =' in sql for sql in org_reads), org_reads


def test_the_organisation_field_suggests_my_organisations_as_i_type(owner_client, owner, second_user):
    OrganizationFactory(owner=owner, name="Hôpital Sainte-Justine")
    OrganizationFactory(owner=owner, name="Northwind")
    OrganizationFactory(owner=second_user, name="Justice Partners")
    assert "Northwind" not in owner_client.get(ADD).content.decode()  # no list of every organisation
    body = owner_client.get(reverse("people:organization-pick"), {"organization_name": "just"}).content.decode()
    assert '<option value="Hôpital Sainte-Justine">' in body and "Justice" not in body and "Northwind" not in body

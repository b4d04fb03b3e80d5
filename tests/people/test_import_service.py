import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coffeechat.people.formats import ImportFormatError
from coffeechat.people.imports import import_file, undo_import
from coffeechat.people.models import ImportBatch, Organization, Person, Source
from tests.factories import OrganizationFactory, PersonFactory
from tests.people.importdata import LINKEDIN, VCARD, linkedin_rows

pytestmark = pytest.mark.django_db


def test_a_linkedin_export_imports_with_source_url_and_date(owner):
    plan, batch = import_file(owner, LINKEDIN.encode(), filename="Connections.csv")
    assert plan.summary == {"format": "linkedin", "new": 3, "matched": 0, "updated": 0, "conflicts": 0, "skipped": 1}
    helene = Person.objects.get(owner=owner, last_name="Béland")
    assert helene.source == Source.LINKEDIN
    assert helene.linkedin_url == "https://www.linkedin.com/in/helene-beland"
    assert helene.connected_on.isoformat() == "2024-10-09"
    assert helene.organization.name == "Northwind Health" and helene.title == "Nurse Practitioner"
    assert helene.import_batch == batch
    assert Person.objects.get(owner=owner, last_name="Haddad").organization.name == "Haddad, Fares & Co"
    assert [p["row"] for p in batch.problems] == [8]


def test_importing_the_same_file_again_changes_nothing(owner):
    import_file(owner, LINKEDIN.encode())
    before = list(Person.objects.for_user(owner).order_by("pk").values())
    plan, _ = import_file(owner, LINKEDIN.encode())
    assert (plan.summary["new"], plan.summary["matched"], plan.summary["updated"]) == (0, 3, 0)
    assert list(Person.objects.for_user(owner).order_by("pk").values()) == before
    assert Organization.objects.for_user(owner).count() == 3


def test_a_match_fills_empty_fields_and_reports_conflicts_without_overwriting(owner):
    org = OrganizationFactory(owner=owner, name="Somewhere Else")
    typed = PersonFactory(owner=owner, first_name="Hélène", last_name="Béland", emails=["helene@northwind.example"],
                          title="", organization=org, linkedin_url="")
    plan, _ = import_file(owner, LINKEDIN.encode())
    typed.refresh_from_db()
    assert typed.title == "Nurse Practitioner"
    assert typed.linkedin_url == "https://www.linkedin.com/in/helene-beland"
    assert typed.organization == org
    assert plan.conflicts == [{"row": 5, "person": "Hélène Béland", "field": "organisation",
                               "kept": "Somewhere Else", "file": "Northwind Health"}]


@pytest.mark.parametrize(
    "existing",
    [
        {"linkedin_url": "https://www.linkedin.com/in/omar-haddad/"},
        {"first_name": "OMAR", "last_name": "haddad", "with_organization": False},
    ],
    ids=["by-profile-url", "by-name"],
)
def test_matching_by_profile_url_then_name_and_organisation(owner, existing):
    kwargs = {"first_name": "Someone", "last_name": "Else", "emails": []} | existing
    if kwargs.pop("with_organization", True) is False:
        kwargs["organization"] = OrganizationFactory(owner=owner, name="haddad, fares & co")
    PersonFactory(owner=owner, **kwargs)
    plan, _ = import_file(owner, LINKEDIN.encode())
    assert plan.summary["new"] == 2 and plan.summary["matched"] == 1


def test_another_users_people_never_match_or_change(owner, second_user):
    theirs = PersonFactory(owner=second_user, first_name="Hélène", last_name="Béland", emails=["helene@northwind.example"], title="")
    plan, _ = import_file(owner, LINKEDIN.encode())
    assert plan.summary["new"] == 3
    theirs.refresh_from_db()
    assert theirs.title == ""


def test_a_dry_run_writes_nothing(owner):
    plan, batch = import_file(owner, LINKEDIN.encode(), dry_run=True)
    assert plan.summary["new"] == 3 and batch is None
    assert not Person.objects.exists() and not ImportBatch.objects.exists() and not Organization.objects.exists()


@pytest.mark.parametrize(
    "data",
    [b"", b"\x89PNG\r\n\x1a\n\x00\x00\x00binary", b"Region,Q1 sales,Q2 sales\nNorth,100,200\n",
     b'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"Ada,Lovelace,x,,A,B,09 Oct 2024\nBob,Smith,,,,,\n'],
    ids=["empty", "binary", "not-contacts", "unterminated-quote"],
)
def test_a_refused_file_writes_nothing(owner, data):
    with pytest.raises(ImportFormatError):
        import_file(owner, data)
    assert not Person.objects.exists() and not ImportBatch.objects.exists()


def test_vcard_categories_become_tags(owner):
    import_file(owner, VCARD.encode())
    nia = Person.objects.get(owner=owner)
    assert sorted(t.name for t in nia.tags.all()) == ["mentors", "science"]
    assert nia.phones == ["+1 416 555 0199"] and nia.source == Source.OTHER


def test_the_number_of_queries_does_not_grow_with_the_number_of_rows(owner):
    def queries(n, who):
        from tests.factories import UserFactory

        user = UserFactory(username=who)
        with CaptureQueriesContext(connection) as ctx:
            import_file(user, linkedin_rows(n))
        assert Person.objects.for_user(user).count() == n
        return len(ctx.captured_queries)

    small = queries(5, "small")
    assert queries(30, "medium") == small
    # Inserts go many rows to a statement, as many as the database's parameter limit allows
    # (test_import_rows.py runs one over several statements): never a query a row.
    assert queries(300, "large") <= small + 300 // 30


def test_undo_removes_untouched_people_and_keeps_edited_ones(owner):
    _, batch = import_file(owner, LINKEDIN.encode())
    edited = Person.objects.get(owner=owner, last_name="Haddad")
    edited.title = "Principal Architect"
    edited.save()
    removed, kept = undo_import(batch)
    assert (removed, kept) == (2, 1)
    assert list(Person.objects.for_user(owner).values_list("last_name", flat=True)) == ["Haddad"]
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.UNDONE

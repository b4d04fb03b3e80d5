"""What an import stores, and what comes back out (issues 16 and 12): duplicates within a file,
company cards, middle names, email-only people, our own CSV and vCard round trips, and
namesakes at one organisation who are different people."""

import datetime

import pytest
import vobject

from coffeechat.people.exports import export_people
from coffeechat.people.formats import parse_contacts
from coffeechat.people.imports import import_file
from coffeechat.people.models import Organization, Person, Tag
from tests.factories import OrganizationFactory, PersonFactory

pytestmark = pytest.mark.django_db

HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"


# 6. Duplicates within one file --------------------------------------------------------------------

def test_rows_for_one_person_merge_with_emails_compared_without_case_a_real_name_preferred_and_every_difference_listed(owner):
    data = ("First Name,Last Name,E-mail 1 - Value,E-mail 2 - Value,Organization Name,Organization Title,Labels\r\n"
            "ines@example.org,,Ines@Example.org,,Atelier Nord,Designer,\r\n"
            "Inès,Moreau,ines@example.org,INES@EXAMPLE.ORG,Atelier Nord,Lead Designer,Mentors\r\n").encode()
    plan, _ = import_file(owner, data)
    [person] = Person.objects.for_user(owner)
    assert (person.first_name, person.last_name, person.emails) == ("Inès", "Moreau", ["Ines@Example.org"])
    assert person.title == "Designer" and [t.name for t in person.tags.all()] == ["Mentors"]
    assert [(c["row"], c["field"], c["kept"], c["file"]) for c in plan.conflicts] == [(3, "title", "Designer", "Lead Designer")]
    assert [(p.row, p.skipped) for p in plan.problems] == [(3, True)]


# 12. Namesakes at one organisation ------------------------------------------------------------------

def test_namesakes_with_different_profiles_or_emails_are_never_merged_but_listed_as_possible_duplicates(owner):
    data = (HEADER
            + "Wei,Zhang,https://www.linkedin.com/in/wei-zhang-1,,Contoso,Engineer,09 Oct 2024\r\n"
            + "Wei,Zhang,https://www.linkedin.com/in/wei-zhang-2,,Contoso,Designer,10 Oct 2024\r\n"
            + "Wei,Zhang,,wei.a@example.com,Contoso,Analyst,11 Oct 2024\r\n").encode()
    plan, _ = import_file(owner, data)
    assert plan.summary["new"] == 3 and Person.objects.for_user(owner).count() == 3
    # Row 4 has no profile and could be either Wei Zhang: a guess, so a new person and two possible duplicates.
    assert [d["row"] for d in plan.possible_duplicates] == [3, 4, 4]
    assert "different LinkedIn profile" in plan.possible_duplicates[0]["reason"]
    assert "more than one person" in plan.possible_duplicates[1]["reason"]
    # Both already known now: a second file of the same profiles matches each to its own person.
    again, _ = import_file(owner, data)
    assert (again.summary["new"], again.summary["matched"]) == (0, 3)
    # Two people with one name at one organisation and different emails are two people too.
    emails = (b"First Name,Last Name,E-mail 1 - Value,Organization Name\r\n"
              b"Priya,Shah,priya.s@fabrikam.example,Fabrikam\r\nPriya,Shah,p.shah@fabrikam.example,Fabrikam\r\n")
    plan, _ = import_file(owner, emails)
    assert plan.summary["new"] == 2 and plan.details["possible_duplicates"] == 1
    assert "different email addresses" in plan.possible_duplicates[0]["reason"]


def test_a_namesake_already_known_with_another_profile_is_a_new_person(owner):
    org = OrganizationFactory(owner=owner, name="Contoso")
    PersonFactory(owner=owner, first_name="Wei", last_name="Zhang", organization=org, emails=[],
                  linkedin_url="https://www.linkedin.com/in/wei-zhang-1")
    PersonFactory(owner=owner, first_name="Sam", last_name="Lee", organization=org, emails=[], linkedin_url="")
    data = (HEADER + "Wei,Zhang,https://www.linkedin.com/in/wei-zhang-9,,Contoso,Engineer,09 Oct 2024\r\n"
            + "Sam,Lee,https://www.linkedin.com/in/sam-lee,,Contoso,Engineer,09 Oct 2024\r\n").encode()
    plan, _ = import_file(owner, data)
    assert (plan.summary["new"], plan.summary["matched"]) == (1, 1)   # Sam had no profile yet: the same Sam
    assert [d["person"] for d in plan.possible_duplicates] == ["Wei Zhang"]
    assert Person.objects.get(owner=owner, last_name="Lee").linkedin_url == "https://www.linkedin.com/in/sam-lee"


# 7. Company cards ----------------------------------------------------------------------------------

def test_a_company_card_becomes_an_organisation_with_its_web_address(owner):
    data = (b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:;;;;\r\nFN:Fjord Robotics AG\r\nORG:Fjord Robotics AG;\r\n"
            b"item1.URL:https\\://fjord.example\r\nX-ABShowAs:COMPANY\r\nEND:VCARD\r\n")
    plan, _ = import_file(owner, data)
    assert plan.summary["new"] == 0 and plan.details["organizations"] == 1
    assert not Person.objects.for_user(owner).exists()
    org = Organization.objects.get(owner=owner)
    assert (org.name, org.website) == ("Fjord Robotics AG", "https://fjord.example")


# 8. Middle names -------------------------------------------------------------------------------------

def test_middle_names_are_stored_shown_and_exported(owner):
    card = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Hopper;Grace;Brewster Murray;;\r\nFN:Grace Hopper\r\nEND:VCARD\r\n"
    import_file(owner, card.encode())
    person = Person.objects.get(owner=owner)
    assert person.middle_name == "Brewster Murray" and person.display_name == "Grace Brewster Murray Hopper"
    exported = vobject.readOne(export_people(owner, "vcf"))
    assert exported.n.value.additional == "Brewster Murray"


# 10. Email-only people, and our own files back in -------------------------------------------------------

def test_an_email_only_person_survives_a_vcard_round_trip_without_a_name(owner, second_user):
    PersonFactory(owner=owner, first_name="", last_name="", emails=["pat@example.org"])
    import_file(second_user, export_people(owner, "vcf").encode())
    person = Person.objects.get(owner=second_user)
    assert (person.first_name, person.last_name, person.emails) == ("", "", ["pat@example.org"])


def _people(user):
    return [
        (p.first_name, p.middle_name, p.last_name, p.emails, p.phones, p.organization.name if p.organization else "",
         p.title, p.linkedin_url, p.links, p.location, sorted(t.name for t in p.tags.all()), p.connected_on, p.research)
        for p in Person.objects.for_user(user).select_related("organization").prefetch_related("tags").order_by("last_name")
    ]


@pytest.fixture
def varied_people(owner):
    org = OrganizationFactory(owner=owner, name="Haddad, Fares & Co")
    mentors = Tag.objects.create(owner=owner, name="Mentors")
    rows = [
        dict(first_name='James "Tyler"', middle_name="Q", last_name="Whitfield", emails=["jt@example.com", "j.t@example.org"],
             phones=["+1 416 555 0199", "-5"], organization=org, title="=SUM(A1)", linkedin_url="https://www.linkedin.com/in/jtw",
             links=["https://jtw.example/blog"], location="Toronto, ON", connected_on=datetime.date(2021, 9, 16),
             research="Line one\nLine two; with a semicolon, and a comma"),
        dict(first_name="", last_name="", emails=["pat@example.org"]),
        dict(first_name="Zoë", last_name="Kowalczyk", emails=[], title="@home", location="Kraków"),
    ]
    for row in rows:
        person = PersonFactory(owner=owner, **row)
        if row.get("organization"):
            person.tags.add(mentors)


@pytest.mark.parametrize("fmt", ["csv", "vcf"])
def test_our_exports_import_back_with_nothing_lost_or_duplicated(owner, second_user, varied_people, fmt):
    exported = export_people(owner, fmt).encode()
    plan, _ = import_file(second_user, exported)
    assert plan.problems == [] and plan.summary["new"] == 3
    assert _people(second_user) == _people(owner)
    again, _ = import_file(owner, exported)
    assert (again.summary["new"], again.summary["matched"], again.summary["updated"], again.conflicts) == (0, 3, 0, [])


def test_our_csv_is_recognised_as_ours():
    from coffeechat.people.formats import write_csv
    from coffeechat.people.formats.records import ContactRecord

    assert parse_contacts(write_csv([ContactRecord(row=0, first_name="Ada", emails=["a@example.org"])]).encode()).format == "coffeechat"


def test_a_file_of_company_cards_can_be_previewed_and_imported_on_the_web(owner_client, owner):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from coffeechat.people.models import ImportBatch

    card = b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:;;;;\r\nFN:Lakeside Clinic\r\nORG:Lakeside Clinic\r\nX-ABShowAs:COMPANY\r\nEND:VCARD\r\n"
    upload = owner_client.post(reverse("people:import"), {"file": SimpleUploadedFile("c.vcf", card), "format": "auto"})
    preview = owner_client.get(upload["Location"]).content.decode()
    assert "Company cards" in preview and "Lakeside Clinic" in preview and "disabled" not in preview.split("confirm-import")[1].split("</form>")[0]
    batch = ImportBatch.objects.get(owner=owner)
    owner_client.post(reverse("people:import-confirm", args=[batch.pk]))
    assert Organization.objects.filter(owner=owner, name="Lakeside Clinic").exists() and not Person.objects.for_user(owner).exists()

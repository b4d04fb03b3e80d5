"""Every card in the real files from other tools (../shared/fixtures/public/vcard) imports right."""

from pathlib import Path

import pytest

from coffeechat.people.formats import parse_contacts

FIXTURES = Path(__file__).resolve().parents[3] / ".." / "shared" / "fixtures" / "public" / "vcard"
pytestmark = pytest.mark.skipif(not FIXTURES.is_dir(), reason="the shared public fixtures are not next to this checkout")

EXPECTED = {
    "John_Doe_ANDROID.vcf": [
        ("", "", "", ["john.doe@company.com"]), ("", "", "", ["jane.doe@company.com"]),
        ("", "Ñ Ñ Ñ Ñ", "", []), ("", "Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ", "", []),
        ("Ñ Ñ Ñ", "Ñ Ñ", "ÑÑÑÑÑÑÑÑÑÑÑÑ", ["bob@company.com"]), ("", "ÑÑÑÑ", "Ñ" * 44, ["henry@company.com"]),
    ],
    "John_Doe_BLACK_BERRY.vcf": [("john", "Doe", "Acme Solutions", [])],
    "John_Doe_EVOLUTION.vcf": [("John", "Doe", "IBM", ["john.doe@ibm.com"])],
    "John_Doe_GMAIL.vcf": [("John", "Doe", "IBM", ["john.doe@ibm.com"])],
    "John_Doe_IPHONE.vcf": [("John", "Doe", "IBM", ["john.doe@ibm.com"])],
    "John_Doe_LOTUS_NOTES.vcf": [("John", "Doe", "IBM", ["john.doe@ibm.com", "billy_bob@gmail.com"])],
    "John_Doe_MAC_ADDRESS_BOOK.vcf": [("John", "Doe", "IBM", ["john.doe@ibm.com"])],
    "John_Doe_MS_OUTLOOK.vcf": [("John", "Doe", "IBM", ["john.doe@ibm.cm"])],
    "gmail-list.vcf": [("Arnold", "Smith", "", ["asmithk@gmail.com"]), ("Chris", "Beatle", "", ["chrisy55d@yahoo.com"]),
                       ("Doug", "White", "", ["dwhite@gmail.com"])],
    "gmail-single.vcf": [("Greg", "Dartmouth", "TheCompany", ["gdartmouth@hotmail.com"])],
    "outlook-2003.vcf": [("John", "Doe", "Company, The", ["jdoe@hotmail.com"])],
    "outlook-2007.vcf": [("Michael", "Angstadt", "TheCompany", ["mike.angstadt@gmail.com"])],
    "rfc2426-example.vcf": [("Frank", "Dawson", "Lotus Development Corporation", ["Frank_Dawson@Lotus.com", "fdawson@earthlink.net"]),
                            ("Tim", "Howes", "Netscape Communications Corp.", ["howes@netscape.com"])],
    "rfc6350-example.vcf": [("Simon", "Perreault", "Viagenie", ["simon.perreault@viagenie.ca"])],
    "thunderbird-MoreFunctionsForAddressBook-extension.vcf": [
        ("John", "Doe", "TheOrganization", ["doe.john@hotmail.com", "additional-email@company.com", "additional-email1@company.com",
                                            "additional-email2@company.com", "additional-email3@company.com"])],
}


def test_every_fixture_file_is_covered():
    assert sorted(p.name for p in FIXTURES.glob("*.vcf")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_card_has_the_right_name_organisation_and_emails(name):
    result = parse_contacts((FIXTURES / name).read_bytes())
    assert result.format == "vcard" and [p for p in result.problems if p.skipped] == []
    # One real card has a value in its EMAIL line that is not an address: imported, and that line reported.
    assert [(p.row, "is not an email address" in p.reason) for p in result.problems] == (
        [(36, True)] if name == "John_Doe_ANDROID.vcf" else [])
    assert [(r.first_name, r.last_name, r.organization, r.emails) for r in result.records] == EXPECTED[name]


def test_details_beyond_names_come_through():
    [iphone] = parse_contacts((FIXTURES / "John_Doe_IPHONE.vcf").read_bytes()).records
    assert iphone.title == "Money Counter" and "905-555-1234" in iphone.phones and iphone.links == ["http://www.ibm.com"]
    [outlook] = parse_contacts((FIXTURES / "outlook-2003.vcf").read_bytes()).records
    assert outlook.notes.startswith("This is the note field!!\nSecond line\n\nThird line is empty")
    [thunderbird] = parse_contacts((FIXTURES / "thunderbird-MoreFunctionsForAddressBook-extension.vcf").read_bytes()).records
    assert thunderbird.tags == ["category1", "category2", "category3"]

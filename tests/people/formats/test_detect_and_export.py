import pytest

from coffeechat.people.formats import (
    ContactRecord,
    ImportFormatError,
    csv_safe,
    detect_format,
    parse_contacts,
    write_csv,
)


@pytest.mark.parametrize(("text", "expected"), [
    ("Notes:\nblah\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n", "linkedin"),
    ("First Name,Middle Name,Last Name,Labels,E-mail 1 - Label,E-mail 1 - Value\n", "google"),
    ("Name,Given Name,Family Name,Group Membership,E-mail 1 - Type,E-mail 1 - Value\n", "google"),
    ("First Name,Last Name,Job Title,Company,E-mail Address,Business Phone\n", "outlook"),
    ("\n\nBEGIN:VCARD\nVERSION:3.0\nFN:X\nEND:VCARD\n", "vcard"),
])
def test_the_format_comes_from_the_content(text, expected):
    assert detect_format(text) == expected


@pytest.mark.parametrize(("data", "message"), [
    (b"", "empty"),
    (b"   \n\n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not text"),
    (b"PK\x03\x04\x14\x00\x06\x00", "zip"),
    (b"Region,Q1 sales,Q2 sales\nNorth,100,200\n", "does not look like contacts"),
    (b'{"people": []}', "JSON"),
])
def test_files_that_are_not_contacts_are_refused_in_plain_words(data, message):
    with pytest.raises(ImportFormatError, match=message):
        parse_contacts(data)


def test_a_chosen_format_that_does_not_fit_is_refused():
    with pytest.raises(ImportFormatError, match="LinkedIn"):
        parse_contacts(b"First Name,Last Name,Job Title,Company,E-mail Address\nA,B,C,D,a@example.com\n", format="linkedin")
    with pytest.raises(ImportFormatError):
        parse_contacts(b"x", format="pdf")


def test_utf16_files_are_read():
    text = "First Name,Last Name,Job Title,Company,E-mail Address\nÅsa,Berg,Lead,Contoso,asa@example.se\n"
    [asa] = parse_contacts(text.encode("utf-16")).records
    assert (asa.first_name, asa.emails) == ("Åsa", ["asa@example.se"])


@pytest.mark.parametrize(("value", "expected"), [
    ("=HYPERLINK(\"http://evil\")", "'=HYPERLINK(\"http://evil\")"), ("+1 555", "'+1 555"), ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"), ("Ada", "Ada"), ("", ""), ("a=b", "a=b"),
])
def test_csv_cells_cannot_run_as_formulas(value, expected):
    assert csv_safe(value) == expected


def test_the_csv_export_opens_in_excel():
    text = write_csv([ContactRecord(row=0, first_name="Zoë", last_name="=cmd", emails=["a@example.com", "b@example.com"],
                                    notes="line one\nline two", tags=["x", "y"])])
    assert text.startswith("\ufeffFirst Name,Last Name,Emails")
    assert "\r\n" in text and "'=cmd" in text and "a@example.com; b@example.com" in text and '"line one\nline two"' in text

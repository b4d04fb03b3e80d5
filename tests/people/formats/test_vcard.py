import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coffeechat.people.formats import ContactRecord, ImportFormatError, parse_contacts, write_vcards
from coffeechat.people.formats.vcard import fold

OLD_PHONE = (
    b"BEGIN:VCARD\r\nVERSION:2.1\r\n"
    b"N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Kowalczyk;Zo=C3=AB;;;\r\n"
    b"FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Zo=C3=AB Kowalczyk\r\n"
    b"TEL;CELL;PREF:+48 600 100 200\r\n"
    b"NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Spotkanie w =C5=81odzi, kt=C3=B3re =\r\n"
    b"by=C5=82o bardzo dob=\r\n"
    b"re=0D=0Adruga linia\r\n"
    b"EMAIL;INTERNET:zoe@example.pl\r\n"
    b"END:VCARD\r\n"
)
APPLE = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//Apple Inc.//macOS 14//EN\r\n"
    "N:Okafor;Nia;Adaeze;Dr.;\r\nFN:Dr. Nia Adaeze Okafor\r\nORG:Contoso Labs\\, Inc.;Research\r\n"
    "TITLE:Head of Research\\; Data\r\n"
    "item1.EMAIL;type=INTERNET;type=pref:nia@contoso.example\r\nitem1.X-ABLabel:_$!<Other>!$_\r\n"
    "item2.EMAIL;type=INTERNET:nia.okafor@example.org\r\n"
    "item3.URL;type=pref:https\\://www.linkedin.com/in/nia-okafor\r\n"
    "item4.URL:http\\://nia.example.org/talks\r\n"
    "item5.ADR;type=WORK:;;1 Market St;Lagos;;100001;Nigeria\r\n"
    "CATEGORIES:mentors,science\r\n"
    "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/4QBYRXhpZgAATU0AKgAA\r\n AAgAAgESAAMAAAABAAEAAIdpAAQAAAABAAAAJgAAAAAAA6ABAAMAAAABAAEAAKACAAQAAAABAA\r\n"
    "END:VCARD\r\n"
)


def test_quoted_printable_and_charset_from_old_phones():
    [zoe] = parse_contacts(OLD_PHONE).records
    assert (zoe.first_name, zoe.last_name, zoe.emails, zoe.phones) == ("Zoë", "Kowalczyk", ["zoe@example.pl"], ["+48 600 100 200"])
    assert zoe.notes == "Spotkanie w Łodzi, które było bardzo dobre\ndruga linia"


def test_a_fold_inside_a_multibyte_character():
    name = "Małgorzata Wiśniewska-Żółkiewska".encode()
    cut = name.index("Ż".encode()) + 1  # between the two bytes of Ż
    raw = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:" + name[:cut] + b"\r\n " + name[cut:] + b"\r\nEMAIL:m@example.pl\r\nEND:VCARD\r\n"
    [card] = parse_contacts(raw).records
    assert (card.first_name, card.last_name) == ("Małgorzata", "Wiśniewska-Żółkiewska")


def test_apple_groups_escapes_structured_fields_and_photos():
    result = parse_contacts(APPLE.encode())
    [nia] = result.records
    assert (nia.first_name, nia.last_name) == ("Nia", "Okafor")
    assert nia.organization == "Contoso Labs, Inc." and nia.title == "Head of Research; Data"
    assert nia.emails == ["nia@contoso.example", "nia.okafor@example.org"]
    assert nia.linkedin_url == "https://www.linkedin.com/in/nia-okafor" and nia.links == ["http://nia.example.org/talks"]
    assert nia.location == "Lagos, Nigeria" and nia.tags == ["mentors", "science"]


def test_many_cards_iphone_line_ends_and_a_broken_card():
    text = (
        "BEGIN:VCARD\r\r\nVERSION:3.0\r\r\nFN:Ada Lovelace\r\r\nEND:VCARD\r\r\n"
        "BEGIN:VCARD\nVERSION:4.0\nN:;;;;\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:4.0\nFN:Grace Hopper\nEMAIL:grace@example.org\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:4.0\nFN:Never Finished\n"
    )
    result = parse_contacts(text.encode())
    assert [(r.first_name, r.last_name, r.row) for r in result.records] == [("Ada", "Lovelace", 1), ("Grace", "Hopper", 9)]
    assert [(p.row, p.reason) for p in result.problems] == [
        (5, "a card with no name and no email address"), (14, "this card has no END:VCARD line; it was left out"),
    ]


def test_a_vcard_without_cards_is_refused():
    with pytest.raises(ImportFormatError):
        parse_contacts(b"hello", format="vcard")


def test_folding_never_exceeds_75_octets_or_splits_a_character():
    line = "NOTE:" + "Żółć " * 40
    folded = fold(line)
    for part in folded.split(b"\r\n")[:-1]:
        assert len(part) <= 75
        part.decode("utf-8")  # each physical line is valid UTF-8 on its own
    assert folded.replace(b"\r\n ", b"").decode() == line + "\r\n"


names = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters=" \"'“”‘’«»"), min_size=1, max_size=20)
printable = st.characters(blacklist_categories=("Cs", "Cc"))
prose = st.text(st.one_of(printable, st.just("\n")), max_size=80)
tags = st.lists(st.text(st.characters(whitelist_categories=("L", "N")), min_size=1, max_size=12), max_size=3, unique_by=str.lower)


@settings(max_examples=60, deadline=None)
@given(first=names, last=names, org=st.text(printable, max_size=30), note=prose, tags=tags,
       email=st.emails(), day=st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2030, 1, 1)))
def test_our_vcard_export_reimports_losslessly(first, last, org, note, tags, email, day):
    from coffeechat.people.formats.records import clean

    original = ContactRecord(row=1, first_name=clean(first), last_name=clean(last), organization=clean(org),
                             emails=[email], title="Analyst; Data, Ops", notes=note.replace("\r", "").strip(), tags=[clean(t) for t in tags if clean(t)],
                             linkedin_url="https://www.linkedin.com/in/someone", links=["https://example.org/a,b"],
                             location="Montréal, QC, Canada", phones=["+1 514 555 0100"], connected_on=day)
    if not (original.first_name or original.last_name):
        return
    [back] = parse_contacts(write_vcards([original]).encode()).records
    for field in ("first_name", "last_name", "organization", "emails", "title", "notes", "tags", "linkedin_url",
                  "links", "location", "phones", "connected_on"):
        assert getattr(back, field) == getattr(original, field), field


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_are_refused_cleanly_or_read(data):
    try:
        parse_contacts(data)
    except ImportFormatError:
        pass

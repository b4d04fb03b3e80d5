"""The kinds of file that real exports are (issue 16): each test holds a small file written here
that reproduces one kind of failure seen on real contact files."""

import codecs
import datetime

import pytest

from coffeechat.people.formats import parse_contacts

HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"


def linkedin(*rows: str) -> bytes:
    return (HEADER + "".join(r + "\r\n" for r in rows)).encode()


# 1. Quotes inside names ------------------------------------------------------------------

def test_quotes_inside_names_are_kept_exactly_and_offered_as_the_nickname():
    result = parse_contacts(linkedin(
        '"James ""Tyler""",Whitfield,https://www.linkedin.com/in/jtw,,Acme,Engineer,09 Oct 2024',
        'Michel "Mike",Arsenault,https://www.linkedin.com/in/mike-a,,Acme,Engineer,09 Oct 2024',
        '"Nora",O\'Leary,https://www.linkedin.com/in/noleary,,Acme,Engineer,09 Oct 2024',
    ))
    names = [(r.first_name, r.last_name, r.nickname) for r in result.records]
    assert names == [('James "Tyler"', "Whitfield", "Tyler"), ('Michel "Mike"', "Arsenault", "Mike"),
                     ("Nora", "O'Leary", "")]


def test_a_google_nickname_column_and_quoted_nickname_in_a_vcard():
    google = (b"First Name,Middle Name,Last Name,Nickname,E-mail 1 - Value,Labels\r\n"
              b"Rosalind,Elsie,Franklin,Ros,rf@example.org,* myContacts\r\n")
    [record] = parse_contacts(google).records
    assert (record.first_name, record.middle_name, record.last_name, record.nickname) == ("Rosalind", "Elsie", "Franklin", "Ros")
    card = 'BEGIN:VCARD\r\nVERSION:3.0\r\nN:Ortiz;Beatriz "Bea";;;\r\nFN:Beatriz "Bea" Ortiz\r\nEND:VCARD\r\n'
    [record] = parse_contacts(card.encode()).records
    assert (record.first_name, record.nickname) == ('Beatriz "Bea"', "Bea")


# 2. Dates written by Excel and LibreOffice -----------------------------------------------

@pytest.mark.parametrize(("written", "expected"), [
    ("23-Apr-23", "2023-04-23"), ("5-Jan-26", "2026-01-05"), ("16.09.2021", "2021-09-16"),
    ("09/16/2021", "2021-09-16"), ("2021-09-16", "2021-09-16"), ("2021/09/16", "2021-09-16"),
    ("16-Sep-2021", "2021-09-16"), ("Sep 16, 2021", "2021-09-16"), ("16 September 2021", "2021-09-16"),
    ("16. September 2021", "2021-09-16"), ("16 de septiembre de 2021", "2021-09-16"), ("16-sept.-21", "2021-09-16"),
    ("9/16/21", "2021-09-16"), ("2021-09-16 00:00:00", "2021-09-16"), ("44455", "2021-09-16"),
])
def test_re_saved_dates_are_read(written, expected):
    [record] = parse_contacts(linkedin(f"Ada,Lovelace,https://www.linkedin.com/in/ada,,Acme,Engineer,\"{written}\"")).records
    assert record.connected_on == datetime.date.fromisoformat(expected)


def test_a_file_of_day_first_dates_reads_every_ambiguous_one_day_first():
    result = parse_contacts(linkedin(
        "Ada,Lovelace,https://www.linkedin.com/in/ada,,Acme,Engineer,03/04/2021",
        "Omar,Haddad,https://www.linkedin.com/in/omar,,Acme,Engineer,16/09/2021",
    ))
    assert [r.connected_on for r in result.records] == [datetime.date(2021, 4, 3), datetime.date(2021, 9, 16)]


def test_a_date_that_cannot_be_read_is_reported_on_its_row_and_the_person_still_imported():
    result = parse_contacts(linkedin(
        "Ada,Lovelace,https://www.linkedin.com/in/ada,,Acme,Engineer,sometime in spring",
        "Omar,Haddad,https://www.linkedin.com/in/omar,,Acme,Engineer,31/02/2021",
    ))
    assert [r.connected_on for r in result.records] == [None, None]
    assert [(p.row, p.skipped) for p in result.problems] == [(2, False), (3, False)]
    assert "sometime in spring" in result.problems[0].reason and "Connected on" in result.problems[0].reason


# 3. Encodings and separators ---------------------------------------------------------------

def test_a_utf8_file_with_a_few_windows_1252_lines_is_read_line_by_line():
    data = (HEADER.encode()
            + "João,Silva,https://www.linkedin.com/in/joao,,Café Lumière,Geschäftsführer,09 Oct 2024\r\n".encode()
            + "Zoë,Müller,https://www.linkedin.com/in/zoe,,Société Générale,Analyste,09 Oct 2024\r\n".encode("cp1252")
            + "Łukasz,Żółw,https://www.linkedin.com/in/lukasz,,Kraków Labs,Inżynier,09 Oct 2024\r\n".encode())
    records = parse_contacts(data).records
    assert [(r.first_name, r.last_name, r.organization, r.title) for r in records] == [
        ("João", "Silva", "Café Lumière", "Geschäftsführer"),
        ("Zoë", "Müller", "Société Générale", "Analyste"),
        ("Łukasz", "Żółw", "Kraków Labs", "Inżynier"),
    ]


def test_a_whole_file_in_a_legacy_encoding_is_read_in_it():
    western = linkedin("Hélène,Béland,https://www.linkedin.com/in/hb,,Crème Brûlée SA,Directrice,09 Oct 2024").decode().encode("cp1252")
    assert parse_contacts(western).records[0].organization == "Crème Brûlée SA"
    outlook_zh = ("名,姓,公司,职务,电子邮件地址,移动电话\r\n张,伟,北京咨询有限公司,工程师,zhang.wei@example.cn,+86 10 5555 0100\r\n"
                  "李,娜,上海设计公司,设计师,li.na@example.cn,\r\n").encode("gb18030")
    records = parse_contacts(outlook_zh).records
    assert [(r.first_name, r.last_name, r.organization) for r in records] == [("张", "伟", "北京咨询有限公司"), ("李", "娜", "上海设计公司")]


def test_a_semicolon_separated_csv_from_a_european_excel():
    data = ("Vorname;Nachname;Firma;Position;E-Mail-Adresse;Mobiltelefon\r\n"
            "Jürgen;Schäfer;Bäckerei Schäfer GmbH;Inhaber;js@example.de;+49 30 5555 0101\r\n").encode("utf-8-sig")
    result = parse_contacts(data)
    assert result.format == "outlook"
    [record] = result.records
    assert (record.first_name, record.organization, record.title, record.emails) == ("Jürgen", "Bäckerei Schäfer GmbH", "Inhaber", ["js@example.de"])


# 4. UTF-16 vCards without a byte-order mark ---------------------------------------------------

CARD = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Nakamura;Aiko;;;\r\nFN:Aiko Nakamura\r\nORG:Kōbō Design\r\nEMAIL:aiko@example.jp\r\nEND:VCARD\r\n"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-16"])
def test_utf16_vcards_with_or_without_a_byte_order_mark(encoding):
    [record] = parse_contacts(CARD.encode(encoding)).records
    assert (record.first_name, record.last_name, record.organization, record.emails) == ("Aiko", "Nakamura", "Kōbō Design", ["aiko@example.jp"])


def test_binary_is_still_refused():
    from coffeechat.people.formats import ImportFormatError

    with pytest.raises(ImportFormatError, match="not text"):
        parse_contacts(bytes(range(256)) * 40)
    assert codecs  # the module is used by the parametrised names above


# 5. Google's system groups are not tags ----------------------------------------------------------

def test_google_system_groups_are_not_tags_but_the_users_own_labels_are():
    data = (b"First Name,Last Name,E-mail 1 - Value,Labels\r\n"
            b"Ada,Lovelace,ada@example.org,* myContacts ::: * starred ::: Mentors\r\n"
            b"Omar,Haddad,omar@example.org,myContacts ::: starred ::: Alumni Evening\r\n")
    assert [r.tags for r in parse_contacts(data).records] == [["Mentors"], ["Alumni Evening"]]
    legacy = (b"Name,Given Name,Family Name,Group Membership,E-mail 1 - Type,E-mail 1 - Value\r\n"
              b"Ada Lovelace,Ada,Lovelace,* My Contacts ::: System Group: Friends ::: Book Club,* Work,ada@example.org\r\n")
    assert parse_contacts(legacy).records[0].tags == ["Book Club"]
    card = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nN:Lovelace;Ada;;;\r\nCATEGORIES:myContacts,starred,Mentors\r\nEND:VCARD\r\n"
    assert parse_contacts(card.encode()).records[0].tags == ["Mentors"]


# 7. Company cards ----------------------------------------------------------------------------

def test_an_apple_company_card_is_an_organisation_not_a_person():
    data = (b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:;;;;\r\nFN:Fjord Robotics AG\r\nORG:Fjord Robotics AG;\r\n"
            b"item1.URL:https\\://fjord.example\r\nX-ABShowAs:COMPANY\r\nEND:VCARD\r\n"
            b"BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:org\r\nFN:Lakeside Clinic\r\nEND:VCARD\r\n"
            b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Ng;Lena;;;\r\nFN:Lena Ng\r\nORG:Fjord Robotics AG\r\nEND:VCARD\r\n")
    records = parse_contacts(data).records
    assert [(r.kind, r.organization, r.first_name) for r in records] == [
        ("organization", "Fjord Robotics AG", ""), ("organization", "Lakeside Clinic", ""), ("person", "Fjord Robotics AG", "Lena")]


# 8. Middle names ---------------------------------------------------------------------------------

def test_middle_names_from_google_outlook_and_vcard():
    google = "First Name,Additional Name,Last Name,E-mail 1 - Value,Labels\r\nMary,Ann,Okoye,mao@example.org,\r\n"
    outlook = "First Name,Middle Name,Last Name,Company,Job Title,E-mail Address\r\nJohn,Quincy,Adams,Acme,Clerk,jqa@example.org\r\n"
    card = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Hopper;Grace;Brewster Murray;;\r\nFN:Grace Hopper\r\nEND:VCARD\r\n"
    assert parse_contacts(google.encode()).records[0].middle_name == "Ann"
    assert parse_contacts(outlook.encode()).records[0].middle_name == "Quincy"
    assert parse_contacts(card.encode()).records[0].middle_name == "Brewster Murray"


# 9. Thunderbird, Coffeechat's own CSV, localised Outlook ----------------------------------------

THUNDERBIRD = (
    "First Name,Last Name,Display Name,Nickname,Primary Email,Secondary Email,Screen Name,Work Phone,Home Phone,"
    "Fax Number,Pager Number,Mobile Number,Home Address,Home Address 2,Home City,Home State,Home ZipCode,Home Country,"
    "Work Address,Work Address 2,Work City,Work State,Work ZipCode,Work Country,Job Title,Department,Organization,"
    "Web Page 1,Web Page 2,Birth Year,Birth Month,Birth Day,Custom 1,Custom 2,Custom 3,Custom 4,Notes,\r\n"
    "Ingrid,Solberg,Ingrid Solberg,Inge,ingrid@fjord.example,i.solberg@mail.example,,+47 22 55 01 00,,,,+47 900 00 000,"
    ",,,,,,,,Bergen,,,Norway,Lab Manager,,Fjord Robotics,https://fjord.example/ingrid,,,,,,,,,Met at the robotics fair,\r\n"
    ",,Kwame Mensah,,kwame@example.gh,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,\r\n"
)


def test_thunderbird_csv():
    result = parse_contacts(THUNDERBIRD.encode())
    assert result.format == "thunderbird"
    ingrid, kwame = result.records
    assert (ingrid.first_name, ingrid.last_name, ingrid.nickname, ingrid.organization, ingrid.title) == (
        "Ingrid", "Solberg", "Inge", "Fjord Robotics", "Lab Manager")
    assert ingrid.emails == ["ingrid@fjord.example", "i.solberg@mail.example"]
    assert ingrid.phones == ["+47 22 55 01 00", "+47 900 00 000"] and ingrid.links == ["https://fjord.example/ingrid"]
    assert ingrid.location == "Bergen, Norway" and ingrid.notes == "Met at the robotics fair"
    assert (kwame.first_name, kwame.last_name, kwame.emails) == ("Kwame", "Mensah", ["kwame@example.gh"])


OUTLOOK_HEADERS = {
    "fr": ("Titre,Prénom,Deuxième prénom,Nom,Suffixe,Société,Service,Fonction,Adresse de messagerie,"
           "Téléphone mobile,Catégories,Notes"),
    "de": ("Anrede,Vorname,Weitere Vornamen,Nachname,Suffix,Firma,Abteilung,Position,E-Mail-Adresse,"
           "Mobiltelefon,Kategorien,Notizen"),
    "es": ("Tratamiento,Nombre,Segundo nombre,Apellidos,Sufijo,Organización,Departamento,Puesto,"
           "Dirección de correo electrónico,Teléfono móvil,Categorías,Notas"),
    "zh": "称谓,名,中间名,姓,后缀,公司,部门,职务,电子邮件地址,移动电话,类别,附注",
}


@pytest.mark.parametrize("language", sorted(OUTLOOK_HEADERS))
def test_localised_outlook_exports(language):
    data = (OUTLOOK_HEADERS[language] + "\r\n,Amélie,Rose,Durand,,Atelier Nord,Design,Cheffe de projet,"
            "amelie@atelier.example,+33 6 55 55 01 01,Mentors,Rencontrée au salon\r\n").encode("utf-8-sig")
    result = parse_contacts(data)
    assert result.format == "outlook"
    [r] = result.records
    assert (r.first_name, r.middle_name, r.last_name, r.organization, r.title, r.emails, r.phones, r.tags, r.notes) == (
        "Amélie", "Rose", "Durand", "Atelier Nord", "Cheffe de projet", ["amelie@atelier.example"],
        ["+33 6 55 55 01 01"], ["Mentors"], "Rencontrée au salon")


# 10. Email-only contacts ---------------------------------------------------------------------------

def test_a_card_whose_name_is_its_email_address_has_no_name():
    card = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:;;;;\r\nFN:pat@example.org\r\nEMAIL:pat@example.org\r\nEND:VCARD\r\n"
    [record] = parse_contacts(card.encode()).records
    assert (record.first_name, record.last_name, record.emails) == ("", "", ["pat@example.org"])
    google = "Name,Given Name,Family Name,E-mail 1 - Value,Group Membership\r\nlee@example.org,,,lee@example.org,\r\n"
    [record] = parse_contacts(google.encode()).records
    assert (record.first_name, record.emails) == ("", ["lee@example.org"])


def test_a_value_in_an_email_column_that_is_not_an_address_is_reported_on_its_row():
    data = (b"First Name,Last Name,E-mail 1 - Value,E-mail 2 - Value,Labels\r\n"
            b"Ada,Lovelace,ada@example.org,call me maybe,\r\n")
    result = parse_contacts(data)
    assert result.records[0].emails == ["ada@example.org"]
    assert [(p.row, p.skipped, p.reason) for p in result.problems] == [
        (2, False, "“call me maybe” is not an email address; it was left out")]
    hidden = parse_contacts(linkedin("Ada,Lovelace,https://www.linkedin.com/in/ada,urn:li:member:123,Acme,Engineer,09 Oct 2024"))
    assert hidden.problems == []

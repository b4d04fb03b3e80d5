import datetime

import pytest

from coffeechat.people.formats import ImportFormatError, parse_contacts
from coffeechat.people.formats.linkedin import parse_date

PREAMBLE = (
    "Notes:\r\n"
    '"When exporting your connection data, you may notice that some of the email addresses are missing. '
    'You will only see email addresses for connections who have allowed their connections to see or download it."\r\n'
    "\r\n"
)
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"


def parse(text: str, **kw):
    return parse_contacts(text.encode("utf-8"), **kw)


def test_the_current_export_with_preamble_bom_and_crlf():
    text = "\ufeff" + PREAMBLE + HEADER + (
        "Hélène,Béland,https://www.linkedin.com/in/helene-beland,helene@northwind.example,Northwind Health,Nurse Practitioner,09 Oct 2024\r\n"
        'Omar,Haddad,https://www.linkedin.com/in/omar-haddad,,"Haddad, Fares & Co","Architect, Partner",12 Jan 2023\r\n'
    )
    result = parse(text)
    assert result.format == "linkedin" and result.problems == []
    helene, omar = result.records
    assert (helene.row, helene.first_name, helene.last_name, helene.emails) == (5, "Hélène", "Béland", ["helene@northwind.example"])
    assert (helene.organization, helene.title, helene.connected_on) == ("Northwind Health", "Nurse Practitioner", datetime.date(2024, 10, 9))
    assert helene.linkedin_url == "https://www.linkedin.com/in/helene-beland"
    assert (omar.row, omar.organization, omar.title, omar.emails) == (6, "Haddad, Fares & Co", "Architect, Partner", [])


def test_no_preamble_lf_and_a_longer_preamble_are_all_found_by_content():
    body = "Ada,Lovelace,https://www.linkedin.com/in/ada,,Engines,Analyst,01 Feb 2022\n"
    plain = parse(HEADER.replace("\r\n", "\n") + body)
    long_preamble = parse("Notes:\nline one, with a comma\n\"quoted, too\"\nmore\n\nFirst Name is a phrase here\n\n" + HEADER + body)
    assert [r.first_name for r in plain.records] == ["Ada"] == [r.first_name for r in long_preamble.records]
    assert plain.records[0].row == 2 and long_preamble.records[0].row == 9


def test_the_older_layout_without_url_and_with_slashed_dates():
    text = 'First Name,Last Name,Email Address,Company,Position,Connected On\n"Grace","Hopper",grace@navy.example,US Navy,Rear Admiral,"1/8/18, 6:14 PM"\n'
    [grace] = parse(text).records
    assert (grace.first_name, grace.connected_on, grace.linkedin_url) == ("Grace", datetime.date(2018, 1, 8), "")


def test_tab_separated():
    text = "First Name\tLast Name\tURL\tEmail Address\tCompany\tPosition\tConnected On\nZoë\tKowalczyk\t\t\tFabrikam\tData Analyst\t01 Feb 2022\n"
    [zoe] = parse(text).records
    assert (zoe.first_name, zoe.organization) == ("Zoë", "Fabrikam")


@pytest.mark.parametrize(
    ("header", "date", "expected"),
    [
        ("Prénom,Nom,URL,Adresse e-mail,Entreprise,Poste,Date de connexion", "09 oct. 2024", datetime.date(2024, 10, 9)),
        ("Vorname,Nachname,URL,E-Mail-Adresse,Unternehmen,Position,Verbunden am", "09 Okt. 2024", datetime.date(2024, 10, 9)),
        ("Nombre,Apellidos,URL,Dirección de correo electrónico,Empresa,Cargo,Fecha de conexión", "09 dic 2024", datetime.date(2024, 12, 9)),
        ("Nome,Sobrenome,URL,Endereço de e-mail,Empresa,Cargo,Conectado em", "09 de mai de 2024", datetime.date(2024, 5, 9)),
        ("Nome,Cognome,URL,Indirizzo email,Azienda,Posizione,Data di collegamento", "09 giu 2024", datetime.date(2024, 6, 9)),
        ("Voornaam,Achternaam,URL,E-mailadres,Bedrijf,Functie,Verbonden op", "09 mrt 2024", datetime.date(2024, 3, 9)),
    ],
    ids=["fr", "de", "es", "pt", "it", "nl"],
)
def test_headers_in_other_languages(header, date, expected):
    text = f"{header}\nAna,Silva,https://www.linkedin.com/in/ana-silva,ana@example.pt,Contoso,Engenheira,{date}\n"
    result = parse(text)
    assert result.format == "linkedin"
    [ana] = result.records
    assert (ana.first_name, ana.last_name, ana.emails, ana.organization, ana.connected_on) == ("Ana", "Silva", ["ana@example.pt"], "Contoso", expected)


def test_messy_names_percent_encoded_urls_member_ids_and_rows_without_names():
    text = HEADER + (
        '"  Jérôme\t", " O\'Brien 🚀 ",https://www.linkedin.com/in/j%C3%A9r%C3%B4me-obrien-12345/?trk=x,urn:li:member:98765,Acme,,09 Oct 2024\n'
        ",,https://www.linkedin.com/in/no-name,,Acme,,09 Oct 2024\n"
        ",,,only@example.com,,,09 Oct 2024\n"
        "Too,Many,https://www.linkedin.com/in/too,,A,B,09 Oct 2024,extra\n"
    )
    result = parse(text)
    jerome, only_email = result.records
    assert (jerome.first_name, jerome.last_name, jerome.emails) == ("Jérôme", "O'Brien 🚀", [])
    assert jerome.linkedin_url == "https://www.linkedin.com/in/jérôme-obrien-12345"
    assert only_email.emails == ["only@example.com"]
    assert [(p.row, p.reason) for p in result.problems] == [
        (3, "no name and no email address"), (5, "has 8 columns where the header has 7 (an unquoted comma?)"),
    ]


def test_an_unterminated_quote_refuses_the_whole_file():
    text = HEADER + '"Ada,Lovelace,https://www.linkedin.com/in/ada,,Engines,Analyst,01 Feb 2022\nBob,Smith,,,,,\n'
    with pytest.raises(ImportFormatError, match="quotation mark is not closed"):
        parse(text)


@pytest.mark.parametrize(("value", "expected"), [
    ("09 Oct 2024", datetime.date(2024, 10, 9)), ("1/8/18, 6:14 PM", datetime.date(2018, 1, 8)),
    ("2023-05-01", datetime.date(2023, 5, 1)), ("31 Feb 2024", None), ("someday", None), ("", None),
])
def test_dates(value, expected):
    assert parse_date(value) == expected

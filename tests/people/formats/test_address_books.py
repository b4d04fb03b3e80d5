"""Google Contacts and Outlook CSV exports."""

from coffeechat.people.formats import parse_contacts

GOOGLE = (
    "First Name,Middle Name,Last Name,Phonetic First Name,Nickname,File As,Organization Name,Organization Title,Notes,Labels,"
    "E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value,E-mail 3 - Label,E-mail 3 - Value,"
    "Phone 1 - Label,Phone 1 - Value,Address 1 - City,Address 1 - Region,Address 1 - Country,Website 1 - Label,Website 1 - Value\n"
    "Priya,,Shah,,,,Northwind Health,Director of Nursing,Met at the 2024 conference,* myContacts ::: Mentors ::: Nursing,"
    "* Work,priya@northwind.example,Home,priya.shah@example.com ::: priya@old.example,,,"
    "Mobile,+1 416 555 0100,Toronto,ON,Canada,Profile,https://www.linkedin.com/in/priya-shah\n"
    ",,,,,,,,,* myContacts,,,,,,,,,,,,,\n"
)
GOOGLE_LEGACY = (
    "Name,Given Name,Additional Name,Family Name,Yomi Name,Notes,Group Membership,E-mail 1 - Type,E-mail 1 - Value,"
    "Phone 1 - Type,Phone 1 - Value,Organization 1 - Type,Organization 1 - Name,Organization 1 - Title,Website 1 - Type,Website 1 - Value\n"
    "Kenji Tanaka,Kenji,,Tanaka,,,* My Contacts ::: Alumni,* Home,kenji@example.jp,Mobile,090-1234-5678,,Fabrikam,Engineer,Blog,kenji.example.jp\n"
    "Noor Rahman,,,,,,* My Contacts,,noor@example.com,,,,,,,\n"
)
OUTLOOK = (
    "First Name,Middle Name,Last Name,Title,Suffix,Nickname,E-mail Address,E-mail 2 Address,E-mail 3 Address,"
    "Home Phone,Business Phone,Mobile Phone,Job Title,Department,Company,Business City,Business State,Business Country/Region,Web Page,Notes,Categories\n"
    "Luis,,García,Mr.,,,luis@contoso.example,luis.garcia@example.com,,,+34 91 555 0101,+34 600 555 010,"
    "Product Manager,Research,Contoso,Madrid,,Spain,https://luis.example,Prefers mornings,Mentors;Spain\n"
)
OUTLOOK_FR = (
    "Prénom,Deuxième prénom,Nom,Titre,Suffixe,Société,Service,Fonction,Adresse de messagerie,Téléphone mobile,Notes,Catégories\n"
    "Amélie,,Dubois,Mme,,Contoso France,,Ingénieure,amelie@contoso.example,+33 6 12 34 56 78,,Clients\n"
)


def test_google_current_layout_with_numbered_columns_and_labels():
    result = parse_contacts(GOOGLE.encode())
    assert result.format == "google"
    [priya] = result.records
    assert (priya.first_name, priya.last_name, priya.organization, priya.title) == ("Priya", "Shah", "Northwind Health", "Director of Nursing")
    assert priya.emails == ["priya@northwind.example", "priya.shah@example.com", "priya@old.example"]
    assert priya.phones == ["+1 416 555 0100"] and priya.location == "Toronto, ON, Canada"
    assert priya.tags == ["Mentors", "Nursing"] and priya.linkedin_url == "https://www.linkedin.com/in/priya-shah"
    assert priya.notes == "Met at the 2024 conference"
    assert [(p.row, p.reason) for p in result.problems] == [(3, "no name and no email address")]


def test_google_legacy_layout():
    result = parse_contacts(GOOGLE_LEGACY.encode())
    assert result.format == "google"
    kenji, noor = result.records
    assert (kenji.first_name, kenji.last_name, kenji.organization, kenji.title) == ("Kenji", "Tanaka", "Fabrikam", "Engineer")
    assert kenji.tags == ["Alumni"] and kenji.links == ["https://kenji.example.jp"]
    assert (noor.first_name, noor.last_name, noor.emails) == ("Noor", "Rahman", ["noor@example.com"])


def test_outlook_english_title_is_not_the_job_title():
    result = parse_contacts(OUTLOOK.encode("cp1252"))  # Windows code page, as desktop Outlook writes it
    assert result.format == "outlook"
    [luis] = result.records
    assert (luis.first_name, luis.last_name, luis.title, luis.organization) == ("Luis", "García", "Product Manager", "Contoso")
    assert luis.emails == ["luis@contoso.example", "luis.garcia@example.com"]
    assert luis.phones == ["+34 91 555 0101", "+34 600 555 010"] and luis.location == "Madrid, Spain"
    assert luis.tags == ["Mentors", "Spain"] and luis.links == ["https://luis.example"]


def test_outlook_french_headers():
    [amelie] = parse_contacts(OUTLOOK_FR.encode("utf-8-sig")).records
    assert (amelie.first_name, amelie.last_name, amelie.title, amelie.organization, amelie.emails) == (
        "Amélie", "Dubois", "Ingénieure", "Contoso France", ["amelie@contoso.example"])

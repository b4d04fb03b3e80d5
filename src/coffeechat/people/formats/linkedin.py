"""LinkedIn's Connections.csv, in the shapes real exports have had over the years.

Current: `First Name,Last Name,URL,Email Address,Company,Position,Connected On` with dates
like `09 Oct 2024`, after a "Notes:" preamble. Older: no URL column and dates like
`1/8/18, 6:14 PM`. Exports from LinkedIn set to other languages translate the header.
"""

from coffeechat.people.formats.csvfile import Columns, find_header, rows
from coffeechat.people.formats.dates import day_first, parse_date
from coffeechat.people.formats.records import (
    ContactRecord,
    ImportFormatError,
    ParseResult,
    RowProblem,
    add_email,
    clean,
    date_problem,
    email_problem,
    link_problem,
    linkedin_profile,
)

ALIASES = {
    "first_name": {"first name", "prenom", "vorname", "nombre", "nome", "voornaam", "primeiro nome"},
    "last_name": {"last name", "nom", "nom de famille", "nachname", "apellidos", "apellido", "sobrenome", "cognome", "achternaam"},
    "url": {"url", "profile url", "url du profil", "profil-url", "url del perfil", "url do perfil", "url del profilo", "profiel-url"},
    "email": {
        "email address", "e-mail address", "adresse e-mail", "adresse email", "e-mail-adresse", "e-mail adresse",
        "direccion de correo electronico", "correo electronico", "endereco de e-mail", "endereco de email",
        "indirizzo email", "indirizzo e-mail", "e-mailadres",
    },
    "company": {"company", "entreprise", "societe", "unternehmen", "firma", "empresa", "azienda", "bedrijf"},
    "position": {"position", "poste", "cargo", "posizione", "functie", "funcao", "ruolo"},
    "connected_on": {
        "connected on", "date de connexion", "connecte le", "connecte(e) le", "verbunden am", "vernetzt am",
        "fecha de conexion", "conectado el", "conectado em", "data da conexao", "data di collegamento",
        "collegato il", "connectie gemaakt op", "verbonden op", "verbonden sinds",
    },
}
# What makes a header LinkedIn's: names plus at least two of its own columns.
_OWN = ("url", "company", "position", "connected_on")

def score(keys: list[str]) -> int:
    found = {name for name, names in ALIASES.items() if any(k in names for k in keys)}
    if not {"first_name", "last_name"} <= found:
        return 0
    own = sum(1 for name in _OWN if name in found)
    return len(found) + 1 if own >= 2 else 0


def parse(text: str) -> ParseResult:
    found = find_header(text, score)
    if found is None:
        raise ImportFormatError("This does not look like LinkedIn's Connections.csv: its column headings are missing.")
    header_index, delimiter, header = found
    columns = Columns(header, ALIASES)
    records, problems = [], []
    all_rows = list(rows(text, header_index, delimiter))
    dayfirst = day_first(columns.get(cells, "connected_on") for _, cells in all_rows)
    width = columns.width
    at = {name: columns.index.get(name) for name in ALIASES}

    def get(cells: list[str], name: str) -> str:
        position = at[name]
        return cells[position].strip() if position is not None and position < len(cells) else ""

    for line, cells in all_rows:
        if len(cells) > width and any(c.strip() for c in cells[width:]):
            problems.append(RowProblem(line, f"has {len(cells)} columns where the header has {width} (an unquoted comma?)"))
            continue
        first = clean(get(cells, "first_name"))
        url, date = get(cells, "url"), get(cells, "connected_on")
        record = ContactRecord(
            row=line,
            first_name=first,
            last_name=clean(get(cells, "last_name")),
            organization=clean(get(cells, "company")),
            title=clean(get(cells, "position")),
            linkedin_url=linkedin_profile(url),
            connected_on=parse_date(date, dayfirst=dayfirst),
        )
        email = get(cells, "email")
        bad_email = email and not add_email(record, email) and email_problem(line, email)
        if not record.has_identity:
            problems.append(RowProblem(line, "no name and no email address"))
            continue
        if bad_email:
            problems.append(bad_email)
        if url and not record.linkedin_url:
            problems.append(link_problem(line, url))
        if date and record.connected_on is None:
            problems.append(date_problem(line, date))
        records.append(record)
    return ParseResult("linkedin", records, problems)

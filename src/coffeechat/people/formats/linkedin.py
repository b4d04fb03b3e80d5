"""LinkedIn's Connections.csv, in the shapes real exports have had over the years.

Current: `First Name,Last Name,URL,Email Address,Company,Position,Connected On` with dates
like `09 Oct 2024`, after a "Notes:" preamble. Older: no URL column and dates like
`1/8/18, 6:14 PM`. Exports from LinkedIn set to other languages translate the header.
"""

from operator import itemgetter

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
# The columns a row is read from, in this order.
_READ = ("first_name", "last_name", "url", "email", "company", "position", "connected_on")
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
    all_rows = rows(text, header_index, delimiter)
    dayfirst = day_first(columns.get(cells, "connected_on") for _, cells in all_rows)
    width = columns.width
    positions = [columns.index.get(name) for name in _READ]
    # The cells of a row in _READ's order: one C call when the row reaches every column read.
    pick = itemgetter(*positions) if None not in positions else None
    reach = max(positions) + 1 if pick else width + 1

    def get(cells: list[str]) -> list[str]:
        n = len(cells)
        return [cells[p] if p is not None and p < n else "" for p in positions]

    for line, cells in all_rows:
        n = len(cells)
        if n > width and any(c.strip() for c in cells[width:]):
            problems.append(RowProblem(line, f"has {n} columns where the header has {width} (an unquoted comma?)"))
            continue
        first, last, url, email, company, position, date = pick(cells) if n >= reach else get(cells)
        url, email, date = url.strip(), email.strip(), date.strip()
        record = ContactRecord(
            row=line,
            first_name=clean(first.strip()),
            last_name=clean(last.strip()),
            organization=clean(company.strip()),
            title=clean(position.strip()),
            linkedin_url=linkedin_profile(url),
            connected_on=parse_date(date, dayfirst=dayfirst),
        )
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

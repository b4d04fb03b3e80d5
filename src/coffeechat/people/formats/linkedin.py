"""LinkedIn's Connections.csv, in the shapes real exports have had over the years.

Current: `First Name,Last Name,URL,Email Address,Company,Position,Connected On` with dates
like `09 Oct 2024`, after a "Notes:" preamble. Older: no URL column and dates like
`1/8/18, 6:14 PM`. Exports from LinkedIn set to other languages translate the header.
"""

import datetime
import re

from coffeechat.people.formats.csvfile import Columns, find_header, rows
from coffeechat.people.formats.records import (
    ContactRecord,
    ImportFormatError,
    ParseResult,
    RowProblem,
    add_email,
    clean,
    linkedin_profile,
)
from coffeechat.text import fold

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

MONTHS = {
    "jan": 1, "ene": 1, "gen": 1, "janv": 1,
    "feb": 2, "fev": 2, "fevr": 2, "febr": 2,
    "mar": 3, "mrt": 3, "mrz": 3, "maerz": 3, "marz": 3, "mars": 3, "maart": 3,
    "apr": 4, "avr": 4, "abr": 4,
    "may": 5, "mai": 5, "mei": 5, "mag": 5, "mayo": 5,
    "jun": 6, "juin": 6, "giu": 6, "juni": 6,
    "jul": 7, "juil": 7, "lug": 7, "juli": 7,
    "aug": 8, "aou": 8, "aout": 8, "ago": 8,
    "sep": 9, "sept": 9, "set": 9,
    "oct": 10, "okt": 10, "out": 10, "ott": 10,
    "nov": 11,
    "dec": 12, "dez": 12, "dic": 12,
}
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})\.?\s+(?:de\s+)?([^\W\d_]+)\.?\s+(?:de\s+)?(\d{4})")
_SLASHED = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def score(keys: list[str]) -> int:
    found = {name for name, names in ALIASES.items() if any(k in names for k in keys)}
    if not {"first_name", "last_name"} <= found:
        return 0
    own = sum(1 for name in _OWN if name in found)
    return len(found) + 1 if own >= 2 else 0


def parse_date(value: str) -> datetime.date | None:
    value = fold(value.strip())
    if not value:
        return None
    try:
        if match := _ISO.match(value):
            return datetime.date(int(match[1]), int(match[2]), int(match[3]))
        if match := _DAY_MONTH_YEAR.match(value):
            word = match[2]
            month = MONTHS.get(word) or MONTHS.get(word[:4]) or MONTHS.get(word[:3])
            return datetime.date(int(match[3]), month, int(match[1])) if month else None
        if match := _SLASHED.match(value):
            # LinkedIn's older export writes month/day/year, with a two-digit year.
            year = int(match[3]) + (2000 if len(match[3]) == 2 else 0)
            return datetime.date(year, int(match[1]), int(match[2]))
    except ValueError:
        return None
    return None


def parse(text: str) -> ParseResult:
    found = find_header(text, score)
    if found is None:
        raise ImportFormatError("This does not look like LinkedIn's Connections.csv: its column headings are missing.")
    header_index, delimiter, header = found
    columns = Columns(header, ALIASES)
    records, problems = [], []
    for line, cells in rows(text, header_index, delimiter):
        if len(cells) > columns.width and any(c.strip() for c in cells[columns.width:]):
            problems.append(RowProblem(line, f"has {len(cells)} columns where the header has {columns.width} (an unquoted comma?)"))
            continue
        record = ContactRecord(
            row=line,
            first_name=clean(columns.get(cells, "first_name")),
            last_name=clean(columns.get(cells, "last_name")),
            organization=clean(columns.get(cells, "company")),
            title=clean(columns.get(cells, "position")),
            linkedin_url=linkedin_profile(columns.get(cells, "url")),
            connected_on=parse_date(columns.get(cells, "connected_on")),
        )
        add_email(record, columns.get(cells, "email"))
        if not record.has_identity:
            problems.append(RowProblem(line, "no name and no email address"))
            continue
        records.append(record)
    return ParseResult("linkedin", records, problems)

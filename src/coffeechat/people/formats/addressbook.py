"""What the address-book CSV exports share (Google, Outlook, Thunderbird, Coffeechat's own):
one row builder over named columns."""

import re
from dataclasses import dataclass

from coffeechat.people.formats.csvfile import Columns, find_header, rows
from coffeechat.people.formats.dates import day_first, parse_date
from coffeechat.people.formats.records import (
    ContactRecord,
    ImportFormatError,
    ParseResult,
    RowProblem,
    add_email,
    add_link,
    add_tag,
    add_unique,
    clean,
    clean_text,
    date_problem,
    email_problem,
    join_location,
    link_problem,
    looks_like_email,
    nickname_in,
    split_full_name,
)

MULTI = " ::: "   # Google joins several values in one cell with this
_FORMULA_GUARD = re.compile(r"^'(?=[=+\-@\t\r])")


@dataclass(frozen=True)
class Layout:
    format: str
    label: str                        # for messages: "Google Contacts"
    # first_name, last_name, full_name, middle_name, nickname, organization, title, notes, tags, connected_on, …
    aliases: dict[str, set[str]]
    email: re.Pattern                 # folded header names of email value columns
    phone: re.Pattern
    website: re.Pattern
    location: tuple[str, ...] = ()    # alias names, joined in this order
    tag_separator: str = ";"
    multi: str = MULTI                # several values in one cell
    formula_guard: bool = False       # cells written by our csv_safe: "'=x" stands for "=x"


def _values(cell: str, separator: str) -> list[str]:
    return [v.strip() for v in cell.split(separator) if v.strip()]


def to_record(layout: Layout, columns: Columns, line: int, cells: list[str], *, dayfirst: bool = False):
    """(record, problems with parts of the row that were not understood)."""
    if layout.formula_guard:
        cells = [_FORMULA_GUARD.sub("", c) for c in cells]
    problems: list[RowProblem] = []
    get = lambda name: clean(columns.get(cells, name))  # noqa: E731 - a local shorthand
    first, last, middle = get("first_name"), get("last_name"), get("middle_name")
    full = get("full_name")
    if not (first or last) and full and not looks_like_email(full):
        first, last = split_full_name(full)
    record = ContactRecord(row=line, first_name=first, last_name=last, middle_name=middle,
                           nickname=get("nickname") or nickname_in(first or full), organization=get("organization"),
                           title=get("title"), notes=clean_text(columns.get(cells, "notes")))
    if looks_like_email(full):
        add_email(record, full)
    for cell in columns.matching(cells, layout.email):
        for value in _values(cell, layout.multi):
            if not add_email(record, value) and (problem := email_problem(line, value)):
                problems.append(problem)
    for cell in columns.matching(cells, layout.phone):
        for value in _values(cell, layout.multi):
            add_unique(record.phones, clean(value))
    for cell in columns.matching(cells, layout.website):
        for value in _values(cell, layout.multi):
            if not add_link(record, value):
                problems.append(link_problem(line, value))
    record.location = join_location(*(get(name) for name in layout.location))
    for raw in columns.get(cells, "tags").replace(MULTI, layout.tag_separator).split(layout.tag_separator):
        add_tag(record, raw)
    if date := get("connected_on"):
        record.connected_on = parse_date(date, dayfirst=dayfirst)
        if record.connected_on is None:
            problems.append(date_problem(line, date))
    return record, problems


def score_for(layout: Layout, anchors: set[str]):
    """A header scorer: needs a name column, an email column and one of `anchors` (this layout's own)."""

    def score(keys: list[str]) -> int:
        names = layout.aliases["first_name"] | layout.aliases["last_name"] | layout.aliases.get("full_name", set())
        if not any(k in names for k in keys) or not any(layout.email.fullmatch(k) for k in keys):
            return 0
        own = sum(1 for k in keys if k in anchors)
        return len(keys) + own if own else 0

    return score


def parse(layout: Layout, anchors: set[str], text: str) -> ParseResult:
    found = find_header(text, score_for(layout, anchors))
    if found is None:
        raise ImportFormatError(f"This does not look like a {layout.label} CSV export: its column headings are missing.")
    header_index, delimiter, header = found
    columns = Columns(header, layout.aliases)
    records, problems = [], []
    all_rows = rows(text, header_index, delimiter)
    dayfirst = day_first(columns.get(cells, "connected_on") for _, cells in all_rows)
    for line, cells in all_rows:
        if len(cells) > columns.width and any(c.strip() for c in cells[columns.width:]):
            problems.append(RowProblem(line, f"has {len(cells)} columns where the header has {columns.width}"))
            continue
        try:
            record, notes = to_record(layout, columns, line, cells, dayfirst=dayfirst)
        except (ValueError, IndexError, UnicodeError) as exc:   # a value no rule expected: this row only
            problems.append(RowProblem(line, f"could not be read ({type(exc).__name__}); it was left out"))
            continue
        if not record.has_identity:
            problems.append(RowProblem(line, "no name and no email address"))
            continue
        records.append(record)
        problems.extend(notes)
    return ParseResult(layout.format, records, problems)

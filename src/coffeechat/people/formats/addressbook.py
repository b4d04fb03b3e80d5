"""What Google's and Outlook's CSV exports share: one row builder over named columns."""

import re
from dataclasses import dataclass

from coffeechat.people.formats.csvfile import Columns, find_header, rows
from coffeechat.people.formats.records import (
    ContactRecord,
    ImportFormatError,
    ParseResult,
    RowProblem,
    add_email,
    add_link,
    add_unique,
    clean,
    join_location,
    split_full_name,
)

MULTI = " ::: "   # Google joins several values in one cell with this


@dataclass(frozen=True)
class Layout:
    format: str
    label: str                        # for messages: "Google Contacts"
    aliases: dict[str, set[str]]      # first_name, last_name, full_name, middle_name, organization, title, notes, tags
    email: re.Pattern                 # folded header names of email value columns
    phone: re.Pattern
    website: re.Pattern
    location: tuple[str, ...] = ()    # alias names, joined in this order
    tag_separator: str = ";"
    skip_tags: tuple[str, ...] = ()


def _values(cell: str) -> list[str]:
    return [v.strip() for v in cell.split(MULTI) if v.strip()]


def to_record(layout: Layout, columns: Columns, line: int, cells: list[str]) -> ContactRecord:
    get = lambda name: clean(columns.get(cells, name))  # noqa: E731 - a local shorthand
    first, last = get("first_name"), get("last_name")
    if not (first or last) and get("full_name"):
        first, last = split_full_name(get("full_name"))
    record = ContactRecord(row=line, first_name=first, last_name=last, organization=get("organization"),
                           title=get("title"), notes=columns.get(cells, "notes").strip())
    for cell in columns.matching(cells, layout.email):
        for value in _values(cell):
            add_email(record, value)
    for cell in columns.matching(cells, layout.phone):
        for value in _values(cell):
            add_unique(record.phones, clean(value))
    for cell in columns.matching(cells, layout.website):
        for value in _values(cell):
            add_link(record, value)
    record.location = join_location(*(get(name) for name in layout.location))
    for raw in columns.get(cells, "tags").replace(MULTI, layout.tag_separator).split(layout.tag_separator):
        tag = clean(raw)
        if tag and not tag.startswith(layout.skip_tags):
            add_unique(record.tags, tag[:60], fold_case=True)
    return record


def score_for(layout: Layout, anchors: set[str]):
    """A header scorer: needs a name column, an email column and one of `anchors` (this layout's own)."""

    def score(keys: list[str]) -> int:
        names = layout.aliases["first_name"] | layout.aliases["last_name"] | layout.aliases.get("full_name", set())
        if not any(k in names for k in keys) or not any(layout.email.fullmatch(k) for k in keys):
            return 0
        own = sum(1 for k in keys if k in anchors)
        return len(keys) if own else 0

    return score


def parse(layout: Layout, anchors: set[str], text: str) -> ParseResult:
    found = find_header(text, score_for(layout, anchors))
    if found is None:
        raise ImportFormatError(f"This does not look like a {layout.label} CSV export: its column headings are missing.")
    header_index, delimiter, header = found
    columns = Columns(header, layout.aliases)
    records, problems = [], []
    for line, cells in rows(text, header_index, delimiter):
        if len(cells) > columns.width and any(c.strip() for c in cells[columns.width:]):
            problems.append(RowProblem(line, f"has {len(cells)} columns where the header has {columns.width}"))
            continue
        record = to_record(layout, columns, line, cells)
        if not record.has_identity:
            problems.append(RowProblem(line, "no name and no email address"))
            continue
        records.append(record)
    return ParseResult(layout.format, records, problems)

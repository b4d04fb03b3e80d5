"""vCard 2.1, 3.0 and 4.0 in, vCard 3.0 out.

Real files are messier than the RFCs: Android and Outlook write quoted-printable values
with soft line breaks and CHARSET parameters, iPhone exports end lines with CR CR LF,
folds may fall inside a multi-byte character, Apple groups properties (item1.EMAIL) and
escapes colons in URLs. vobject refuses several of these, so cards are read here: the
bytes are unfolded first, then each property is decoded on its own, and a broken card
is reported by its line without losing the rest of the file.
"""

import datetime
import quopri
import re

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
    split_full_name,
)

BINARY = {"PHOTO", "LOGO", "SOUND", "KEY"}
CONNECTED_ON = "X-COFFEECHAT-CONNECTED-ON"
_PROPERTY = re.compile(rb"^(?:([A-Za-z0-9-]+)\.)?([A-Za-z0-9-]+)((?:;[^:]*)?):(.*)$", re.S)


# ---- reading ----------------------------------------------------------------------------

def _logical_lines(data: bytes) -> list[tuple[int, bytes]]:
    """(first physical line number, unfolded line), unfolding RFC folds and QP soft breaks."""
    data = data.replace(b"\r\r\n", b"\n").replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    logical: list[list] = []
    for number, line in enumerate(data.split(b"\n"), 1):
        if logical and logical[-1][1].endswith(b"=") and b"QUOTED-PRINTABLE" in logical[-1][1].split(b":", 1)[0].upper():
            # A quoted-printable soft line break; some writers also indent the next line.
            logical[-1][1] = logical[-1][1][:-1] + (line[1:] if line[:1] in (b" ", b"\t") else line)
        elif logical and line[:1] in (b" ", b"\t"):
            logical[-1][1] += line[1:]
        elif line.strip():
            logical.append([number, line])
    return [(n, bytes(line)) for n, line in logical]


def _params(raw: bytes) -> dict[str, list[str]]:
    params: dict[str, list[str]] = {}
    for part in raw.decode("ascii", errors="replace").split(";")[1:]:
        if not part:
            continue
        key, sep, value = part.partition("=")
        if not sep:  # vCard 2.1: "TEL;CELL;PREF" or "ENCODING" values given bare
            key, value = ("ENCODING", part) if part.upper() in ("QUOTED-PRINTABLE", "BASE64", "B", "8BIT") else ("TYPE", part)
        params.setdefault(key.strip().upper(), []).extend(v.strip().strip('"') for v in value.split(","))
    return params


def _text(raw: bytes, params: dict[str, list[str]]) -> str:
    encoding = (params.get("ENCODING") or [""])[0].upper()
    if encoding == "QUOTED-PRINTABLE":
        raw = quopri.decodestring(raw)
    charset = (params.get("CHARSET") or ["utf-8"])[0]
    for candidate in (charset, "utf-8", "cp1252"):
        try:
            return raw.decode(candidate)
        except (LookupError, UnicodeDecodeError):
            continue
    return raw.decode("latin-1")


def _split(value: str, separator: str) -> list[str]:
    """Split on separators that are not escaped with a backslash."""
    parts, current, escaped = [], [], False
    for ch in value:
        if escaped:
            current.append("\\" + ch)
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current) + ("\\" if escaped else ""))
    return parts


def unescape(value: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def _card_record(line: int, props: list[tuple[str, dict, str]]) -> tuple[ContactRecord, list[RowProblem]]:
    record, problems = ContactRecord(row=line), []
    full_name, company_card = "", False
    for name, _params, value in props:
        if name == "N":
            # Components may list several values separated by unescaped commas; an escaped comma is part of a name.
            parts = [" ".join(unescape(v) for v in _split(p, ",")) for p in _split(value, ";")] + ["", "", ""]
            record.last_name, record.first_name, record.middle_name = clean(parts[0]), clean(parts[1]), clean(parts[2])
        elif name == "NICKNAME" and not record.nickname:
            record.nickname = clean(unescape(_split(value, ",")[0]))
        elif (name == "X-ABSHOWAS" and value.strip().upper() == "COMPANY") or (name == "KIND" and value.strip().lower() == "org"):
            company_card = True
        elif name == "FN":
            full_name = clean(unescape(value))
        elif name == "ORG" and not record.organization:
            record.organization = clean(unescape(_split(value, ";")[0]))
        elif name == "TITLE" and not record.title:
            record.title = clean(unescape(value))
        elif name == "EMAIL":
            if not add_email(record, unescape(value)) and (problem := email_problem(line, unescape(value))):
                problems.append(problem)
        elif name == "TEL":
            add_unique(record.phones, clean(unescape(value).removeprefix("tel:")))
        elif name in ("URL", "X-SOCIALPROFILE"):
            if not add_link(record, unescape(value)) and value.strip():
                problems.append(link_problem(line, unescape(value)))
        elif name == "NOTE":
            record.notes = (record.notes + "\n" + clean_text(unescape(value))).strip()
        elif name == "CATEGORIES":
            # Split on escaped commas too: Thunderbird escapes the ones between categories.
            for tag in unescape(value).split(","):
                add_tag(record, tag)
        elif name == "ADR" and not record.location:
            parts = [unescape(p) for p in _split(value, ";")] + [""] * 7
            record.location = join_location(parts[3], parts[4], parts[6])
        elif name == CONNECTED_ON:
            try:
                record.connected_on = datetime.date.fromisoformat(value.strip())
            except ValueError:
                problems.append(date_problem(line, value))
    if company_card and not (record.first_name or record.last_name):
        # An address-book card for a company (Apple's X-ABShowAs:COMPANY, vCard 4 KIND:org): an organisation.
        record.kind = "organization"
        record.organization = record.organization or full_name
    elif not (record.first_name or record.last_name) and full_name:
        if looks_like_email(full_name):   # an email-only contact's FN is its address, not a name
            add_email(record, full_name)
        else:
            record.first_name, record.last_name = split_full_name(full_name)
    return record, problems


def parse(data: bytes) -> ParseResult:
    records, problems = [], []
    card_line, props, depth = None, [], 0
    for line, raw in _logical_lines(data):
        match = _PROPERTY.match(raw.strip())
        if not match:
            if card_line is not None and depth == 1:
                problems.append(RowProblem(line, "a line in this card could not be read; it was left out"))
            continue
        name = match.group(2).decode("ascii").upper()
        value_raw = match.group(4)
        if name == "BEGIN" and value_raw.strip().upper() == b"VCARD":
            depth += 1
            if depth == 1:
                card_line, props = line, []
            continue
        if name == "END" and value_raw.strip().upper() == b"VCARD":
            depth -= 1
            if depth == 0 and card_line is not None:
                try:
                    record, notes = _card_record(card_line, props)
                except (ValueError, IndexError, UnicodeError) as exc:
                    problems.append(RowProblem(card_line, f"this card could not be read ({type(exc).__name__}); it was left out"))
                    card_line = None
                    continue
                if record.has_identity:
                    records.append(record)
                    problems.extend(notes)
                else:
                    problems.append(RowProblem(card_line, "a card with no name and no email address"))
                card_line = None
            depth = max(depth, 0)
            continue
        if card_line is None or depth != 1 or name in BINARY:
            continue
        params = _params(match.group(3))
        props.append((name, params, _text(value_raw, params)))
    if card_line is not None:
        problems.append(RowProblem(card_line, "this card has no END:VCARD line; it was left out"))
    if not records and not problems:
        raise ImportFormatError("No contacts were found in this vCard file.")
    return ParseResult("vcard", records, problems)


# ---- writing ----------------------------------------------------------------------------

def escape(value: str) -> str:
    return (value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
            .replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n"))


def fold(line: str) -> bytes:
    """RFC 6350 folding: at most 75 octets a line, never inside a UTF-8 character."""
    data = line.encode("utf-8")
    out, limit = [], 75
    while len(data) > limit:
        cut = limit
        while cut > 0 and (data[cut] & 0xC0) == 0x80:  # a continuation byte: step back
            cut -= 1
        out.append(data[:cut])
        data = b" " + data[cut:]
    out.append(data)
    return b"\r\n".join(out) + b"\r\n"


def card(record: ContactRecord) -> str:
    display = " ".join(p for p in (record.first_name, record.last_name) if p) or (record.emails[0] if record.emails else "")
    display = " ".join(p for p in (record.first_name, record.middle_name, record.last_name) if p) or display
    lines = ["BEGIN:VCARD", "VERSION:3.0",
             f"N:{escape(record.last_name)};{escape(record.first_name)};{escape(record.middle_name)};;",
             f"FN:{escape(display)}"]
    if record.uid:
        lines.append(f"UID:{escape(record.uid)}")
    if record.nickname:
        lines.append(f"NICKNAME:{escape(record.nickname)}")
    if record.organization:
        lines.append(f"ORG:{escape(record.organization)}")
    if record.title:
        lines.append(f"TITLE:{escape(record.title)}")
    lines += [f"EMAIL;TYPE=INTERNET:{escape(e)}" for e in record.emails]
    lines += [f"TEL:{escape(p)}" for p in record.phones]
    if record.linkedin_url:
        lines.append(f"URL:{record.linkedin_url}")
    lines += [f"URL:{link}" for link in record.links]
    if record.location:
        lines.append(f"ADR:;;;{escape(record.location)};;;")
    if record.notes:
        lines.append(f"NOTE:{escape(record.notes)}")
    if record.tags:
        lines.append("CATEGORIES:" + ",".join(escape(t) for t in record.tags))
    if record.connected_on:
        lines.append(f"{CONNECTED_ON}:{record.connected_on.isoformat()}")
    lines.append("END:VCARD")
    return b"".join(fold(line) for line in lines).decode("utf-8")


def write(records) -> str:
    return "".join(card(record) for record in records)

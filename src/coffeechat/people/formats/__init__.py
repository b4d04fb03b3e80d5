"""Contacts files in and out. Pure functions: bytes to records, records to text; no database."""

from coffeechat.people.formats import google, linkedin, outlook, vcard
from coffeechat.people.formats.detect import detect_format
from coffeechat.people.formats.export import csv_safe, write_csv
from coffeechat.people.formats.records import (
    ContactRecord,
    ImportFormatError,
    ParseResult,
    RowProblem,
)
from coffeechat.people.formats.text import decode

FORMATS = ("linkedin", "google", "outlook", "vcard")
_CSV_PARSERS = {"linkedin": linkedin.parse, "google": google.parse, "outlook": outlook.parse}


def parse_contacts(data: bytes, format: str = "auto") -> ParseResult:  # noqa: A002 - the CLI's word
    """Read a contacts file; raises ImportFormatError when the whole file must be refused."""
    if format not in ("auto", *FORMATS):
        raise ImportFormatError(f"Unknown format {format!r}; choose one of: auto, {', '.join(FORMATS)}.")
    text = decode(data)
    chosen = detect_format(text) if format == "auto" else format
    if chosen == "vcard":
        if "BEGIN:VCARD" not in text.upper():
            raise ImportFormatError("This is not a vCard file: it has no BEGIN:VCARD line.")
        # vCards are read from the bytes: a fold may split a multi-byte character.
        raw = data if not data.startswith(b"\xff\xfe") and not data.startswith(b"\xfe\xff") else text.encode("utf-8")
        return vcard.parse(raw)
    return _CSV_PARSERS[chosen](text)


def write_vcards(records) -> str:
    return vcard.write(records)


__all__ = [
    "FORMATS", "ContactRecord", "ImportFormatError", "ParseResult", "RowProblem",
    "csv_safe", "detect_format", "parse_contacts", "write_csv", "write_vcards",
]

"""Contacts files in and out. Pure functions: bytes to records, records to text; no database."""

from coffeechat.people.bulk import paused_gc
from coffeechat.people.formats import coffeechat, google, linkedin, outlook, thunderbird, vcard
from coffeechat.people.formats.detect import detect_format
from coffeechat.people.formats.export import csv_safe, write_csv
from coffeechat.people.formats.records import (
    ContactRecord,
    ImportFormatError,
    ParseResult,
    RowProblem,
    sanitize,
)
from coffeechat.people.formats.text import decode, detect_encoding

FORMATS = ("linkedin", "google", "outlook", "thunderbird", "coffeechat", "vcard")
_CSV_PARSERS = {"linkedin": linkedin.parse, "google": google.parse, "outlook": outlook.parse,
                "thunderbird": thunderbird.parse, "coffeechat": coffeechat.parse}


@paused_gc()
def parse_contacts(data: bytes, format: str = "auto") -> ParseResult:  # noqa: A002 - the CLI's word
    """Read a contacts file; raises ImportFormatError when the whole file must be refused.

    Every value that comes out is clean: no NUL or control characters, web addresses that
    validate, emails that validate; what was dropped is reported against its row.
    """
    if format not in ("auto", *FORMATS):
        raise ImportFormatError(f"Unknown format {format!r}; choose one of: auto, {', '.join(FORMATS)}.")
    text = decode(data)
    chosen = detect_format(text) if format == "auto" else format
    if chosen == "vcard":
        if "BEGIN:VCARD" not in text.upper():
            raise ImportFormatError("This is not a vCard file: it has no BEGIN:VCARD line.")
        # vCards are read from the bytes (a fold may split a multi-byte character), UTF-16 ones from the text.
        raw = text.encode("utf-8") if detect_encoding(data) else data
        result = vcard.parse(raw)
    else:
        result = _CSV_PARSERS[chosen](text)
    for record in result.records:
        sanitize(record)
    return result


def write_vcards(records) -> str:
    return vcard.write(records)


__all__ = [
    "FORMATS", "ContactRecord", "ImportFormatError", "ParseResult", "RowProblem",
    "csv_safe", "detect_format", "parse_contacts", "write_csv", "write_vcards",
]

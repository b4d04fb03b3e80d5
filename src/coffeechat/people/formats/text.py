"""From the uploaded bytes to text, or a refusal a person understands."""

import codecs

from coffeechat.people.formats.records import ImportFormatError

NOT_TEXT = (
    "This file is not text, so it cannot be a contacts export. "
    "Export your contacts as CSV (LinkedIn, Google, Outlook) or as a vCard (.vcf) file."
)


def decode(data: bytes) -> str:
    if not data or not data.strip():
        raise ImportFormatError("The file is empty.")
    if data.startswith(b"PK\x03\x04"):
        raise ImportFormatError("This is a zip file or an Excel workbook. Unzip it, or save the sheet as CSV, then import that.")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ImportFormatError(NOT_TEXT) from None
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    sample = data[:65536]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 13, 12))
    if b"\x00" in sample or controls > len(sample) // 100:
        raise ImportFormatError(NOT_TEXT)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # Older Windows exports (Outlook) are in the Windows code page.
        return data.decode("cp1252", errors="replace")

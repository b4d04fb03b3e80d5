"""From the uploaded bytes to text, or a refusal a person understands.

UTF-8 (with or without a byte-order mark) and UTF-16 (with or without one: Apple's Address Book
writes UTF-16 vCards with none) are read whole. A file that is UTF-8 apart from a few lines
re-saved by an older program is read line by line: each line that is not UTF-8 is decoded in
the legacy encoding its bytes show (Windows-1252 unless they clearly are another one).
"""

import codecs
import re

from charset_normalizer import from_bytes

from coffeechat.people.formats.records import ImportFormatError

NOT_TEXT = (
    "This file is not text, so it cannot be a contacts export. "
    "Export your contacts as CSV (LinkedIn, Google, Outlook, Thunderbird) or as a vCard (.vcf) file."
)
# Pictures, PDFs, programs and old Office files, known by their first bytes.
_BINARY_SIGNATURES = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"\x7fELF", b"\xd0\xcf\x11\xe0", b"\x1f\x8b")
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]{3,}")


def utf16_without_bom(sample: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when the zero bytes say so (mostly-ASCII text in UTF-16), else None."""
    sample = sample[: len(sample) // 2 * 2]
    if len(sample) < 8:
        return None
    half = len(sample) // 2
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > half * 0.6 and even < half * 0.1:
        return "utf-16-le"
    if even > half * 0.6 and odd < half * 0.1:
        return "utf-16-be"
    return None


def legacy_encoding(blob: bytes) -> str:
    """The single- or double-byte encoding of bytes that are not UTF-8.

    Windows-1252 (what Excel and Outlook write in the West) unless reading them that way gives
    runs of symbols, the sign of Cyrillic, Greek or Chinese; then a detector decides.
    """
    western = blob.decode("cp1252", errors="replace")
    if "\ufffd" not in western and not _NON_ASCII_RUN.search(western):
        return "cp1252"
    best = from_bytes(blob).best()
    return best.encoding if best is not None else "cp1252"


def _decode_mixed(data: bytes) -> str:
    lines = data.splitlines(keepends=True)
    decoded: list[str | None] = []
    bad = []
    for line in lines:
        try:
            decoded.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            decoded.append(None)
            bad.append(line)
    encoding = legacy_encoding(b"".join(bad))
    return "".join(text if text is not None else line.decode(encoding, errors="replace")
                   for text, line in zip(decoded, lines, strict=True))


def detect_encoding(data: bytes) -> str | None:
    """"utf-16", "utf-16-le" or "utf-16-be" for UTF-16 data; None for byte-oriented text."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return utf16_without_bom(data[:4096])


def decode(data: bytes) -> str:
    if not data or not data.strip():
        raise ImportFormatError("The file is empty.")
    if data.startswith(b"PK\x03\x04"):
        raise ImportFormatError("This is a zip file or an Excel workbook. Unzip it, or save the sheet as CSV, then import that.")
    if encoding := detect_encoding(data):
        try:
            return data.decode(encoding).lstrip("\ufeff")
        except UnicodeDecodeError:
            raise ImportFormatError(NOT_TEXT) from None
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    if data.startswith(_BINARY_SIGNATURES):
        raise ImportFormatError(NOT_TEXT)
    sample = data[:65536]
    # A stray NUL or control character is cleaned out of the field it is in; many mean binary.
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 13, 12))
    if controls > max(8, len(sample) // 20):
        raise ImportFormatError(NOT_TEXT)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return _decode_mixed(data)

"""Reading contact CSV files as they really come: preambles, BOMs, commas or tabs or semicolons.

The header is found by its content (enough known column names on one line), never by
skipping a fixed number of lines. Rows keep the line number they start on, so problems
can be reported against what the user sees in a text editor.
"""

import csv
import io
import re

from coffeechat.people.formats.records import ImportFormatError
from coffeechat.text import fold

DELIMITERS = (",", "\t", ";")
HEADER_SEARCH_LINES = 60


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def header_key(cell: str) -> str:
    """Header cells compared without case, accents, quotes or extra spaces."""
    return re.sub(r"\s+", " ", fold(cell.strip().strip('"').strip("\ufeff"))).strip()


def _cells(line: str, delimiter: str) -> list[str]:
    try:
        return next(csv.reader([line], delimiter=delimiter))
    except (csv.Error, StopIteration):
        return []


def find_header(text: str, score) -> tuple[int, str, list[str]] | None:
    """(line index, delimiter, header cells) of the best header in the first lines, or None.

    `score(keys)` rates a candidate line's folded cells; the best positive score wins.
    """
    best = None
    for index, line in enumerate(_LINE_BREAK.split(text, maxsplit=HEADER_SEARCH_LINES)[:HEADER_SEARCH_LINES]):
        for delimiter in DELIMITERS:
            if delimiter not in line:
                continue
            cells = _cells(line, delimiter)
            points = score([header_key(c) for c in cells])
            if points > 0 and (best is None or points > best[0]):
                best = (points, index, delimiter, cells)
    return None if best is None else best[1:]


def rows(text: str, header_index: int, delimiter: str) -> list[tuple[int, list[str]]]:
    """(line number, cells) for each row after the header; blank rows are skipped.

    A quote left open runs to the end of the file; the csv module would quietly swallow
    every following row into one cell, so that is refused as a broken file instead.
    """
    # What follows the header, each line break made "\n". Not str.splitlines: that also breaks at
    # vertical tabs, form feeds and U+2028, which are characters inside a cell, not ends of rows.
    after = _LINE_BREAK.split(text, maxsplit=header_index + 1)
    body = after[-1].replace("\r\n", "\n").replace("\r", "\n") if len(after) > header_index + 1 else ""
    reader = csv.reader(io.StringIO(body), delimiter=delimiter, strict=True)
    first_line = header_index + 2
    previous = 0
    found = []
    try:
        for cells in reader:
            start = first_line + previous
            previous = reader.line_num
            if (cells and cells[0].strip()) or "".join(cells).strip():
                found.append((start, cells))
    except csv.Error as exc:
        line = first_line + previous
        raise ImportFormatError(
            f"The file is damaged near line {line}: a quotation mark is not closed ({exc}). "
            "Open it in a spreadsheet program, save it again as CSV, and retry."
        ) from None
    return found


class Columns:
    """Finds the column of each field by its known names, in any supported language."""

    def __init__(self, header: list[str], aliases: dict[str, set[str]]):
        keys = [header_key(c) for c in header]
        self.width = len(header)
        self.index: dict[str, int] = {}
        for name, names in aliases.items():
            for position, key in enumerate(keys):
                if key in names:
                    self.index[name] = position
                    break
        self.keys = keys

    def get(self, cells: list[str], name: str) -> str:
        position = self.index.get(name)
        return cells[position].strip() if position is not None and position < len(cells) else ""

    def matching(self, cells: list[str], pattern: re.Pattern) -> list[str]:
        """Values of every column whose folded header matches `pattern` (E-mail 1..N and the like)."""
        return [cells[i].strip() for i, key in enumerate(self.keys) if pattern.fullmatch(key) and i < len(cells) and cells[i].strip()]

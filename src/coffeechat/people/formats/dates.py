"""Dates as contact files really hold them: LinkedIn's own, and what Excel or LibreOffice wrote
when someone opened the file and saved it again in their locale.

`09 Oct 2024`, `2024-10-09`, `1/8/18, 6:14 PM`, `23-Apr-23`, `5-Jan-26`, `16.09.2021`, `09/16/2021`,
`16/09/2021`, `9. Oktober 2024`, `9 de octubre de 2024`, `Oct 9, 2024`, `23-avr.-23`, and a bare Excel
serial number (`45574`). Whether `03/04/2021` is March or April is decided once for the whole file:
day first if any date in it can only be read day first, otherwise month first (LinkedIn's and
Excel's US order).
"""

import datetime
import functools
import re

from coffeechat.text import fold

MONTHS = {
    "jan": 1, "ene": 1, "gen": 1, "janv": 1, "jaan": 1,
    "feb": 2, "fev": 2, "fevr": 2, "febr": 2,
    "mar": 3, "mrt": 3, "mrz": 3, "maerz": 3, "marz": 3, "mars": 3, "maart": 3,
    "apr": 4, "avr": 4, "abr": 4, "avri": 4,
    "may": 5, "mai": 5, "mei": 5, "mag": 5, "mayo": 5, "maio": 5,
    "jun": 6, "juin": 6, "giu": 6, "juni": 6, "junio": 6, "junho": 6,
    "jul": 7, "juil": 7, "lug": 7, "juli": 7, "julio": 7, "julho": 7,
    "aug": 8, "aou": 8, "aout": 8, "ago": 8,
    "sep": 9, "sept": 9, "set": 9,
    "oct": 10, "okt": 10, "out": 10, "ott": 10,
    "nov": 11,
    "dec": 12, "dez": 12, "dic": 12,
}
_TIME = re.compile(r"[,\s]+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(am|pm|a\.m\.|p\.m\.)?.*$|t\d{2}:\d{2}.*$")
_TOKENS = re.compile(r"\d+|[^\W\d_]+")
_EXCEL_EPOCH = datetime.date(1899, 12, 30)


def _year(token: str) -> int:
    year = int(token)
    if len(token) <= 2:
        year += 2000 if year < 70 else 1900
    return year


def _month(word: str) -> int | None:
    return MONTHS.get(word) or MONTHS.get(word[:4]) or MONTHS.get(word[:3])


def _tokens(value: str) -> tuple[list[str], str]:
    """Folded date tokens without the time of day, and the separator between numbers."""
    value = _TIME.sub("", fold(value).strip())
    words = [t for t in _TOKENS.findall(value) if t not in ("de", "del", "the", "of", "st", "nd", "rd", "th", "er")]
    separator = "." if re.fullmatch(r"\d{1,2}\.\d{1,2}\.\d{2,4}\.?", value) else ("/" if "/" in value else "-")
    return words, separator


def day_first(values) -> bool:
    """For the whole file: are its all-number dates written day first?"""
    for value in set(values):
        words, separator = _tokens(value or "")
        if separator == "." and len(words) == 3:
            return True
        if len(words) == 3 and all(w.isdigit() for w in words) and len(words[0]) <= 2 and int(words[0]) > 12:
            return True
    return False


def parse_date(value: str, *, dayfirst: bool = False) -> datetime.date | None:
    """The date written in `value`, or None when it cannot be read (the caller reports it)."""
    return _parse_date(value or "", dayfirst) if value else None


@functools.lru_cache(maxsize=8192)   # a file holds a few hundred distinct dates, repeated
def _parse_date(value: str, dayfirst: bool) -> datetime.date | None:
    words, separator = _tokens(value or "")
    try:
        if len(words) == 1 and words[0].isdigit() and 5 <= len(words[0]) <= 5:
            return _EXCEL_EPOCH + datetime.timedelta(days=int(words[0]))
        if len(words) != 3:
            return None
        numbers = [w for w in words if w.isdigit()]
        if len(numbers) == 3:
            a, b, c = words
            if len(a) == 4:
                year, month, day = int(a), int(b), int(c)
            elif separator == "." or int(a) > 12 or (dayfirst and int(b) <= 12):
                day, month, year = int(a), int(b), _year(c)
            else:
                month, day, year = int(a), int(b), _year(c)
        elif len(numbers) == 2:
            word = next(w for w in words if not w.isdigit())
            month = _month(word)
            if month is None:
                return None
            if words[0] == word:                       # Oct 9, 2024
                day, year = int(words[1]), _year(words[2])
            elif len(words[0]) == 4:                   # 2024-Oct-09
                year, day = int(words[0]), int(words[2])
            else:                                      # 9 Oct 2024, 23-Apr-23
                day, year = int(words[0]), _year(words[2])
        else:
            return None
        date = datetime.date(year, month, day)
    except (ValueError, OverflowError):
        return None
    return date if 1900 <= date.year <= 2100 else None

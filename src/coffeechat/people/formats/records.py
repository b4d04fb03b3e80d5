"""What every contacts format turns into, and the small clean-ups they all share."""

import datetime
import re
from dataclasses import dataclass, field
from urllib.parse import unquote

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email

from coffeechat.text import fold


class ImportFormatError(ValueError):
    """The whole file is refused; the message is for the person who chose the file."""


@dataclass(slots=True)
class ContactRecord:
    row: int                      # the line where this contact starts in the file
    first_name: str = ""
    last_name: str = ""
    middle_name: str = ""
    nickname: str = ""
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    organization: str = ""
    title: str = ""
    linkedin_url: str = ""
    links: list[str] = field(default_factory=list)
    location: str = ""
    notes: str = ""
    tags: list[str] = field(default_factory=list)
    connected_on: datetime.date | None = None
    kind: str = "person"          # or "organization": a company's own card (Apple's X-ABShowAs:COMPANY)
    uid: str = ""                 # written to vCards (address books such as khard need one); not read

    @property
    def has_identity(self) -> bool:
        if self.kind == "organization":
            return bool(self.organization)
        return bool(self.first_name or self.last_name or self.emails)


@dataclass
class RowProblem:
    row: int
    reason: str
    skipped: bool = True          # False: the row was imported, but part of it was not understood


@dataclass
class ParseResult:
    format: str
    records: list[ContactRecord]
    problems: list[RowProblem]


_SPACES = re.compile(r"\s+")
# NUL, C0 and C1 control characters, DEL, and the invisible marks spreadsheets leave behind; tab and
# line breaks are kept for multi-line notes.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u2028\u2029\ufeff\ufffe\uffff]")
_PAIRS = {'"': '"', "'": "'", "“": "”", "”": "”", "„": "“", "‘": "’", "«": "»", "»": "«"}
_QUOTES = frozenset("\"“„«‘'")   # what a nickname's opening quote may be (_NICKNAME)
_NICKNAME = re.compile(r"[\"“„«‘'](?P<nick>[^\"“”„«»‘’']{1,40})[\"”“»’']")


def strip_controls(value: str | None) -> str:
    return _CONTROLS.sub("", value) if value else ""


def clean(value: str | None) -> str:
    """One line of text: control characters removed, whitespace collapsed.

    Quotes are part of what was written (`James "Tyler" Smith`, `Michel "Mike"`); only a pair that
    wraps the whole value, with no other quote inside, is removed.
    """
    if not value:
        return ""
    if value.isprintable():   # the common case: no control, invisible or unusual space character
        value = value.strip()
        if "  " in value:
            value = _SPACES.sub(" ", value)
    else:
        value = _SPACES.sub(" ", strip_controls(value)).strip()
    if len(value) >= 2 and _PAIRS.get(value[0]) == value[-1] and value[0] not in value[1:-1] and value[-1] not in value[1:-1]:
        value = value[1:-1].strip()
    return value


def clean_text(value: str | None) -> str:
    """Multi-line text (notes): control characters removed, line breaks kept."""
    return strip_controls(value).replace("\r\n", "\n").replace("\r", "\n").strip() if value else ""


def nickname_in(name: str) -> str:
    """The nickname written in quotes inside a name: `James "Tyler" Smith` -> `Tyler`."""
    match = _NICKNAME.search(name or "")
    return match["nick"].strip() if match else ""


def looks_like_email(value: str) -> bool:
    return bool(value) and " " not in value.strip() and email_or_none(value) is not None


def email_or_none(value: str) -> str | None:
    """A usable address, or None (LinkedIn puts member ids like urn:li:member:123 in this column)."""
    value = (value or "").strip().strip("<>").removeprefix("mailto:").removeprefix("MAILTO:")
    if not value or "@" not in value:
        return None
    try:
        validate_email(value)
    except ValidationError:
        return None
    return value


def add_unique(values: list[str], value: str, *, fold_case: bool = False) -> None:
    value = value.strip()
    if not value:
        return
    key = value.lower() if fold_case else value
    if all((v.lower() if fold_case else v) != key for v in values):
        values.append(value)


def add_email(record: ContactRecord, value: str) -> bool:
    """Add an email address; False when `value` is something else (the caller may report it)."""
    email = email_or_none(value)
    if email:
        add_unique(record.emails, email, fold_case=True)
    return bool(email)


def email_problem(row: int, value: str) -> RowProblem | None:
    """A report for a value in an email column that is not an address (LinkedIn's hidden-member ids excepted)."""
    value = (value or "").strip()
    if not value or value.lower().startswith("urn:li:"):
        return None
    return RowProblem(row, f"“{shown(value)}” is not an email address; it was left out", skipped=False)


_PROFILE = re.compile(r"^(?:https?://)?(?:[a-z0-9-]+\.)*linkedin\.com(?::\d+)?/(?:in|pub)/([^/?#]+)", re.I)
_SLUG = re.compile(r"[^\s<>\"'`\\{}|^\[\]\x00-\x1f\x7f-\x9f]+")


def linkedin_profile(url: str) -> str:
    """https://www.linkedin.com/in/<slug>, slug percent-decoded; "" when it is not a profile."""
    url = url or ""
    match = _PROFILE.match((url if url.isprintable() else strip_controls(url)).strip())
    if not match:
        return ""
    slug = match.group(1)
    if "%" in slug:
        slug = unquote(slug)
    return f"https://www.linkedin.com/in/{slug}" if _SLUG.fullmatch(slug) else ""


_URL = URLValidator(schemes=("http", "https"))


def web_link(value: str) -> str:
    """An http(s) address a browser can open, or "" (bare domains get https://)."""
    value = strip_controls(value or "").strip().replace("\\:", ":")
    if not value:
        return ""
    if not re.match(r"^https?://", value, re.I):
        if re.match(r"^[\w.-]+\.[a-z]{2,}(/|$)", value, re.I):
            value = "https://" + value
        else:
            return ""
    try:
        _URL(value)
    except ValidationError:
        return ""
    return value


def add_link(record: ContactRecord, value: str) -> bool:
    """Add a web address; False when it is not one (the caller may report it)."""
    profile = linkedin_profile(value)
    if profile:
        record.linkedin_url = record.linkedin_url or profile
        return True
    link = web_link(value)
    if link:
        add_unique(record.links, link)
    return bool(link)


def split_full_name(full: str) -> tuple[str, str]:
    parts = clean(full).split(" ")
    if len(parts) == 1:
        return parts[0], ""
    return " ".join(parts[:-1]), parts[-1]


# Google's own groups, never the user's: "* myContacts", "* starred", "System Group: My Contacts",
# vCard CATEGORIES:myContacts,starred, Android's "Starred in Android".
_SYSTEM_GROUPS = {"mycontacts", "starred", "starredinandroid", "chatbuddies", "all", "blocked", "othercontacts"}


def is_system_group(tag: str) -> bool:
    key = fold(tag)
    return key.startswith(("*", "system group:")) or key.replace(" ", "") in _SYSTEM_GROUPS


def add_tag(record: ContactRecord, tag: str) -> None:
    tag = clean(tag)
    if tag and not is_system_group(tag):
        add_unique(record.tags, tag[:60], fold_case=True)


def shown(value: str, limit: int = 80) -> str:
    """A value quoted back in a report: one clean line, not too long."""
    value = clean(value)
    return value if len(value) <= limit else value[: limit - 1] + "…"


def date_problem(row: int, value: str, field_label: str = "Connected on") -> RowProblem:
    return RowProblem(row, f"the date “{shown(value)}” could not be read; {field_label} was left empty", skipped=False)


def link_problem(row: int, value: str) -> RowProblem:
    return RowProblem(row, f"“{shown(value)}” is not a web address; it was left out", skipped=False)


_SCALARS = ("first_name", "last_name", "middle_name", "nickname", "organization", "title", "location")
_PROFILE_PREFIX = "https://www.linkedin.com/in/"


def sanitize(record: ContactRecord) -> ContactRecord:
    """The last word before anything is stored: every text field clean, whatever the format did.

    The formats already clean what they read; this makes sure of it (cheaply, for the common
    case where every character is printable).
    """
    r = record
    if not (r.first_name + r.last_name + r.middle_name + r.nickname + r.organization + r.title + r.location).isprintable():
        for name in _SCALARS:
            setattr(record, name, clean(getattr(record, name)))
    if record.notes:
        record.notes = clean_text(record.notes)
    if record.phones:
        record.phones = [p for p in (clean(v) for v in record.phones) if p]
    if record.tags:
        record.tags = [t for t in (clean(v) for v in record.tags) if t]
    if record.emails:
        # Every format adds emails through add_email, which validates them; this keeps it so.
        record.emails = [e for e in record.emails if e.isprintable() and " " not in e and "@" in e]
    if record.links:
        record.links = [link for link in record.links if web_link(link) == link]
    url = record.linkedin_url
    if url and not (url.startswith(_PROFILE_PREFIX) and _SLUG.fullmatch(url[len(_PROFILE_PREFIX):])):
        record.linkedin_url = ""
    # A name that is an email address (a FN written from an email-only contact) is not a name.
    if "@" in r.first_name or "@" in r.last_name:
        for name in ("first_name", "last_name"):
            value = getattr(record, name)
            if "@" in value and looks_like_email(value):
                add_email(record, value)
                setattr(record, name, "")
    if not record.nickname and record.first_name and not _QUOTES.isdisjoint(record.first_name):
        record.nickname = nickname_in(record.first_name)
    return record


def join_location(*parts: str) -> str:
    seen = []
    for part in parts:
        part = clean(part)
        if part and part not in seen:
            seen.append(part)
    return ", ".join(seen)

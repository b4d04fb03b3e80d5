"""What every contacts format turns into, and the small clean-ups they all share."""

import datetime
import re
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import validate_email


class ImportFormatError(ValueError):
    """The whole file is refused; the message is for the person who chose the file."""


@dataclass
class ContactRecord:
    row: int                      # the line where this contact starts in the file
    first_name: str = ""
    last_name: str = ""
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

    @property
    def has_identity(self) -> bool:
        return bool(self.first_name or self.last_name or self.emails)


@dataclass
class RowProblem:
    row: int
    reason: str


@dataclass
class ParseResult:
    format: str
    records: list[ContactRecord]
    problems: list[RowProblem]


_SPACES = re.compile(r"\s+")
_QUOTES = "\"'“”‘’«»"


def clean(value: str | None) -> str:
    """Collapse tabs, newlines and runs of spaces; drop stray wrapping quotes."""
    if not value:
        return ""
    return _SPACES.sub(" ", value).strip().strip(_QUOTES + " ")


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


def add_email(record: ContactRecord, value: str) -> None:
    email = email_or_none(value)
    if email:
        add_unique(record.emails, email, fold_case=True)


def linkedin_profile(url: str) -> str:
    """https://www.linkedin.com/in/<slug>, slug percent-decoded; "" when it is not a profile."""
    url = (url or "").strip()
    if not url:
        return ""
    if "://" not in url:
        url = "https://" + url
    parts = urlsplit(url)
    host = parts.netloc.lower()
    if not (host == "linkedin.com" or host.endswith(".linkedin.com")):
        return ""
    match = re.match(r"/(in|pub)/([^/?#]+)", parts.path)
    if not match:
        return ""
    return f"https://www.linkedin.com/in/{unquote(match.group(2))}"


def web_link(value: str) -> str:
    value = (value or "").strip().replace("\\:", ":")
    if not value:
        return ""
    if not re.match(r"^https?://", value, re.I):
        if re.match(r"^[\w.-]+\.[a-z]{2,}(/|$)", value, re.I):
            value = "https://" + value
        else:
            return ""
    return value


def add_link(record: ContactRecord, value: str) -> None:
    profile = linkedin_profile(value)
    if profile:
        record.linkedin_url = record.linkedin_url or profile
        return
    link = web_link(value)
    if link:
        add_unique(record.links, link)


def split_full_name(full: str) -> tuple[str, str]:
    parts = clean(full).split(" ")
    if len(parts) == 1:
        return parts[0], ""
    return " ".join(parts[:-1]), parts[-1]


def join_location(*parts: str) -> str:
    seen = []
    for part in parts:
        part = clean(part)
        if part and part not in seen:
            seen.append(part)
    return ", ".join(seen)

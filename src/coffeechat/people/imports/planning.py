"""Planning an import: match each record to the user's people and say what would change.

Matching goes LinkedIn profile URL -> email -> folded name + organisation. A name and
organisation match only counts when nothing contradicts it: two different LinkedIn profiles,
or two sets of emails with none in common, are two people, listed as possible duplicates.
A match only fills what is empty (and adds emails, phones, links and tags it lacks); a
differing value the user already has is reported as a conflict and kept.
"""

import functools
import json
from dataclasses import dataclass, field

from django.db import connection

from coffeechat.people.bulk import paused_gc
from coffeechat.people.formats import ContactRecord, ParseResult, RowProblem
from coffeechat.people.formats.records import add_unique
from coffeechat.people.models import Person
from coffeechat.text import fold

FORMAT_LABELS = {"linkedin": "LinkedIn connections", "google": "Google Contacts", "outlook": "Outlook contacts",
                 "thunderbird": "Thunderbird address book", "coffeechat": "Coffeechat CSV", "vcard": "vCard"}
# Fields a match fills when the user's value is empty, and reports when it differs.
SCALAR_FIELDS = ("title", "linkedin_url", "location", "middle_name")
LIST_FIELDS = ("emails", "phones", "links")
# What the matcher reads of each of the user's people: plain values, not model instances.
KNOWN_FIELDS = ("pk", "first_name", "middle_name", "last_name", "organization__name", "linkedin_url", "emails",
                "phones", "links", "title", "location", "connected_on", "research")


@dataclass(slots=True)
class Known:
    """One of the user's people as the matcher sees it."""

    pk: int
    first_name: str
    middle_name: str
    last_name: str
    organization: str
    linkedin_url: str
    emails: list
    phones: list
    links: list
    title: str
    location: str
    connected_on: object
    research: str

    @property
    def display_name(self) -> str:
        name = " ".join(p for p in (self.first_name, self.middle_name, self.last_name) if p)
        return name or (self.emails[0] if self.emails else "(no name)")


@dataclass
class Update:
    person: Known
    row: int
    filled: dict = field(default_factory=dict)     # field -> new value
    organization: str = ""                         # organisation name to set (was empty)
    tags: list[str] = field(default_factory=list)  # tags to add


@dataclass
class ImportPlan:
    format: str
    new: list[ContactRecord]
    matched: int
    updates: list[Update]
    conflicts: list[dict]
    problems: list[RowProblem]
    organizations: list[ContactRecord] = field(default_factory=list)   # company cards: organisations to add
    possible_duplicates: list[dict] = field(default_factory=list)      # {"row", "person", "reason"}

    @property
    def summary(self) -> dict:
        return {
            "format": self.format,
            "new": len(self.new),
            "matched": self.matched,
            "updated": len(self.updates),
            "conflicts": len(self.conflicts),
            "skipped": sum(1 for p in self.problems if p.skipped),
        }

    @property
    def details(self) -> dict:
        """Counts beyond the summary: rows imported with a part left out, company cards, namesakes."""
        return {
            "not_understood": sum(1 for p in self.problems if not p.skipped),
            "organizations": len(self.organizations),
            "possible_duplicates": len(self.possible_duplicates),
        }


_fold_organization = functools.lru_cache(maxsize=16384)(fold)   # a file names a few thousand organisations, often


def _name_key(first: str, last: str, organization: str) -> tuple[str, str] | None:
    name = fold(f"{first} {last}")
    return (name, _fold_organization(organization)) if name else None


def _url_key(url: str) -> str:
    return url.lower().rstrip("/")


def _contradiction(a, b) -> str:
    """Why two contacts with the same name and organisation are not the same person ("" if nothing says so)."""
    if a.linkedin_url and b.linkedin_url and _url_key(a.linkedin_url) != _url_key(b.linkedin_url):
        return "a different LinkedIn profile"
    if a.emails and b.emails and not {e.lower() for e in a.emails} & {e.lower() for e in b.emails}:
        return "different email addresses"
    return ""


class _Index:
    """The user's people (and the file's new ones) by profile URL, email and name + organisation.

    The name index is built on first use: a re-import matched entirely by profile never needs it.
    """

    def __init__(self, people=()):
        self.by_url, self.by_email, self._by_name = {}, {}, None
        self.targets = []
        for person in people:
            self.add(person)

    def add(self, target, name_key=False):
        """Index `target`; `name_key` is its name key when the caller has it already."""
        self.targets.append(target)
        if target.linkedin_url:
            self.by_url.setdefault(_url_key(target.linkedin_url), target)
        for email in target.emails:
            self.by_email.setdefault(email.lower(), target)
        if self._by_name is not None:
            self._add_name(target, name_key)

    def _add_name(self, target, key=False):
        if key is False:
            key = _name_key(target.first_name, target.last_name, target.organization)
        if key:
            self._by_name.setdefault(key, []).append(target)

    @property
    def by_name(self) -> dict:
        if self._by_name is None:
            self._by_name = {}
            for target in self.targets:
                self._add_name(target)
        return self._by_name

    def find(self, record: ContactRecord):
        """(the same person or None, [(a namesake that is someone else, why)]).

        The record's name key, when it was needed, is left in `last_key` for `add`.
        """
        self.last_key = False
        if record.linkedin_url and (hit := self.by_url.get(_url_key(record.linkedin_url))):
            return hit, []
        others = []
        for email in record.emails:
            hit = self.by_email.get(email.lower())
            if hit is not None and not (hit.linkedin_url and record.linkedin_url):
                return hit, []
            if hit is not None:   # both with a profile, and they differ: two people who share an address
                others.append((hit, "a different LinkedIn profile"))
                break
        key = self.last_key = _name_key(record.first_name, record.last_name, record.organization)
        fitting = []
        for candidate in self.by_name.get(key, ()) if key else ():
            why = _contradiction(candidate, record)
            if not why:
                fitting.append(candidate)
            elif all(candidate is not o for o, _ in others):
                others.append((candidate, why))
        if len(fitting) == 1:
            return fitting[0], []
        # Several people fit the name and organisation: which one is a guess, so none of them.
        others += [(c, "more than one person has this name and organisation") for c in fitting]
        return None, others


def _label(target) -> str:
    if isinstance(target, ContactRecord):
        name = " ".join(p for p in (target.first_name, target.middle_name, target.last_name) if p)
        return f"row {target.row} ({name or (target.emails[0] if target.emails else '')})"
    return target.display_name


def _merge_into(first: ContactRecord, other: ContactRecord) -> list[dict]:
    """A second row for someone already new in this file: keep the first, add what it lacks.

    Returns every difference, as conflicts against the later row.
    """
    conflicts = []

    def conflict(label, kept, offered):
        conflicts.append({"row": other.row, "person": _label(first), "field": label, "kept": kept, "file": offered})

    if not (first.first_name or first.last_name) and (other.first_name or other.last_name):
        first.first_name, first.middle_name, first.last_name = other.first_name, other.middle_name, other.last_name
    elif (other.first_name or other.last_name) and fold(f"{first.first_name} {first.last_name}") != fold(f"{other.first_name} {other.last_name}"):
        conflict("name", f"{first.first_name} {first.last_name}".strip(), f"{other.first_name} {other.last_name}".strip())
    for name in LIST_FIELDS + ("tags",):
        values = getattr(first, name)
        for value in getattr(other, name):
            add_unique(values, value, fold_case=True)
    for name in ("middle_name", "nickname", "title", "organization", "linkedin_url", "location", "notes", "connected_on"):
        mine, theirs = getattr(first, name), getattr(other, name)
        if not mine:
            setattr(first, name, theirs)
        elif theirs and (fold(str(mine)).rstrip("/") != fold(str(theirs)).rstrip("/")):
            conflict(name.replace("_", " ") if name != "organization" else "organisation", str(mine), str(theirs))
    return conflicts


def _compare(person: Known, record: ContactRecord, tag_names: set[str]) -> tuple[Update, list[dict]]:
    update, conflicts = Update(person=person, row=record.row), []

    def conflict(label, kept, offered):
        conflicts.append({"row": record.row, "person": person.display_name, "field": label, "kept": kept, "file": offered})

    for name in ("first_name", "last_name"):
        if not getattr(person, name) and getattr(record, name):
            update.filled[name] = getattr(record, name)
    for name in SCALAR_FIELDS:
        mine, theirs = getattr(person, name), getattr(record, name)
        if not theirs or theirs == mine:
            continue
        if not mine:
            update.filled[name] = theirs
        elif fold(mine).rstrip("/") != fold(theirs).rstrip("/"):
            conflict(name.replace("_", " "), mine, theirs)
    for name in LIST_FIELDS:
        theirs = getattr(record, name)
        if not theirs:
            continue
        mine = getattr(person, name)
        known = {v.lower() for v in mine}
        extra = [v for v in theirs if v.lower() not in known]
        if extra:
            update.filled[name] = mine + extra
    if record.connected_on and not person.connected_on:
        update.filled["connected_on"] = record.connected_on
    if record.notes and not person.research:
        update.filled["research"] = record.notes
    if record.organization and not person.organization:
        update.organization = record.organization
    elif record.organization and person.organization != record.organization and fold(person.organization) != fold(record.organization):
        conflict("organisation", person.organization, record.organization)
    update.tags = [t for t in record.tags if fold(t) not in tag_names] if record.tags else []
    return update, conflicts


def _json_list(value) -> list:
    """A JSON list column as fetched without Django's converters: text on SQLite, a list on PostgreSQL."""
    if isinstance(value, str):
        return [] if value == "[]" else json.loads(value)
    return value or []


def _known_people(owner) -> list[Known]:
    """Everyone the user has, as plain values. Read with the queryset's own SQL but without its
    per-value converters: at 30,000 people those cost more than the query. Only emptiness of
    connected_on is used, so it may stay as the database returned it."""
    sql, params = Person.objects.for_user(owner).order_by("pk").values_list(*KNOWN_FIELDS).query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return [Known(pk, first, middle, last, org or "", url, _json_list(emails), _json_list(phones), _json_list(links),
                  title, location, connected, research)
            for pk, first, middle, last, org, url, emails, phones, links, title, location, connected, research in rows]


@paused_gc()
def plan_import(owner, result: ParseResult) -> ImportPlan:
    """What importing `result` would do to `owner`'s people; reads, never writes."""
    index = _Index(_known_people(owner))
    tags_of: dict[int, set[str]] = {}
    Through = Person.tags.through
    for person_id, name in Through.objects.filter(person__owner=owner).values_list("person_id", "tag__name"):
        tags_of.setdefault(person_id, set()).add(fold(name))
    new: list[ContactRecord] = []
    first_row: dict[int, int] = {}
    updates: dict[int, Update] = {}
    conflicts: list[dict] = []
    duplicates: list[dict] = []
    organizations: list[ContactRecord] = []
    problems = list(result.problems)
    for record in result.records:
        if record.kind == "organization":
            organizations.append(record)
            continue
        hit, namesakes = index.find(record)
        if isinstance(hit, ContactRecord):
            conflicts.extend(_merge_into(hit, record))
            problems.append(RowProblem(record.row, f"the same person as row {hit.row}; merged into it"))
        elif isinstance(hit, Known):
            if hit.pk in first_row:
                problems.append(RowProblem(record.row, f"the same person as row {first_row[hit.pk]}; already matched"))
                continue
            first_row[hit.pk] = record.row
            update, found = _compare(hit, record, tags_of.get(hit.pk, set()))
            conflicts.extend(found)
            if update.filled or update.organization or update.tags:
                updates[hit.pk] = update
        else:
            for other, why in namesakes:
                reason = f"possibly the same person as {_label(other)}: same name and organisation, but {why}; imported as someone else"
                duplicates.append({"row": record.row, "person": _label(other), "reason": reason})
                problems.append(RowProblem(record.row, reason, skipped=False))
            new.append(record)
            index.add(record, index.last_key)
    problems.sort(key=lambda p: p.row)
    return ImportPlan(result.format, new, len(first_row), list(updates.values()), conflicts, problems,
                      organizations, duplicates)

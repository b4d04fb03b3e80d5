"""Importing contacts: match each record to the user's people, preview, apply in one go, undo.

Matching goes LinkedIn profile URL -> email -> folded name + organisation. A name and
organisation match only counts when nothing contradicts it: two different LinkedIn profiles,
or two sets of emails with none in common, are two people, listed as possible duplicates.
A match only fills what is empty (and adds emails, phones, links and tags it lacks); a
differing value the user already has is reported as a conflict and kept.
"""

import json
from dataclasses import dataclass, field

from django.db import connection, models, transaction
from django.utils import timezone

from coffeechat.people.formats import ContactRecord, ParseResult, RowProblem, parse_contacts
from coffeechat.people.formats.records import add_unique, clean
from coffeechat.people.models import (
    ImportBatch,
    Organization,
    Person,
    Source,
    Tag,
    person_search_text,
)
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


def _name_key(first: str, last: str, organization: str) -> tuple[str, str] | None:
    name = fold(f"{first} {last}")
    return (name, fold(organization)) if name else None


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

    def add(self, target):
        self.targets.append(target)
        if target.linkedin_url:
            self.by_url.setdefault(_url_key(target.linkedin_url), target)
        for email in target.emails:
            self.by_email.setdefault(email.lower(), target)
        if self._by_name is not None:
            self._add_name(target)

    def _add_name(self, target):
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
        """(the same person or None, [(a namesake that is someone else, why)])."""
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
        key = _name_key(record.first_name, record.last_name, record.organization)
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
            index.add(record)
    problems.sort(key=lambda p: p.row)
    return ImportPlan(result.format, new, len(first_row), list(updates.values()), conflicts, problems,
                      organizations, duplicates)


def _organizations(owner, names: set[str], cards: list[ContactRecord] = ()) -> dict[str, Organization]:
    """Folded name -> organisation, creating the missing ones in one bulk insert.

    `cards` are company cards from the file: their web address and notes go on a new organisation.
    """
    existing = {fold(o.name): o for o in Organization.objects.for_user(owner)}
    card_for = {fold(c.organization): c for c in cards}
    missing = {}
    for name in names | {c.organization for c in cards}:
        key = fold(name)
        if key and key not in existing and key not in missing:
            card = card_for.get(key)
            missing[key] = Organization(owner=owner, name=name[:200], website=(card.links[0][:500] if card and card.links else ""),
                                        notes=card.notes if card else "")
            missing[key].refresh_search_text()
    if missing:
        Organization.objects.bulk_create(missing.values())
        existing.update({fold(o.name): o for o in Organization.objects.for_user(owner).filter(name__in=[o.name for o in missing.values()])})
    return existing


def _tag_links(owner, wanted: list[tuple[int, list[str]]]) -> None:
    names = {fold(n): n for _, tags in wanted for n in tags}
    if not names:
        return
    existing = {fold(t.name): t for t in Tag.objects.for_user(owner)}
    Tag.objects.bulk_create([Tag(owner=owner, name=n[:60]) for key, n in names.items() if key not in existing])
    existing = {fold(t.name): t for t in Tag.objects.for_user(owner)}
    Through = Person.tags.through
    Through.objects.bulk_create(
        [Through(person_id=pk, tag_id=existing[fold(n)].pk) for pk, tags in wanted for n in tags],
        ignore_conflicts=True,
    )


def _insert_people(owner, records: list[ContactRecord], fmt: str, batch: ImportBatch, organizations) -> list[int]:
    """Insert one person per record in a single executemany; returns their ids in record order.

    The values are what the model would store (its length limits, its defaults, the search
    text); the ORM's per-object, per-field work is skipped because at 30,000 rows it costs
    many times the insert itself.
    """
    if not records:
        return []
    now = timezone.now()
    source = Source.LINKEDIN if fmt == "linkedin" else Source.OTHER
    source_detail = "" if fmt == "linkedin" else f"Imported from {FORMAT_LABELS.get(fmt, fmt)}"
    fixed = {"owner": owner.pk, "source": source, "source_detail": source_detail, "import_batch": batch.pk,
             "created_at": now, "updated_at": now}
    fields = [f for f in Person._meta.concrete_fields if not f.primary_key]
    varying = {"first_name", "middle_name", "last_name", "emails", "phones", "links", "title", "linkedin_url",
               "location", "research", "connected_on", "organization", "search_text"}
    constant = {}
    for f in fields:
        if f.name not in varying:
            value = fixed[f.name] if f.name in fixed else f.get_default()
            constant[f.name] = value if f.is_relation else f.get_db_prep_save(value, connection)
    dumps, date = json.dumps, connection.ops.adapt_datefield_value
    org_ids = {key: org.pk for key, org in organizations.items()}

    def row(r: ContactRecord) -> tuple:
        first, middle, last, title = r.first_name[:150], r.middle_name[:150], r.last_name[:150], r.title[:200]
        location = r.location[:200]
        values = constant | {
            "first_name": first, "middle_name": middle, "last_name": last,
            "emails": dumps(r.emails), "phones": dumps(r.phones), "links": dumps(r.links),
            "title": title, "linkedin_url": r.linkedin_url[:500], "location": location, "research": r.notes,
            "connected_on": date(r.connected_on),
            "organization": org_ids.get(fold(r.organization)) if r.organization else None,
            "search_text": person_search_text(first, middle, last, title, location, r.emails, source_detail, r.notes),
        }
        return tuple(values[name] for name in names)

    names = [f.name for f in fields]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    sql = f"INSERT INTO {quote(Person._meta.db_table)} ({columns}) VALUES ({', '.join(['%s'] * len(fields))})"
    with connection.cursor() as cursor:
        cursor.executemany(sql, [row(r) for r in records])
    ids = list(Person.objects.filter(owner=owner, import_batch=batch).order_by("pk").values_list("pk", flat=True))
    return ids[-len(records):]


def apply_import(batch: ImportBatch, plan: ImportPlan) -> ImportBatch:
    """Write the plan in one transaction: all of it or, on any error, none of it."""
    owner, now = batch.owner, timezone.now()
    with transaction.atomic():
        organizations = _organizations(
            owner, {r.organization for r in plan.new if r.organization} | {u.organization for u in plan.updates if u.organization},
            plan.organizations,
        )
        people = _insert_people(owner, plan.new, plan.format, batch, organizations)
        if plan.updates:
            changed_fields = {"updated_at", "search_text"}
            by_pk = Person.objects.for_user(owner).in_bulk([u.person.pk for u in plan.updates])
            changed = []
            for update in plan.updates:
                person = by_pk.get(update.person.pk)
                if person is None:   # removed since the preview
                    continue
                for name, value in update.filled.items():
                    setattr(person, name, value)
                    changed_fields.add(name)
                if update.organization:
                    person.organization = organizations[fold(update.organization)]
                    changed_fields.add("organization")
                person.updated_at = now
                person.refresh_search_text()
                changed.append(person)
            Person.objects.bulk_update(changed, sorted(changed_fields), batch_size=500)
        _tag_links(owner, [(pk, r.tags) for pk, r in zip(people, plan.new, strict=True) if r.tags]
                   + [(u.person.pk, u.tags) for u in plan.updates if u.tags])
        batch.status = ImportBatch.Status.DONE
        batch.content = None
        batch.created_count, batch.matched_count, batch.updated_count = len(people), plan.matched, len(plan.updates)
        batch.problems = [{"row": p.row, "reason": p.reason, "skipped": p.skipped} for p in plan.problems]
        batch.conflicts = plan.conflicts
        batch.imported_at = timezone.now()
        batch.save()
    return batch


def import_file(owner, data: bytes, *, filename: str = "", fmt: str = "auto", dry_run: bool = False):
    """Parse, plan and (unless dry_run) apply. Raises ImportFormatError for a refused file."""
    result = parse_contacts(data, fmt)
    plan = plan_import(owner, result)
    if dry_run:
        return plan, None
    batch = ImportBatch.objects.create(owner=owner, filename=clean(filename)[:255], format=result.format)
    return plan, apply_import(batch, plan)


def undoable_people(batch: ImportBatch):
    """The people this batch created that nobody has touched since: unedited, and with nothing attached."""
    people = batch.people.filter(updated_at__lte=batch.imported_at)
    for relation in Person._meta.related_objects:
        if relation.on_delete is models.SET_NULL or relation.related_model is Person or relation.many_to_many:
            continue
        people = people.exclude(**{f"{relation.field.related_query_name()}__isnull": False})
    return people


def undo_import(batch: ImportBatch) -> tuple[int, int]:
    """Remove the untouched people the batch created; returns (removed, kept because touched)."""
    with transaction.atomic():
        total = batch.people.count()
        removable = undoable_people(batch)
        removed = removable.count()
        Person.objects.filter(pk__in=removable.values("pk")).delete()
        batch.status, batch.undone_at = ImportBatch.Status.UNDONE, timezone.now()
        batch.save(update_fields=["status", "undone_at", "updated_at"])
    return removed, total - removed

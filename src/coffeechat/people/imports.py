"""Importing contacts: match each record to the user's people, preview, apply in one go, undo.

Matching goes LinkedIn profile URL -> email -> folded name + organisation. A match only
fills what is empty (and adds emails, phones, links and tags it lacks); a differing value
the user already has is reported as a conflict and kept.
"""

from dataclasses import dataclass, field

from django.db import models, transaction
from django.utils import timezone

from coffeechat.people.formats import ContactRecord, ParseResult, RowProblem, parse_contacts
from coffeechat.people.models import ImportBatch, Organization, Person, Source, Tag
from coffeechat.text import fold

FORMAT_LABELS = {"linkedin": "LinkedIn connections", "google": "Google Contacts", "outlook": "Outlook contacts", "vcard": "vCard"}
# Fields a match fills when the user's value is empty, and reports when it differs.
SCALAR_FIELDS = ("title", "linkedin_url", "location")
LIST_FIELDS = ("emails", "phones", "links")


@dataclass
class Update:
    person: Person
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

    @property
    def summary(self) -> dict:
        return {
            "format": self.format,
            "new": len(self.new),
            "matched": self.matched,
            "updated": len(self.updates),
            "conflicts": len(self.conflicts),
            "skipped": len(self.problems),
        }


def _name_key(first: str, last: str, organization: str) -> tuple[str, str] | None:
    name = fold(f"{first} {last}")
    return (name, fold(organization)) if name else None


class _Index:
    """The user's people by profile URL, email and name + organisation, for constant-time matching."""

    def __init__(self, people):
        self.by_url, self.by_email, self.by_name = {}, {}, {}
        for person in people:
            self.add(person, person.linkedin_url, person.emails, person.first_name, person.last_name,
                     person.organization.name if person.organization else "")

    def add(self, target, url, emails, first, last, organization):
        if url:
            self.by_url.setdefault(url.lower().rstrip("/"), target)
        for email in emails:
            self.by_email.setdefault(email.lower(), target)
        key = _name_key(first, last, organization)
        if key:
            self.by_name.setdefault(key, target)

    def find(self, record: ContactRecord):
        if record.linkedin_url and (hit := self.by_url.get(record.linkedin_url.lower().rstrip("/"))):
            return hit
        for email in record.emails:
            if hit := self.by_email.get(email.lower()):
                return hit
        key = _name_key(record.first_name, record.last_name, record.organization)
        return self.by_name.get(key) if key else None


def _merge_into(first: ContactRecord, other: ContactRecord) -> None:
    """A second row for someone already new in this file: keep the first, add what it lacks."""
    for name in LIST_FIELDS + ("tags",):
        values = getattr(first, name)
        values.extend(v for v in getattr(other, name) if v not in values)
    for name in ("title", "organization", "linkedin_url", "location", "notes"):
        if not getattr(first, name):
            setattr(first, name, getattr(other, name))
    first.connected_on = first.connected_on or other.connected_on


def _compare(person: Person, record: ContactRecord, tag_names: set[str]) -> tuple[Update, list[dict]]:
    update, conflicts = Update(person=person, row=record.row), []

    def conflict(label, kept, offered):
        conflicts.append({"row": record.row, "person": person.display_name, "field": label, "kept": kept, "file": offered})

    for name in ("first_name", "last_name"):
        if not getattr(person, name) and getattr(record, name):
            update.filled[name] = getattr(record, name)
    for name in SCALAR_FIELDS:
        mine, theirs = getattr(person, name), getattr(record, name)
        if theirs and not mine:
            update.filled[name] = theirs
        elif theirs and fold(mine).rstrip("/") != fold(theirs).rstrip("/"):
            conflict(name.replace("_", " "), mine, theirs)
    for name in LIST_FIELDS:
        mine = getattr(person, name)
        known = {v.lower() for v in mine}
        extra = [v for v in getattr(record, name) if v.lower() not in known]
        if extra:
            update.filled[name] = mine + extra
    if record.connected_on and not person.connected_on:
        update.filled["connected_on"] = record.connected_on
    if record.notes and not person.research:
        update.filled["research"] = record.notes
    current_org = person.organization.name if person.organization else ""
    if record.organization and not current_org:
        update.organization = record.organization
    elif record.organization and fold(current_org) != fold(record.organization):
        conflict("organisation", current_org, record.organization)
    update.tags = [t for t in record.tags if fold(t) not in tag_names]
    return update, conflicts


def plan_import(owner, result: ParseResult) -> ImportPlan:
    """What importing `result` would do to `owner`'s people; reads, never writes."""
    people = list(Person.objects.for_user(owner).select_related("organization").prefetch_related("tags"))
    index = _Index(people)
    new: list[ContactRecord] = []
    first_row: dict[int, int] = {}
    updates: dict[int, Update] = {}
    conflicts: list[dict] = []
    problems = list(result.problems)
    for record in result.records:
        hit = index.find(record)
        if isinstance(hit, ContactRecord):
            _merge_into(hit, record)
            problems.append(RowProblem(record.row, f"the same person as row {hit.row}; merged into it"))
        elif isinstance(hit, Person):
            if hit.pk in first_row:
                problems.append(RowProblem(record.row, f"the same person as row {first_row[hit.pk]}; already matched"))
                continue
            first_row[hit.pk] = record.row
            update, found = _compare(hit, record, {fold(t.name) for t in hit.tags.all()})
            conflicts.extend(found)
            if update.filled or update.organization or update.tags:
                updates[hit.pk] = update
        else:
            new.append(record)
            index.add(record, record.linkedin_url, record.emails, record.first_name, record.last_name, record.organization)
    problems.sort(key=lambda p: p.row)
    return ImportPlan(result.format, new, len(first_row), list(updates.values()), conflicts, problems)


def _organizations(owner, names: set[str]) -> dict[str, Organization]:
    """Folded name -> organisation, creating the missing ones in one bulk insert."""
    existing = {fold(o.name): o for o in Organization.objects.for_user(owner)}
    missing = {}
    for name in names:
        key = fold(name)
        if key and key not in existing and key not in missing:
            missing[key] = Organization(owner=owner, name=name[:200])
            missing[key].refresh_search_text()
    if missing:
        Organization.objects.bulk_create(missing.values())
        existing.update({fold(o.name): o for o in Organization.objects.for_user(owner).filter(name__in=[o.name for o in missing.values()])})
    return existing


def _tag_links(owner, wanted: list[tuple[Person, list[str]]]) -> None:
    names = {fold(n): n for _, tags in wanted for n in tags}
    if not names:
        return
    existing = {fold(t.name): t for t in Tag.objects.for_user(owner)}
    Tag.objects.bulk_create([Tag(owner=owner, name=n[:60]) for key, n in names.items() if key not in existing])
    existing = {fold(t.name): t for t in Tag.objects.for_user(owner)}
    Through = Person.tags.through
    Through.objects.bulk_create(
        [Through(person_id=p.pk, tag_id=existing[fold(n)].pk) for p, tags in wanted for n in tags],
        ignore_conflicts=True,
    )


def _new_person(owner, record: ContactRecord, fmt: str, batch: ImportBatch, organizations) -> Person:
    person = Person(
        owner=owner, first_name=record.first_name[:150], last_name=record.last_name[:150],
        emails=record.emails, phones=record.phones, links=record.links, title=record.title[:200],
        linkedin_url=record.linkedin_url[:500], location=record.location[:200], research=record.notes,
        connected_on=record.connected_on, organization=organizations.get(fold(record.organization)),
        source=Source.LINKEDIN if fmt == "linkedin" else Source.OTHER,
        source_detail="" if fmt == "linkedin" else f"Imported from {FORMAT_LABELS.get(fmt, fmt)}",
        import_batch=batch,
    )
    person.refresh_search_text()
    return person


def apply_import(batch: ImportBatch, plan: ImportPlan) -> ImportBatch:
    """Write the plan in one transaction: all of it or, on any error, none of it."""
    owner, now = batch.owner, timezone.now()
    with transaction.atomic():
        organizations = _organizations(
            owner, {r.organization for r in plan.new if r.organization} | {u.organization for u in plan.updates if u.organization}
        )
        people = [_new_person(owner, r, plan.format, batch, organizations) for r in plan.new]
        Person.objects.bulk_create(people)
        changed_fields = {"updated_at", "search_text"}
        for update in plan.updates:
            for name, value in update.filled.items():
                setattr(update.person, name, value)
                changed_fields.add(name)
            if update.organization:
                update.person.organization = organizations[fold(update.organization)]
                changed_fields.add("organization")
            update.person.updated_at = now
            update.person.refresh_search_text()
        if plan.updates:
            Person.objects.bulk_update([u.person for u in plan.updates], sorted(changed_fields))
        _tag_links(owner, [(p, r.tags) for p, r in zip(people, plan.new, strict=True) if r.tags]
                   + [(u.person, u.tags) for u in plan.updates if u.tags])
        batch.status = ImportBatch.Status.DONE
        batch.content = None
        batch.created_count, batch.matched_count, batch.updated_count = len(people), plan.matched, len(plan.updates)
        batch.problems = [{"row": p.row, "reason": p.reason} for p in plan.problems]
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
    batch = ImportBatch.objects.create(owner=owner, filename=filename[:255], format=result.format)
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

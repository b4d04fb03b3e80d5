"""Writing an import plan in one transaction, and taking an import back."""

import functools
import json

from django.db import connection, models, transaction
from django.utils import timezone

from coffeechat.people.bulk import paused_gc
from coffeechat.people.formats import ContactRecord, parse_contacts
from coffeechat.people.formats.records import clean
from coffeechat.people.imports.planning import FORMAT_LABELS, ImportPlan, Update, plan_import
from coffeechat.people.imports.rows import RowInserter, max_parameters
from coffeechat.people.models import (
    ImportBatch,
    Organization,
    Person,
    Source,
    Tag,
    organization_search_text,
    person_search_text,
)
from coffeechat.text import fold


def _organizations(owner, names: set[str], cards: list[ContactRecord] = ()) -> dict[str, int]:
    """Folded name -> organisation id, creating the missing ones in a few statements.

    `cards` are company cards from the file: their web address and notes go on a new organisation.
    """
    existing = {fold(name): pk for pk, name in Organization.objects.for_user(owner).values_list("pk", "name")}
    card_for = {fold(c.organization): c for c in cards}
    missing = {}
    for name in names | {c.organization for c in cards}:
        key = fold(name)
        if key and key not in existing and key not in missing:
            card = card_for.get(key)
            name = name[:200]
            missing[key] = (name, card.links[0][:500] if card and card.links else "", card.notes if card else "",
                            organization_search_text(name, ""))
    if missing:
        now = timezone.now()
        RowInserter(Organization, {"owner": owner.pk, "created_at": now, "updated_at": now},
                    ("name", "website", "notes", "search_text")).insert(list(missing.values()))
        existing = {fold(name): pk for pk, name in Organization.objects.for_user(owner).values_list("pk", "name")}
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


# What varies from one imported person to the next, in the order `_insert_people` gives it.
PERSON_ROW = ("first_name", "middle_name", "last_name", "emails", "phones", "links", "title", "linkedin_url",
              "location", "research", "connected_on", "organization", "search_text")


def _insert_people(owner, records: list[ContactRecord], fmt: str, batch: ImportBatch, organizations) -> list[int]:
    """Insert one person per record (rows.py); returns their ids in record order when some
    records have tags to link (an empty list otherwise).

    The values are what the model would store: its length limits, its defaults, the search text.
    """
    if not records:
        return []
    now = timezone.now()
    source = Source.LINKEDIN if fmt == "linkedin" else Source.OTHER
    source_detail = "" if fmt == "linkedin" else f"Imported from {FORMAT_LABELS.get(fmt, fmt)}"
    fixed = {"owner": owner.pk, "source": source, "source_detail": source_detail, "import_batch": batch.pk,
             "created_at": now, "updated_at": now}
    dumps, date = json.dumps, connection.ops.adapt_datefield_value
    org_of = functools.lru_cache(maxsize=None)(lambda name: organizations.get(fold(name)) if name else None)

    def row(r: ContactRecord) -> tuple:
        first, middle, last, title = r.first_name[:150], r.middle_name[:150], r.last_name[:150], r.title[:200]
        location, emails = r.location[:200], r.emails
        return (first, middle, last, dumps(emails) if emails else "[]", dumps(r.phones) if r.phones else "[]",
                dumps(r.links) if r.links else "[]", title, r.linkedin_url[:500], location, r.notes,
                date(r.connected_on), org_of(r.organization),
                person_search_text(first, middle, last, title, location, emails, source_detail, r.notes))

    RowInserter(Person, fixed, PERSON_ROW).insert([row(r) for r in records])
    if not any(r.tags for r in records):
        return []
    ids = list(Person.objects.filter(owner=owner, import_batch=batch).order_by("pk").values_list("pk", flat=True))
    return ids[-len(records):]


# What a person's search text is made of (Person.refresh_search_text), in person_search_text's order.
_SEARCH_PARTS = ("first_name", "middle_name", "last_name", "title", "location", "emails", "source_detail", "research")


def _fill_in(owner, updates: list[Update], organizations: dict[str, int], now) -> None:
    """Fill in what each matched person had empty: one UPDATE a person, run together
    (executemany) for the people whose same fields change.

    Each person is read again first (inside the transaction), so the search text is worked out
    from what they hold now; it is written only when it changes (on SQLite its full-text index
    is rewritten for every row whose search text is set). Someone removed since the preview is
    left out.
    """
    if not updates:
        return
    fields = {f.name: f for f in Person._meta.concrete_fields}
    ids = [u.person.pk for u in updates]
    current = {}
    step = max(1, max_parameters() - 1)
    for start in range(0, len(ids), step):
        query = Person.objects.for_user(owner).filter(pk__in=ids[start:start + step])
        current.update((pk, rest) for pk, *rest in query.values_list("pk", *_SEARCH_PARTS, "search_text"))
    groups: dict[tuple, list] = {}
    for update in updates:
        held = current.get(update.person.pk)
        if held is None:
            continue
        changed = {name: value[:fields[name].max_length] if isinstance(value, str) and fields[name].max_length else value
                   for name, value in update.filled.items()}
        if update.organization:
            changed["organization"] = organizations[fold(update.organization)]
        parts = dict(zip(_SEARCH_PARTS, held, strict=False))
        parts.update((name, value) for name, value in changed.items() if name in parts)
        text = person_search_text(*(parts[name] for name in _SEARCH_PARTS))
        if text != held[-1]:
            changed["search_text"] = text
        names = tuple(sorted(changed))
        values = [fields[name].get_db_prep_save(changed[name], connection) for name in names]
        groups.setdefault(names, []).append((values, update.person.pk))
    quote = connection.ops.quote_name
    table = quote(Person._meta.db_table)
    stamp = fields["updated_at"].get_db_prep_save(now, connection)
    with connection.cursor() as cursor:
        for names, rows in groups.items():
            sets = ", ".join(f"{quote(fields[name].column)} = %s" for name in (*names, "updated_at"))
            cursor.executemany(f"UPDATE {table} SET {sets} WHERE id = %s AND owner_id = %s",
                               [[*values, stamp, pk, owner.pk] for values, pk in rows])


@paused_gc()
def apply_import(batch: ImportBatch, plan: ImportPlan) -> ImportBatch:
    """Write the plan in one transaction: all of it or, on any error, none of it."""
    owner, now = batch.owner, timezone.now()
    with transaction.atomic():
        organizations = _organizations(
            owner, {r.organization for r in plan.new if r.organization} | {u.organization for u in plan.updates if u.organization},
            plan.organizations,
        )
        people = _insert_people(owner, plan.new, plan.format, batch, organizations)
        _fill_in(owner, plan.updates, organizations, now)
        _tag_links(owner, [(pk, r.tags) for pk, r in zip(people, plan.new, strict=False) if r.tags]
                   + [(u.person.pk, u.tags) for u in plan.updates if u.tags])
        batch.status = ImportBatch.Status.DONE
        batch.content = None
        batch.created_count, batch.matched_count, batch.updated_count = len(plan.new), plan.matched, len(plan.updates)
        batch.problems = [{"row": p.row, "reason": p.reason, "skipped": p.skipped} for p in plan.problems]
        batch.conflicts = plan.conflicts
        batch.imported_at = timezone.now()
        batch.save()
    return batch


@paused_gc()
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

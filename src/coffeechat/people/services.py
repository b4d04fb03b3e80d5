"""People and organisations: the writes and queries that views and commands share."""

from collections import defaultdict
from datetime import datetime, timedelta

from django.core.paginator import Page, Paginator
from django.db.models import FilteredRelation, Prefetch, Q, QuerySet
from django.db.models.functions import Lower
from django.utils import timezone

from coffeechat.people.models import (
    CommonalityKind,
    Organization,
    Person,
    Tag,
)
from coffeechat.people.search import matching
from coffeechat.text import fold


def split_name(name: str) -> tuple[str, str]:
    """'Ada King Lovelace' -> ('Ada King', 'Lovelace'); a single word is a first name."""
    parts = name.split()
    return (" ".join(parts[:-1]), parts[-1]) if len(parts) > 1 else (" ".join(parts), "")


def organization_named(owner, name: str) -> Organization | None:
    """The user's organisation with this name (any case), created when new; None for a blank name."""
    name = " ".join((name or "").split())
    if not name:
        return None
    existing = Organization.objects.for_user(owner).filter(name__iexact=name).first()
    if existing is None:
        # iexact is ASCII-only on SQLite; compare folded names too before creating another.
        key = fold(name)
        existing = next(
            (org for org in Organization.objects.for_user(owner) if fold(org.name) == key), None
        )
    return existing or Organization.objects.create(owner=owner, name=name)


def matching_people(owner, *, name: str, organization: str = "", email: str = "", linkedin_url: str = "") -> list[tuple[Person, str]]:
    """People already recorded who may be this one, best evidence first: [(person, "same email"), …].

    Email, then LinkedIn profile, then the folded name with the organisation (the name alone when no
    organisation is given); each person once.
    """
    name_key, org_key = fold(name), fold(organization)
    email, url = (email or "").strip().lower(), (linkedin_url or "").strip().lower().rstrip("/")
    wanted = Q(search_text__contains=name_key) if name_key else Q(pk__in=[])
    if email:
        wanted |= Q(search_text__contains=fold(email))
    if url:
        wanted |= Q(linkedin_url__icontains=url.split("://", 1)[-1])
    found: dict[int, tuple[Person, str, int]] = {}
    for person in Person.objects.for_user(owner).filter(wanted).select_related("organization"):
        person_org = fold(person.organization.name) if person.organization_id else ""
        reasons = [
            (0, "same email") if email and email in {e.lower() for e in person.emails} else None,
            (1, "same LinkedIn profile") if url and person.linkedin_url.lower().rstrip("/") == url else None,
            (2, "same name and organisation") if name_key and fold(f"{person.first_name} {person.last_name}") == name_key
            and (not org_key or org_key == person_org) else None,
        ]
        best = min((r for r in reasons if r), default=None)
        if best:
            found[person.pk] = (person, best[1] if org_key or best[0] < 2 else "same name", best[0])
    return [(p, why) for p, why, _ in sorted(found.values(), key=lambda item: (item[2], item[0].pk))]


def set_tags(person: Person, names: list[str]) -> None:
    owner = person.owner
    wanted = {fold(n): " ".join(n.split()) for n in names if n.strip()}
    tags = []
    existing = {fold(t.name): t for t in Tag.objects.for_user(owner)}
    for key, name in wanted.items():
        tags.append(existing.get(key) or Tag.objects.create(owner=owner, name=name[:60]))
    person.tags.set(tags)


def parse_tags(text: str) -> list[str]:
    return [part.strip() for part in (text or "").split(",") if part.strip()]


def parse_commonalities(text: str) -> list[dict]:
    """'School: McGill' lines into [{"kind": "school", "detail": "McGill"}]; unknown kinds become other."""
    labels = {fold(label): value for value, label in CommonalityKind.choices}
    labels.update({value: value for value in CommonalityKind.values})
    items = []
    for line in (text or "").splitlines():
        line = line.strip(" -•\t")
        if not line:
            continue
        kind, sep, detail = line.partition(":")
        key = fold(kind)
        if sep and key in labels and detail.strip():
            items.append({"kind": labels[key], "detail": detail.strip()})
        else:
            items.append({"kind": CommonalityKind.OTHER, "detail": line})
    return items


def format_commonalities(items: list[dict]) -> str:
    names = dict(CommonalityKind.choices)
    return "\n".join(f"{names.get(i.get('kind'), 'Other')}: {i.get('detail', '')}" for i in items or [])


def search_people(queryset: QuerySet, query: str, owner) -> QuerySet:
    """Every word must start a word of the person's text or of their organisation's name, accents ignored:
    by the full-text index (people.search); the organisations matched are `owner`'s own."""
    return matching(queryset, query, owner)


SORTS = {
    "name": ("last_name", "first_name", "pk"),
    "-created": ("-created_at", "-pk"),
    "organization": ("own_organization__name", "last_name", "first_name", "pk"),
    "-updated": ("-updated_at", "-pk"),
}
SORT_LABELS = {"name": "Name", "organization": "Organisation", "-created": "Newest", "-updated": "Recently changed"}


def people_list(owner, *, query: str = "", source: str = "", tag: str = "", sort: str = "name", batch: int | None = None,
                organization: int | None = None) -> QuerySet:
    # The organisation is read for the page's rows only, and only among the user's own organisations.
    people = Person.objects.for_user(owner).prefetch_related(
        Prefetch("organization", queryset=Organization.objects.for_user(owner)), "tags")
    if query:
        people = search_people(people, query, owner)
    if source:
        people = people.filter(source=source)
    if tag:
        people = people.filter(tags__name__iexact=tag)
    if batch:
        people = people.filter(import_batch_id=batch)
    if organization:
        people = people.filter(organization_id=organization)
    if sort == "organization":
        people = people.annotate(own_organization=FilteredRelation("organization", condition=Q(organization__owner=owner)))
    return people.order_by(*SORTS.get(sort, SORTS["name"]))


# What a row of the list shows (people_rows): the other columns stay in the database.
LIST_FIELDS = ("first_name", "middle_name", "last_name", "emails", "title", "source", "organization")


def _with_labels(people: list[Person], owner) -> list[Person]:
    """Set each row's `organization_name` and `tag_names`, read in two small queries for the whole page.

    Django's prefetch built a queryset per person for the tags: most of the list's time for 25 rows.
    The organisation is read among the owner's own only.
    """
    organization_ids = {person.organization_id for person in people if person.organization_id}
    names = dict(Organization.objects.for_user(owner).filter(pk__in=organization_ids).values_list("pk", "name")) if organization_ids else {}
    tags = defaultdict(list)
    for person_id, tag in (Person.tags.through.objects.filter(person_id__in=[person.pk for person in people])
                           .order_by(Lower("tag__name")).values_list("person_id", "tag__name")):
        tags[person_id].append(tag)
    for person in people:
        person.organization_name = names.get(person.organization_id, "")
        person.tag_names = tags[person.pk]
    return people


def people_page(owner, number, size: int, *, query: str = "", sort: str = "name", **filters) -> Page:
    """One page of `people_list`, with what its rows show (`_with_labels`).

    A search reads its matches once: their ids in order (the count is their number), then the page's
    rows by id. Counting and paging as two queries ran the full-text match twice, and the match, not
    the 25 rows, is what a search costs. Without a search the list pages by its index as usual.
    """
    def listed(**criteria) -> QuerySet:
        return people_list(owner, sort=sort, **criteria).prefetch_related(None).only(*LIST_FIELDS)

    people = listed(query=query, **filters)
    if query:
        page = Paginator(list(people.values_list("pk", flat=True)), size).get_page(number)
        rows = listed().filter(pk__in=page.object_list)
    else:
        page = Paginator(people, size).get_page(number)
        rows = page.object_list
    page.object_list = _with_labels(list(rows), owner)
    return page


def advance_keep_in_touch(person: Person, when: datetime, *, talk: bool = False, now: datetime | None = None) -> None:
    """Move the person's stored keep-in-touch clock for an interaction at `when`.

    The clock starts with the first conversation held or scheduled (`talk`); other contact before that
    does not count. The stored value is the latest interaction up to now or, while none has happened
    yet, the earliest one to come: never later than the clock the due rules compute at any moment, so
    the indexed candidate query (`next due <= horizon`) never misses someone the rules would list.
    """
    now = now or timezone.now()
    last = person.last_interaction_at
    if last is None:
        if not talk:
            return
        new = when
    elif last > now:
        new = min(last, when)
    else:
        new = max(last, when) if when <= now else last
    if new == last:
        return
    person.last_interaction_at = new
    person.refresh_next_keep_in_touch()
    Person.objects.filter(pk=person.pk).update(last_interaction_at=new, next_keep_in_touch_at=person.next_keep_in_touch_at)


def keep_in_touch_due_q(default_days: int, horizon: datetime | None) -> Q:
    """People whose keep-in-touch may be due by `horizon` (any time when None), by the stored clock.

    Two indexed paths: people on the user's default cadence by their last interaction, people with a
    cadence of their own by their stored next date.
    """
    own = Q(next_keep_in_touch_at__isnull=False) if horizon is None else Q(next_keep_in_touch_at__lte=horizon)
    if not default_days:
        return own
    since = Q(last_interaction_at__isnull=False) if horizon is None else Q(last_interaction_at__lte=horizon - timedelta(days=default_days))
    return Q(keep_in_touch_days__isnull=True) & since | own

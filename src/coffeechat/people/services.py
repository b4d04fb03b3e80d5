"""People and organisations: the writes and queries that views and commands share."""

from django.db.models import Q, QuerySet

from coffeechat.people.models import CommonalityKind, Organization, Person, Tag
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


def search_people(queryset: QuerySet, query: str) -> QuerySet:
    """Every word must appear in the person's text or their organisation's name, accents ignored."""
    for word in fold(query).split():
        queryset = queryset.filter(
            Q(search_text__contains=word) | Q(organization__search_text__contains=word)
        )
    return queryset


SORTS = {
    "name": ("last_name", "first_name", "pk"),
    "-created": ("-created_at", "-pk"),
    "organization": ("organization__name", "last_name", "first_name", "pk"),
    "-updated": ("-updated_at", "-pk"),
}
SORT_LABELS = {"name": "Name", "organization": "Organisation", "-created": "Newest", "-updated": "Recently changed"}


def people_list(owner, *, query: str = "", source: str = "", tag: str = "", sort: str = "name", batch: int | None = None) -> QuerySet:
    people = Person.objects.for_user(owner).select_related("organization").prefetch_related("tags")
    if query:
        people = search_people(people, query)
    if source:
        people = people.filter(source=source)
    if tag:
        people = people.filter(tags__name__iexact=tag)
    if batch:
        people = people.filter(import_batch_id=batch)
    return people.order_by(*SORTS.get(sort, SORTS["name"]))

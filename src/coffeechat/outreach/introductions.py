"""Names given by someone already known: each becomes a person introduced by them."""

from django.db import transaction
from django.utils import timezone

from coffeechat.conversations.services import record_contact
from coffeechat.outreach.models import Message, MessageKind
from coffeechat.people.models import Person, Source
from coffeechat.people.services import organization_named, split_name
from coffeechat.text import fold


def existing_person(owner, *, name: str, organization: str, email: str) -> Person | None:
    """The person already in the list: same email, else same folded name at the same organisation."""
    people = Person.objects.for_user(owner).select_related("organization")
    if email:
        for person in people.filter(emails__icontains=email):
            if email.lower() in (e.lower() for e in person.emails):
                return person
    first, last = split_name(name)
    for person in people.filter(last_name__iexact=last, first_name__iexact=first):
        their_org = person.organization.name if person.organization_id else ""
        if fold(their_org) == fold(organization):
            return person
    return None


@transaction.atomic
def record_names(introducer: Person, names: list[dict]) -> list[Person]:
    """Each name becomes a person introduced by `introducer` (or links to one already known)."""
    owner, now = introducer.owner, timezone.now()
    people = []
    for entry in names:
        person = existing_person(owner, name=entry["name"], organization=entry["organization"], email=entry["email"])
        if person is not None and person.pk == introducer.pk:
            continue  # nobody is their own introduction
        if person is None:
            first, last = split_name(entry["name"])
            person = Person(owner=owner, first_name=first[:150], last_name=last[:150], source=Source.INTRODUCTION,
                            emails=[entry["email"]] if entry["email"] else [],
                            organization=organization_named(owner, entry["organization"]))
        if person.pk is None or person.referred_by_id is None:
            person.referred_by, person.may_use_referrer_name = introducer, entry["may_use_name"]
            person.save()
        people.append(person)
    if not people:
        return people
    listed = ", ".join(p.display_name for p in people)
    Message.objects.create(owner=owner, person=introducer, kind=MessageKind.REPLY, sent_at=now,
                           body=f"Suggested I talk to: {listed}.")
    record_contact(introducer, now)
    return people

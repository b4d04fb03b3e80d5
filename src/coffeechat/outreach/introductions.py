"""Names given by someone already known: each becomes a person introduced by them."""

from django.db import transaction
from django.utils import timezone

from coffeechat.conversations.services import record_contact
from coffeechat.outreach.models import Message, MessageKind
from coffeechat.people.models import Person, Source
from coffeechat.people.services import matching_people, organization_named, split_name


def existing_person(owner, *, name: str, organization: str, email: str) -> Person | None:
    """The person already in the list: same email, else same name at the same organisation.

    Linked without asking, so a bare name only matches someone who has no organisation either.
    """
    for person, why in matching_people(owner, name=name, organization=organization, email=email):
        if why != "same name" or not person.organization_id:
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

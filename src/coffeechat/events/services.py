"""Recording who was met at an event: each becomes a person whose source is the event."""

from django.db import transaction

from coffeechat.events.models import Event
from coffeechat.people.models import Person, Source
from coffeechat.people.services import organization_named, split_name


@transaction.atomic
def add_person_met(event: Event, *, name: str, organization: str = "", line: str = "", email: str = "") -> Person:
    first, last = split_name(" ".join(name.split()))
    person = Person(
        owner=event.owner, first_name=first[:150], last_name=last[:150], source=Source.EVENT,
        source_detail=event.name[:300], event=event, emails=[email] if email else [],
        organization=organization_named(event.owner, organization[:200]),
        research=f"Met at {event.name} ({event.date:%-d %B %Y}): {line}" if line else "",
    )
    person.save()
    return person

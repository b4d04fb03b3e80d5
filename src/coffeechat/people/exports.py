"""People out to files: our CSV and vCard, through the shared format writers."""

import uuid

from coffeechat.people.formats import ContactRecord, write_csv, write_vcards
from coffeechat.people.models import Person


def person_record(person: Person) -> ContactRecord:
    return ContactRecord(
        row=0, first_name=person.first_name, middle_name=person.middle_name, last_name=person.last_name, emails=list(person.emails),
        phones=list(person.phones), organization=person.organization.name if person.organization else "",
        title=person.title, linkedin_url=person.linkedin_url, links=list(person.links),
        location=person.location, notes=person.research, tags=[t.name for t in person.tags.all()],
        connected_on=person.connected_on, uid=str(uuid.uuid5(uuid.NAMESPACE_URL, f"coffeechat:person:{person.owner_id}:{person.pk}")),
    )


def export_people(user, fmt: str) -> str:
    people = Person.objects.for_user(user).select_related("organization").prefetch_related("tags").order_by("pk")
    records = (person_record(p) for p in people)
    return write_csv(records) if fmt == "csv" else write_vcards(records)

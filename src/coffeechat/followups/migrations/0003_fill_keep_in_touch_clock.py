"""Fill the people's keep-in-touch clock (people 0006) from the messages, touches and conversations
already recorded, with the rule people.services.advance_keep_in_touch keeps from now on."""

from collections import defaultdict
from datetime import timedelta

from django.db import migrations
from django.utils import timezone


def fill(apps, schema_editor):
    Person = apps.get_model("people", "Person")
    Conversation = apps.get_model("conversations", "Conversation")
    Message = apps.get_model("outreach", "Message")
    Touch = apps.get_model("followups", "Touch")
    now = timezone.now()
    talks = defaultdict(list)
    for person_id, state, ended_at, start, minutes in Conversation.objects.filter(state__in=["held", "scheduled"]).values_list(
            "person_id", "state", "ended_at", "scheduled_start", "minutes"):
        end = ended_at if state == "held" and ended_at else (start + timedelta(minutes=minutes) if start else None)
        if end is not None:
            talks[person_id].append(end)
    if not talks:
        return
    moments = defaultdict(list)
    for person_id, when in Message.objects.filter(sent_at__isnull=False, person_id__in=list(talks)).values_list("person_id", "sent_at"):
        moments[person_id].append(when)
    for person_id, when in Touch.objects.filter(person_id__in=list(talks)).values_list("person_id", "happened_at"):
        moments[person_id].append(when)
    people = Person.objects.filter(pk__in=list(talks)).only("pk", "keep_in_touch_days")
    for person in people.iterator(chunk_size=2000):
        everything = talks[person.pk] + moments[person.pk]
        past = [t for t in everything if t <= now]
        person.last_interaction_at = max(past) if past else min(talks[person.pk])
        days = person.keep_in_touch_days
        person.next_keep_in_touch_at = person.last_interaction_at + timedelta(days=days) if days else None
        Person.objects.filter(pk=person.pk).update(
            last_interaction_at=person.last_interaction_at, next_keep_in_touch_at=person.next_keep_in_touch_at)


class Migration(migrations.Migration):

    dependencies = [
        ("followups", "0002_alter_task_conversation"),
        ("people", "0006_person_keep_in_touch_clock"),
        ("outreach", "0003_delete_mailaccount"),
        ("conversations", "0001_initial"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]

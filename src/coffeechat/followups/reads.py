"""Today's and the navigation's bounded read (snapshot.Reading) in plain SQL.

On a network of a few hundred people, building and compiling the ORM querysets of this read cost Today
more than running them (about 6 of 8 ms). The reads here are the ORM path's reads, written out once:
the same rows, turned into the same model instances (`Model.from_db`, each column through the ORM's own
converters, related rows cached as `select_related` caches them), so the rules cannot tell them apart.
Times outside a model's columns (the last thank-you, what was sent, the marks) are read as counts.py
reads its own (`read_moment`).
"""

from collections import defaultdict

from django.db import connection, connections

from coffeechat.conversations.models import Conversation
from coffeechat.events.models import Event
from coffeechat.followups.counts import quoted_table, read_moment
from coffeechat.followups.models import DueMark, Task, Touch
from coffeechat.outreach.models import Message, MessageKind
from coffeechat.people.models import NAME_FIELDS, Organization, Person
from coffeechat.questions.models import PlanItem

PERSON_KINDS = ("contact_referral", "event_follow_up", "keep_in_touch")
CONVERSATION_KINDS = ("thank_you", "reflect", "second_contact", "follow_up")


class Columns:
    """Some fields of a model, selected under an alias, and an instance made of them as the ORM makes it."""

    def __init__(self, model, names):
        wanted = {model._meta.pk.name, *names}
        # from_db takes the loaded values in the model's field order; the primary key comes first
        self.fields = [f for f in model._meta.concrete_fields if f.name in wanted or f.attname in wanted]
        found = {name for f in self.fields for name in (f.name, f.attname)}
        assert wanted <= found and self.fields[0].primary_key, f"{model.__name__} has no field {wanted - found}"
        self.model, self.attnames = model, [f.attname for f in self.fields]

    def __len__(self) -> int:
        return len(self.fields)

    def sql(self, alias: str) -> str:
        return ", ".join(f"{alias}.{connection.ops.quote_name(f.column)}" for f in self.fields)

    def reader(self):
        """A function from this many values of a row to an instance (None where an outer join found nothing),
        each value through what the ORM runs on it as it reads it (on SQLite, times come as text)."""
        converters = []
        for index, field in enumerate(self.fields):
            column = field.get_col(self.model._meta.db_table)
            found = connection.ops.get_db_converters(column) + column.get_db_converters(connection)
            if found:
                converters.append((index, found, column))
        model, attnames = self.model, self.attnames
        database = connections[connection.alias]  # this thread's connection, not the proxy to it

        def build(values):
            if values[0] is None:
                return None
            values = list(values)
            for index, found, column in converters:
                for convert in found:
                    values[index] = convert(values[index], column, database)
            return model.from_db(database.alias, attnames, values)

        return build


CONVERSATION = Columns(Conversation, ["owner", "person", "state", "minutes", "medium", "requested_at", "follow_up_sent_at",
                                      "scheduled_start", "invitation_sent_at", "checklist", "ended_at", "reflected_at"])
TALK = Columns(Conversation, ["person", "state", "ended_at", "scheduled_start", "minutes"])
PERSON = Columns(Person, ["owner", *NAME_FIELDS, "organization", "created_at", "source", "referred_by", "event",
                          "keep_in_touch_days", "last_interaction_at", "next_keep_in_touch_at"])
NAMED = Columns(Person, [*NAME_FIELDS, "organization"])      # a conversation's person
REFERRER = Columns(Person, NAME_FIELDS)
ORGANIZATION = Columns(Organization, ["name"])
EVENT = Columns(Event, ["name", "date"])
TASK = Columns(Task, ["owner", "title", "due_at", "person", "conversation"])
TASK_PERSON = Columns(Person, NAME_FIELDS)


def _among(column: str, values) -> tuple[str, list]:
    """column IN values. PostgreSQL takes them as one array: the statement's text stays the same whatever
    their number, so psycopg parses it once and PostgreSQL prepares it once a connection."""
    if connection.vendor == "postgresql":
        return f"{column} = ANY(%s)", [list(values)]
    return f"{column} IN ({', '.join(['%s'] * len(values))})", list(values)


def _rows(sql: str, params) -> list:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _splitter(*parts: Columns):
    """A function from a row of several models' columns, one after the other, to their instances and the rest."""
    readers = [(columns.reader(), len(columns)) for columns in parts]

    def split(row) -> list:
        found, start = [], 0
        for build, width in readers:
            found.append(build(row[start:start + width]))
            start += width
        return [*found, row[start:]]

    return split


def conversations(user, ids, meetings: tuple | None, thanks: bool) -> list:
    """Conversations by id, and (meetings: (after, until)) the meetings to come then, with their person and
    organisation, whether they have a plan (`plan_count`) and, with `thanks`, their latest thank-you sent."""
    if not ids and meetings is None:
        return []
    adapt = connection.ops.adapt_datetimefield_value
    among, params = _among("c.id", ids) if ids else ("", [])
    chosen, params = [among] if ids else [], [user.pk, *params]
    if meetings is not None:
        chosen.append(f"(c.state = '{Conversation.State.SCHEDULED}' AND c.scheduled_start > %s AND c.scheduled_start <= %s)")
        params += [adapt(meetings[0]), adapt(meetings[1])]
    last_thanks = (f"(SELECT MAX(t.sent_at) FROM {quoted_table(Message)} t WHERE t.conversation_id = c.id "
                   f"AND t.kind = '{MessageKind.THANK_YOU}' AND t.sent_at IS NOT NULL)") if thanks else "NULL"
    sql = (f"SELECT {CONVERSATION.sql('c')}, {NAMED.sql('p')}, {ORGANIZATION.sql('o')}, "
           f"CASE WHEN EXISTS (SELECT 1 FROM {quoted_table(PlanItem)} q WHERE q.owner_id = c.owner_id AND q.conversation_id = c.id) "
           f"THEN 1 ELSE 0 END, {last_thanks} "
           f"FROM {quoted_table(Conversation)} c INNER JOIN {quoted_table(Person)} p ON p.id = c.person_id "
           f"LEFT JOIN {quoted_table(Organization)} o ON o.id = p.organization_id "
           f"WHERE c.owner_id = %s AND ({' OR '.join(chosen)})")
    found, split = [], _splitter(CONVERSATION, NAMED, ORGANIZATION)
    for row in _rows(sql, params):
        conversation, person, organization, (plan, thanked) = split(row)
        Person._meta.get_field("organization").set_cached_value(person, organization)
        Conversation._meta.get_field("person").set_cached_value(conversation, person)
        conversation.plan_count = bool(plan)
        if thanks:
            conversation.last_thank_you = read_moment(thanked)
        found.append(conversation)
    return found


def people(user, ids) -> dict:
    """People by id, with their organisation, who referred them and the event they were met at."""
    if not ids:
        return {}
    among, params = _among("p.id", ids)
    sql = (f"SELECT {PERSON.sql('p')}, {ORGANIZATION.sql('o')}, {REFERRER.sql('r')}, {EVENT.sql('e')} "
           f"FROM {quoted_table(Person)} p LEFT JOIN {quoted_table(Organization)} o ON o.id = p.organization_id "
           f"LEFT JOIN {quoted_table(Person)} r ON r.id = p.referred_by_id LEFT JOIN {quoted_table(Event)} e ON e.id = p.event_id "
           f"WHERE p.owner_id = %s AND {among}")
    found, split = {}, _splitter(PERSON, ORGANIZATION, REFERRER, EVENT)
    for row in _rows(sql, [user.pk, *params]):
        person, organization, referrer, event, _ = split(row)
        for name, related in (("organization", organization), ("referred_by", referrer), ("event", event)):
            Person._meta.get_field(name).set_cached_value(person, related)
        found[person.pk] = person
    return found


def interactions(ids) -> tuple[dict, dict, set]:
    """For these people: when anything was sent or a touch logged, their held or scheduled conversations,
    and who has been written to (a sent message that is not a reply)."""
    moments, talks, contacted = defaultdict(list), defaultdict(list), set()
    if not ids:
        return {}, {}, contacted
    sent_by, params = _among("s.person_id", ids)
    touched_by, _ = _among("h.person_id", ids)
    sql = (f"SELECT s.person_id, s.kind, s.sent_at FROM {quoted_table(Message)} s WHERE {sent_by} "
           f"AND s.sent_at IS NOT NULL UNION ALL SELECT h.person_id, '', h.happened_at FROM {quoted_table(Touch)} h WHERE {touched_by}")
    for pid, kind, sent in _rows(sql, params * 2):
        moments[pid].append(read_moment(sent))
        if kind and kind != MessageKind.REPLY:
            contacted.add(pid)
    State = Conversation.State
    talked_with, params = _among("c.person_id", ids)
    sql = (f"SELECT {TALK.sql('c')} FROM {quoted_table(Conversation)} c WHERE {talked_with} "
           f"AND c.state IN ('{State.HELD}', '{State.SCHEDULED}')")
    build = TALK.reader()
    for row in _rows(sql, params):
        talk = build(row)
        talks[talk.person_id].append(talk)
    return dict(moments), dict(talks), contacted


def tasks(user, ids) -> list:
    """Tasks by id, with the person each is about."""
    if not ids:
        return []
    among, params = _among("k.id", ids)
    sql = (f"SELECT {TASK.sql('k')}, {TASK_PERSON.sql('p')} FROM {quoted_table(Task)} k "
           f"LEFT JOIN {quoted_table(Person)} p ON p.id = k.person_id WHERE k.owner_id = %s AND {among}")
    found, split = [], _splitter(TASK, TASK_PERSON)
    for row in _rows(sql, [user.pk, *params]):
        task, person, _ = split(row)
        Task._meta.get_field("person").set_cached_value(task, person)
        found.append(task)
    return found


def marks(user, keys) -> list[tuple]:
    """(key, done at, snoozed until) of the user's marks with these keys (None: all of them)."""
    if keys is not None and not keys:
        return []
    key = connection.ops.quote_name("key")
    among, params = _among(f"m.{key}", keys) if keys is not None else ("", [])
    sql = f"SELECT m.{key}, m.done_at, m.snoozed_until FROM {quoted_table(DueMark)} m WHERE m.owner_id = %s" + (f" AND {among}" if among else "")
    return [(key, read_moment(done), read_moment(snoozed)) for key, done, snoozed in _rows(sql, [user.pk, *params])]

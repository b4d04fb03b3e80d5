"""The due items that pile up, counted in SQL without reading a row: one statement for all of them.

Held conversations never thanked or reflected on, referrals and people met at events never written to,
tasks and keep-in-touch pile up with the size of a network; Today reads only a screenful of each
(snapshot.py) and the navigation reads none. Each is counted here by the same rules as rules.py:

- thank_you:        held (or scheduled, once its end has passed), `thank_you_hours` after the end, unless a
                    thank-you was sent from an hour before the end;
- reflect:          held (the same), REFLECT_DAYS after the end, unless reflected on;
- contact_referral: suggested or introduced, never written to, no conversation past its draft,
                    REFERRAL_DAYS after they were added;
- event_follow_up:  met at an event, never written to, at 17:00 FOLLOW_UP_DAYS after the event (user's zone);
- follow_up:        requests unanswered and not followed up, sent long enough ago that their follow-up time
                    has surely come (surely_follow_up);
- second_contact,   more recent requests: their sending times and marks are read (a few rows of three values)
  follow_up:        and rules.request_item decides, in business days, which is due and when;
- task:             at its due time;
- keep_in_touch:    by the stored clock (see _keep_in_touch_kinds).

A done mark leaves an item out; a snooze moves it to the snooze's end. A due time "by" a bound means at or
before it. The statement is plain SQL (the ORM's compiling of a dozen subqueries cost more than running
them), parameterised, one branch per kind, each read through an index on the owner.
"""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db import connection
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from coffeechat.conversations.models import Conversation
from coffeechat.conversations.routine import add_business_days
from coffeechat.events.models import FOLLOW_UP_DAYS, Event
from coffeechat.followups.models import DueMark, Task
from coffeechat.outreach.models import Message, MessageKind
from coffeechat.people.models import Person, Source

EVENT_FOLLOW_UP_TIME = time(17, 0)
COUNTED = ("thank_you", "reflect", "second_contact", "follow_up", "contact_referral", "event_follow_up", "task", "keep_in_touch")

# No time, typed as one (PostgreSQL types a bare NULL in a subquery or a union as text).
NO_TIME = "CAST(NULL AS TIMESTAMP WITH TIME ZONE)"
# Date arithmetic on a column, which plain SQL spells differently on each database.
_THANKED_IN_TIME = {  # a thank-you sent from an hour before the end ({} is the end)
    "sqlite": "julianday(t.sent_at) >= julianday({}) - 1.0 / 24",
    "postgresql": "t.sent_at >= {} - INTERVAL '1 hour'",
}
_SCHEDULED_END = {  # scheduled_start + minutes, as a stored time compares
    "sqlite": "strftime('%%Y-%%m-%%d %%H:%%M:%%f', c.scheduled_start, '+' || c.minutes || ' minutes')",
    "postgresql": "c.scheduled_start + c.minutes * INTERVAL '1 minute'",
}
_CADENCE_FROM_ADDED = {  # created_at + the person's own cadence, as a stored time compares
    "sqlite": "strftime('%%Y-%%m-%%d %%H:%%M:%%f', p.created_at, '+' || p.keep_in_touch_days || ' days')",
    "postgresql": "p.created_at + p.keep_in_touch_days * INTERVAL '1 day'",
}
_KEY_ID = {  # the id in a due key "kind:id" or "kind:id:moment", the kind's prefix being {} characters long less one
    "sqlite": "CAST(substr(n.\"key\", {}) AS INTEGER)",  # SQLite reads the leading digits
    "postgresql": "CAST(split_part(n.\"key\", ':', 2) AS BIGINT)",
}
_KEY_PREFIX = {  # due keys that start with "kind:" ({prefix}; {after} is "kind;", the next string after them all)
    # SQLite compares text byte by byte: a range, sought in the (owner, key) index, not every mark read.
    "sqlite": "{key} >= '{prefix}' AND {key} < '{after}'",
    # PostgreSQL's collation may pass over punctuation when it compares: no range on its index.
    "postgresql": "substr({key}, 1, {length}) = '{prefix}'",
}
_MINUTE_KEY = {  # a stored time as the due keys spell it (%Y%m%d%H%M, UTC)
    "sqlite": "strftime('%%Y%%m%%d%%H%%M', {})",
    "postgresql": "to_char({} AT TIME ZONE 'UTC', 'YYYYMMDDHH24MI')",
}


@dataclass
class Counts:
    """For each counted kind: how many are due by each bound (in the order given) and in all, and the ids
    of the rows read for a screenful (conversations for thank_you and reflect, people, tasks)."""

    by: dict[str, list[int]]
    total: dict[str, int]
    introducers: int = 0  # people who gave names by introduction (their thank-you is read, not counted)
    meetings: int = 0     # meetings to come before `meetings_until` (read for the rules' preparation item)
    read: dict[str, set[int]] = field(default_factory=dict)

    def due_by(self, index: int) -> int:
        return sum(counts[index] for counts in self.by.values())


def event_follow_up_at(day: date, time_zone: str) -> datetime:
    """The end of the working day, FOLLOW_UP_DAYS after an event on `day`, in the user's zone."""
    return datetime.combine(day + timedelta(days=FOLLOW_UP_DAYS), EVENT_FOLLOW_UP_TIME, tzinfo=ZoneInfo(time_zone or "UTC"))


def last_event_day(by: datetime, time_zone: str) -> date:
    """The last event day whose follow-up (17:00, FOLLOW_UP_DAYS after it, in the user's zone) falls at or before `by`."""
    local = timezone.localtime(by, ZoneInfo(time_zone or "UTC"))
    day = local.date() - timedelta(days=FOLLOW_UP_DAYS)
    return day if local.time() >= EVENT_FOLLOW_UP_TIME else day - timedelta(days=1)


def surely_follow_up(user, now: datetime) -> datetime:
    """Requests sent by then, unanswered and not followed up, are past their follow-up time whatever the
    weekdays: n business days never take more than n + 2·⌈n/5⌉ calendar days (a day more for a change of clocks)."""
    n = user.follow_up_business_days
    return now - timedelta(days=n + 2 * -(-n // 5) + 1)


def quoted_table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


@dataclass
class _Kind:
    """One kind of item, over one set of rows (alias.id is the row; the item's key is key_sql)."""

    name: str
    alias: str
    base_sql: str                 # the moment the due time counts from
    from_sql: str
    where_sql: str                # the rows with this item open, marks aside
    params: list
    key_sql: str
    base_by: object               # bound -> the latest base (a datetime or a date) due by it, snooze aside
    due: object                   # base -> the item's due time, snooze aside (for choosing what to read)
    # Count without the marks, then correct by them (found from the marks by id): cheaper where the rows
    # outnumber the marks, as for every kind but tasks (a task done leaves a mark; so do most tasks).
    marks_apart: bool = False

    def _marked(self, join: str) -> str:
        return (f"{join} JOIN {quoted_table(DueMark)} m ON m.owner_id = {self.alias}.owner_id "
                f"AND m.{connection.ops.quote_name('key')} = {self.key_sql}")

    @property
    def rows(self) -> str:
        """SELECT id, base, snooze of the rows with this item open and not done."""
        return (f"SELECT {self.alias}.id, {self.base_sql} AS base, m.snoozed_until AS snooze FROM {self.from_sql} "
                f"{self._marked('LEFT')} WHERE {self.where_sql} AND m.done_at IS NULL")

    @property
    def unmarked_rows(self) -> str:
        return f"SELECT {self.alias}.id, {self.base_sql} AS base, {NO_TIME} AS snooze FROM {self.from_sql} WHERE {self.where_sql}"

    def _with_marks(self, user, extra: str = "", extra_params=()) -> tuple[str, list]:
        """The ids of this kind's marks (few): rows found from them by id, not by going through all the rows."""
        prefix = f"{self.name}:"
        key = f"n.{connection.ops.quote_name('key')}"
        match = _KEY_PREFIX[connection.vendor].format(key=key, prefix=prefix, length=len(prefix), after=f"{self.name};")
        ids = (f"SELECT {_KEY_ID[connection.vendor].format(len(prefix) + 1)} FROM {quoted_table(DueMark)} n "
               f"WHERE n.owner_id = %s AND {match}{extra}")
        return f"{self.alias}.id IN ({ids})", [user.pk, *extra_params]

    def snoozed(self, user) -> tuple[str, list]:
        """The rows whose open item was ever snoozed: a snooze moves it to its own time, out of its base's order."""
        where, params = self._with_marks(user, " AND n.done_at IS NULL AND n.snoozed_until IS NOT NULL")
        return f"{self.rows} AND {where}", [*self.params, *params]

    def marked(self, user) -> tuple[str, list]:
        """SELECT id, base, snooze, done (1 or 0) of the rows whose open item has a mark: to correct a count made without them."""
        where, params = self._with_marks(user)
        sql = (f"SELECT {self.alias}.id, {self.base_sql} AS base, m.snoozed_until AS snooze, "
               f"CASE WHEN m.done_at IS NULL THEN 0 ELSE 1 END AS done FROM {self.from_sql} {self._marked('')} "
               f"WHERE {self.where_sql} AND {where}")
        return sql, [*self.params, *params]


def _kinds(user, now: datetime) -> list[_Kind]:
    from coffeechat.followups.rules import REFERRAL_DAYS, REFLECT_DAYS

    adapt, adapt_day = connection.ops.adapt_datetimefield_value, connection.ops.adapt_datefield_value
    conversations, people, messages = quoted_table(Conversation), quoted_table(Person), quoted_table(Message)

    def uncontacted(alias):
        return (f"NOT EXISTS (SELECT 1 FROM {messages} s WHERE s.person_id = {alias}.id AND s.sent_at IS NOT NULL "
                f"AND s.kind <> '{MessageKind.REPLY}')")

    def offset(delta):
        return lambda by: adapt(by - delta)

    def after(delta):
        return lambda base: base + delta

    # Held: ended at its own end time or, without one, at the end of its schedule (as is a scheduled one
    # whose end has passed): conversations.services.held_end.
    State, scheduled_end = Conversation.State, _SCHEDULED_END[connection.vendor]
    ended = [("c.ended_at", f"c.state = '{State.HELD}' AND c.ended_at IS NOT NULL", []),
             (scheduled_end, f"c.scheduled_start IS NOT NULL AND (c.state = '{State.HELD}' AND c.ended_at IS NULL "
                             f"OR c.state = '{State.SCHEDULED}' AND {scheduled_end} <= %s)", [adapt(now)])]

    def thanked(end):
        return (f"EXISTS (SELECT 1 FROM {messages} t WHERE t.conversation_id = c.id AND t.kind = '{MessageKind.THANK_YOU}' "
                f"AND t.sent_at IS NOT NULL AND {_THANKED_IN_TIME[connection.vendor].format(end)})")

    def held(kind, end, where, params, open_item, delta):
        return _Kind(kind, "c", end, f"{conversations} c", f"c.owner_id = %s AND {where} AND {open_item}", [user.pk, *params],
                     f"'{kind}:' || c.id", offset(delta), after(delta), marks_apart=True)

    under_way = f"EXISTS (SELECT 1 FROM {conversations} u WHERE u.person_id = p.id AND u.state <> '{Conversation.State.DRAFT}')"
    referral_sources = ", ".join(f"'{s}'" for s in (Source.REFERRAL, Source.INTRODUCTION))
    surely = surely_follow_up(user, now)
    return [
        *(held("thank_you", end, where, params, f"NOT {thanked(end)}", timedelta(hours=user.thank_you_hours)) for end, where, params in ended),
        *(held("reflect", end, where, params, "c.reflected_at IS NULL", timedelta(days=REFLECT_DAYS)) for end, where, params in ended),
        _Kind("contact_referral", "p", "p.created_at", f"{people} p",
              f"p.owner_id = %s AND p.source IN ({referral_sources}) AND p.referred_by_id IS NOT NULL AND {uncontacted('p')} "
              f"AND NOT {under_way}", [user.pk], "'contact_referral:' || p.id",
              offset(timedelta(days=REFERRAL_DAYS)), after(timedelta(days=REFERRAL_DAYS)), marks_apart=True),
        # CROSS JOIN: the user's events first (SQLite keeps the order), then their people by the event's index.
        _Kind("event_follow_up", "p", "e.date", f"{quoted_table(Event)} e CROSS JOIN {people} p",
              f"e.owner_id = %s AND p.event_id = e.id AND p.owner_id = %s AND {uncontacted('p')}", [user.pk, user.pk],
              "'event_follow_up:' || p.id", lambda by: adapt_day(last_event_day(by, user.time_zone)),
              lambda day: event_follow_up_at(day, user.time_zone)),
        # The follow-up of a request sent long enough ago (its time has come: due by any bound from now on).
        _Kind("follow_up", "c", "c.requested_at", f"{conversations} c",
              f"c.owner_id = %s AND c.state = '{Conversation.State.REQUESTED}' AND c.follow_up_sent_at IS NULL AND c.requested_at <= %s",
              [user.pk, adapt(surely)], "'follow_up:' || c.id", lambda by: adapt(surely),
              lambda asked: add_business_days(asked.astimezone(ZoneInfo(user.time_zone or "UTC")), user.follow_up_business_days)),
        _Kind("task", "k", "k.due_at", f"{quoted_table(Task)} k", "k.owner_id = %s", [user.pk], "'task:' || k.id",
              offset(timedelta(0)), after(timedelta(0))),
        *_keep_in_touch_kinds(user, now),
    ]


def _keep_in_touch_kinds(user, now: datetime) -> list[_Kind]:
    """Keep in touch, by the stored clock (people.services.advance_keep_in_touch), which has started once its
    time has come: the user's cadence from the last interaction, for people talked with; a cadence of the
    person's own by the stored next date or, while the clock has not started, from when they were added.
    The item's key names the moment it counts from, as rules.py spells it. Few are ever marked."""
    adapt, people = connection.ops.adapt_datetimefield_value, f"{quoted_table(Person)} p"

    def key(moment):
        return f"'keep_in_touch:' || p.id || ':' || {_MINUTE_KEY[connection.vendor].format(moment)}"

    started = "p.last_interaction_at IS NOT NULL AND p.last_interaction_at <= %s"
    kinds = [
        _Kind("keep_in_touch", "p", "p.next_keep_in_touch_at", people, f"p.owner_id = %s AND p.keep_in_touch_days > 0 AND {started}",
              [user.pk, adapt(now)], key("p.last_interaction_at"), adapt, lambda due: due, marks_apart=True),
        _Kind("keep_in_touch", "p", _CADENCE_FROM_ADDED[connection.vendor], people,
              "p.owner_id = %s AND p.keep_in_touch_days > 0 AND (p.last_interaction_at IS NULL OR p.last_interaction_at > %s)",
              [user.pk, adapt(now)], key("p.created_at"), adapt, lambda due: due, marks_apart=True),
    ]
    if user.keep_in_touch_days:
        since = timedelta(days=user.keep_in_touch_days)
        kinds.append(_Kind("keep_in_touch", "p", "p.last_interaction_at", people,
                           f"p.owner_id = %s AND p.keep_in_touch_days IS NULL AND {started}", [user.pk, adapt(now)],
                           key("p.last_interaction_at"), lambda by: adapt(by - since), lambda last: last + since, marks_apart=True))
    return kinds


def due_counts(user, now: datetime, bounds: list[datetime], *, screenful: int = 0, group: int | None = None,
               meetings_until: datetime | None = None) -> Counts:
    """How many items of each counted kind are due by each bound, and in all: one statement.

    With `screenful`, the same statement also brings the candidates to read for Today: of each kind, the
    first `screenful` by due time, the first after each bound (so every group can show its first items),
    and the ones snoozed past `now`; of those, `read` keeps the first `screenful` of each group, all kinds
    together (by due time, as the rules will list them). With `group` (an index: before bounds[0], between two
    bounds, after the last), only that group's candidates (a "show all" page). With `meetings_until`, how many
    meetings are to come by then (none: the reader need not look).
    """
    adapt = connection.ops.adapt_datetimefield_value
    parts = []  # (sql, params): every row (label, a number, one number per bound, a base, a snooze)
    zeros = ", 0" * len(bounds)
    due_by = "COALESCE(SUM(CASE WHEN x.base <= %s AND (x.snooze IS NULL OR x.snooze <= %s) THEN 1 ELSE 0 END), 0)"
    kinds = _kinds(user, now)
    for n, kind in enumerate(kinds):
        columns = "".join(f", {due_by}" for _ in bounds)
        counted = kind.unmarked_rows if kind.marks_apart else kind.rows
        parts.append((f"SELECT '{kind.name}', COUNT(*){columns}, {NO_TIME}, {NO_TIME} FROM ({counted}) x",
                      [p for by in bounds for p in (kind.base_by(by), adapt(by))] + kind.params))
        if kind.marks_apart:  # the marked ones, to correct that count: "<n>:mark:<1 if done>"
            marked, params = kind.marked(user)
            parts.append((f"SELECT '{n}:mark:' || x.done, x.id{zeros}, x.base, x.snooze FROM ({marked}) x", params))
        if screenful:
            windows = [(None, None), *((after, None) for after in dict.fromkeys(bounds))] if group is None else [
                (bounds[group - 1] if group > 0 else None, bounds[group] if group < len(bounds) else None)]
            # By base, the items never snoozed (their due time follows their base); the snoozed ones all, apart
            # (an old snooze still moves its item: first by base, it may be due after the next ones).
            for after, until in windows:
                where = " AND ".join(["x.snooze IS NULL", *(["x.base > %s"] if after is not None else []),
                                      *(["x.base <= %s"] if until is not None else [])])
                parts.append((f"SELECT '{n}', y.id{zeros}, y.base, y.snooze FROM (SELECT x.id, x.base, x.snooze FROM ({kind.rows}) x "
                              f"WHERE {where} ORDER BY x.base, x.id LIMIT {int(screenful)}) y",
                              kind.params + [kind.base_by(b) for b in (after, until) if b is not None]))
            snoozed, params = kind.snoozed(user)
            parts.append((f"SELECT '{n}', x.id{zeros}, x.base, x.snooze FROM ({snoozed}) x", params))
    parts += _recent_requests(user, now, zeros)
    people = quoted_table(Person)
    if meetings_until is not None:
        parts.append((f"SELECT 'meetings', COUNT(*){zeros}, {NO_TIME}, {NO_TIME} FROM {quoted_table(Conversation)} c WHERE c.owner_id = %s "
                       f"AND c.state = '{Conversation.State.SCHEDULED}' AND c.scheduled_start > %s AND c.scheduled_start <= %s",
                       [user.pk, adapt(now), adapt(meetings_until)]))
    parts.append((f"SELECT 'introducers', COUNT(DISTINCT p.referred_by_id){zeros}, {NO_TIME}, {NO_TIME} FROM {people} p "
                   f"WHERE p.owner_id = %s AND p.source = '{Source.INTRODUCTION}' AND p.referred_by_id IS NOT NULL", [user.pk]))
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(sql for sql, _ in parts), [p for _, ps in parts for p in ps])
        rows = cursor.fetchall()
    counts = Counts(by={kind: [0] * len(bounds) for kind in COUNTED}, total=dict.fromkeys(COUNTED, 0))
    candidates, asked, seen = [], {}, set()
    for label, number, *per_bound, base, snooze in rows:
        if label.startswith("ask:"):  # a recent request, not done as this kind of item
            asked.setdefault(number, {})[label[4:]] = (read_moment(base), read_moment(snooze))
        elif ":mark:" in label:
            _correct(kinds[int(label.split(":")[0])], label.endswith("1"), read_moment(base), read_moment(snooze), bounds, counts)
        elif label.isdigit():
            if (label, number) in seen:  # a row may come in several windows
                continue
            seen.add((label, number))
            kind = kinds[int(label)]
            due = kind.due(read_moment(base))
            snooze = read_moment(snooze)
            candidates.append((max(due, snooze) if snooze else due, kind.name, number))
        elif label == "introducers":
            counts.introducers = number
        elif label == "meetings":
            counts.meetings = number
        else:
            counts.total[label] += number
            counts.by[label] = [a + int(b) for a, b in zip(counts.by[label], per_bound, strict=True)]
    candidates += _count_requests(user, now, bounds, asked, counts)
    if screenful:
        counts.read = _first_of_each_group(candidates, bounds, screenful)
    return counts


def _correct(kind: _Kind, done: bool, base, snooze, bounds, counts: Counts) -> None:
    """Correct a count made without marks for one marked item: done leaves it out, a snooze moves it."""
    due = kind.due(base)
    moved = None if done else (snooze if snooze is not None and snooze > due else due)
    if done:
        counts.total[kind.name] -= 1
    counts.by[kind.name] = [n - (due <= bound) + (moved is not None and moved <= bound)
                            for n, bound in zip(counts.by[kind.name], bounds, strict=True)]


def _recent_requests(user, now: datetime, zeros: str) -> list[tuple[str, list]]:
    """Rows ("ask:<kind>", id, …, sent at, snoozed until) of the requests too recent to be surely past their
    follow-up: one for each kind of nudge not marked done."""
    adapt, quote, conversations = connection.ops.adapt_datetimefield_value, connection.ops.quote_name, quoted_table(Conversation)
    wait = min(user.second_contact_business_days, user.follow_up_business_days)
    params = [user.pk, adapt(surely_follow_up(user, now)), adapt(now - timedelta(days=wait - 1))]
    return [(f"SELECT 'ask:{kind}', c.id{zeros}, c.requested_at, m.snoozed_until FROM {conversations} c "
             f"LEFT JOIN {quoted_table(DueMark)} m ON m.owner_id = c.owner_id AND m.{quote('key')} = '{kind}:' || c.id "
             f"WHERE c.owner_id = %s AND c.state = '{Conversation.State.REQUESTED}' AND c.follow_up_sent_at IS NULL "
             "AND c.requested_at > %s AND c.requested_at <= %s AND m.done_at IS NULL", params)
            for kind in ("second_contact", "follow_up")]


def _count_requests(user, now: datetime, bounds, asked: dict, counts: Counts) -> list:
    """Count the recent requests' nudges by the rule itself (business days), and offer them as candidates."""
    from coffeechat.followups.rules import request_item

    candidates = []
    for pk, open_kinds in asked.items():
        requested_at = next(iter(open_kinds.values()))[0]
        nudge = request_item(user, requested_at, None, now)
        if nudge is None or nudge.kind not in open_kinds:  # not due yet, or done
            continue
        snooze = open_kinds[nudge.kind][1]
        due = snooze if snooze is not None and snooze > nudge.due else nudge.due
        counts.total[nudge.kind] += 1
        counts.by[nudge.kind] = [n + (due <= bound) for n, bound in zip(counts.by[nudge.kind], bounds, strict=True)]
        candidates.append((due, nudge.kind, pk))
    return candidates


def read_moment(value):
    """A time or date read by plain SQL (SQLite gives text or naive UTC), as an aware datetime or a date:
    the bases and snoozes here, the computed and marks' times in reads.py."""
    if value is None or isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str):
        value = parse_datetime(value) if len(value) > 10 else parse_date(value)
        if not isinstance(value, datetime):
            return value
    return value if timezone.is_aware(value) else value.replace(tzinfo=UTC)


def _first_of_each_group(candidates, bounds, n: int) -> dict[str, set[int]]:
    """The rows of the first `n` items due in each group (by the bounds), all kinds together: what to read."""
    read, taken = {}, [0] * (len(bounds) + 1)
    for due, kind, pk in sorted(set(candidates), key=lambda c: (c[0], c[1], str(c[2]))):  # as the rules sort: by key
        group = next((i for i, bound in enumerate(bounds) if due <= bound), len(bounds))
        if taken[group] < n:
            taken[group] += 1
            read.setdefault(kind, set()).add(pk)
    return read

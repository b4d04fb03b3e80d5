"""The counted due items agree with the rules: Today's groups and the navigation's count, from a bounded
read and SQL counts, equal what the rules list from everything, on varied data built through the app's
own services (so the stored keep-in-touch clock is kept as in use)."""

import random
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from coffeechat.conversations.models import Conversation
from coffeechat.events.models import Event
from coffeechat.followups import services
from coffeechat.followups.counts import due_counts, last_event_day
from coffeechat.followups.models import Task
from coffeechat.followups.rules import due_items, event_follow_up_due, load_snapshot
from coffeechat.followups.today import (
    GROUPS,
    due_summary,
    group_items,
    navigation_count,
    today_groups,
)
from coffeechat.outreach.models import Message
from coffeechat.outreach.services import mark_sent
from coffeechat.people.models import Person
from coffeechat.questions.plans import add_item
from tests.factories import ConversationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def sent(owner, person, kind, when, conversation=None):
    message = Message.objects.create(owner=owner, person=person, conversation=conversation, kind=kind)
    mark_sent(message, "mail_app", when=when)


def build(owner, rng, now):
    """A varied network: every kind of due item, before, at and after its time, some done or snoozed."""
    owner.time_zone = rng.choice(["America/Toronto", "Europe/Paris", "Asia/Kolkata", "UTC"])
    owner.thank_you_hours = rng.choice([0, 24, 48])
    owner.keep_in_touch_days = rng.choice([0, 30, 90])
    owner.follow_up_business_days, owner.second_contact_business_days = rng.choice([(7, 3), (3, 2), (0, 0)])
    owner.week_start = rng.choice([0, 6])
    owner.save()

    def person(**kwargs):
        return PersonFactory(owner=owner, with_organization=rng.random() < 0.5, **kwargs)

    hours = [1, 5, 20, 30, 50, 80, 200, 24 * 10, 24 * 100, 24 * 400]
    for _ in range(14):  # held, with an end time: thanked in time, early, or not; reflected or not
        ended = now - timedelta(hours=rng.choice(hours), minutes=rng.randint(0, 59))
        c = ConversationFactory(owner=owner, person=person(keep_in_touch_days=rng.choice([None, None, 20])), state="held",
                                scheduled_start=ended - timedelta(minutes=30), ended_at=ended,
                                reflected_at=ended + timedelta(days=1) if rng.random() < 0.4 else None)
        roll = rng.random()
        if roll < 0.35:
            sent(owner, c.person, "thank_you", min(now, ended + timedelta(hours=rng.randint(0, 30))), c)
        elif roll < 0.5:
            sent(owner, c.person, "thank_you", ended - timedelta(hours=3), c)  # too early: still due
        elif roll < 0.6:
            sent(owner, c.person, "thank_you", ended - timedelta(minutes=30), c)  # in the hour before the end: thanked
        if rng.random() < 0.4:
            touched = min(now - timedelta(minutes=rng.randint(1, 999)), ended + timedelta(days=rng.randint(1, 60)))
            services.log_touch(Person.objects.get(pk=c.person_id), "call", "", touched)
    for _ in range(3):  # held without an end time of its own (its schedule's end has passed)
        start = now - timedelta(days=rng.randint(0, 30), hours=rng.randint(1, 23))
        ConversationFactory(owner=owner, person=person(), state="held", scheduled_start=start, minutes=45)
    for _ in range(6):  # scheduled: past (counts as held), within 48 hours, later
        start = now + timedelta(hours=rng.randint(-80, 100))
        c = ConversationFactory(owner=owner, person=person(), state="scheduled", scheduled_start=start, minutes=30, medium="phone")
        if rng.random() < 0.5:
            add_item(c, "What surprised you?")
    for _ in range(10):  # requested: too early, second contact, follow-up; some followed up already
        asked = now - timedelta(days=rng.randint(0, 30), hours=rng.randint(0, 23))
        ConversationFactory(owner=owner, person=person(), state="requested", requested_at=asked,
                            follow_up_sent_at=asked + timedelta(days=9) if rng.random() < 0.2 else None)
    referrer = person()
    for _ in range(8):  # referrals and introductions: new, old, written to, met
        referral = person(referred_by=referrer, source=rng.choice(["referral", "introduction"]))
        Person.objects.filter(pk=referral.pk).update(created_at=now - timedelta(days=rng.randint(0, 20), hours=rng.randint(0, 23)))
        roll = rng.random()
        if roll < 0.2:
            sent(owner, referral, "request", now - timedelta(days=1))
        elif roll < 0.3:
            ConversationFactory(owner=owner, person=referral, state="declined")
    for days_ago in rng.sample(range(0, 9), 4):  # people met at events
        event = Event.objects.create(owner=owner, name=f"Meetup {days_ago}", date=timezone.localdate(now) - timedelta(days=days_ago))
        for _ in range(2):
            met = person(event=event)
            if rng.random() < 0.25:
                sent(owner, met, "request", now - timedelta(hours=2))
    for _ in range(8):  # tasks
        Task.objects.create(owner=owner, title="Read up", due_at=now + timedelta(days=rng.randint(-20, 20), hours=rng.randint(0, 23)))
    for _ in range(3):  # a cadence of their own on someone never met
        added = person(keep_in_touch_days=rng.choice([10, 30]))
        Person.objects.filter(pk=added.pk).update(created_at=now - timedelta(days=rng.randint(0, 40), minutes=rng.randint(1, 600)))
    for item in due_items(load_snapshot(owner), now):  # the user acts on some
        roll = rng.random()
        if roll < 0.2:
            services.mark_done(owner, item.key, now=now)
        elif roll < 0.35:
            services.snooze(owner, item.key, rng.choice(["1h", "tomorrow", "week"]), now=now - timedelta(days=rng.choice([0, 0, 9])), due=item.due)


def by_group(items, owner, now):
    return dict(group_items(items, now, owner.week_start))


@pytest.mark.parametrize("seed", range(8))
def test_today_and_the_navigation_count_what_the_rules_list(owner, seed):
    rng = random.Random(seed)
    now = timezone.now()
    build(owner, rng, now)
    owner.refresh_from_db()
    full = by_group(due_items(load_snapshot(owner), now), owner, now)
    expected = {name: len(full.get(name, [])) for name in GROUPS}
    assert sum(expected.values()) > 20, expected
    for screenful in (20, 2):
        summary = due_summary(owner, now, screenful=screenful)
        assert {name: summary.count(name) for name in GROUPS} == expected, screenful
        for name in GROUPS:  # what a group shows is what the rules list there
            shown = {item.key for item in summary.grouped[name]}
            assert shown <= {item.key for item in full.get(name, [])}, name
            assert len(summary.grouped[name]) >= min(screenful, expected[name]), (name, screenful)
    assert navigation_count(owner, now) == expected["Overdue"] + expected["Today"]


def test_each_group_shows_its_first_items(owner):
    rng = random.Random(99)
    now = timezone.now()
    build(owner, rng, now)
    owner.refresh_from_db()
    full = by_group(due_items(load_snapshot(owner), now), owner, now)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("coffeechat.followups.today.SCREENFUL", 3)
        for group in today_groups(due_summary(owner, now, screenful=3)):
            assert [i.key for i in group.items] == [i.key for i in full[group.name][:3]], group.name


def test_the_counting_statement_is_one_query_at_any_size(owner):
    now = timezone.now()
    bounds = [now, now + timedelta(hours=5), now + timedelta(days=3)]
    with CaptureQueriesContext(connection) as ctx:
        due_counts(owner, now, bounds, screenful=20)
    assert len(ctx.captured_queries) == 1


def test_an_events_follow_up_is_counted_from_its_own_time(owner):
    owner.time_zone = "America/Toronto"
    owner.save()
    event = Event.objects.create(owner=owner, name="Alumni evening", date=timezone.localdate() - timedelta(days=5))
    due = event_follow_up_due(event, owner.time_zone)
    for moment in (due - timedelta(minutes=1), due, due + timedelta(hours=8)):
        assert (last_event_day(moment, owner.time_zone) >= event.date) == (due <= moment), moment


def test_a_done_keep_in_touch_item_is_not_counted(owner):
    now = timezone.now()
    c = ConversationFactory(owner=owner, state="held", ended_at=now - timedelta(days=200), reflected_at=now)
    sent(owner, c.person, "thank_you", c.ended_at + timedelta(hours=2), c)
    assert navigation_count(owner, now) == 1
    [item] = due_items(load_snapshot(owner), now)
    services.mark_done(owner, item.key, now=now)
    assert navigation_count(owner, now) == 0
    services.log_touch(Person.objects.get(pk=c.person_id), "call", "", now - timedelta(days=100))
    assert navigation_count(owner, now) == 1  # a new interaction: a new item, not done


def test_a_scheduled_meeting_to_come_starts_no_keep_in_touch(owner):
    now = timezone.now()
    ConversationFactory(owner=owner, state=Conversation.State.SCHEDULED, scheduled_start=now + timedelta(days=3), minutes=30)
    summary = due_summary(owner, now)
    assert [i.kind for items in summary.grouped.values() for i in items] == []
    assert sum(summary.count(name) for name in GROUPS) == 0


def test_a_meeting_later_today_is_read_for_its_preparation(owner):
    owner.time_zone = "UTC"
    owner.save()
    now = timezone.now().replace(hour=9, minute=0)
    soon = ConversationFactory(owner=owner, state="scheduled", scheduled_start=now + timedelta(hours=3), minutes=30, medium="phone")
    ConversationFactory(owner=owner, state="scheduled", scheduled_start=now + timedelta(days=5), minutes=30)  # too far to prepare
    assert [(i.kind, i.conversation) for i in due_items(load_snapshot(owner), now)] == [("prepare", soon.pk)]
    assert navigation_count(owner, now) == 1
    assert [i.kind for i in due_summary(owner, now).grouped["Today"]] == ["prepare"]


def test_todays_read_sees_whether_a_meeting_has_its_plan(owner):
    """Checklist done and invitation sent: a meeting to come is prepared once it has questions, and no sooner."""
    from coffeechat.meetings.preparation import checklist_for
    from coffeechat.questions.plans import add_item

    owner.time_zone = "UTC"
    owner.save()
    now = timezone.now().replace(hour=9, minute=0)
    soon = ConversationFactory(owner=owner, state="scheduled", scheduled_start=now + timedelta(hours=3), minutes=30, medium="phone",
                               checklist={item.key: True for item in checklist_for("phone")}, invitation_sent_at=now - timedelta(days=1))
    assert [i.kind for i in due_summary(owner, now).grouped["Today"]] == ["prepare"]
    assert navigation_count(owner, now) == 1
    add_item(soon, "What surprised you most in your first year?")
    assert [i.kind for items in due_summary(owner, now).grouped.values() for i in items] == []
    assert navigation_count(owner, now) == 0


@pytest.mark.parametrize("seed", [3, 99])
def test_show_all_pages_through_a_group_in_the_rules_order(owner, client, seed, monkeypatch):
    rng = random.Random(seed)
    now = timezone.now()
    build(owner, rng, now)
    owner.refresh_from_db()
    monkeypatch.setattr("coffeechat.followups.views.ALL_PAGE_SIZE", 4)
    monkeypatch.setattr("coffeechat.followups.today.timezone.now", lambda: now)
    client.force_login(owner)
    with timezone.override(owner.time_zone):  # the page's groups are the user's days
        full = by_group(due_items(load_snapshot(owner), now), owner, now)
    for name in GROUPS:
        keys, page = [], 1
        while True:
            body = client.get(reverse("followups:group", args=[name.lower().replace(" ", "-")]), {"page": page}).content.decode()
            keys += re.findall(r'name="key" value="([^"]+)"', body)
            if 'rel="next"' not in body:
                break
            page += 1
        assert keys == [item.key for item in full.get(name, [])], name


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite plan")
def test_referral_candidates_are_read_among_the_referred_only(owner):
    # Walking every person by when they were added, a network whose first referrals are all done read all
    # 30,000 people once per group to find the next ones (6.5 ms a group with 1,000 referrals done).
    from coffeechat.followups.counts import _kinds

    kind = next(k for k in _kinds(owner, timezone.now()) if k.name == "contact_referral")
    sql = f"SELECT x.id FROM ({kind.rows}) x ORDER BY x.base, x.id LIMIT 10"
    with connection.cursor() as cursor:
        plan = " ".join(str(row[-1]) for row in cursor.execute(f"EXPLAIN QUERY PLAN {sql}", kind.params).fetchall())
    assert "USING INDEX person_referred_created" in plan, plan


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite plan")
def test_a_kinds_marks_are_sought_by_their_prefix_not_all_read(owner):
    from coffeechat.followups.counts import _kinds

    for kind in _kinds(owner, timezone.now()):
        if kind.marks_apart:
            sql, params = kind.marked(owner)
            with connection.cursor() as cursor:
                plan = " ".join(str(row[-1]) for row in cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params).fetchall())
            assert "key>? AND key<?" in plan, (kind.name, plan)


@pytest.mark.parametrize("seed", [4, 9, 13, 21])  # seeds where an old snooze put an item out of its base's order
def test_the_first_items_due_are_the_first_the_rules_list_from_everything(owner, seed):
    from coffeechat.followups.today import first_due

    rng = random.Random(seed)
    now = timezone.now()
    build(owner, rng, now)
    owner.refresh_from_db()
    full = [item.key for item in due_items(load_snapshot(owner), now)]
    assert len(full) > 20
    for limit in (1, 3, 10, 25, len(full) + 5):
        assert [item.key for item in first_due(owner, now, limit)] == full[:limit], limit
    with timezone.override(owner.time_zone):
        grouped = by_group(due_items(load_snapshot(owner), now), owner, now)
        for screenful in (1, 10):  # what each group of Today shows first: the rules' first, in their order
            summary = due_summary(owner, now, screenful=screenful)
            for name in GROUPS:
                assert [i.key for i in summary.grouped[name][:screenful]] == [i.key for i in grouped.get(name, [])][:screenful], name

"""Today at any size: a screenful per group, honest counts, bounded queries, the keep-in-touch clock kept."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from coffeechat.conversations.models import Conversation
from coffeechat.followups import services
from coffeechat.followups.models import DueMark, Task
from coffeechat.followups.today import SCREENFUL
from coffeechat.outreach.models import Message
from coffeechat.outreach.services import mark_sent
from coffeechat.people.models import Person
from tests.factories import ConversationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def talked_long_ago(owner, n, *, days_ago=200):
    """n people talked with `days_ago` days ago, each overdue to keep in touch (default cadence 90)."""
    ended = timezone.now() - timedelta(days=days_ago)
    for _ in range(n):
        c = ConversationFactory(owner=owner, state="held", ended_at=ended, reflected_at=ended, person__with_organization=True)
        Message.objects.create(owner=owner, person=c.person, conversation=c, kind="thank_you", sent_at=ended + timedelta(hours=2))


def queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries), response.content.decode()


def test_today_shows_a_screenful_per_group_and_counts_them_all(owner_client, owner):
    talked_long_ago(owner, SCREENFUL + 5)
    body = owner_client.get(reverse("home")).content.decode()
    assert body.count("Keep in touch with") == SCREENFUL
    assert f"Show all {SCREENFUL + 5}" in body
    assert f'<span class="nav-count" aria-label="{SCREENFUL + 5} due">' in body
    page = owner_client.get(reverse("followups:group", args=["overdue"])).content.decode()
    assert page.count("Keep in touch with") == SCREENFUL + 5
    assert owner_client.get(reverse("followups:group", args=["someday"])).status_code == 404


def test_counts_include_keep_in_touch_people_beyond_what_today_reads(owner_client, owner, settings):
    from coffeechat.followups import today

    talked_long_ago(owner, 8)
    original = today.SCREENFUL
    today.SCREENFUL = 3
    try:
        body = owner_client.get(reverse("home")).content.decode()
    finally:
        today.SCREENFUL = original
    assert body.count("Keep in touch with") == 3
    assert '<h2>Overdue <small class="muted">8</small></h2>' in body


def test_today_and_the_navigation_read_a_fixed_number_of_queries_at_two_sizes(owner_client, owner):
    now = timezone.now()
    ConversationFactory(owner=owner, state="held", ended_at=now - timedelta(days=2))
    ConversationFactory(owner=owner, state="requested", requested_at=now - timedelta(days=20))  # an open one: its marks are read
    talked_long_ago(owner, 3)
    Task.objects.create(owner=owner, title="t", due_at=now)
    small_today, _ = queries(owner_client, reverse("home"))
    small_people, _ = queries(owner_client, reverse("people:list"))
    talked_long_ago(owner, 2 * SCREENFUL + 10)
    talked_long_ago(owner, 15, days_ago=20)  # not due yet: Later
    for n in range(15):
        task = Task.objects.create(owner=owner, title=f"done {n}", due_at=now - timedelta(days=n))
        DueMark.objects.create(owner=owner, key=f"task:{task.pk}", done_at=now)
        ConversationFactory(owner=owner, state="requested", requested_at=now - timedelta(days=20), person__with_organization=True)
        PersonFactory.create_batch(5, owner=owner)
    big_today, body = queries(owner_client, reverse("home"))
    big_people, _ = queries(owner_client, reverse("people:list"))
    # Never more at the larger size (a kind with nothing among a group's first items is not read at all).
    assert big_today <= small_today and big_people == small_people, (small_today, big_today, small_people, big_people)
    assert big_today <= 16, big_today
    assert body.count('class="due-item') <= 4 * SCREENFUL


def test_the_navigation_count_reads_no_keep_in_touch_people(owner_client, owner):
    talked_long_ago(owner, 4)
    with CaptureQueriesContext(connection) as ctx:
        body = owner_client.get(reverse("people:list")).content.decode()
    assert 'aria-label="4 due"' in body
    people_reads = [q["sql"] for q in ctx.captured_queries if "last_interaction_at IS NOT NULL" in q["sql"].replace('"', "")]
    assert people_reads
    assert all("COUNT(" in sql.upper() for sql in people_reads), people_reads


def test_done_on_an_item_beyond_the_first_screenful(owner_client, owner):
    talked_long_ago(owner, SCREENFUL + 3)
    page = owner_client.get(reverse("followups:group", args=["overdue"]) + "?page=1").content.decode()
    last_key = page.split('name="key" value="')[-1].split('"')[0]
    response = owner_client.post(reverse("followups:item"), {"key": last_key, "action": "done", "next": reverse("followups:group", args=["overdue"])})
    assert response.status_code == 302 and response.url == reverse("followups:group", args=["overdue"])
    assert DueMark.objects.get(key=last_key).done_at is not None
    assert last_key not in owner_client.get(reverse("followups:group", args=["overdue"])).content.decode()
    unsafe = owner_client.post(reverse("followups:item"), {"key": f"task:{Task.objects.create(owner=owner, title='x', due_at=timezone.now()).pk}",
                                                          "action": "done", "next": "https://elsewhere.example/"})
    assert unsafe.url == reverse("home")


def test_the_keep_in_touch_clock_follows_every_interaction(owner):
    person = PersonFactory(owner=owner)
    assert person.last_interaction_at is None
    c = ConversationFactory(owner=owner, person=person, state="requested", requested_at=timezone.now() - timedelta(days=30))
    request = Message.objects.create(owner=owner, person=person, conversation=c, kind="request")
    mark_sent(request, "mail_app", when=timezone.now() - timedelta(days=30))
    person.refresh_from_db()
    assert person.last_interaction_at is None  # asking is not talking: the clock has not started

    start = timezone.now() + timedelta(days=2)
    c.state, c.scheduled_start, c.minutes = Conversation.State.SCHEDULED, start, 30
    c.save()
    person.refresh_from_db()
    assert person.last_interaction_at == start + timedelta(minutes=30)  # until it happens, the meeting to come

    ended = timezone.now() - timedelta(days=10)
    c.state, c.ended_at = Conversation.State.HELD, ended
    c.save()
    person.refresh_from_db()
    assert person.last_interaction_at == ended and person.next_keep_in_touch_at is None  # default cadence

    touched = timezone.now() - timedelta(days=1)
    services.log_touch(person, "call", "", touched)
    person.refresh_from_db()
    assert person.last_interaction_at == touched

    person.keep_in_touch_days = 30
    person.save(update_fields=["keep_in_touch_days", "updated_at"])
    assert Person.objects.get(pk=person.pk).next_keep_in_touch_at == touched + timedelta(days=30)
    person.keep_in_touch_days = 0
    person.save()
    assert Person.objects.get(pk=person.pk).next_keep_in_touch_at is None


def test_the_migration_fills_the_clock_from_what_was_recorded(owner):
    from importlib import import_module

    from django.apps import apps

    fill = import_module("coffeechat.followups.migrations.0003_fill_keep_in_touch_clock").fill
    ended = timezone.now() - timedelta(days=50)
    c = ConversationFactory(owner=owner, state="held", ended_at=ended, person__keep_in_touch_days=20)
    later = ended + timedelta(days=3)
    Message.objects.create(owner=owner, person=c.person, conversation=c, kind="thank_you", sent_at=later)
    asked = PersonFactory(owner=owner)
    Message.objects.create(owner=owner, person=asked, kind="request", sent_at=ended)
    Person.objects.update(last_interaction_at=None, next_keep_in_touch_at=None)
    fill(apps, None)
    c.person.refresh_from_db()
    asked.refresh_from_db()
    assert (c.person.last_interaction_at, c.person.next_keep_in_touch_at) == (later, later + timedelta(days=20))
    assert asked.last_interaction_at is None


# Mid-afternoon in the owner's Toronto: in the hour after their midnight, `recent`'s thank-you (a day after a
# call an hour ago) fell due before the end of their day, and the count was one more.
@time_machine.travel(datetime(2026, 3, 10, 19, 0, tzinfo=UTC), tick=False)
def test_the_navigation_count_agrees_with_today_without_reading_held_conversations(owner, django_assert_max_num_queries):
    from coffeechat.followups.today import due_now, due_summary, navigation_count

    now = timezone.now()
    ended = now - timedelta(days=5)
    plain = ConversationFactory(owner=owner, state="held", ended_at=ended)                         # thank-you and reflect
    thanked = ConversationFactory(owner=owner, state="held", ended_at=ended, reflected_at=now)
    Message.objects.create(owner=owner, person=thanked.person, conversation=thanked, kind="thank_you", sent_at=ended)
    early = ConversationFactory(owner=owner, state="held", ended_at=ended, reflected_at=now)        # thanked before: still due
    Message.objects.create(owner=owner, person=early.person, conversation=early, kind="thank_you", sent_at=ended - timedelta(hours=3))
    done = ConversationFactory(owner=owner, state="held", ended_at=ended, reflected_at=now)
    services.mark_done(owner, f"thank_you:{done.pk}")
    snoozed = ConversationFactory(owner=owner, state="held", ended_at=ended, reflected_at=now)
    services.snooze(owner, f"thank_you:{snoozed.pk}", "week")
    recent = ConversationFactory(owner=owner, state="held", ended_at=now - timedelta(hours=1), reflected_at=now)  # due tomorrow
    ConversationFactory(owner=owner, state="requested", requested_at=now - timedelta(days=30))
    talked_long_ago(owner, 2)
    referrer = PersonFactory(owner=owner)
    for n in range(4):  # due, done, contacted, too recent
        referral = PersonFactory(owner=owner, referred_by=referrer, source="referral")
        Person.objects.filter(pk=referral.pk).update(created_at=now - timedelta(days=1 if n == 3 else 10))
        if n == 1:
            services.mark_done(owner, f"contact_referral:{referral.pk}")
        if n == 2:
            Message.objects.create(owner=owner, person=referral, kind="request", sent_at=now)
    expected = due_now(due_summary(owner, now, screenful=1000))
    assert expected == 2 + 1 + 1 + 2 + 1, (plain, recent)  # plain ×2, early, the request, keep in touch ×2, a referral
    with CaptureQueriesContext(connection) as ctx:
        assert navigation_count(owner, now) == expected
    read = [q["sql"] for q in ctx.captured_queries if q["sql"].startswith('SELECT "conversations_conversation"."id"')]
    assert all("'held'" not in sql for sql in read), read  # held ones are counted, not read (nor is anything here)
    assert not [q for q in ctx.captured_queries if q["sql"].startswith('SELECT "people_person"."id"')]  # referrals too


def test_show_all_says_what_lies_beyond_its_last_page(owner_client, owner, monkeypatch):
    monkeypatch.setattr("coffeechat.followups.views.ALL_PAGE_SIZE", 3)
    monkeypatch.setattr("coffeechat.followups.views.MAX_PAGE", 2)
    talked_long_ago(owner, 8)
    url = reverse("followups:group", args=["overdue"])
    first = owner_client.get(url).content.decode()
    assert '<small class="muted">8</small>' in first and 'rel="next"' in first and "more after these" not in first
    last = owner_client.get(url, {"page": 2}).content.decode()
    assert "Page 2 of 2" in last and 'rel="next"' not in last  # no link back to itself
    assert "2 more after these" in last and last.count("Keep in touch with") == 3
    assert owner_client.get(url, {"page": 9}).content.decode().count("Keep in touch with") == 3  # clamped to the last page

"""The data stamp (triggers on PostgreSQL and SQLite) and the pages kept at it: never stale after a change, never another's."""

from collections import Counter
from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.sql import emit_post_migrate_signal, emit_pre_migrate_signal
from django.db import connection
from django.test import Client
from django.utils import timezone

from coffeechat.accounts.models import CachedPage, User
from coffeechat.accounts.pagecache import HEADER, TOKEN, TOKEN_SLOT
from coffeechat.accounts.stamps import stamped_tables, trigger_names
from coffeechat.people.models import Person, Tag
from tests.factories import ConversationFactory, PersonFactory, TagFactory, UserFactory
from tests.migrating import latest, migrate

pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's statement triggers and unlogged tables")


def stamp(user) -> int:
    return User.objects.values_list("data_stamp", flat=True).get(pk=user.pk)


def test_every_private_table_and_its_tag_table_has_the_three_triggers():
    tables = [table for table, _ in stamped_tables()]
    assert {"people_person", "people_person_tags", "conversations_conversation", "followups_duemark"} <= set(tables)
    found = Counter(table for table, _ in trigger_names(connection))
    assert {table: found.get(table) for table in tables} == dict.fromkeys(tables, 3)
    assert found["accounts_user"] == 1


@postgres_only
def test_kept_pages_write_no_log():
    with connection.cursor() as cursor:  # a crash empties them, nothing else
        cursor.execute("SELECT relpersistence FROM pg_class WHERE relname = 'accounts_cachedpage'")
        assert cursor.fetchone()[0] == "u"


def test_any_write_to_the_owners_rows_raises_only_the_owners_stamp(owner, outsider):
    person = PersonFactory(owner=owner)
    steps = [
        lambda: PersonFactory(owner=owner),
        lambda: Person.objects.filter(pk=person.pk).update(title="Nurse educator"),
        lambda: Person.objects.bulk_create([Person(owner=owner, first_name="Ana", last_name=f"Ruiz {i}") for i in range(3)]),
        lambda: person.tags.add(TagFactory(owner=owner)),
        lambda: person.tags.clear(),
        lambda: ConversationFactory(owner=owner, person=person),
        lambda: Person.objects.filter(owner=owner, first_name="Ana").delete(),
    ]
    theirs = stamp(outsider)
    for step in steps:
        before = stamp(owner)
        step()
        assert stamp(owner) > before, step
    assert stamp(outsider) == theirs


@postgres_only
def test_a_statement_raises_the_stamp_once_not_once_a_row(owner):
    before = stamp(owner)
    Person.objects.bulk_create([Person(owner=owner, first_name="P", last_name=str(i)) for i in range(50)])
    assert stamp(owner) == before + 1


def test_the_stamp_never_goes_back_when_a_stale_user_is_saved(owner):
    stale = User.objects.get(pk=owner.pk)
    Tag.objects.create(owner=owner, name="alumni")
    raised = stamp(owner)
    stale.time_zone = "America/Halifax"
    stale.save()  # writes the stamp it loaded, which is behind
    assert stamp(owner) == raised + 1


def test_today_is_kept_and_shown_again_until_the_owner_changes_something(owner_client, owner):
    first = owner_client.get("/")
    assert first[HEADER] == "miss"
    again = owner_client.get("/")
    assert again[HEADER] == "hit"
    assert again.content.decode().count("csrfmiddlewaretoken") == first.content.decode().count("csrfmiddlewaretoken")
    PersonFactory(owner=owner, first_name="Zoltan", last_name="Kertesz")
    after = owner_client.get("/people/")
    assert after[HEADER] == "miss" and "Zoltan" in after.content.decode()
    assert owner_client.get("/people/")[HEADER] == "hit"
    Person.objects.filter(owner=owner).update(first_name="Zsofia")
    changed = owner_client.get("/people/")
    assert changed[HEADER] == "miss" and "Zsofia" in changed.content.decode() and "Zoltan" not in changed.content.decode()


def test_insights_and_targets_are_kept_until_a_goal_a_target_or_a_rating_changes(owner_client, owner):
    from coffeechat.people.models import Organization
    from tests.factories import GoalFactory, OrganizationFactory

    for url in ("/insights/", "/targets/"):
        assert owner_client.get(url)[HEADER] == "miss"
        assert owner_client.get(url)[HEADER] == "hit"
    GoalFactory(owner=owner, title="Museum education")
    insights = owner_client.get("/insights/")
    assert insights[HEADER] == "miss" and "Museum education" in insights.content.decode()
    org = OrganizationFactory(owner=owner, name="Lakeside Clinic", is_target=True, motivation=1)
    assert "Lakeside Clinic" in owner_client.get("/targets/").content.decode()
    Organization.objects.filter(pk=org.pk).update(motivation=3)
    rated = owner_client.get("/targets/").content.decode().split(f'id="target-{org.pk}"')[1].split("</form>")[0]
    assert '<option value="3" selected>' in rated


def test_a_kept_page_is_never_shown_to_someone_else(owner_client, owner, outsider_client):
    PersonFactory(owner=owner, first_name="Private", last_name="Contact")
    assert "Private" in owner_client.get("/people/").content.decode()
    assert owner_client.get("/people/")[HEADER] == "hit"
    theirs = outsider_client.get("/people/")
    assert theirs[HEADER] == "miss" and "Private" not in theirs.content.decode()


def test_a_kept_page_ages_out_and_never_crosses_the_owners_midnight(owner_client, owner, settings):
    owner.time_zone = "America/Toronto"
    owner.save()
    late = timezone.datetime(2026, 3, 10, 23, 59, 30, tzinfo=timezone.get_fixed_timezone(-4 * 60))
    with time_machine.travel(late, tick=False):
        assert owner_client.get("/")[HEADER] == "miss"
        assert owner_client.get("/")[HEADER] == "hit"
    with time_machine.travel(late + timedelta(seconds=31), tick=False):  # past midnight in Toronto, before 60 s
        assert owner_client.get("/")[HEADER] == "miss"
    with time_machine.travel(late + timedelta(seconds=31 + settings.PAGE_CACHE_SECONDS), tick=False):
        assert owner_client.get("/")[HEADER] == "miss"
    with time_machine.travel(late - timedelta(hours=1), tick=False):  # a clock set back never sees a later page
        assert owner_client.get("/")[HEADER] == "miss"


def test_each_showing_gets_a_fresh_csrf_token_that_posts(owner):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(owner)
    first = set(TOKEN.findall(browser.get("/").content.decode()))
    body = CachedPage.objects.get(owner=owner).body
    assert first and TOKEN_SLOT in body and not any(token in body for token in first)
    kept = browser.get("/")
    assert kept[HEADER] == "hit"
    tokens = set(TOKEN.findall(kept.content.decode()))
    assert tokens and tokens.isdisjoint(first) and TOKEN_SLOT not in kept.content.decode()
    posted = browser.post("/today/task/", {"title": "Send the résumé to Priya", "due": "2026-12-01", "csrfmiddlewaretoken": tokens.pop()})
    assert posted.status_code == 302
    assert "Send the résumé to Priya" in browser.get("/").content.decode()  # a new task: not the kept page


def test_flash_messages_and_htmx_requests_are_never_kept(owner_client):
    owner_client.get("/")
    owner_client.post("/today/task/", {"title": "Call back Dr. Osei", "due": "2026-12-01"})
    shown = owner_client.get("/")
    assert "Task added." in shown.content.decode() and HEADER not in shown
    assert owner_client.get("/")[HEADER] == "miss"  # the same page without the message, kept from now
    assert owner_client.get("/")[HEADER] == "hit"
    assert HEADER not in owner_client.get("/people/", headers={"HX-Request": "true", "HX-Target": "people-results"})


def test_no_page_is_kept_when_the_setting_is_zero(owner_client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    owner_client.get("/")
    assert HEADER not in owner_client.get("/")
    assert not CachedPage.objects.exists()


def test_keeping_a_page_drops_the_owners_pages_past_their_time(owner_client, owner, outsider):
    now = timezone.now()
    for who, key in ((owner, "aged"), (outsider, "theirs")):
        CachedPage.objects.create(owner=who, key=key, stamp=0, rendered_at=now - timedelta(minutes=5),
                                  valid_until=now - timedelta(minutes=4), body="<p>")
    assert owner_client.get("/")[HEADER] == "miss"
    assert sorted(CachedPage.objects.values_list("owner_id", "key")) == sorted([(owner.pk, CachedPage.objects.get(owner=owner).key),
                                                                               (outsider.pk, "theirs")])


@pytest.mark.django_db(transaction=True)  # the worker closes its connection between tasks
def test_the_worker_drops_kept_pages_past_their_time(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    owner, now = UserFactory(), timezone.now()
    for key, until in (("gone", now - timedelta(seconds=1)), ("live", now + timedelta(seconds=50))):
        CachedPage.objects.create(owner=owner, key=key, stamp=0, rendered_at=now - timedelta(seconds=10), valid_until=until, body="<p>")
    call_command("worker", "--batch", verbosity=0)
    assert list(CachedPage.objects.values_list("key", flat=True)) == ["live"]


@pytest.mark.django_db(transaction=True)
def test_migrating_back_before_the_stamp_removes_its_triggers_and_writes_still_work():
    try:
        old = migrate([("accounts", "0006_ratecount")])  # as `migrate` does, its receivers must not put them back
        owner = old.get_model("accounts", "User").objects.create(username="before")
        Person.objects.create(owner_id=owner.pk, first_name="Still", last_name="Works")  # people is at its latest
        assert trigger_names(connection) == []
    finally:
        migrate(latest())
    test_every_private_table_and_its_tag_table_has_the_three_triggers()


def test_on_sqlite_the_triggers_are_off_while_migrating():
    # SQLite alters a table by copying it and renaming the copy; another table's trigger naming it (the tags' look up
    # people_person) makes the rename fail. `migrate` sends pre_migrate first: the triggers go, and come back after.
    # (Remaking people_person here would also drop its full-text triggers, which only its migration creates.)
    emit_pre_migrate_signal(0, False, connection.alias)
    try:
        assert (trigger_names(connection) == []) is (connection.vendor == "sqlite")
    finally:
        emit_post_migrate_signal(0, False, connection.alias)
    test_every_private_table_and_its_tag_table_has_the_three_triggers()


@pytest.mark.django_db(transaction=True)
def test_a_database_from_before_the_local_triggers_gets_them_when_the_app_starts():
    # `coffeechat serve` migrates only when a migration is pending: an upgraded local database has none.
    from coffeechat.accounts.services import ensure_database
    from coffeechat.accounts.stamps import drop_triggers

    drop_triggers(connection)  # a database of the release before
    try:
        ensure_database()
        test_every_private_table_and_its_tag_table_has_the_three_triggers()
    finally:
        emit_post_migrate_signal(0, False, connection.alias)


def test_a_page_that_cannot_be_kept_is_still_shown(owner_client, owner, monkeypatch):
    monkeypatch.setattr("coffeechat.accounts.pagecache.KEEP", "INSERT INTO no_such_table VALUES (%s, %s, %s, %s, %s, %s)")
    PersonFactory(owner=owner, first_name="Ines", last_name="Duarte")
    shown = owner_client.get("/people/")
    assert shown.status_code == 200 and "Ines" in shown.content.decode() and HEADER not in shown
    assert owner_client.get("/people/").status_code == 200  # the connection is still usable


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's one writer")
def test_keeping_a_page_waits_only_a_moment_for_sqlites_writer(owner_client):
    from coffeechat.accounts import pagecache

    def busy_timeout() -> int:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA busy_timeout")
            return cursor.fetchone()[0]

    waits = []

    def watch(execute, sql, params, many, context):
        if sql == pagecache.KEEP:
            waits.append(busy_timeout())
        return execute(sql, params, many, context)

    with connection.execute_wrapper(watch):
        assert owner_client.get("/")[HEADER] == "miss"
    assert waits == [pagecache.KEEP_WAIT_MS]
    assert busy_timeout() == 20_000  # as settings give it, for every other write

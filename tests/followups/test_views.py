import re
from datetime import UTC, datetime, timedelta

import icalendar
import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from coffeechat.followups.models import CalendarFeed, DueMark, Task, Touch
from coffeechat.outreach.models import Message
from tests.factories import ConversationFactory, PersonFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_today_is_the_home_page_with_an_encouraging_empty_state(owner_client, owner):
    PersonFactory(owner=owner)
    body = owner_client.get(reverse("home")).content.decode()
    assert "Nothing is due. Nicely done." in body


def test_a_new_user_is_welcomed(owner_client):
    assert "Welcome to Coffeechat" in owner_client.get(reverse("home")).content.decode()


def test_today_groups_items_and_counts_them_in_the_navigation(owner_client, owner):
    now = timezone.now()
    ConversationFactory(owner=owner, state="held", ended_at=now - timedelta(days=2), person__first_name="Hélène")
    Task.objects.create(owner=owner, title="Read the annual report", due_at=now + timedelta(days=20))
    upcoming = ConversationFactory(owner=owner, state="scheduled", scheduled_start=now + timedelta(days=1), person__first_name="Omar")
    body = owner_client.get(reverse("home")).content.decode()
    assert "Overdue" in body and "Send a thank-you to Hélène" in body and "Later" in body and "Read the annual report" in body
    assert "Coming up" in body and upcoming.get_absolute_url() in body
    assert 'class="nav-count"' in body


def nav_count(client) -> tuple[str | None, bool]:
    """The navigation's count on a page other than Today, and whether the counting statement ran for it."""
    with CaptureQueriesContext(connection) as ctx:
        body = client.get(reverse("settings")).content.decode()
    found = re.search(r'class="nav-count" aria-label="(\d+) due"', body)
    return (found.group(1) if found else None), any("'thank_you'" in q["sql"] for q in ctx.captured_queries)


def test_the_navigation_count_is_kept_until_the_owners_data_changes_or_time_moves_on(owner_client, owner):
    from coffeechat.followups.today import navigation_count

    owner.time_zone = "America/Toronto"
    owner.save()
    late = datetime(2026, 3, 10, 23, 59, 30, tzinfo=timezone.get_fixed_timezone(-4 * 60))
    with time_machine.travel(late, tick=False):
        ConversationFactory(owner=owner, state="held", ended_at=late - timedelta(days=2))
        Task.objects.create(owner=owner, title="Call the registrar", due_at=late + timedelta(hours=9))  # due tomorrow
        assert nav_count(owner_client) == ("1", True)
        assert nav_count(owner_client) == ("1", False)  # kept: not counted again
        ConversationFactory(owner=owner, state="held", ended_at=late - timedelta(days=3))
        after_write, counted = nav_count(owner_client)
        assert int(after_write) > 1 and counted  # any write to the account: counted again
    with time_machine.travel(late + timedelta(seconds=40), tick=False):  # past the owner's midnight: the task is due today
        tomorrow = str(navigation_count(owner, timezone.now()))
        assert int(tomorrow) > int(after_write)
        assert nav_count(owner_client) == (tomorrow, True)
        assert nav_count(owner_client) == (tomorrow, False)
    with time_machine.travel(late + timedelta(seconds=40 + 61), tick=False):
        assert nav_count(owner_client)[1]  # at most a minute, changed or not
    with time_machine.travel(late - timedelta(hours=1), tick=False):  # a clock set back never sees a later count
        assert nav_count(owner_client)[1]


def test_the_navigation_count_is_kept_per_owner(owner_client, owner, client):
    ConversationFactory(owner=owner, state="held", ended_at=timezone.now() - timedelta(days=2))
    assert nav_count(owner_client)[0] == "1"
    other = UserFactory()
    client.force_login(other)
    assert nav_count(client) == (None, True)


def test_done_and_snooze_inline(owner_client, owner):
    c = ConversationFactory(owner=owner, state="held", ended_at=timezone.now() - timedelta(days=2))
    key = f"thank_you:{c.pk}"
    response = owner_client.post(reverse("followups:item"), {"key": key, "action": "tomorrow"}, headers={"HX-Request": "true"})
    assert response.status_code == 200 and "<html" not in response.content.decode()
    assert DueMark.objects.get(key=key).snoozed_until > timezone.now()
    owner_client.post(reverse("followups:item"), {"key": key, "action": "done"})
    assert DueMark.objects.get(key=key).done_at is not None
    assert owner_client.post(reverse("followups:item"), {"key": "thank_you:999999", "action": "done"}).status_code == 404


def test_an_outsider_cannot_mark_my_items(outsider_client, owner):
    c = ConversationFactory(owner=owner, state="held", ended_at=timezone.now() - timedelta(days=2))
    assert outsider_client.post(reverse("followups:item"), {"key": f"thank_you:{c.pk}", "action": "done"}).status_code == 404
    assert not DueMark.objects.exists()


def test_adding_a_task_and_refusing_a_bad_one(owner_client, owner):
    assert owner_client.post(reverse("followups:task"), {"title": "Email the alumni office", "due": "2026-12-01"}).status_code == 302
    assert Task.objects.get(owner=owner).title == "Email the alumni office"
    assert owner_client.post(reverse("followups:task"), {"title": "", "due": "soon"}).status_code == 422


def test_the_follow_up_page_drafts_a_thank_you_naming_what_helped(owner_client, owner):
    from coffeechat.conversations.services import add_referral
    from coffeechat.questions.plans import add_item

    c = ConversationFactory(owner=owner, state="held", ended_at=timezone.now(), person__first_name="Hélène", notes="Very warm; suggested Priya")
    item = add_item(c, "What surprised you?")
    item.note = "Start with a super-user role on your ward"
    item.save()
    priya = add_referral(c, name="Priya Shah", organization="", may_use_name=True)
    Message.objects.create(owner=owner, person=priya, kind="request", sent_at=timezone.now())
    page = owner_client.get(reverse("followups:conversation", args=[c.pk])).content.decode()
    assert "Priya Shah" in page
    assert '>your answer to “What surprised you?”</textarea>' in page  # the editable line starts from the question
    response = owner_client.post(reverse("followups:thank-you", args=[c.pk]), {
        "mention": [item.pk], f"helped_{item.pk}": "Your tip to start as a super-user on the ward",
        "mention_note": ["Very warm; suggested Priya"],  # the old form's field: ignored
    })
    draft = Message.objects.get(kind="thank_you")
    assert response.url == reverse("outreach:edit", args=[draft.pk])  # opens in the editor, with the coach
    assert "Dear Hélène" in draft.body and "I especially valued your tip to start as a super-user on the ward." in draft.body
    assert "I have already written to Priya Shah" in draft.body
    assert "Very warm" not in draft.body and "Start with a super-user role on your ward" not in draft.body
    editor = owner_client.get(response.url).content.decode()
    assert 'id="coach"' in editor and "Your thank-you draft" in editor


def test_the_thank_you_never_copies_private_notes(owner_client, owner):
    from coffeechat.questions.plans import add_item

    c = ConversationFactory(owner=owner, state="held", ended_at=timezone.now(), notes="Very warm; suggested I apply to her team")
    item = add_item(c, "How did you get started?")
    item.note, item.asked = "Nursing first, informatics after five years", True
    item.save()
    owner_client.post(reverse("followups:thank-you", args=[c.pk]), {"mention": [item.pk], f"helped_{item.pk}": "your answer to “How did you get started?”"})
    body = Message.objects.get(kind="thank_you").body
    assert "I especially valued your answer to “How did you get started?”." in body
    assert "Nursing first" not in body and "Very warm" not in body


def test_reflection_and_next_steps_become_dated_tasks(owner_client, owner):
    c = ConversationFactory(owner=owner, state="held", ended_at=timezone.now())
    assert owner_client.post(reverse("followups:reflection", args=[c.pk]), {"learned": "", "fit": "", "strengths_gaps": "", "next_steps": ""}).status_code == 422
    owner_client.post(reverse("followups:reflection", args=[c.pk]), {"learned": "Informatics needs clinical credibility",
                                                                     "fit": "Yes", "strengths_gaps": "", "next_steps": "Take the Epic course\nTalk to Priya"})
    c.refresh_from_db()
    assert c.reflected_at is not None and c.learned.startswith("Informatics")
    assert "Take the Epic course" in owner_client.get(reverse("followups:conversation", args=[c.pk])).content.decode()
    owner_client.post(reverse("followups:step-task", args=[c.pk]), {"title": "Take the Epic course", "due": "2026-12-15"})
    task = Task.objects.get(owner=owner)
    assert (task.title, task.conversation, task.person) == ("Take the Epic course", c, c.person)


def test_keep_in_touch_page_logs_touches_and_sets_the_cadence(owner_client, owner):
    person = PersonFactory(owner=owner)
    url = reverse("followups:touch", args=[person.pk])
    assert owner_client.post(url, {"form": "touch", "kind": "call", "note": "Caught up", "when": timezone.localdate().isoformat()}).status_code == 302
    assert Touch.objects.get(person=person).kind == "call"
    future = (timezone.localdate() + timedelta(days=3)).isoformat()
    assert owner_client.post(url, {"form": "touch", "kind": "call", "note": "", "when": future}).status_code == 422
    owner_client.post(url, {"form": "cadence", "cadence": "custom", "custom_days": "45"})
    person.refresh_from_db()
    assert person.keep_in_touch_days == 45
    assert owner_client.post(url, {"form": "cadence", "cadence": "custom"}).status_code == 422
    owner_client.post(url, {"form": "cadence", "cadence": "0"})
    person.refresh_from_db()
    assert person.keep_in_touch_days == 0


def test_a_past_scheduled_conversation_can_be_marked_missed(owner_client, owner):
    c = ConversationFactory(owner=owner, state="scheduled", scheduled_start=timezone.now() - timedelta(hours=2))
    assert "It did not happen" in owner_client.get(c.get_absolute_url()).content.decode()
    owner_client.post(reverse("followups:missed", args=[c.pk]), {"state": "missed"})
    c.refresh_from_db()
    assert c.state == "missed"


@pytest.mark.parametrize(("name", "method"), [
    ("followups:conversation", "get"), ("followups:thank-you", "post"), ("followups:reflection", "post"),
    ("followups:step-task", "post"), ("followups:linkedin", "post"), ("followups:missed", "post"),
])
def test_an_outsider_gets_404_on_the_follow_up_page(outsider_client, owner, name, method):
    c = ConversationFactory(owner=owner, state="held", ended_at=timezone.now(), person__first_name="Hidden")
    response = getattr(outsider_client, method)(reverse(name, args=[c.pk]), {"learned": "x", "title": "t", "due": "2026-12-01", "done": "1"})
    assert response.status_code == 404 and "Hidden" not in response.content.decode()
    c.refresh_from_db()
    assert c.state == "held" and not c.linkedin_connected and not Task.objects.exists() and not Message.objects.exists()


def test_an_outsider_cannot_see_or_log_touches(outsider_client, owner):
    person = PersonFactory(owner=owner)
    url = reverse("followups:touch", args=[person.pk])
    assert outsider_client.get(url).status_code == 404
    assert outsider_client.post(url, {"form": "touch", "kind": "call", "when": "2026-01-01"}).status_code == 404
    assert not Touch.objects.exists()


def test_the_calendar_feed_parses_and_a_revoked_address_is_404(owner_client, client, owner):
    now = timezone.now()
    ConversationFactory(owner=owner, state="scheduled", scheduled_start=now + timedelta(days=2), person__first_name="Omar")
    ConversationFactory(owner=owner, state="held", ended_at=now - timedelta(days=2), person__first_name="Hélène")
    owner_client.post(reverse("followups:feed-settings"), {"action": "new"})
    token = CalendarFeed.objects.get(user=owner).token
    assert token in owner_client.get(reverse("settings")).content.decode()
    feed = client.get(reverse("followups:feed", args=[token]))
    calendar = icalendar.Calendar.from_ical(feed.content)
    summaries = [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")]
    assert any("Omar" in s for s in summaries) and any("thank-you to Hélène" in s for s in summaries)
    owner_client.post(reverse("followups:feed-settings"), {"action": "revoke"})
    assert client.get(reverse("followups:feed", args=[token])).status_code == 404
    assert client.get(reverse("followups:feed", args=["guessed-token"])).status_code == 404


def test_this_week_ends_on_the_users_week_end():
    from datetime import UTC, datetime

    from coffeechat.followups.rules import DueItem
    from coffeechat.followups.today import group_items

    now = datetime(2026, 11, 18, 12, tzinfo=UTC)  # a Wednesday
    def item(days):
        return DueItem("task", f"t{days}", "t", "", None, None, now + timedelta(days=days), days < 0, "/")
    items = [item(-1), item(0), item(4), item(5)]  # Tue, Wed, Sun, Mon
    grouped = dict(group_items(items, now, week_start=0))
    assert [len(grouped[name]) for name in ("Overdue", "Today", "This week", "Later")] == [1, 1, 1, 1]
    sunday_start = dict(group_items(items, now, week_start=6))  # weeks Sunday..Saturday: Sunday is next week
    assert "This week" not in sunday_start and len(sunday_start["Later"]) == 2


def test_the_today_page_query_count_does_not_grow(owner_client, owner, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.PAGE_CACHE_SECONDS = 0  # the page's own reads (a kept page's are in tests/accounts/test_pagecache.py)

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert owner_client.get(reverse("home")).status_code == 200
        return len(ctx.captured_queries)

    now = timezone.now()
    ConversationFactory(owner=owner, state="held", ended_at=now - timedelta(days=2))
    Task.objects.create(owner=owner, title="t", due_at=now)  # a task too: a read with nothing to read is skipped
    few = count()
    for _ in range(15):
        ConversationFactory(owner=owner, state="held", ended_at=now - timedelta(days=2), person__with_organization=True)
        Task.objects.create(owner=owner, title="t", due_at=now)
    assert count() <= few  # one fewer when a kind has nothing among a group's first items (not read)
    # One snapshot serves the page and the navigation count: at most 7 queries for it, plus session, user and page.
    assert few <= 14, few  # 12, plus people met at events and who gave names


@pytest.mark.parametrize(("action", "span"), [("1h", timedelta(hours=1)), ("tomorrow", timedelta(days=1)), ("week", timedelta(days=7))])
@pytest.mark.parametrize("due_in", [timedelta(days=-3), timedelta(minutes=5), timedelta(days=7), timedelta(days=20)])
def test_every_snooze_moves_an_item_its_span_from_now_and_from_its_due_time(owner_client, owner, action, span, due_in):
    from coffeechat.followups.rules import due_items, load_snapshot

    now = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
    task = Task.objects.create(owner=owner, title="Read the report", due_at=now + due_in)
    with time_machine.travel(now, tick=False):
        owner_client.post(reverse("followups:item"), {"key": f"task:{task.pk}", "action": action})
    until = DueMark.objects.get(key=f"task:{task.pk}").snoozed_until
    assert until >= now + span and until >= task.due_at + span
    [item] = due_items(load_snapshot(owner), now)
    assert item.due == until


def test_a_refused_task_shows_its_errors_open_with_what_was_typed(owner_client, owner):
    PersonFactory(owner=owner)
    response = owner_client.post(reverse("followups:task"), {"title": "Ask Omar about the bootcamp", "due": ""})
    page = response.content.decode()
    assert response.status_code == 422
    start = page.index('<details id="add-task"')
    details = page[start:page.index("</details>", start)]
    assert details.startswith('<details id="add-task" open')
    assert 'value="Ask Omar about the bootcamp"' in details and "This field is required" in details
    assert 'action="/today/task/#add-task"' in details


def test_a_refused_next_step_task_says_why_beside_the_step(owner_client, owner):
    c = ConversationFactory(owner=owner, state="held", ended_at=timezone.now(), next_steps="Take the Epic course\nTalk to Priya")
    response = owner_client.post(reverse("followups:step-task", args=[c.pk]), {"title": "Talk to Priya", "due": ""})
    page = response.content.decode()
    assert response.status_code == 422
    failed = page[page.index('class="step-failed"'):]
    assert failed.index("Talk to Priya") < failed.index("This field is required") < failed.index("</li>")
    assert not Task.objects.exists()

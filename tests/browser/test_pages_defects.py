"""Issue 14, in a real browser at 1280 px and 375 px: editing a time, form errors, and layout."""

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from coffeechat.conversations.models import Conversation
from coffeechat.followups.models import Task
from coffeechat.questions.plans import add_item
from tests.factories import ConversationFactory, OrganizationFactory, PersonFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def both(page, phone):
    return [(page, "1280"), (phone, "375")]


def test_editing_a_scheduled_conversation_moves_nothing(page, phone, sign_in, screenshot):
    user = UserFactory(username="edit-time", time_zone="America/Toronto", first_name="Zoë", last_name="K")
    start = datetime(2027, 3, 17, 15, 0, tzinfo=UTC)  # 15:00 in London, 11:00 in Toronto (their clocks differ by 4 h that week)
    c = ConversationFactory(owner=user, state="scheduled", scheduled_start=start, time_zone="Europe/London", minutes=30,
                            medium="video", location="https://meet.example.com/x", person__first_name="Aisha", sequence=1)
    for browser, width in both(page, phone):
        base = sign_in(browser, user)
        browser.goto(f"{base}/conversations/{c.pk}/schedule/")
        assert browser.locator("#id_time").input_value() == "15:00"
        assert browser.locator("#id_date").input_value() == "2027-03-17"
        assert browser.locator("#id_time_zone").input_value() == "Europe/London"
        assert "Time zone of this date and time" in browser.locator("label[for=id_time_zone]").inner_text()
        screenshot(browser, f"schedule-edit-{width}")
        browser.get_by_role("button", name="Save").click()
        browser.get_by_text("Scheduled.").wait_for()
        c.refresh_from_db()
        assert (c.scheduled_start, c.sequence) == (start, 1)
    browser = page
    browser.goto(f"{base}/conversations/{c.pk}/schedule/")
    browser.locator("#id_medium").select_option("phone")
    browser.get_by_role("button", name="Save").click()
    browser.get_by_text("Scheduled.").wait_for()
    c.refresh_from_db()
    assert (c.scheduled_start, c.sequence, c.medium) == (start, 2, "phone")


def test_the_time_zone_field_searches_common_zones_first(page, sign_in, screenshot):
    user = UserFactory(username="tz-field", time_zone="America/Toronto", first_name="Zoë", last_name="K")
    c = ConversationFactory(owner=user, state="accepted")
    base = sign_in(page, user)
    page.goto(f"{base}/conversations/{c.pk}/schedule/")
    options = page.locator("datalist option").evaluate_all("els => els.map(e => e.value)")
    assert options[:3] == ["America/St_Johns", "America/Halifax", "America/Toronto"]
    assert "Factory" not in options and "localtime" not in options and len(options) < 500
    page.locator("#id_time_zone").fill("Vancouver")
    tomorrow = (timezone.localdate() + timedelta(days=3)).isoformat()
    page.locator("#id_date").fill(tomorrow)
    page.locator("#id_time").fill("10:00")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Scheduled.").wait_for()
    c.refresh_from_db()
    assert c.time_zone == "America/Vancouver"


def in_view(page, locator) -> bool:
    box = locator.bounding_box()
    return box is not None and 0 <= box["y"] and box["y"] + box["height"] <= page.viewport_size["height"]


def test_a_refused_task_shows_its_errors_where_the_user_is(page, phone, sign_in, screenshot):
    user = UserFactory(username="task-errors")
    held = ConversationFactory(owner=user, state="held", ended_at=timezone.now() - timedelta(days=2))
    for i in range(8):
        Task.objects.create(owner=user, title=f"Something to do {i}", due_at=timezone.now() + timedelta(days=i), person=held.person)
    for browser, width in both(page, phone):
        base = sign_in(browser, user)
        browser.goto(base + "/")
        browser.get_by_text("Add a task of my own").click()
        browser.locator("#id_title").fill("Ask Omar about the bootcamp")
        browser.get_by_role("button", name="Add task").click()
        error = browser.locator("#add-task .errorlist").first
        error.wait_for()
        browser.wait_for_load_state("load")
        assert browser.locator("#add-task").evaluate("d => d.open")
        assert browser.locator("#id_title").input_value() == "Ask Omar about the bootcamp"
        assert in_view(browser, error), "the error is off screen"
        assert browser.evaluate("document.activeElement.id") == "id_due"
        screenshot(browser, f"today-task-error-{width}")
    assert not Task.objects.filter(title__startswith="Ask Omar").exists()


def test_follow_up_captions_do_not_overlap_or_steal_clicks(page, phone, sign_in, screenshot):
    user = UserFactory(username="captions")
    c = ConversationFactory(owner=user, state="held", ended_at=timezone.now(), person__first_name="Hélène")
    for text, note in [("What does a typical week look like for you, from Monday morning to Friday?", "Mostly meetings with the clinical teams"),
                       ("What surprised you most about the move into informatics?", "How much of the job is teaching"),
                       ("Whom else should I talk to?", "Priya at Northwind")]:
        item = add_item(c, text)
        item.note = note
        item.save()
    for browser, width in both(page, phone):
        base = sign_in(browser, user)
        browser.goto(f"{base}/conversations/{c.pk}/follow-up/")
        rows = browser.locator("#thanks-title ~ form .checklist li")
        assert rows.count() == 3
        # Each private-note caption sits below its question's label and above its own line of text.
        gaps = rows.evaluate_all("""rows => rows.map(row => {
            const label = row.querySelector("label"), small = row.querySelector("small"), line = row.querySelector("textarea");
            return {above: label.getBoundingClientRect().bottom, top: small.getBoundingClientRect().top,
                    bottom: small.getBoundingClientRect().bottom, below: line.getBoundingClientRect().top};
        })""")
        for i, gap in enumerate(gaps):
            assert gap["top"] >= gap["above"] - 0.5, f"caption {i} overlaps the line above it at {width}px: {gap}"
            assert gap["bottom"] <= gap["below"] + 0.5, f"caption {i} overlaps the next line at {width}px: {gap}"
        # The next line's text takes its own click: the caption above does not sit on it.
        ticks = browser.locator("#thanks-title ~ form .checklist li label input")
        for i in (1, 2):
            before = [ticks.nth(j).is_checked() for j in range(3)]
            ticks.nth(i).scroll_into_view_if_needed()  # a click outside the viewport lands nowhere
            box = ticks.nth(i).bounding_box()
            browser.mouse.click(box["x"] + box["width"] + 30, box["y"] + box["height"] / 2)
            after = [ticks.nth(j).is_checked() for j in range(3)]
            assert [a != b for a, b in zip(after, before, strict=True)] == [j == i for j in range(3)], \
                f"a click on row {i} toggled {after} from {before} at {width}px"
        screenshot(browser, f"follow-up-captions-{width}")


def test_person_page_actions_line_up(page, phone, sign_in, screenshot):
    user = UserFactory(username="person-actions")
    person = PersonFactory(owner=user, organization=OrganizationFactory(owner=user, name="Northwind"))
    for browser, width in both(page, phone):
        base = sign_in(browser, user)
        browser.goto(f"{base}/people/{person.pk}/")
        buttons = browser.locator(".page-head .actions").first.locator("a[role=button], button, summary[role=button]")
        boxes = [buttons.nth(i).bounding_box() for i in range(buttons.count())]
        assert len(boxes) == 7  # ask, call, ask for names, schedule, talk now, edit, delete
        rows = []  # boxes grouped into visual lines: a box starting below the line's bottom starts a new one
        for box in sorted(boxes, key=lambda b: b["y"]):
            if rows and box["y"] < max(b["y"] + b["height"] for b in rows[-1]):
                rows[-1].append(box)
            else:
                rows.append([box])
        if width == "1280":
            assert len(rows) == 1
        for row in rows:
            assert max(b["y"] for b in row) - min(b["y"] for b in row) <= 1, f"buttons at different heights at {width}px"
            assert max(b["height"] for b in row) - min(b["height"] for b in row) <= 1
        screenshot(browser, f"person-actions-{width}")


def test_the_phone_navigation_is_one_compact_row_with_a_menu(phone, page, sign_in, screenshot):
    user = UserFactory(username="nav-phone")
    PersonFactory(owner=user, first_name="Zoë")
    base = sign_in(phone, user)
    phone.goto(base + "/")
    header = phone.locator(".site-header").bounding_box()
    assert header["height"] <= 72, f"the header takes {header['height']} px"
    screenshot(phone, "nav-375-closed")
    phone.get_by_text("Menu").click()
    screenshot(phone, "nav-375-open")
    phone.get_by_role("link", name="People").click()
    phone.wait_for_url("**/people/")
    screenshot(phone, "nav-375-people")
    sign_in(page, user)
    page.goto(base + "/")
    assert page.get_by_role("link", name="Conversations").is_visible()
    assert not page.get_by_text("Menu").is_visible()
    screenshot(page, "nav-1280")


def test_not_found_uses_the_apps_layout_with_a_way_back(page, phone, sign_in, screenshot):
    user = UserFactory(username="lost")
    for browser, width in both(page, phone):
        base = sign_in(browser, user)
        response = browser.goto(base + "/people/999999/")
        assert response.status == 404
        assert browser.locator(".site-header").is_visible()
        browser.get_by_role("button", name="Back to Today").click()
        browser.wait_for_url(base + "/")
        browser.goto(base + "/no-such-page/")
        screenshot(browser, f"not-found-{width}")
    assert Conversation.objects.count() == 0


def test_live_mode_waits_for_start(page, phone, sign_in, screenshot):
    user = UserFactory(username="live-start")
    c = ConversationFactory(owner=user, state="scheduled", scheduled_start=timezone.now() + timedelta(days=2), minutes=30)
    base = sign_in(phone, user)
    phone.goto(f"{base}/conversations/{c.pk}/live/")
    phone.wait_for_timeout(1500)
    assert phone.locator("#timer").inner_text() == "30:00"
    screenshot(phone, "live-before-start-375")
    c.refresh_from_db()
    assert c.live_started_at is None
    base = sign_in(page, user)
    page.goto(f"{base}/conversations/{c.pk}/live/")
    page.get_by_role("button", name="Start").click()
    page.wait_for_function("document.getElementById('timer').textContent.startsWith('29:')")
    assert not page.get_by_role("button", name="Start").is_visible()
    screenshot(page, "live-started-1280")
    c.refresh_from_db()
    assert c.live_started_at is not None

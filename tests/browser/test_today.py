from datetime import timedelta

import pytest
from django.utils import timezone

from coffeechat.followups.models import DueMark, Task
from tests.factories import ConversationFactory, PersonFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_today_lists_what_is_due_and_done_works_inline(page, sign_in, screenshot):
    user = UserFactory(username="today-user", first_name="Zoë")
    now = timezone.now()
    held = ConversationFactory(owner=user, state="held", ended_at=now - timedelta(days=2), person__first_name="Hélène", person__last_name="Béland")
    ConversationFactory(owner=user, state="scheduled", scheduled_start=now + timedelta(days=1), person__first_name="Omar", person__last_name="Haddad")
    PersonFactory(owner=user, first_name="Priya", last_name="Shah", referred_by=held.person, source="referral")
    Task.objects.create(owner=user, title="Update my LinkedIn headline", due_at=now + timedelta(days=3))
    base = sign_in(page, user)
    page.goto(base + "/")
    page.get_by_role("heading", name="Overdue").wait_for()
    assert page.get_by_text("Send a thank-you to Hélène Béland").is_visible()
    assert page.get_by_role("heading", name="Coming up").is_visible()
    screenshot(page, "today")
    item = page.locator("li.due-item", has_text="Send a thank-you to Hélène Béland")
    item.get_by_role("button", name="Done").click()
    page.get_by_text("Send a thank-you to Hélène Béland").wait_for(state="detached")
    assert DueMark.objects.get(key=f"thank_you:{held.pk}").done_at is not None
    task = Task.objects.get(owner=user)
    with page.expect_response("**/today/item/"):
        page.locator("li.due-item", has_text="Update my LinkedIn headline").get_by_role("button", name="Next week").click()
    page.locator(".due-later li.due-item", has_text="Update my LinkedIn headline").wait_for()
    assert DueMark.objects.get(key=f"task:{task.pk}").snoozed_until > now + timedelta(days=6)


def test_the_follow_up_page_on_a_phone(phone, sign_in, screenshot):
    user = UserFactory(username="follow-phone")
    c = ConversationFactory(owner=user, state="held", ended_at=timezone.now(), notes="Join the interest group\nRead the HIMSS report")
    base = sign_in(phone, user)
    phone.goto(f"{base}/conversations/{c.pk}/follow-up/")
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(phone, "phone-follow-up")
    phone.goto(base + "/")
    screenshot(phone, "phone-today")

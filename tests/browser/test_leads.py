"""Noting what a conversation leads to with the keyboard during the call, and the one-tap steps after it."""

import pytest

from coffeechat.insights.models import Goal, Lead
from coffeechat.people.models import Organization
from tests.browser.conftest import ARTIFACTS
from tests.browser.test_csp import until, watch
from tests.factories import ConversationFactory, GoalFactory, OrganizationFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def note_with_the_keyboard(page, kind_letters: str, name: str):
    """Pick the kind by typing its first letters on the focused list, Tab to the name, type, Enter."""
    page.evaluate("window.__same_page = true")
    page.locator("#lead-what").focus()
    page.keyboard.type(kind_letters)
    page.keyboard.press("Tab")
    page.keyboard.type(name)
    page.keyboard.press("Enter")
    page.locator("#leads .lead-list li", has_text=name).wait_for()
    # Swapped in place (no reload), the cursor back in an empty name field for the next one.
    until(page, "window.__same_page === true && document.activeElement && document.activeElement.id === 'lead-name'"
                " && document.activeElement.value === ''")


@pytest.mark.parametrize("device", ["page", "phone"])
def test_note_leads_in_live_mode_and_act_on_them_after_the_call(device, request, sign_in, screenshot):
    browser = request.getfixturevalue(device)
    user = UserFactory(username=f"leads-{device}", first_name="Zoë")
    goal = GoalFactory(owner=user, title="UX research in health care")
    OrganizationFactory(owner=user, name="Hôpital Général")
    conversation = ConversationFactory(owner=user, goal=goal, state="scheduled", person__first_name="Priya", person__last_name="Shah")
    base = sign_in(browser, user)
    browser.goto(f"{base}/conversations/{conversation.pk}/live/")
    browser.get_by_text("Nothing noted yet").wait_for()
    browser.locator("#leads").screenshot(path=str(ARTIFACTS / f"leads-live-empty-{device}.png"))
    with browser.expect_navigation():  # to the page loaded afresh, its scripts (htmx) running, with the timer started
        browser.get_by_role("button", name="Start").click()

    note_with_the_keyboard(browser, "Org", "hopital general")
    note_with_the_keyboard(browser, "Car", "Clinical informatics")
    note_with_the_keyboard(browser, "Cou", "HL7 FHIR fundamentals")
    note_with_the_keyboard(browser, "Ope", "Northwind Health")
    kinds = dict(Lead.objects.filter(owner=user).values_list("name", "kind"))
    assert kinds == {"hopital general": "organization", "Clinical informatics": "career", "HL7 FHIR fundamentals": "resource",
                     "Northwind Health": "opening"}
    assert Lead.objects.get(name="HL7 FHIR fundamentals").resource_kind == "course"

    # A link that is not a web address is refused where the user is looking, and the name typed is kept.
    browser.locator("#lead-what").select_option("resource:association")
    browser.locator("#lead-name").fill("Health UX Society")
    browser.locator(".lead-more summary").click()
    browser.locator("#lead-url").fill("javascript:alert(1)")
    browser.locator("#lead-url").press("Enter")
    browser.locator("#lead-errors").get_by_text("Enter a valid URL").wait_for()
    assert browser.locator("#lead-name").input_value() == "Health UX Society"
    browser.locator("#lead-url").fill("https://healthux.example")
    browser.locator("#lead-url").press("Enter")
    browser.locator("#leads").get_by_role("link", name="Health UX Society", exact=True).wait_for()
    assert browser.evaluate("document.documentElement.scrollWidth") <= browser.viewport_size["width"]
    screenshot(browser, f"leads-live-{device}")
    browser.locator("#leads").screenshot(path=str(ARTIFACTS / f"leads-live-list-{device}.png"))

    browser.get_by_role("button", name="End call").click()
    browser.get_by_role("heading", name="3. What it led to").wait_for()
    leads = browser.locator("#leads")
    leads.get_by_role("button", name="Make hopital general a target").click()
    leads.get_by_text("Hôpital Général is a target.").wait_for()
    leads.get_by_role("button", name="Make Clinical informatics a goal").click()
    leads.get_by_role("link", name="✓ A goal").wait_for()
    leads.get_by_role("button", name="Save HL7 FHIR fundamentals to the resources of UX research in health care").click()
    leads.get_by_text("Saved to the resources of").wait_for()
    leads.get_by_role("button", name="Make Northwind Health a target").click()
    leads.get_by_text("Northwind Health is a target.").wait_for()
    assert browser.evaluate("document.documentElement.scrollWidth") <= browser.viewport_size["width"]
    screenshot(browser, f"leads-follow-up-{device}")
    browser.locator("#leads").screenshot(path=str(ARTIFACTS / f"leads-follow-up-list-{device}.png"))

    assert sorted(Organization.objects.filter(owner=user, is_target=True).values_list("name", flat=True)) == ["Hôpital Général", "Northwind Health"]
    assert Organization.objects.filter(owner=user).count() == 2
    assert Goal.objects.filter(owner=user, title="Clinical informatics", kind="role").exists()

    browser.get_by_role("link", name="✓ In the resources of UX research in health care").first.click()
    browser.get_by_role("heading", name="Resources").wait_for()
    browser.locator("#resources").get_by_text("HL7 FHIR fundamentals").wait_for()
    screenshot(browser, f"leads-goal-resources-{device}")
    browser.goto(f"{base}/insights/#careers")
    browser.locator("#careers").get_by_text("Openings and employers").wait_for()
    browser.locator("#careers").scroll_into_view_if_needed()
    assert browser.evaluate("document.documentElement.scrollWidth") <= browser.viewport_size["width"]
    screenshot(browser, f"leads-insights-{device}")
    browser.locator("#careers .career", has_text="UX research in health care").screenshot(path=str(ARTIFACTS / f"leads-insights-career-{device}.png"))


def test_the_empty_resources_list_on_a_phone(phone, sign_in, screenshot):
    user = UserFactory(username="resources-empty")
    goal = GoalFactory(owner=user, title="Data journalism")
    base = sign_in(phone, user)
    phone.goto(f"{base}/goals/{goal.pk}/edit/#resources")
    phone.get_by_text("No resources yet").wait_for()
    phone.locator("#resources").screenshot(path=str(ARTIFACTS / "leads-goal-empty-phone.png"))
    phone.get_by_label("Name or title").fill("Online News Association")
    phone.get_by_label("Kind").select_option("resource:association")
    phone.get_by_role("button", name="Add to resources").click()
    phone.locator("#resources").get_by_text("Online News Association").wait_for()
    assert phone.evaluate("document.documentElement.scrollWidth") <= phone.viewport_size["width"]
    screenshot(phone, "leads-goal-added-phone")


def test_noting_and_one_tap_work_under_the_content_security_policy(strict_page, sign_in):
    user = UserFactory(username="leads-csp")
    goal = GoalFactory(owner=user, title="UX research")
    conversation = ConversationFactory(owner=user, goal=goal, state="held")
    errors = watch(strict_page)
    base = sign_in(strict_page, user)
    for path in (f"/goals/{goal.pk}/edit/", f"/conversations/{conversation.pk}/live/", f"/conversations/{conversation.pk}/follow-up/"):
        strict_page.goto(base + path)
        assert strict_page.evaluate("window.__violations") == [], path
    strict_page.locator("#lead-name").fill("Lumen Labs")
    strict_page.locator("#lead-name").press("Enter")
    until(strict_page, "document.querySelectorAll('#leads .lead-list li').length === 1")
    assert strict_page.url.endswith("/follow-up/")  # swapped in place by htmx, not a reload
    strict_page.get_by_role("button", name="Make Lumen Labs a target").click()
    until(strict_page, "document.querySelector('#leads .lead-done') !== null")
    assert Organization.objects.get(owner=user).is_target
    assert strict_page.evaluate("window.__violations") == [] and [e for e in errors if "Security Policy" in e] == []

import pytest

from coffeechat.people.models import Person
from tests.factories import PersonFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("device", ["page", "phone"])
def test_ask_for_names_and_record_them(device, request, sign_in, screenshot):
    browser_page = request.getfixturevalue(device)
    user = UserFactory(username=f"intro-{device}", first_name="Zoë")
    aunt = PersonFactory(owner=user, first_name="Marie", last_name="Roy", source="relative", phones=["+1 902 555 0100"])
    base = sign_in(browser_page, user)
    browser_page.goto(f"{base}/people/{aunt.pk}/")
    screenshot(browser_page, f"person-actions-{device}")
    browser_page.get_by_text("Ask for names").click()
    browser_page.get_by_role("link", name="Record the names they gave").click()
    browser_page.locator("#id_names-0-name").fill("Omar Haddad")
    browser_page.locator("#id_names-0-organization").fill("Northwind Health")
    browser_page.locator("#id_names-0-may_use_name").check()
    browser_page.locator("#id_names-1-organization").fill("Stantec")
    browser_page.get_by_role("button", name="Add these people").click()
    browser_page.get_by_text("A name is needed for this row").wait_for()
    screenshot(browser_page, f"introductions-error-{device}")
    browser_page.locator("#id_names-1-name").fill("Aisha Ahmed")
    browser_page.get_by_role("button", name="Add these people").click()
    browser_page.get_by_text("Added 2 people from Marie Roy").wait_for()
    assert sorted(p.display_name for p in Person.objects.filter(owner=user, referred_by=aunt)) == ["Aisha Ahmed", "Omar Haddad"]
    browser_page.goto(f"{base}/people/{aunt.pk}/call/")
    screenshot(browser_page, f"call-{device}")
    assert browser_page.evaluate("document.documentElement.scrollWidth") <= browser_page.viewport_size["width"]

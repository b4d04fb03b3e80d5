import pytest

from coffeechat.events.models import Event
from coffeechat.people.models import Person
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("device", ["page", "phone"])
def test_record_an_event_and_the_people_met_there_with_the_keyboard(device, request, sign_in, screenshot):
    browser_page = request.getfixturevalue(device)
    user = UserFactory(username=f"events-{device}")
    base = sign_in(browser_page, user)
    browser_page.goto(base + "/events/")
    browser_page.get_by_role("heading", name="No events yet").wait_for()
    screenshot(browser_page, f"events-empty-{device}")
    browser_page.get_by_role("button", name="Record an event").first.click()
    browser_page.get_by_label("Name").fill("Health informatics alumni evening")
    browser_page.get_by_label("Kind").select_option("alumni")
    browser_page.get_by_label("On").fill("2026-11-18")
    browser_page.get_by_label("Place").fill("Halifax")
    browser_page.get_by_role("button", name="Save").click()
    browser_page.get_by_role("heading", name="People you met").wait_for()
    for name, org in (("Aisha Ahmed", "Stantec"), ("Marc Tremblay", "")):
        browser_page.get_by_label("Name").fill(name)
        browser_page.get_by_label("Organisation").fill(org)
        browser_page.get_by_label("One line to remember them by").fill("Suggested the HL7 course")
        browser_page.get_by_label("One line to remember them by").press("Enter")
        browser_page.get_by_role("link", name=name).wait_for()
    # An empty name is explained where the user is looking, and nothing is added.
    browser_page.get_by_role("button", name="Add this person").click()
    browser_page.get_by_text("This field is required").wait_for()
    screenshot(browser_page, f"events-detail-{device}")
    width = browser_page.evaluate("document.documentElement.scrollWidth")
    assert width <= browser_page.viewport_size["width"]
    event = Event.objects.get(owner=user)
    assert sorted(p.display_name for p in Person.objects.filter(owner=user, event=event)) == ["Aisha Ahmed", "Marc Tremblay"]

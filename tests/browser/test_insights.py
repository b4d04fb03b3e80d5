import pytest

from coffeechat.insights.demo import make_demo
from coffeechat.insights.models import Goal
from coffeechat.people.models import Organization
from tests.browser.conftest import ARTIFACTS
from tests.factories import OrganizationFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_creating_a_goal(page, sign_in, screenshot):
    user = UserFactory(username="goal-maker")
    base = sign_in(page, user)
    page.goto(base + "/goals/")
    page.get_by_role("button", name="Add my first goal").click()
    page.get_by_label("What I am exploring").fill("Health informatics")
    page.get_by_label("It is").select_option("role")
    page.get_by_label("Key question 1").fill("What does a normal week look like?")
    page.get_by_label("Key question 2").fill("Which skills carried over from nursing?")
    page.get_by_label("Key question 3").fill("What would you learn first?")
    screenshot(page, "goal-form")
    page.get_by_role("button", name="Save the goal").click()
    page.get_by_role("link", name="Health informatics").wait_for()
    goal = Goal.objects.get(owner=user)
    assert goal.kind == "role" and len(goal.key_questions) == 3
    screenshot(page, "goals")


def test_rating_targets_on_a_phone(phone, sign_in, screenshot):
    user = UserFactory(username="target-rater")
    OrganizationFactory(owner=user, name="Northwind Health")
    base = sign_in(phone, user)
    phone.goto(base + "/targets/")
    phone.get_by_label("Organisations, one a line").fill("northwind HEALTH\nBlue Harbour Studio\nCity Desk Daily")
    phone.get_by_role("button", name="Add to my targets").click()
    phone.get_by_text("3 of 40 organisations").wait_for()
    row = phone.locator("li.target", has_text="City Desk Daily")
    row.get_by_label("Motivation").select_option("3")
    row.get_by_label("Postings").select_option("2")
    row.get_by_role("button", name="Save the rating of City Desk Daily").click()
    phone.locator("li.target").first.filter(has_text="City Desk Daily").wait_for()
    assert Organization.objects.filter(owner=user).count() == 3
    assert Organization.objects.get(owner=user, name="City Desk Daily").motivation == 3
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    screenshot(phone, "targets-phone")


@pytest.mark.parametrize("device", ["page", "phone"])
def test_every_insights_picture_reads_at_1280_and_375(request, device, sign_in, screenshot):
    browser_page = request.getfixturevalue(device)
    user = make_demo("insights-demo")
    base = sign_in(browser_page, user)
    browser_page.goto(base + "/insights/")
    for name in ("From asking to referrals", "Replies by how you found people", "Careers side by side",
                 "Who led to whom", "Warm paths to your targets", "Activity per week"):
        assert browser_page.get_by_role("heading", name=name).is_visible()
    assert browser_page.locator("svg.chart").count() == 4
    width = browser_page.viewport_size["width"]
    screenshot(browser_page, f"insights-{width}")
    wide = browser_page.evaluate("""Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > 376)
                                    .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + (e.textContent || '').slice(0, 40))""")
    assert browser_page.evaluate("document.documentElement.scrollWidth") <= width, wide
    # The network's names are links to the people, and readable (not shrunk below 10 px).
    link = browser_page.locator("svg.network a").first
    assert link.get_attribute("href").startswith("/people/")
    size = browser_page.evaluate("parseFloat(getComputedStyle(document.querySelector('svg.network text')).fontSize) * "
                                 "document.querySelector('svg.network').getBoundingClientRect().width / 320")
    assert size >= 10
    for section in ("funnel", "replies", "careers", "network", "warm-paths", "activity"):
        browser_page.locator(f"#{section}").screenshot(path=str(ARTIFACTS / f"insights-{width}-{section}.png"))
    browser_page.get_by_label("Goal").select_option(label="Data journalism")
    browser_page.get_by_role("button", name="Show").click()
    browser_page.wait_for_url("**goal=*")
    assert browser_page.get_by_role("heading", name="Data journalism").is_visible()

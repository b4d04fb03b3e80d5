import re

import pytest

from tests.serverproc import Server

pytestmark = pytest.mark.browser


def test_first_run_add_a_person_and_find_them_without_the_accent(page, screenshot, tmp_path):
    with Server(tmp_path / "data") as server:
        page.goto(server.link)
        assert page.get_by_role("heading", name="Welcome to Coffeechat").is_visible()
        screenshot(page, "first-run-empty")

        page.get_by_role("button", name="Add a person").first.click()
        page.get_by_label("First name").fill("Hélène")
        page.get_by_label("Last name").fill("Béland")
        page.get_by_label("Organisation").fill("Northwind Health")
        page.get_by_label("Title").fill("Nurse practitioner")
        page.get_by_label("How I found them").select_option("alumni")
        page.get_by_role("button", name="Add person").click()
        page.get_by_role("heading", name="Hélène Béland").wait_for()

        page.get_by_role("link", name="People", exact=True).click()
        page.get_by_role("searchbox", name="Search").fill("beland")
        results = page.locator("#people-results")
        results.get_by_role("link", name="Hélène Béland").wait_for()
        # The search lands in the address bar, so it can be reloaded or bookmarked.
        page.wait_for_url(re.compile(r"q=beland"))
        page.get_by_role("searchbox", name="Search").fill("nobody-like-this")
        results.get_by_text("Nobody matches").wait_for()
        page.get_by_role("searchbox", name="Search").fill("northwind")
        results.get_by_role("link", name="Hélène Béland").wait_for()
        screenshot(page, "first-run-search")
    assert server.process.returncode == 0

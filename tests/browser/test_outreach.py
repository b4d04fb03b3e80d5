import pytest

from coffeechat.people.models import Source
from tests.factories import OrganizationFactory, PersonFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_draft_a_request_watch_the_coach_and_mark_it_sent(page, sign_in, screenshot):
    user = UserFactory(username="zoe", first_name="Zoë", last_name="Kowalczyk",
                       intro_line="a final-year nursing student at Dalhousie",
                       availability={"1": [["14:00", "17:00"]], "3": [["09:00", "11:00"]], "4": [["10:00", "12:00"]]})
    org = OrganizationFactory(owner=user, name="Northwind Health")
    person = PersonFactory(owner=user, first_name="Hélène", last_name="Béland", organization=org, source=Source.LINKEDIN,
                           linkedin_url="https://www.linkedin.com/in/helene-beland", emails=["helene@northwind.example"],
                           time_zone="America/Vancouver", research="Led the move to electronic charting at Northwind.")
    base = sign_in(page, user)
    page.goto(f"{base}{person.get_absolute_url()}")
    page.get_by_role("button", name="Ask for a conversation").click()
    body = page.get_by_label("Body")
    page.get_by_role("heading", name="Coach").wait_for()
    screenshot(page, "compose-prefilled")

    why = page.locator('[data-check="explains_why_them"]')
    assert "todo" in why.get_attribute("class")
    text = body.input_value().replace("[One sentence on what drew you to them specifically — an article, a project, their path.]",
                                      "Your work leading the move to electronic charting at Northwind Health is exactly what I hope to learn about.")
    text = text.replace("[the field or role you are exploring]", "nursing informatics")
    body.fill(text)
    page.wait_for_function("document.querySelector('[data-check=\"explains_why_them\"]').classList.contains('ok')")
    page.get_by_label("…or a new goal").fill("nursing informatics")
    screenshot(page, "compose-coach-green")

    page.get_by_role("button", name="Save draft and choose how to send").click()
    page.get_by_role("heading", name="Send it").wait_for()
    assert page.get_by_role("button", name="Open in my mail app").get_attribute("href").startswith("mailto:helene@northwind.example?")
    screenshot(page, "message-send-options")
    page.get_by_role("button", name="I sent it").click()
    page.get_by_text("Requested").first.wait_for()
    assert page.get_by_role("link", name="nursing informatics").is_visible()  # the new goal, linked
    screenshot(page, "conversation-requested")


def test_compose_on_a_phone(phone, sign_in, screenshot):
    user = UserFactory(username="phone-zoe", first_name="Zoë", last_name="K")
    person = PersonFactory(owner=user, first_name="Omar", last_name="Haddad")
    base = sign_in(phone, user)
    phone.goto(f"{base}/people/{person.pk}/ask/")
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(phone, "phone-compose")

import pytest

from coffeechat.people.services import set_tags
from tests.factories import OrganizationFactory, PersonFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_phone_width_pages_fit_without_sideways_scrolling(phone, sign_in, screenshot):
    user = UserFactory(username="phone")
    org = OrganizationFactory(owner=user, name="Northwind Health Sciences Partnership")
    for _i in range(8):
        person = PersonFactory(owner=user, organization=org, title="Senior clinical informatics specialist",
                               research="A long research note " * 20)
        set_tags(person, ["nursing", "informatics"])
    base = sign_in(phone, user)

    for path, name in [("/people/", "phone-people"), (f"/people/{person.pk}/", "phone-person"),
                       ("/people/add/", "phone-person-form"), ("/organizations/", "phone-organizations"), ("/", "phone-today")]:
        phone.goto(base + path)
        assert no_horizontal_scroll(phone), f"{path} scrolls sideways at 375 px"
        screenshot(phone, name)
    phone.goto(base + "/people/")
    phone.get_by_text("Menu").click()  # on a phone the navigation sits in one compact menu
    assert phone.get_by_role("link", name="Settings").is_visible()


def test_the_keyboard_alone_reaches_search_and_a_person(page, sign_in, screenshot):
    user = UserFactory(username="keys")
    PersonFactory(owner=user, first_name="Zoë", last_name="Kowalczyk")
    PersonFactory(owner=user, first_name="Omar", last_name="Haddad")
    base = sign_in(page, user)
    page.goto(base + "/people/")

    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    # From the main area, Tab walks through the page actions to the search field.
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "people-search":
            break
    assert page.evaluate("document.activeElement.id") == "people-search"
    page.keyboard.type("zoe")
    page.locator("#people-results").get_by_role("link", name="Zoë Kowalczyk").wait_for()
    page.wait_for_function("document.querySelectorAll('#people-results .people-list li').length === 1")
    for _ in range(6):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Zoë Kowalczyk":
            break
    screenshot(page, "keyboard-search")
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Zoë Kowalczyk").wait_for()


def test_an_outsider_sees_nothing_in_a_real_browser(page, sign_in):
    owner = UserFactory(username="owner-b")
    secret = PersonFactory(owner=owner, first_name="Hidden", last_name="Person")
    outsider = UserFactory(username="outsider-b")
    base = sign_in(page, outsider)
    response = page.goto(f"{base}/people/{secret.pk}/")
    assert response.status == 404
    page.goto(base + "/people/")
    assert "Hidden" not in page.content()

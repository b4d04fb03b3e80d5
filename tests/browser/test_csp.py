"""Under the Content-Security-Policy the pages still work, and an injected script does not run."""

import pytest

from coffeechat.people.models import Source
from tests.factories import ConversationFactory, OrganizationFactory, PersonFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WATCH_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__violations.push(e.violatedDirective + " " + (e.blockedURI || "inline"));
});
"""


def until(page, expression, seconds=10):
    """Wait for `expression` to be true. Playwright's wait_for_function evaluates its predicate
    with eval inside the page, which this very policy forbids; page.evaluate goes through the
    DevTools protocol instead."""
    for _ in range(int(seconds * 10)):
        if page.evaluate(expression):
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"still false after {seconds} s: {expression}")


def watch(page):
    """Collect CSP violations (an init script is the browser's own, outside the page's policy)
    and console errors."""
    errors = []
    page.add_init_script(WATCH_VIOLATIONS)
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def test_pages_work_under_the_policy_without_a_single_violation(strict_page, sign_in):
    page = strict_page
    user = UserFactory(username="csp", first_name="Zoë", intro_line="a nursing student")
    org = OrganizationFactory(owner=user, name="Northwind Health")
    person = PersonFactory(owner=user, first_name="Hélène", last_name="Béland", organization=org,
                           source=Source.LINKEDIN, emails=["helene@northwind.example"])
    PersonFactory(owner=user, first_name="Omar", last_name="Haddad")
    conversation = ConversationFactory(owner=user, person=person, state="scheduled")
    errors = watch(page)
    base = sign_in(page, user)
    for path in ("/", "/people/", person.get_absolute_url(), "/organizations/", "/conversations/",
                 conversation.get_absolute_url(), f"/conversations/{conversation.pk}/brief/", "/import/",
                 "/settings/", "/settings/mail/", "/settings/api-tokens/", "/api/v1/docs"):
        response = page.goto(base + path)
        assert response.status == 200, path
        assert "script-src 'self'" in response.headers["content-security-policy"]
        assert page.evaluate("window.__violations") == [], path
    # htmx still swaps: the live search narrows the list.
    page.goto(base + "/people/")
    page.locator("#people-search").fill("omar")
    until(page, "document.querySelectorAll('#people-results .people-list li').length === 1")
    # The static scripts still act: the composer's coach reacts to typing.
    page.goto(base + person.get_absolute_url())
    page.get_by_role("button", name="Ask for a conversation").click()
    page.get_by_role("heading", name="Coach").wait_for()
    assert page.evaluate("window.__violations") == []
    assert [e for e in errors if "Content Security Policy" in e] == []


def test_an_injected_inline_script_is_blocked(strict_page, sign_in):
    page = strict_page
    user = UserFactory(username="target")
    PersonFactory(owner=user, first_name="Ada", last_name="Park")
    errors = watch(page)
    base = sign_in(page, user)
    messages = []
    page.on("console", lambda message: messages.append(message.text))

    def inject(route):
        # As if a stored-XSS bug had let markup through: the server's own headers, hostile body.
        response = route.fetch()
        body = response.text().replace(
            "</main>",
            '<script>window.__pwned = "inline"; console.log("pwned by inline script");</script>'
            '<img src="/static/missing.png" onerror="window.__pwned = \'handler\'; console.log(\'pwned by handler\')">'
            '<a id="evil" href="#" onclick="window.__pwned = \'click\'">x</a></main>',
        )
        route.fulfill(response=response, body=body)

    page.route(f"{base}/people/", inject)
    page.goto(base + "/people/")
    until(page, "window.__violations.length >= 2")
    page.locator("#evil").click()
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None
    assert not any("pwned" in text for text in messages)
    violations = page.evaluate("window.__violations")
    assert any(v.startswith("script-src") for v in violations), violations
    assert any("Content Security Policy" in e for e in errors)
    # The page itself still works: the search field is wired by htmx.
    assert page.locator("#people-search").is_visible()


def test_sign_up_fills_in_the_browsers_time_zone_from_the_static_script(chromium, live_server, settings):
    settings.LOCAL_MODE, settings.ALLOW_SIGNUP = False, True
    context = chromium.new_context(timezone_id="Asia/Tokyo")
    try:
        page = context.new_page()
        errors = watch(page)
        page.goto(f"{live_server.url}/signup/")
        until(page, "document.getElementById('id_time_zone').value === 'Asia/Tokyo'")
        assert page.evaluate("window.__violations") == [] and [e for e in errors if "Security Policy" in e] == []
    finally:
        context.close()

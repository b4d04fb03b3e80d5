"""Playwright driving the system Chromium (Debian's package), never a downloaded browser.

Without Chromium these tests skip with a reason; with COFFEECHAT_BROWSER_TESTS=required
(CI sets it) a missing browser is a failure instead.
"""

import os
import shutil
from pathlib import Path

import pytest

from coffeechat.accounts.models import LoginToken

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def chromium_path() -> str | None:
    configured = os.environ.get("COFFEECHAT_CHROMIUM")
    if configured:
        return configured if Path(configured).exists() else None
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def chromium():
    required = os.environ.get("COFFEECHAT_BROWSER_TESTS", "").lower() == "required"
    path = chromium_path()
    if path is None:
        message = "no Chromium found (apt-get install chromium, or set COFFEECHAT_CHROMIUM)"
        if required:
            pytest.fail(f"Browser tests are required here but {message}.")
        pytest.skip(message)
    # Playwright's sync API runs an event loop in this thread; Django's ORM calls
    # made by the test itself between page actions are still synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):
    # bypass_csp: Playwright's wait_for_function evaluates its predicate with eval in the page,
    # which our Content-Security-Policy forbids; test_csp.py checks the pages under the policy.
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def phone(chromium):
    context = chromium.new_context(viewport={"width": 375, "height": 812}, device_scale_factor=2, is_mobile=True, has_touch=True,
                                   bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def strict_page(chromium):
    """A page that obeys the Content-Security-Policy (no wait_for_function on it)."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def screenshot():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)

    def take(page, name: str) -> Path:
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def sign_in(live_server):
    """Sign a user in through the real one-time link."""

    def go(page, user):
        token = LoginToken.issue(user)
        page.goto(f"{live_server.url}/login/link/{token}/")
        return live_server.url

    return go

"""Fixtures for the browser tests: headless Chromium from Debian, driven by Playwright's sync API.

Every browser test also uses pytest-django's `live_server`, which makes its database transactional:
the tables are flushed after each test, including data that migrations loaded (postal codes, ...),
so a test creates everything it needs itself (tests/factories.py).
"""

from pathlib import Path

import pytest

from tests.conftest import skip_or_fail

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
DESKTOP_VIEWPORT = {"width": 1280, "height": 800}
PHONE_VIEWPORT = {"width": 390, "height": 844}
# Fail within seconds, not after Playwright's default of 30 s per step.
TIMEOUT_MS = 10_000


# Package scope, not session: while Playwright runs, its event loop and DJANGO_ALLOW_ASYNC_UNSAFE
# must not leak into the other tests (`manage.py check --deploy` in a subprocess rejects the flag).
@pytest.fixture(scope="package")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        skip_or_fail("The playwright package is missing: pip install -e '.[dev]'.")
    if not CHROMIUM.exists():
        skip_or_fail(f"{CHROMIUM} is missing: apt-get install chromium.")

    # Playwright's sync API keeps an asyncio loop running in the main thread for as long as it is
    # started; Django then refuses ORM calls from that thread (test bodies, the database flush).
    # The flag lives exactly as long as Playwright does.
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()


def _new_page(browser, **context_options):
    # Without the service worker unless a test asks for it: the portal works without it, and its background
    # requests would race the test's own against the live server's single SQLite connection.
    context_options.setdefault("service_workers", "block")
    # The portal's Content-Security-Policy forbids inline scripts, and the axe check is injected as one;
    # tests/browser/test_content_security_policy.py checks the policy in a browser that keeps it.
    context_options.setdefault("bypass_csp", True)
    context = browser.new_context(**context_options)
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS)
    return context, context.new_page()


@pytest.fixture
def page(browser):
    """A desktop browser tab with its own cookies and storage."""
    context, tab = _new_page(browser, viewport=DESKTOP_VIEWPORT)
    yield tab
    context.close()


@pytest.fixture
def phone_page_with_service_worker(browser):
    """A phone tab on which the service worker runs (to test installing and offline reading)."""
    context, tab = _new_page(browser, viewport=PHONE_VIEWPORT, is_mobile=True, has_touch=True, service_workers="allow")
    yield tab
    context.close()


@pytest.fixture
def phone_page(browser):
    """A tab as narrow as a common smartphone (390 x 844 CSS pixels), with touch."""
    context, tab = _new_page(browser, viewport=PHONE_VIEWPORT, is_mobile=True, has_touch=True)
    yield tab
    context.close()

# The browser fixtures of tests/browser, scoped to this package: Chromium runs only while these tests do.
from tests.browser.conftest import browser, page, phone_page  # noqa: F401

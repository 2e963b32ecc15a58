import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _german():
    """Messages are read in German and URLs reversed in German, whatever an earlier test left active
    (each request activates its URL's language for the thread)."""
    with translation.override("de"):
        yield

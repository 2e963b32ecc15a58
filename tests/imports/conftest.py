import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _german():
    """Messages are read in German and URLs reversed in German, whatever an earlier test left active
    (each request activates its URL's language for the thread)."""
    with translation.override("de"):
        yield


# The example files are a statewide partner's lists; the coordinators of these tests cover every place in them
# (tests/imports/test_region.py shows what a coordinator of a smaller region may import).
STATEWIDE_CODES = ["21335", "26122", "29221", "29439", "29451", "30159", "30449", "37073", "38100", "49074"]

import pytest
from django.utils import translation

from matching.facts import match_targets_forget


@pytest.fixture(autouse=True)
def _offers_read_anew():
    """Workers keep offers in memory between tasks; each test starts from its own database."""
    match_targets_forget()
    yield
    match_targets_forget()


@pytest.fixture(autouse=True)
def _german_by_default():
    """URLs are reversed in the active language; a page in Arabic must not leave the next test in Arabic."""
    translation.activate("de")
    yield
    translation.activate("de")

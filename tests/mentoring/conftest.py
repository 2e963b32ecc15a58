import pytest

from tests.factories import AdminFactory, CoordinatorFactory

HANNOVER_CODES = ["30159", "30161", "30163", "30165"]
CUXHAVEN_CODES = ["27472", "27474", "21762"]


@pytest.fixture
def coordinator():
    """The coordinator of Hannover (30159, 30161, 30163, 30165)."""
    return CoordinatorFactory(region__name="Hannover", region__codes=HANNOVER_CODES)


@pytest.fixture
def other_coordinator():
    """The coordinator of Cuxhaven (27472, 27474, 21762)."""
    return CoordinatorFactory(region__name="Cuxhaven", region__codes=CUXHAVEN_CODES)


@pytest.fixture
def admin():
    return AdminFactory()

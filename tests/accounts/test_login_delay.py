"""Failed logins slow the next attempts down, per account and address, instead of locking the account
(issue 12, point 13): whoever guesses at a known person's account delays only themselves."""

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from accounts.selectors import LOGIN_THROTTLES, login_delay_of, login_throttle_key
from tests.factories import TEST_PASSWORD, CandidateFactory

pytestmark = pytest.mark.django_db

EMAIL = "amal@example.org"
ATTACKER, OWNER = "203.0.113.7", "198.51.100.23"


class Clock:
    def __init__(self):
        self.now = 1_800_000_000.0

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock(monkeypatch):
    clock = Clock()
    monkeypatch.setattr("accounts.selectors.time.time", lambda: clock.now)
    return clock


@pytest.fixture
def owner():
    return CandidateFactory(email=EMAIL)


def log_in(client, password, *, address, login=EMAIL):
    with translation.override("de"):
        url = reverse("account_login")
    return client.post(url, {"login": login, "password": password}, REMOTE_ADDR=address)


def logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def wait_message(seconds: int) -> str:
    """The refusal as the German login page shows it (the same message ids as accounts.adapters)."""
    with translation.override("de"):
        return translation.ngettext(
            "Too many failed attempts. Please wait %(seconds)s second and try again.",
            "Too many failed attempts. Please wait %(seconds)s seconds and try again.",
            seconds,
        ) % {"seconds": seconds}


def test_the_delay_doubles_after_three_free_failures_up_to_a_cap():
    pair = LOGIN_THROTTLES[0]

    delays = [login_delay_of(failures, throttle=pair) for failures in range(0, 30)]

    assert delays[:3] == [0, 0, 0]
    assert delays[3:8] == [1, 2, 4, 8, 16]
    assert max(delays) == 15 * 60


def test_after_three_failures_even_the_right_password_waits_its_turn_then_works(client, owner, clock):
    for _ in range(3):
        assert not logged_in(client) and log_in(client, "wrong-password", address=ATTACKER).status_code == 200

    too_soon = log_in(client, TEST_PASSWORD, address=ATTACKER)
    clock.advance(1.1)
    in_time = log_in(client, TEST_PASSWORD, address=ATTACKER)

    assert too_soon.status_code == 200 and wait_message(1) in too_soon.content.decode()
    assert in_time.status_code == 302
    assert logged_in(client)


def test_each_further_failure_makes_the_wait_longer(client, owner, clock):
    for _ in range(2):
        log_in(client, "wrong-password", address=ATTACKER)  # free
    shown = []
    for _ in range(6):
        log_in(client, "wrong-password", address=ATTACKER)  # checked (the wait has passed) and wrong
        page = log_in(client, "wrong-password", address=ATTACKER).content.decode()  # too soon: refused
        shown.append(next(seconds for seconds in (1, 2, 4, 8, 16, 32) if wait_message(seconds) in page))
        clock.advance(10_000)

    assert shown == [1, 2, 4, 8, 16, 32]


def test_guessing_from_one_address_does_not_keep_the_owner_out_from_another(client, owner, clock):
    attacker = client.__class__()
    for _ in range(40):
        log_in(attacker, "wrong-password", address=ATTACKER)
        clock.advance(2000)  # patient enough to get every guess checked

    response = log_in(client, TEST_PASSWORD, address=OWNER)

    assert response.status_code == 302 and logged_in(client)


def test_many_addresses_guessing_at_one_account_delay_the_owner_at_most_half_a_minute(client, owner, clock):
    attacker = client.__class__()
    for number in range(100):
        clock.advance(31)  # patient enough to get every guess checked
        log_in(attacker, "wrong-password", address=f"203.0.113.{number}")
    first = log_in(client, TEST_PASSWORD, address=OWNER)
    assert wait_message(30) in first.content.decode() and not logged_in(client)
    clock.advance(30.5)
    second = log_in(client, TEST_PASSWORD, address=OWNER)

    assert second.status_code == 302 and logged_in(client)


def test_one_address_trying_many_accounts_is_slowed_down(client, clock):
    for number in range(10):
        CandidateFactory(email=f"person{number}@example.org")
        log_in(client, "wrong-password", address=ATTACKER, login=f"person{number}@example.org")
    victim = CandidateFactory(email="victim@example.org")

    response = log_in(client, TEST_PASSWORD, address=ATTACKER, login=victim.email)

    assert response.status_code == 200 and not logged_in(client)


def test_a_successful_login_forgives_the_failures_of_its_account(client, owner, clock):
    for _ in range(3):
        log_in(client, "wrong-password", address=OWNER)
    clock.advance(1.1)
    assert log_in(client, TEST_PASSWORD, address=OWNER).status_code == 302
    client.logout()

    for _ in range(2):
        log_in(client, "wrong-password", address=OWNER)
    response = log_in(client, TEST_PASSWORD, address=OWNER)

    assert response.status_code == 302


def test_the_cache_keys_do_not_contain_the_email_address(client, owner, clock):
    log_in(client, "wrong-password", address=ATTACKER)

    keys = [login_throttle_key(throttle=throttle, login=EMAIL, address=ATTACKER) for throttle in LOGIN_THROTTLES]

    assert all(cache.get(key) == (1, clock.now) for key in keys)
    assert not any("amal" in key or "example" in key or ATTACKER in key for key in keys)

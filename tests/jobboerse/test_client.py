"""The HTTP client against a local server: key header, paths, 429, timeouts, retries, circuit breaker."""

import time

import pytest
from werkzeug import Response

from jobboerse.client import (
    CircuitBreaker,
    CircuitOpenError,
    JobboerseClient,
    RateLimiter,
    RefusedError,
    TransientError,
    encode_refnr,
    retry_after_seconds,
)

from .ads import job_details


def test_search_sends_the_api_key_and_the_search_parameters(jobboerse, api_client):
    jobboerse.put(job_details("10000-1190000001-S"))

    page = api_client.search(wo="30159", umkreis=30, angebotsart=1, arbeitszeit="vz", page=1, size=100)

    assert page["maxErgebnisse"] == "1"
    assert page["stellenangebote"][0]["refnr"] == "10000-1190000001-S"
    (request,) = jobboerse.requests("/pc/v4/jobs")
    assert request.headers["X-API-Key"] == "test-key"
    assert request.args.to_dict() == {
        "wo": "30159", "umkreis": "30", "angebotsart": "1", "arbeitszeit": "vz", "page": "1", "size": "100",
    }  # fmt: skip


def test_details_are_asked_for_by_the_base64_reference_number(jobboerse, api_client):
    jobboerse.put(job_details("10000-1190000001-S", title="Staplerfahrer (m/w/d)"))

    details = api_client.details("10000-1190000001-S")

    assert details["freieBezeichnung"] == "Staplerfahrer (m/w/d)"
    (request,) = jobboerse.requests("/pc/v4/jobdetails/")
    assert request.path.endswith("/pc/v4/jobdetails/MTAwMDAtMTE5MDAwMDAwMS1T")
    assert encode_refnr("10000-1190000001-S") == "MTAwMDAtMTE5MDAwMDAwMS1T"


def test_a_429_is_answered_by_waiting_as_long_as_retry_after_asks(jobboerse, api_client, sleeps):
    jobboerse.put(job_details("10000-1190000001-S"))
    answered = []

    def too_many_once(request):
        if not answered:
            answered.append(request)
            return Response("{}", status=429, headers={"Retry-After": "7"}, content_type="application/json")
        return None

    jobboerse.faults.append(too_many_once)

    assert api_client.details("10000-1190000001-S")["referenznummer"] == "10000-1190000001-S"
    assert sleeps[0] == 7.0
    assert api_client.limiter.interval == 0.5  # and asks more slowly from then on


def test_a_429_asking_for_too_long_a_wait_gives_up_for_this_run(jobboerse, api_client, sleeps):
    jobboerse.faults.append(lambda request: Response("{}", status=429, headers={"Retry-After": "3600"}))

    with pytest.raises(TransientError, match="rate limited"):
        api_client.details("10000-1190000001-S")
    assert sleeps == []


def test_a_timeout_is_retried_with_growing_backoff_and_then_reported(jobboerse, sleeps):
    answered = []

    def slow(request):
        time.sleep(0.2)
        answered.append(request)
        return Response("{}", content_type="application/json")

    jobboerse.faults.append(slow)
    client = JobboerseClient(
        base_url=jobboerse.base_url, api_key="k", timeout=0.05, requests_per_second=0, max_attempts=3,
        backoff_seconds=1.0, sleep=sleeps.append,
    )  # fmt: skip

    with pytest.raises(TransientError, match="timeout after 3 attempts"):
        client.search(wo="30159")
    client.close()
    assert len(sleeps) == 2
    assert 0.5 <= sleeps[0] <= 1.0 and 1.0 <= sleeps[1] <= 2.0  # exponential, with jitter
    # The server (shared by all tests) is still answering the abandoned requests; left waiting, they would be
    # answered by the next test's handler and spoil its faults.
    deadline = time.monotonic() + 10
    while len(answered) < 3 and time.monotonic() < deadline:
        time.sleep(0.05)


def test_a_server_error_is_retried_and_a_later_answer_used(jobboerse, api_client, sleeps):
    jobboerse.put(job_details("10000-1190000001-S"))
    failures = []

    def fails_twice(request):
        if len(failures) < 2:
            failures.append(request)
            return Response("busy", status=503)
        return None

    jobboerse.faults.append(fails_twice)

    assert api_client.details("10000-1190000001-S")["referenznummer"] == "10000-1190000001-S"
    assert len(jobboerse.requests("/jobdetails/")) == 3
    assert len(sleeps) == 2


def test_a_refused_request_is_not_retried(jobboerse, api_client):
    jobboerse.faults.append(lambda request: Response("forbidden", status=403))

    with pytest.raises(RefusedError):
        api_client.search(wo="30159")
    assert len(jobboerse.requests("/pc/v4/jobs")) == 1


def test_the_circuit_opens_after_repeated_failures_and_then_no_request_is_made(jobboerse, sleeps):
    jobboerse.faults.append(lambda request: Response("down", status=500))
    breaker = CircuitBreaker(threshold=2, cooldown=600)
    client = JobboerseClient(
        base_url=jobboerse.base_url, api_key="k", requests_per_second=0, max_attempts=2, breaker=breaker,
        sleep=sleeps.append,
    )  # fmt: skip

    for _ in range(2):
        with pytest.raises(TransientError):
            client.search(wo="30159")
    with pytest.raises(CircuitOpenError):
        client.search(wo="30159")
    client.close()
    assert len(jobboerse.requests("/pc/v4/jobs")) == 4
    assert CircuitBreaker().is_open()  # shared through the cache with the next run


def test_the_circuit_closes_after_the_cooldown():
    now = [1000.0]
    breaker = CircuitBreaker(threshold=1, cooldown=60, wall_clock=lambda: now[0])
    breaker.failure()
    assert breaker.is_open()
    now[0] += 61
    assert not breaker.is_open()


def test_requests_keep_to_the_rate_limit():
    now, waits = [0.0], []
    limiter = RateLimiter(per_second=2, clock=lambda: now[0], sleep=waits.append)
    limiter.wait()
    now[0] += 0.1
    limiter.wait()
    assert waits == [pytest.approx(0.4)]


def test_retry_after_may_be_a_date():
    assert retry_after_seconds("Wed, 21 Oct 2026 07:28:00 GMT", now=1792567650.0) == pytest.approx(30.0)
    assert retry_after_seconds("soon") is None

"""The Jobsuche API of the Bundesagentur für Arbeit's Jobbörse, used with the manners a public service deserves.

Every request waits its turn under a request-rate limit, has a timeout, and is retried with exponential
backoff (and jitter) after a timeout, a network error or a server error. A 429 is answered by waiting as long
as its Retry-After asks (and by asking more slowly from then on). After several requests in a row failed
even with their retries, a circuit breaker shared by all workers (in the cache) stops every request for a
cool-down period, so a broken or overloaded service is left alone instead of being hammered.

The API (community-documented in bundesAPI/jobsuche-api, openapi.yaml): `GET /pc/v4/jobs` searches (page,
size, wo, umkreis, angebotsart, arbeitszeit, befristung, ...); `GET /pc/v4/jobdetails/{refnr, base64}` returns
one ad. The client id goes in the `X-API-Key` header.
"""

import base64
import email.utils
import logging
import random
import time
from collections.abc import Callable
from urllib.parse import quote

import httpx
from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)

SEARCH_PATH = "/pc/v4/jobs"
DETAILS_PATH = "/pc/v4/jobdetails/"
USER_AGENT = "Bruecke/1.0 (Lower Saxony integration portal; jobboerse sync)"


class JobboerseError(Exception):
    """The Jobbörse could not answer as asked."""


class TransientError(JobboerseError):
    """Worth trying again later: timeouts, network errors, server errors, too many requests."""


class CircuitOpenError(TransientError):
    """Requests are paused after repeated failures."""


class RefusedError(JobboerseError):
    """The service refuses the request itself (401, 403, 400): a wrong key or a changed API; retrying won't help."""


class NotFoundError(JobboerseError):
    """No such ad (any more)."""


class MalformedError(JobboerseError):
    """The answer is not what the API documents."""


def encode_refnr(refnr: str) -> str:
    """The details endpoint takes the reference number base64-encoded, as one path segment."""
    return quote(base64.b64encode(refnr.encode()).decode(), safe="")


def decode_refnr(segment: str) -> str:
    return base64.b64decode(segment).decode()


def retry_after_seconds(value: str | None, *, now: float | None = None) -> float | None:
    """Retry-After as seconds or as an HTTP date; None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, moment.timestamp() - (time.time() if now is None else now))


class CircuitBreaker:
    """Open after `threshold` failed requests in a row; stays open for `cooldown` seconds. Kept in the cache, so
    every worker (and the next run) sees it."""

    KEY = "jobboerse:circuit"

    def __init__(self, *, threshold: int = 3, cooldown: float = 30 * 60, wall_clock: Callable[[], float] = time.time):
        self.threshold = threshold
        self.cooldown = cooldown
        self.wall_clock = wall_clock
        # Failures counted when check() read the state for the current request: its success() need not read
        # the cache again (one round trip a request instead of two, over tens of thousands of requests).
        self._failures_checked: int | None = None

    def _state(self) -> dict:
        return cache.get(self.KEY) or {"failures": 0, "open_until": 0.0}

    def is_open(self) -> bool:
        return self._state()["open_until"] > self.wall_clock()

    def check(self) -> None:
        state = self._state()
        self._failures_checked = state["failures"]
        if state["open_until"] > self.wall_clock():
            raise CircuitOpenError("The Jobbörse failed repeatedly; requests are paused for a while.")

    def success(self) -> None:
        failures = self._failures_checked if self._failures_checked is not None else self._state()["failures"]
        self._failures_checked = None
        if failures:
            cache.delete(self.KEY)

    def failure(self) -> None:
        self._failures_checked = None
        state = self._state()
        state["failures"] += 1
        if state["failures"] >= self.threshold:
            state["open_until"] = self.wall_clock() + self.cooldown
            logger.warning("Jobbörse circuit opened for %s s after %s failures", self.cooldown, state["failures"])
        cache.set(self.KEY, state, timeout=int(self.cooldown) + 60)

    def reset(self) -> None:
        cache.delete(self.KEY)


class RateLimiter:
    """At most `per_second` request starts per second; slows down (up to one request in 10 s) when told to."""

    MAX_INTERVAL = 10.0

    def __init__(self, *, per_second: float, clock: Callable[[], float], sleep: Callable[[float], None]):
        self.interval = 1.0 / per_second if per_second > 0 else 0.0
        self.clock = clock
        self.sleep = sleep
        self._last: float | None = None

    def wait(self) -> None:
        if self._last is not None and self.interval:
            remaining = self._last + self.interval - self.clock()
            if remaining > 0:
                self.sleep(remaining)
        self._last = self.clock()

    def slow_down(self) -> None:
        self.interval = min(max(self.interval * 2, 0.5), self.MAX_INTERVAL)


class JobboerseClient:
    """search() and details() return the API's JSON; errors are the exceptions above."""

    def __init__(
        self,
        *,
        base_url: str,
        api_key: str,
        timeout: float = 20.0,
        requests_per_second: float = 2.0,
        max_attempts: int = 4,
        backoff_seconds: float = 1.0,
        max_retry_after: float = 300.0,
        breaker: CircuitBreaker | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.max_attempts = max_attempts
        self.backoff_seconds = backoff_seconds
        self.max_retry_after = max_retry_after
        self.breaker = breaker or CircuitBreaker()
        self.sleep = sleep
        self.limiter = RateLimiter(per_second=requests_per_second, clock=clock, sleep=sleep)
        self.requests = 0
        self._http = httpx.Client(
            base_url=base_url.rstrip("/"),
            timeout=timeout,
            headers={"X-API-Key": api_key, "User-Agent": USER_AGENT, "Accept": "application/json"},
        )

    @classmethod
    def from_settings(cls, **overrides) -> "JobboerseClient":
        options = {
            "base_url": settings.JOBBOERSE_BASE_URL,
            "api_key": settings.JOBBOERSE_API_KEY,
            "timeout": settings.JOBBOERSE_TIMEOUT_SECONDS,
            "requests_per_second": settings.JOBBOERSE_REQUESTS_PER_SECOND,
        }
        return cls(**{**options, **overrides})

    def close(self) -> None:
        self._http.close()

    def search(self, **params) -> dict:
        return self._get(SEARCH_PATH, params=params)

    def details(self, refnr: str) -> dict:
        return self._get(DETAILS_PATH + encode_refnr(refnr))

    def _backoff(self, attempt: int) -> float:
        return self.backoff_seconds * 2 ** (attempt - 1) * random.uniform(0.5, 1.0)

    def _get(self, path: str, params: dict | None = None) -> dict:
        self.breaker.check()
        problem = ""
        for attempt in range(1, self.max_attempts + 1):
            self.limiter.wait()
            self.requests += 1
            try:
                response = self._http.get(path, params=params)
            except httpx.TimeoutException:
                problem = "timeout"
            except httpx.TransportError as error:
                problem = f"network error ({type(error).__name__})"
            else:
                status = response.status_code
                if status == 200:
                    self.breaker.success()
                    try:
                        data = response.json()
                    except ValueError as error:
                        raise MalformedError("The answer is not JSON.") from error
                    if not isinstance(data, dict):
                        raise MalformedError("The answer is not a JSON object.")
                    return data
                if status == 404:
                    self.breaker.success()
                    raise NotFoundError(path)
                if status == 429:
                    wait = retry_after_seconds(response.headers.get("Retry-After"))
                    wait = self._backoff(attempt) if wait is None else wait
                    if wait > self.max_retry_after:
                        raise TransientError(f"rate limited for {wait:.0f} s")
                    logger.info("Jobbörse asks to wait %.1f s (429)", wait)
                    self.limiter.slow_down()
                    if attempt < self.max_attempts:
                        self.sleep(wait)
                    problem = "429 too many requests"
                    continue
                if status >= 500:
                    problem = f"server error {status}"
                else:
                    self.breaker.failure()
                    raise RefusedError(f"HTTP {status}")
            if attempt < self.max_attempts:
                self.sleep(self._backoff(attempt))
        self.breaker.failure()
        raise TransientError(f"{problem} after {self.max_attempts} attempts")

import datetime
import re

import pytest
from werkzeug import Response

from jobboerse.areas import SearchArea
from jobboerse.client import JobboerseClient
from jobboerse.recorded import RecordedJobboerse

TODAY = datetime.date(2026, 12, 1)
# One area keeps the plan at 12 searches (3 offer types × 4 working times).
HANNOVER = [SearchArea("Region Hannover", "30159", 30)]


class FakeJobboerse:
    """A local Jobbörse: the recorded ads over HTTP, with faults a test puts in its way (first match wins)."""

    def __init__(self, httpserver):
        self.httpserver = httpserver
        self.recorded = RecordedJobboerse([])
        self.faults: list = []
        # Recorded before answering: the server's own log is written after the answer has left, too late to count.
        self.log: list = []
        httpserver.expect_request(re.compile(".*")).respond_with_handler(self.handle)

    def put(self, *ads: dict) -> None:
        for ad in ads:
            self.recorded.ads[ad["referenznummer"]] = ad
        self.recorded = RecordedJobboerse(list(self.recorded.ads.values()))

    def remove(self, refnr: str) -> None:
        del self.recorded.ads[refnr]
        self.recorded = RecordedJobboerse(list(self.recorded.ads.values()))

    def handle(self, request):
        self.log.append(request)
        for fault in list(self.faults):
            response = fault(request)
            if response is not None:
                return response
        status, body = self.recorded.answer(request.path, request.args.to_dict())
        return Response(_json(body), status=status, content_type="application/json")

    def requests(self, path_part: str) -> list:
        return [request for request in self.log if path_part in request.path]

    @property
    def base_url(self) -> str:
        return self.httpserver.url_for("/jobboerse/jobsuche-service")


def _json(body) -> str:
    import json

    return json.dumps(body)


@pytest.fixture
def jobboerse(httpserver):
    return FakeJobboerse(httpserver)


@pytest.fixture
def sleeps():
    """Waits the client would have made: recorded, not slept."""
    return []


@pytest.fixture
def api_client(jobboerse, sleeps):
    client = JobboerseClient(
        base_url=jobboerse.base_url,
        api_key="test-key",
        timeout=5.0,  # generous: a loaded CI machine must not turn a plain answer into a timeout
        requests_per_second=0,
        max_attempts=3,
        backoff_seconds=1.0,
        sleep=sleeps.append,
    )
    yield client
    client.close()

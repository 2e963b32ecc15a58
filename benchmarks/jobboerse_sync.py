"""Time the Jobbörse sync of 50,000 ads against a local server, and measure how much of the recorded sample the
occupation rules place in the catalogue.

    make bench                                   # SQLite
    DATABASE_URL=postgres://... make bench       # PostgreSQL

The ads are the recorded Lower Saxony sample, copied with new reference numbers to postal codes all over the
state, served by a local HTTP server in the API's shape; the client talks to it as to the real service (without
the request-rate limit, which would make the first sync of 50,000 ads take seven hours at two requests a second).
Three syncs: the first import, one without changes, one where 5 % of the ads changed and 5 % vanished.
Everything happens in a throwaway database next to the configured one (its name plus "_bench", or a
temporary SQLite file), dropped at the end.
"""

import copy
import json
import os
import random
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from scratch_database import run_in_scratch_database  # noqa: E402

ADS = int(os.environ.get("BENCH_JOBBOERSE_ADS", 50_000))
PORT = int(os.environ.get("BENCH_JOBBOERSE_PORT", 0))  # 0: any free port
CHANGED_SHARE = 0.05


def synthetic_ads(rng: random.Random) -> list[dict]:
    from courses.lower_saxony import lower_saxony_postal_codes
    from jobboerse.recorded import load_sample
    from places.geo import coordinates_of

    sample = load_sample()
    codes = sorted(lower_saxony_postal_codes())
    ads = []
    for number in range(ADS):
        ad = copy.deepcopy(sample[number % len(sample)])
        code = rng.choice(codes)
        latitude, longitude = coordinates_of(code)
        ad["referenznummer"] = f"10000-{1_300_000_000 + number}-S"
        ad["arbeitsorte"][0].update({"plz": code, "koordinaten": {"lat": latitude, "lon": longitude}})
        ads.append(ad)
    return ads


class Server:
    """The recorded Jobbörse over HTTP on 127.0.0.1, in a thread."""

    def __init__(self, recorded):
        self.recorded = recorded
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Headers and body in one packet: written apart, the client's delayed ACK costs 40 ms a request.
            wbufsize = 1 << 16

            def do_GET(self):  # noqa: N802 (http.server's name)
                parts = urlsplit(self.path)
                status, body = outer.recorded.answer(parts.path, dict(parse_qsl(parts.query)))
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", PORT), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return f"http://127.0.0.1:{self.httpd.server_port}/jobboerse/jobsuche-service"

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


def mapping_share() -> None:
    from jobboerse.recorded import load_sample
    from jobboerse.selectors import occupation_rules_load

    rules = occupation_rules_load()
    ads = load_sample()
    placed = sum(1 for ad in ads if rules.match(ad["hauptberuf"], ad["freieBezeichnung"]))
    share = 100 * placed / len(ads)
    print(f"Recorded sample: {placed} of {len(ads)} ads placed in the occupation catalogue ({share:.1f} %)")


def timed_sync(label: str, base_url: str) -> None:
    from jobboerse.client import JobboerseClient
    from jobboerse.services import jobboerse_sync

    client = JobboerseClient(base_url=base_url, api_key="bench", requests_per_second=0, timeout=60)
    started = time.perf_counter()
    run = jobboerse_sync(source=client, max_details=None)
    seconds = time.perf_counter() - started
    client.close()
    print(
        f"{label}: {seconds:.1f} s ({run.seen / seconds:.0f} ads/s), {run.requests:,} requests "
        f"({run.requests / seconds:.0f}/s), {run.seen:,} ads seen, "
        f"{run.added:,} added, {run.updated:,} updated, {run.expired:,} expired, {run.unmapped:,} without occupation, "
        f"{run.failed:,} failed — {run.status}"
    )


def run() -> None:
    from jobboerse.recorded import RecordedJobboerse

    mapping_share()
    rng = random.Random(2026)
    ads = synthetic_ads(rng)
    server = Server(RecordedJobboerse(ads))
    with server as base_url:
        timed_sync(f"First sync of {ADS:,} ads (all new)", base_url)
        timed_sync("Second sync (nothing changed)", base_url)
        changed = rng.sample(ads, int(ADS * CHANGED_SHARE))
        for ad in changed:
            ad["modifikationsTimestamp"] = "2026-12-24T12:00:00.000"
            ad["freieBezeichnung"] += " – neu"
        vanished = {ad["referenznummer"] for ad in rng.sample(ads, int(ADS * CHANGED_SHARE))}
        server.recorded = RecordedJobboerse([ad for ad in ads if ad["referenznummer"] not in vanished])
        timed_sync("Third sync (5 % changed, 5 % vanished)", base_url)


def main() -> None:
    run_in_scratch_database(run)


if __name__ == "__main__":
    main()

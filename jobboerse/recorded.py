"""A recorded Jobbörse: answers searches and detail requests from ads kept as JSON, in the API's shapes.

The offline demo reads the recorded Lower Saxony sample through it in-process, and the tests and the benchmark
serve it over a local HTTP server (`answer` takes a request's path and query), so the sync cannot tell it
from the real service. It filters as the real search does: offer type, working time, fixed term, and the
distance from the searched place.
"""

import datetime
import json
from pathlib import Path
from urllib.parse import unquote

from places.geo import coordinates_of, haversine_km

from .client import DETAILS_PATH, SEARCH_PATH, NotFoundError, decode_refnr

SAMPLE = Path(__file__).resolve().parent / "data" / "lower_saxony_sample.json"

_OFFER_TYPES = {"ARBEIT": 1, "AUSBILDUNG": 4, "PRAKTIKUM_TRAINEE": 34}
_WORKING_TIMES = {"vz": "VOLLZEIT", "tz": "TEILZEIT", "snw": "SCHICHT_NACHTARBEIT_WOCHENENDE", "mj": "MINIJOB"}
_FIXED_TERMS = {1: "BEFRISTET", 2: "UNBEFRISTET"}
_DATE_FIELDS = ("aktuelleVeroeffentlichungsdatum", "ersteVeroeffentlichungsdatum", "eintrittsdatum", "laufzeitBis")


def load_sample(*, today: datetime.date | None = None, path: Path = SAMPLE) -> list[dict]:
    """The recorded ads; with `today`, every date moved by the time since recording, so the demo never ages."""
    data = json.loads(path.read_text(encoding="utf-8"))
    ads = data["jobdetails"]
    if today is None:
        return ads
    shift = today - datetime.date.fromisoformat(data["recorded_on"])
    for ad in ads:
        for name in _DATE_FIELDS:
            if ad.get(name):
                ad[name] = (datetime.date.fromisoformat(ad[name]) + shift).isoformat()
        if ad.get("modifikationsTimestamp"):
            moment = datetime.datetime.fromisoformat(ad["modifikationsTimestamp"]) + shift
            ad["modifikationsTimestamp"] = moment.isoformat(timespec="milliseconds")
    return ads


def search_item(details: dict) -> dict:
    """A JobSearchResponse entry for an ad, from its JobDetails."""
    place = (details.get("arbeitsorte") or [{}])[0]
    return {
        "hashId": details.get("hashId", ""),
        "beruf": details.get("hauptberuf", ""),
        "refnr": details["referenznummer"],
        "arbeitgeber": details.get("arbeitgeber", ""),
        "aktuelleVeroeffentlichungsdatum": details.get("aktuelleVeroeffentlichungsdatum"),
        "eintrittsdatum": details.get("eintrittsdatum"),
        "arbeitsort": {
            key: place[key] for key in ("plz", "ort", "strasse", "region", "land", "koordinaten") if key in place
        },
        "modifikationsTimestamp": details.get("modifikationsTimestamp", ""),
    }


class RecordedJobboerse:
    """The same interface as JobboerseClient: search(), details() and a request count."""

    breaker = None

    def __init__(self, ads: list[dict]):
        self.ads = {ad["referenznummer"]: ad for ad in ads}
        self.requests = 0
        self._points = {refnr: self._point(ad) for refnr, ad in self.ads.items()}

    @staticmethod
    def _point(ad: dict) -> tuple[float, float] | None:
        place = (ad.get("arbeitsorte") or [{}])[0]
        point = place.get("koordinaten") or {}
        if "lat" in point and "lon" in point:
            return point["lat"], point["lon"]
        return coordinates_of(place.get("plz", ""))

    def _matches(self, refnr: str, ad: dict, *, origin, radius, offer_type, working_time, fixed_term) -> bool:
        if offer_type and _OFFER_TYPES.get(ad.get("angebotsart")) != offer_type:
            return False
        if working_time and not any(
            model.startswith(_WORKING_TIMES[working_time]) for model in ad.get("arbeitszeitmodelle", [])
        ):
            return False
        if fixed_term and ad.get("befristung") != _FIXED_TERMS[fixed_term]:
            return False
        if origin is not None:
            point = self._points[refnr]
            return point is not None and haversine_km(origin, point) <= radius
        return True

    def search(self, **params) -> dict:
        self.requests += 1
        page, size = int(params.get("page", 1)), int(params.get("size", 25))
        origin = coordinates_of(str(params["wo"])) if params.get("wo") else None
        found = [
            ad
            for refnr, ad in sorted(self.ads.items())
            if self._matches(
                refnr,
                ad,
                origin=origin,
                radius=float(params.get("umkreis", 25)),
                offer_type=int(params.get("angebotsart", 0)),
                working_time=params.get("arbeitszeit"),
                fixed_term=int(params.get("befristung", 0)),
            )
        ]
        return {
            "stellenangebote": [search_item(ad) for ad in found[(page - 1) * size : page * size]],
            "maxErgebnisse": str(len(found)),
            "page": str(page),
            "size": str(size),
            "facetten": [],
        }

    def details(self, refnr: str) -> dict:
        self.requests += 1
        if refnr not in self.ads:
            raise NotFoundError(refnr)
        return self.ads[refnr]

    def answer(self, path: str, query: dict) -> tuple[int, dict]:
        """An HTTP answer (status, JSON) for a request to the API's paths."""
        if path.endswith(SEARCH_PATH):
            return 200, self.search(**query)
        if DETAILS_PATH in path:
            try:
                return 200, self.details(decode_refnr(unquote(path.rsplit("/", 1)[1])))
            except (NotFoundError, ValueError):
                return 404, {"message": "Not Found"}
        return 404, {"message": "Not Found"}

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

import numpy as np

from places.geo import EARTH_RADIUS_KM, coordinates_of

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
    """The same interface as JobboerseClient: search(), details() and a request count.

    Filters are numpy masks over all ads and each search's result is kept, so paging through 50,000 ads costs
    what the real service would: almost nothing per page.
    """

    breaker = None

    def __init__(self, ads: list[dict]):
        self.ads = {ad["referenznummer"]: ad for ad in ads}
        self.requests = 0
        self._refnrs = sorted(self.ads)
        ordered = [self.ads[refnr] for refnr in self._refnrs]
        points = [self._point(ad) or (np.nan, np.nan) for ad in ordered]
        self._lat = np.radians(np.array([lat for lat, _lon in points], dtype=float))
        self._lon = np.radians(np.array([lon for _lat, lon in points], dtype=float))
        self._offer_type = np.array([_OFFER_TYPES.get(ad.get("angebotsart"), 0) for ad in ordered], dtype=int)
        self._working_time = {
            code: np.array(
                [any(m.startswith(model) for m in ad.get("arbeitszeitmodelle", [])) for ad in ordered], dtype=bool
            )
            for code, model in _WORKING_TIMES.items()
        }
        self._fixed_term = {
            code: np.array([ad.get("befristung") == value for ad in ordered], dtype=bool)
            for code, value in _FIXED_TERMS.items()
        }
        self._found: dict[tuple, list[str]] = {}

    @staticmethod
    def _point(ad: dict) -> tuple[float, float] | None:
        place = (ad.get("arbeitsorte") or [{}])[0]
        point = place.get("koordinaten") or {}
        if "lat" in point and "lon" in point:
            return point["lat"], point["lon"]
        return coordinates_of(place.get("plz", ""))

    def _within(self, postal_code: str, radius_km: float) -> np.ndarray:
        origin = coordinates_of(postal_code)
        if origin is None:
            return np.zeros(len(self._refnrs), dtype=bool)
        lat, lon = np.radians(origin[0]), np.radians(origin[1])
        half_chord = (
            np.sin((self._lat - lat) / 2) ** 2 + np.cos(lat) * np.cos(self._lat) * np.sin((self._lon - lon) / 2) ** 2
        )
        with np.errstate(invalid="ignore"):
            return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(half_chord)) <= radius_km

    def _search(self, key: tuple) -> list[str]:
        if key not in self._found:
            wo, radius, offer_type, working_time, fixed_term = key
            mask = np.ones(len(self._refnrs), dtype=bool)
            if wo:
                mask &= self._within(wo, radius)
            if offer_type:
                mask &= self._offer_type == offer_type
            if working_time:
                mask &= self._working_time[working_time]
            if fixed_term:
                mask &= self._fixed_term[fixed_term]
            self._found[key] = [self._refnrs[index] for index in np.flatnonzero(mask)]
        return self._found[key]

    def search(self, **params) -> dict:
        self.requests += 1
        page, size = int(params.get("page", 1)), int(params.get("size", 25))
        found = self._search(
            (
                str(params.get("wo", "")),
                float(params.get("umkreis", 25)),
                int(params.get("angebotsart", 0)),
                params.get("arbeitszeit") or "",
                int(params.get("befristung", 0)),
            )
        )
        return {
            "stellenangebote": [search_item(self.ads[refnr]) for refnr in found[(page - 1) * size : page * size]],
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

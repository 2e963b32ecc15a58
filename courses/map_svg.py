"""The supply report's map of Lower Saxony as a self-contained SVG, drawn from the stored report data.

Longitude and latitude are projected equirectangularly with the cosine of the middle latitude, which
keeps shapes true enough at the scale of one state. The viewBox makes it scale to any screen width.
"""

import math

from django.utils.html import escape
from django.utils.translation import get_language, get_language_bidi
from django.utils.translation import gettext as _

from .lower_saxony import HOLES, OUTLINE

WIDTH = 800
PADDING = 16
FONT_SIZE = 32
LINE_HEIGHT = 40
MAX_CIRCLE_RADIUS = 30
MIN_CIRCLE_RADIUS = 6
MARKER_SIZE = 8
REGION_DOT = 5
LEGEND_LINE_CHARS = 36
# Markers whose centres fall into the same square of this many units are drawn as one.
CLUSTER_CELL = 20
MAX_CODES_IN_LABEL = 6

OUTLINE_FILL = "#eef3ea"
OUTLINE_STROKE = "#55644f"
COURSE_FILL = "#1b4b91"
UNMET_FILL = "#d9480f"
UNMET_STROKE = "#8f2d07"
REGION_FILL = "#8a8a8a"


class _Projection:
    def __init__(self, extent: list[float]):
        self.min_lon, self.min_lat, self.max_lon, self.max_lat = extent
        self.kx = math.cos(math.radians((self.min_lat + self.max_lat) / 2))
        self.scale = (WIDTH - 2 * PADDING) / ((self.max_lon - self.min_lon) * self.kx)
        self.height = (self.max_lat - self.min_lat) * self.scale + 2 * PADDING

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        return (
            PADDING + (lon - self.min_lon) * self.kx * self.scale,
            PADDING + (self.max_lat - lat) * self.scale,
        )

    def km(self, km: float) -> float:
        """Length in SVG units of km kilometres east–west."""
        return km / 111.32 * self.scale


def _path(projection: _Projection, ring) -> str:
    points = [projection.xy(lon, lat) for lon, lat in ring]
    return "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in points) + "Z"


def _wrap(text: str, width: int = LEGEND_LINE_CHARS) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line] if line else lines


def _circle_radius(count: int, largest: int) -> float:
    """Circle area grows with the count."""
    return max(MIN_CIRCLE_RADIUS, MAX_CIRCLE_RADIUS * math.sqrt(count / largest)) if largest else MIN_CIRCLE_RADIUS


def _diamond(x: float, y: float, size: float = MARKER_SIZE) -> str:
    return f"M{x:.1f},{y - size:.1f}L{x + size:.1f},{y:.1f}L{x:.1f},{y + size:.1f}L{x - size:.1f},{y:.1f}Z"


def supply_map_summary(*, data: dict, scope_name: str) -> str:
    """The map's text alternative: what a sighted reader takes from it, in one paragraph."""
    places = data.get("course_places", [])
    unmet_places = data.get("unmet_places", [])
    totals = data.get("totals", {})
    parts = [
        _("Map of %(area)s.") % {"area": scope_name},
        _("Places with courses starting within 3 months: %(places)s.") % {"places": len(places)},
        _("Candidates who need a next course: %(demand)s; without a seat within reach: %(unmet)s.")
        % {"demand": totals.get("demand", 0), "unmet": totals.get("unmet", 0)},
        _("Postal-code areas with unmet demand: %(areas)s.") % {"areas": len(unmet_places)},
    ]
    if unmet_places:
        largest = sorted(unmet_places, key=lambda place: (-place["unmet"], place["postal_code"]))[:3]
        parts.append(
            _("Most unmet demand: %(list)s.")
            % {"list": ", ".join(f"{place['postal_code']} ({place['unmet']})" for place in largest)}
        )
    return " ".join(parts)


def _clusters(items: list[dict], projection: _Projection, weight: str) -> list[dict]:
    """Markers closer than CLUSTER_CELL units merged into one, so a dense state map stays readable.

    Each cluster: x, y (weighted centre), the summed `weight` and the other counts, and its postal codes.
    """
    cells: dict[tuple[int, int], dict] = {}
    for item in items:
        x, y = projection.xy(item["lon"], item["lat"])
        cell = cells.setdefault(
            (math.floor(x / CLUSTER_CELL), math.floor(y / CLUSTER_CELL)), {"x": 0.0, "y": 0.0, "codes": [], "n": 0}
        )
        share = max(item[weight], 1)
        cell["x"] += x * share
        cell["y"] += y * share
        cell["n"] += share
        cell["codes"].append(item["postal_code"])
        for key in ("unmet", "courses", "seats"):
            if key in item:
                cell[key] = cell.get(key, 0) + item[key]
    clusters = []
    for cell in cells.values():
        cell["x"] /= cell["n"]
        cell["y"] /= cell["n"]
        cell["codes"] = sorted(set(cell["codes"]))
        clusters.append(cell)
    return sorted(clusters, key=lambda cell: (-cell[weight], cell["codes"]))


def _codes_label(codes: list[str]) -> str:
    shown = ", ".join(codes[:MAX_CODES_IN_LABEL])
    return shown + (" …" if len(codes) > MAX_CODES_IN_LABEL else "")


def supply_map_svg(*, data: dict, scope_name: str) -> str:
    """The SVG document: outline, region postal codes, unmet demand circles, course places and a legend."""
    projection = _Projection(data["extent"])
    map_height = projection.height
    rtl = get_language_bidi()
    title = _("Language course supply: %(area)s") % {"area": scope_name}
    summary = supply_map_summary(data=data, scope_name=scope_name)

    unmet = _clusters(data.get("unmet_places", []), projection, "unmet")
    course_places = _clusters(data.get("course_places", []), projection, "courses")
    largest = unmet[0]["unmet"] if unmet else 0
    legend_items = [("course", _("Place with courses starting within 3 months"))]
    if largest:
        legend_items.append(
            (
                "unmet",
                _("Candidates without a seat within reach; the larger the circle, the more (largest: %(count)s)")
                % {"count": largest},
            )
        )
    else:
        legend_items.append(("unmet", _("Candidates without a seat within reach: none")))
    if data.get("region_points"):
        legend_items.append(("region", _("Postal codes of the region")))
    legend_lines = sum(len(_wrap(text)) for _kind, text in legend_items)
    legend_top = map_height + 8
    height = legend_top + legend_lines * LINE_HEIGHT + len(legend_items) * 10 + PADDING

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:.0f}" width="{WIDTH}" '
        f'height="{height:.0f}" role="img" aria-labelledby="supply-map-title supply-map-desc" '
        f'lang="{escape(get_language() or "de")}" font-family="system-ui, sans-serif" font-size="{FONT_SIZE}">',
        f'<title id="supply-map-title">{escape(title)}</title>',
        f'<desc id="supply-map-desc">{escape(summary)}</desc>',
        f'<defs><clipPath id="supply-map-area"><rect width="{WIDTH}" height="{map_height:.1f}"/></clipPath></defs>',
        f'<rect width="{WIDTH}" height="{height:.0f}" fill="#ffffff"/>',
        '<g clip-path="url(#supply-map-area)">',
        # Bremen and Bremerhaven are holes in the state: even-odd filling leaves them white.
        f'<path class="outline" fill="{OUTLINE_FILL}" stroke="{OUTLINE_STROKE}" stroke-width="2" '
        f'fill-rule="evenodd" d="{"".join(_path(projection, ring) for ring in (OUTLINE, *HOLES))}"/>',
    ]
    if data.get("region_points"):
        out.append(f'<g class="region" fill="{REGION_FILL}">')
        for lat, lon in data["region_points"]:
            x, y = projection.xy(lon, lat)
            out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{REGION_DOT}"/>')
        out.append("</g>")

    out.append(f'<g class="unmet" fill="{UNMET_FILL}" fill-opacity="0.5" stroke="{UNMET_STROKE}" stroke-width="1.5">')
    for cluster in unmet:
        label = _("%(postal_codes)s: %(count)s without a seat") % {
            "postal_codes": _codes_label(cluster["codes"]),
            "count": cluster["unmet"],
        }
        radius = _circle_radius(cluster["unmet"], largest)
        out.append(
            f'<circle cx="{cluster["x"]:.1f}" cy="{cluster["y"]:.1f}" r="{radius:.1f}">'
            f"<title>{escape(label)}</title></circle>"
        )
    out.append("</g>")

    out.append(f'<g class="courses" fill="{COURSE_FILL}" stroke="#ffffff" stroke-width="1.5">')
    for cluster in course_places:
        label = _("%(postal_codes)s: %(courses)s courses, %(seats)s seats left") % {
            "postal_codes": _codes_label(cluster["codes"]),
            "courses": cluster["courses"],
            "seats": cluster["seats"],
        }
        out.append(f'<path d="{_diamond(cluster["x"], cluster["y"])}"><title>{escape(label)}</title></path>')
    out.append("</g>")

    # A scale bar in the map's lower corner: 30 km, the distance the report counts as within reach.
    bar = projection.km(30)
    bar_x = WIDTH - PADDING - 10 - bar if not rtl else PADDING + 10
    bar_y = map_height - PADDING - 4
    out.append(
        f'<g class="scale"><path d="M{bar_x:.1f},{bar_y:.1f}h{bar:.1f}" stroke="#1a1a1a" stroke-width="4"/>'
        f'<text x="{bar_x + bar / 2:.1f}" y="{bar_y - 10:.1f}" text-anchor="middle" fill="#1a1a1a">'
        f"{escape(_('%(km)s km') % {'km': 30})}</text></g>"
    )
    out.append("</g>")

    # Legend: the symbol at the start of the reading direction, the text beside it.
    symbol_x = WIDTH - PADDING - 22 if rtl else PADDING + 22
    text_x = WIDTH - PADDING - 56 if rtl else PADDING + 56
    direction = ' direction="rtl"' if rtl else ""
    out.append(f'<g class="legend" fill="#1a1a1a"{direction}>')
    y = legend_top
    for kind, text in legend_items:
        lines = _wrap(text)
        centre = y + LINE_HEIGHT / 2 + 4
        if kind == "course":
            out.append(f'<path d="{_diamond(symbol_x, centre)}" fill="{COURSE_FILL}"/>')
        elif kind == "unmet":
            out.append(
                f'<circle cx="{symbol_x}" cy="{centre:.1f}" r="14" fill="{UNMET_FILL}" fill-opacity="0.5" '
                f'stroke="{UNMET_STROKE}" stroke-width="1.5"/>'
            )
        else:
            out.append(f'<circle cx="{symbol_x}" cy="{centre:.1f}" r="{REGION_DOT}" fill="{REGION_FILL}"/>')
        for number, line in enumerate(lines):
            out.append(
                f'<text x="{text_x}" y="{y + (number + 1) * LINE_HEIGHT - 8:.1f}" text-anchor="start">'
                f"{escape(line)}</text>"
            )
        y += len(lines) * LINE_HEIGHT + 10
    out.append("</g>")
    out.append("</svg>")
    return "\n".join(out)

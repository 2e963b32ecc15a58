"""Draw the installable app's PNG icons from the logo's geometry (static/img/logo.svg, a 32-unit square).

Run once after changing the logo: `.venv/bin/python scripts/make_app_icons.py` (needs Pillow). "any" icons are
the rounded logo; "maskable" ones fill the square and keep the bridge inside the central safe zone (a circle of
40 % of the size), so a launcher may cut them to any shape.
"""

from pathlib import Path

from PIL import Image, ImageDraw

BLUE, WHITE, YELLOW = "#1d4e89", "#ffffff", "#ffbf47"
OUT = Path(__file__).resolve().parent.parent / "static" / "img" / "app"
SUPERSAMPLE = 4


def bridge(draw: ImageDraw.ImageDraw, scale: float, offset: tuple[float, float]) -> None:
    def point(x, y):
        return (offset[0] + x * scale, offset[1] + y * scale)

    def line(a, b, colour, width):
        draw.line([point(*a), point(*b)], fill=colour, width=round(width * scale))
        for x, y in (a, b):  # round caps
            cx, cy = point(x, y)
            radius = width * scale / 2
            draw.ellipse([cx - radius, cy - radius, cx + radius, cy + radius], fill=colour)

    for x, top in ((11, 17), (16, 16), (21, 17)):
        line((x, 22), (x, top), YELLOW, 2)
    line((4, 22), (28, 22), WHITE, 2.5)
    line((7, 22), (7, 18), WHITE, 2.5)
    line((25, 22), (25, 18), WHITE, 2.5)
    left, top = point(7, 9)
    right, bottom = point(25, 27)
    draw.arc([left, top, right, bottom], start=180, end=360, fill=WHITE, width=round(2.5 * scale))


def icon(size: int, maskable: bool) -> Image.Image:
    big = size * SUPERSAMPLE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    if maskable:
        draw.rectangle([0, 0, big, big], fill=BLUE)
        scale = big * 0.62 / 32  # the glyph spans about 24 of 32 units: well inside the safe circle
        offset = (big / 2 - 16 * scale, big / 2 - 15.5 * scale)  # the glyph's centre in the middle
    else:
        draw.rounded_rectangle([0, 0, big - 1, big - 1], radius=big * 6 / 32, fill=BLUE)
        scale, offset = big / 32, (0, 0)
    bridge(draw, scale, offset)
    return image.resize((size, size), Image.LANCZOS)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for size in (192, 512):
        icon(size, maskable=False).save(OUT / f"icon-{size}.png", optimize=True)
        icon(size, maskable=True).save(OUT / f"icon-maskable-{size}.png", optimize=True)
    icon(180, maskable=True).convert("RGB").save(OUT / "apple-touch-icon.png", optimize=True)


if __name__ == "__main__":
    main()

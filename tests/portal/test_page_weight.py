"""The start page stays light for people on slow, expensive mobile data."""

import gzip
import re

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db

BUDGET_BYTES = 150 * 1024
ASSET_REFERENCE = re.compile(r'<(?:link|script|img)\b[^>]*?(?:href|src)="([^"]+)"')


def over_the_wire_size(path: str) -> int:
    """Size as served in production: WhiteNoise serves text assets gzip-compressed."""
    content = open(finders.find(path.removeprefix("/static/")), "rb").read()  # noqa: SIM115
    if path.endswith((".css", ".js", ".svg")):
        return len(gzip.compress(content, compresslevel=9))
    return len(content)


@pytest.mark.parametrize("language", ["de", "ar"])
def test_start_page_with_all_its_assets_weighs_under_150_kb(client, language):
    response = client.get(f"/{language}/", HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    assets = ASSET_REFERENCE.findall(gzip.decompress(response.content).decode())

    assert assets, "the page references no assets at all"
    # The web app manifest is the one asset a view serves (it names the start page in the reader's language).
    manifests = [asset for asset in assets if asset == f"/{language}/manifest.webmanifest"]
    files = [asset for asset in assets if asset not in manifests]
    assert all(asset.startswith("/static/") for asset in files), f"assets from elsewhere: {files}"
    total = len(response.content) + sum(over_the_wire_size(asset) for asset in files)
    total += sum(len(client.get(manifest).content) for manifest in manifests)
    print(f"/{language}/ weighs {total / 1024:.1f} KiB over the wire ({len(assets)} assets)")
    assert total < BUDGET_BYTES

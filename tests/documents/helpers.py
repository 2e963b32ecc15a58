import html
import re
from pathlib import Path

from django.conf import settings


def field_error(content: str, field: str) -> str:
    """The error text shown right next to a form field (empty if there is none)."""
    match = re.search(rf'<div id="id_{field}_error"[^>]*>(.*?)</div>', content, re.DOTALL)
    if not match:
        return ""
    return html.unescape(" ".join(re.sub(r"<[^>]+>", " ", match.group(1)).split()))


def error_summary(content: str) -> str:
    match = re.search(r"data-error-summary>(.*?)</div>", content, re.DOTALL)
    return html.unescape(" ".join(re.sub(r"<[^>]+>", " ", match.group(1)).split())) if match else ""


def stored_files() -> list[Path]:
    """Every file in private storage (the test's own MEDIA_ROOT)."""
    root = Path(settings.MEDIA_ROOT) / "private"
    return sorted(path for path in root.rglob("*") if path.is_file()) if root.exists() else []

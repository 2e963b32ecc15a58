"""What the service worker needs to know: the layout files to keep, the offline page of each language, and
which pages a person opened may be kept readable offline (their offers, applications, courses and events)."""

import hashlib
import json
import re

from django.conf import settings
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation

SERVICE_WORKER_FILE = "js/sw.js"
# The layout: kept at installation, so every kept page looks right offline.
SHELL_FILES = [
    "vendor/bootstrap/bootstrap.min.css",
    "vendor/bootstrap/bootstrap.rtl.min.css",
    "css/bruecke.css",
    "css/print.css",
    "js/app.js",
    "img/logo.svg",
    "img/favicon.svg",
    "img/app/icon-192.png",
]
# Pages kept once opened: the person's own things and the offers they looked at.
KEPT_PAGES = [
    ("home", {}),
    ("dashboard", {}),
    ("portal:candidate_dashboard", {}),
    ("matching:my_matches", {}),
    ("applications:list", {}),
    ("applications:detail", {"pk": 0}),
    ("courses:my_registrations", {}),
    ("courses:detail", {"pk": 0}),
    ("events:my_registrations", {}),
    ("events:detail", {"pk": 0}),
    ("vacancies:detail", {"pk": 0}),
]
_PLACEHOLDER = 987654321


def _pattern(name: str, kwargs: dict) -> str:
    path = reverse(name, kwargs={key: _PLACEHOLDER for key in kwargs})
    return "^" + re.escape(path).replace(str(_PLACEHOLDER), "[0-9]+") + "$"


def service_worker_config() -> dict:
    offline, kept = {}, []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            offline[code] = reverse("webapp:offline")
            kept += [_pattern(name, kwargs) for name, kwargs in KEPT_PAGES]
    return {
        # The offline page of the other languages is kept when a page in that language is first opened.
        "precache": [static(name) for name in SHELL_FILES] + [offline[settings.LANGUAGE_CODE]],
        "offline": offline,
        "defaultLanguage": settings.LANGUAGE_CODE,
        "keep": kept,
    }


def service_worker_source() -> str:
    """The worker from static/, preceded by its configuration; the version changes with either."""
    path = finders.find(SERVICE_WORKER_FILE)
    with open(path, encoding="utf-8") as handle:
        code = handle.read()
    config = service_worker_config()
    config["version"] = hashlib.sha256((json.dumps(config, sort_keys=True) + code).encode()).hexdigest()[:12]
    return f"self.BRUECKE_SW = {json.dumps(config)};\n{code}"

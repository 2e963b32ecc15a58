"""The installable web app: its manifest per language, the service worker for the whole site, the offline page."""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import get_language, get_language_bidi
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from .offline import service_worker_source

THEME_COLOUR = "#1d4e89"
BACKGROUND_COLOUR = "#ffffff"


@transaction.non_atomic_requests  # none of these pages reads the database
@require_safe
@cache_control(max_age=86400, public=True)
def manifest(request):
    """One app for every language (the same id and scope); name, direction and start page in this language."""

    def icon(name: str, size: int, purpose: str) -> dict:
        return {"src": static(f"img/app/{name}"), "sizes": f"{size}x{size}", "type": "image/png", "purpose": purpose}

    data = {
        "id": "/",
        "name": _("Brücke: jobs, courses and mentors in Lower Saxony"),
        "short_name": "Brücke",
        "description": _(
            "Brücke brings refugees in Lower Saxony together with jobs, trainings, language courses and mentors."
        ),
        "lang": get_language(),
        "dir": "rtl" if get_language_bidi() else "ltr",
        "start_url": reverse("home"),
        "scope": "/",
        "display": "standalone",
        "orientation": "any",
        "theme_color": THEME_COLOUR,
        "background_color": BACKGROUND_COLOUR,
        "categories": ["education", "business"],
        "icons": [
            icon("icon-192.png", 192, "any"),
            icon("icon-512.png", 512, "any"),
            icon("icon-maskable-192.png", 192, "maskable"),
            icon("icon-maskable-512.png", 512, "maskable"),
        ],
    }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/manifest+json"
    return response


@transaction.non_atomic_requests
@require_safe
def service_worker(request):
    """Served from the root so that its scope is the whole site; browsers check for a new one on each visit."""
    response = HttpResponse(service_worker_source(), content_type="text/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = "/"
    response["Cache-Control"] = "no-cache"
    return response


@transaction.non_atomic_requests
@require_safe
def offline(request):
    """The page shown offline when a page was never opened; kept by the worker, so it holds nobody's data."""
    request.user = AnonymousUser()
    return render(request, "webapp/offline.html", {"languages": settings.LANGUAGES})

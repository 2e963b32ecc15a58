"""Pages kept offline never outlive a login: the service worker learns whose page it holds from a marker, and
logging out asks the browser to clear what it kept."""

from django.utils.crypto import salted_hmac

VIEWER_HEADER = "X-Bruecke-Viewer"


def viewer_marker(request) -> str:
    """Names nobody: a keyed hash of the account (a new one for each login), or "anonymous"."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return "anonymous"
    session_key = request.session.session_key or ""
    return salted_hmac("webapp.viewer", f"{user.pk}:{session_key}").hexdigest()[:20]


class OfflineSafetyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.get("Content-Type", "").startswith("text/html"):
            response[VIEWER_HEADER] = viewer_marker(request)
        match = getattr(request, "resolver_match", None)
        if request.method == "POST" and match is not None and match.url_name == "account_logout":
            # Kept pages and the worker go; the next visit installs a fresh worker.
            response["Clear-Site-Data"] = '"cache", "storage"'
        return response

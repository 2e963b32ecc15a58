"""Headers every response carries, pages, files and errors alike."""

from django.conf import settings


def security_headers(get_response):
    """A strict Content-Security-Policy (scripts and styles only from our own static files, no inline code)
    and a Permissions-Policy that switches off the browser features Brücke never uses (camera, microphone,
    location ...), so an injected script or a framed page cannot reach them either."""

    def middleware(request):
        response = get_response(request)
        response.headers.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response

    return middleware

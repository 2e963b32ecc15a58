"""Size limits on what a browser sends, applied before and while the request body is read.

The proxy in front of the portal refuses bodies above its own limit first (see README, "Request size");
these limits hold when it is missing or misconfigured: a request that announces a body larger than
UPLOAD_MAX_REQUEST_BYTES is answered 413 without reading it, and a file that grows beyond
UPLOAD_MAX_FILE_BYTES while it streams in (a body without a Content-Length, or one that lies) stops the
reading at that point. Nothing larger is ever buffered or written to a temporary file.
"""

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.shortcuts import render

CUT_ATTRIBUTE = "upload_cut_at_limit"


def request_size_limit(get_response):
    """Answer 413 to a request whose announced body exceeds the limit, before anything reads it."""

    def middleware(request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.UPLOAD_MAX_REQUEST_BYTES:
            response = render(request, "413.html", {"limit": settings.UPLOAD_MAX_FILE_BYTES}, status=413)
            response["Connection"] = "close"
            return response
        return get_response(request)

    return middleware


class SizeLimitUploadHandler(FileUploadHandler):
    """Counts each uploaded file while it streams in and stops reading the request once one is too large."""

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > settings.UPLOAD_MAX_FILE_BYTES:
            setattr(self.request, CUT_ATTRIBUTE, self.received)
            raise StopUpload(connection_reset=True)
        return raw_data

    def file_complete(self, file_size):
        return None


def upload_was_cut(request) -> int:
    """How many bytes of a file had arrived when it was refused for being too large (0: nothing was cut)."""
    return getattr(request, CUT_ATTRIBUTE, 0)

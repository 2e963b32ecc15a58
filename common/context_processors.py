from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info

from common.reader_parts import CONTEXT_FLAG, CSRF_TOKEN, placeholders_wanted


def _same_page_in(request, code: str) -> str:
    """This page in another language: the same path under that language's prefix, the same query string."""
    current = f"/{get_language()}/"
    path = request.path
    if path.startswith(current):
        url = f"/{code}/{path[len(current) :]}"
        query = request.META.get("QUERY_STRING", "")
        return f"{url}?{query}" if query else url
    return translate_url(request.get_full_path(), code)


def _language(request, code: str, as_link: bool) -> dict:
    info = get_language_info(code)
    return {
        "code": code,
        "name_local": info["name_local"],
        "bidi": info["bidi"],
        "url": _same_page_in(request, code) if as_link else "",
    }


def navigation(request):
    """Languages for the switcher, each named in its own language.

    A visitor who is not signed in switches by following a link to the same page in the other language, so
    their pages carry no CSRF token and can be served from the page cache (common.page_cache); the signed-in
    post the switcher's form, which also remembers the choice on their account.
    """
    user = getattr(request, "user", None)
    as_links = user is None or not user.is_authenticated
    return {
        "switcher_as_links": as_links,
        "switcher_languages": [_language(request, code, as_links) for code, _name in settings.LANGUAGES],
    }


def reader_placeholders(request):
    """While a whole page is rendered for reuse (common.scoped_cache), the reader's parts are placeholders:
    this overrides the CSRF token Django's own processor gives, and tells the tags of the other parts."""
    if not placeholders_wanted(request):
        return {}
    return {"csrf_token": CSRF_TOKEN, CONTEXT_FLAG: True}

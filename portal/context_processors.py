from django.conf import settings
from django.utils.translation import get_language_info


def navigation(request):
    """Languages for the switcher, each named in its own language."""
    return {
        "switcher_languages": [
            {"code": code, "name_local": get_language_info(code)["name_local"], "bidi": get_language_info(code)["bidi"]}
            for code, _name in settings.LANGUAGES
        ],
    }

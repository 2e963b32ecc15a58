"""Messages Django shows our users that its own catalogues leave untranslated in some of our languages.

Marking them here puts them into Brücke's catalogues (LOCALE_PATHS wins over Django's), so nobody
reading Arabic or Farsi gets the German fallback instead.
"""

from django.utils.translation import ngettext_lazy

DJANGO_MESSAGES = [
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        "min_length",
    ),
]

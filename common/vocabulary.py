"""Vocabulary shared by candidates, vacancies, courses and matching, so every app speaks of the same things."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class GermanLevel(models.TextChoices):
    """German on the CEFR scale; the stored values sort in level order."""

    NONE = "0", _("No German yet")
    A1 = "A1", "A1"
    A2 = "A2", "A2"
    B1 = "B1", "B1"
    B2 = "B2", "B2"
    C1 = "C1", "C1"
    C2 = "C2", "C2"

    @classmethod
    def rank(cls, value: str) -> int:
        """0 for no German, 1 for A1 ... 6 for C2; comparable across candidates, vacancies and courses."""
        return cls.values.index(value) if value in cls.values else 0


class LanguageLevel(models.TextChoices):
    """The level of a language other than German; mother tongue counts as the highest."""

    A1 = "A1", "A1"
    A2 = "A2", "A2"
    B1 = "B1", "B1"
    B2 = "B2", "B2"
    C1 = "C1", "C1"
    C2 = "C2", "C2"
    NATIVE = "native", _("Mother tongue")


class OfferKind(models.TextChoices):
    """What a candidate looks for and what vacancies and courses offer."""

    JOB = "job", _("Job")
    AUSBILDUNG = "ausbildung", _("Vocational training (Ausbildung)")
    EQ = "eq", _("Entry qualification (Einstiegsqualifizierung)")
    INTERNSHIP = "internship", _("Internship (Praktikum)")
    HOSPITATION = "hospitation", _("Job shadowing (Hospitation)")
    WORK_TRIAL = "work_trial", _("Work trial (Arbeitserprobung)")
    LANGUAGE_COURSE = "language_course", _("Language course")


# Languages candidates commonly speak, by ISO 639-1 code; names are translated for the reader.
SPOKEN_LANGUAGES = [
    ("ar", _("Arabic")),
    ("fa", _("Dari/Farsi")),
    ("ps", _("Pashto")),
    ("ku", _("Kurdish")),
    ("uk", _("Ukrainian")),
    ("ru", _("Russian")),
    ("tr", _("Turkish")),
    ("en", _("English")),
    ("fr", _("French")),
    ("ti", _("Tigrinya")),
    ("so", _("Somali")),
    ("ur", _("Urdu")),
    ("sq", _("Albanian")),
    ("sr", _("Serbian")),
    ("ro", _("Romanian")),
    ("pl", _("Polish")),
    ("es", _("Spanish")),
    ("am", _("Amharic")),
    ("hi", _("Hindi")),
    ("other", _("Another language")),
]

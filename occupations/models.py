from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


def _name_in(names: dict, language: str | None) -> str:
    """The name in the given (or current) language, falling back to German."""
    language = (language or get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return names.get(language) or names.get(settings.LANGUAGE_CODE) or next(iter(names.values()), "")


class OccupationField(models.Model):
    """An occupational field (a KldB 2010 Berufshauptgruppe, two digits), named in all seven languages."""

    code = models.CharField(_("KldB 2010 code"), max_length=2, unique=True)
    names = models.JSONField(_("names"), default=dict, help_text=_("One name per portal language."))

    class Meta:
        verbose_name = _("occupational field")
        verbose_name_plural = _("occupational fields")
        ordering = ["code"]

    def __str__(self):
        return self.name()

    def name(self, language: str | None = None) -> str:
        return _name_in(self.names, language)


class Occupation(models.Model):
    """An occupation of the catalogue with its KldB 2010 and ISCO-08 codes, named in all seven languages."""

    kldb_code = models.CharField(_("KldB 2010 code"), max_length=5, unique=True)
    isco_code = models.CharField(_("ISCO-08 code"), max_length=4)
    field = models.ForeignKey(
        OccupationField, on_delete=models.PROTECT, related_name="occupations", verbose_name=_("occupational field")
    )
    names = models.JSONField(_("names"), default=dict, help_text=_("One name per portal language."))
    # A regulated occupation (nurse, educator, …) may only be practised with a recognised qualification.
    regulated = models.BooleanField(_("regulated occupation"), default=False)

    class Meta:
        verbose_name = _("occupation")
        verbose_name_plural = _("occupations")
        ordering = ["kldb_code"]

    def __str__(self):
        return self.name()

    def name(self, language: str | None = None) -> str:
        return _name_in(self.names, language)


class OccupationTerm(models.Model):
    """A word people type to find an occupation: its names and synonyms in every language, normalised."""

    occupation = models.ForeignKey(
        Occupation, on_delete=models.CASCADE, related_name="terms", verbose_name=_("occupation")
    )
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    text = models.CharField(_("text"), max_length=200)
    # Lower-case, without diacritics, Arabic vowel marks or gender endings: what search compares.
    normalised = models.CharField(_("normalised text"), max_length=200, db_index=True)
    is_name = models.BooleanField(_("is the official name"), default=False)

    class Meta:
        verbose_name = _("search term")
        verbose_name_plural = _("search terms")
        constraints = [
            models.UniqueConstraint(fields=["occupation", "language", "normalised"], name="occupation_term_unique")
        ]

    def __str__(self):
        return self.text

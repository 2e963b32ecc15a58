from django.db import models
from django.utils.translation import gettext_lazy as _


class PostalCode(models.Model):
    """A German postal code (PLZ) with the coordinates of its centroid."""

    code = models.CharField(_("postal code"), max_length=5, primary_key=True)
    latitude = models.FloatField(_("latitude"))
    longitude = models.FloatField(_("longitude"))
    # Of the towns sharing a postal code, the one its label names ("31535 Neustadt am Rübenberge").
    town = models.ForeignKey(
        "Town", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("town")
    )

    class Meta:
        verbose_name = _("postal code")
        verbose_name_plural = _("postal codes")
        ordering = ["code"]

    def __str__(self):
        return self.code


class Region(models.Model):
    """The area a coordinator (Kümmerer) is responsible for: a named set of postal codes."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    postal_codes = models.ManyToManyField(PostalCode, related_name="regions", verbose_name=_("postal codes"))

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Town(models.Model):
    """A town or village as the postal service names it, from GeoNames (CC BY 4.0)."""

    name = models.CharField(_("name"), max_length=100)
    district = models.CharField(_("district"), max_length=100, blank=True)
    state = models.CharField(_("federal state"), max_length=2, blank=True)
    latitude = models.FloatField(_("latitude"))
    longitude = models.FloatField(_("longitude"))
    population = models.PositiveIntegerField(_("population"), default=0)
    # The name in the scripts of the portal's other languages, by language code: {"ru": "Ганновер", ...}.
    names = models.JSONField(_("names in other scripts"), default=dict, blank=True)
    postal_codes = models.ManyToManyField(PostalCode, related_name="towns", verbose_name=_("postal codes"))

    class Meta:
        verbose_name = _("town")
        verbose_name_plural = _("towns")
        ordering = ["name", "district"]
        constraints = [models.UniqueConstraint(fields=["name", "district", "state"], name="town_once_per_district")]

    def __str__(self):
        return self.name


class TownName(models.Model):
    """One way of writing a town's name, folded for look-up (see places.geo.place_key)."""

    town = models.ForeignKey(Town, on_delete=models.CASCADE, related_name="search_names", verbose_name=_("town"))
    key = models.CharField(_("search key"), max_length=100, db_index=True)

    class Meta:
        verbose_name = _("town name")
        verbose_name_plural = _("town names")
        constraints = [models.UniqueConstraint(fields=["town", "key"], name="town_name_once")]

    def __str__(self):
        return self.key

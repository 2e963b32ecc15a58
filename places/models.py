from django.db import models
from django.utils.translation import gettext_lazy as _


class PostalCode(models.Model):
    """A German postal code (PLZ) with the coordinates of its centroid."""

    code = models.CharField(_("postal code"), max_length=5, primary_key=True)
    latitude = models.FloatField(_("latitude"))
    longitude = models.FloatField(_("longitude"))

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

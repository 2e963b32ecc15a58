from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .forms import PostalCodeListField
from .models import Region
from .services import region_save


class RegionAdminForm(forms.ModelForm):
    postal_code_list = PostalCodeListField(
        label=_("Postal codes"), help_text=_("Separate postal codes with commas, spaces or line breaks.")
    )

    class Meta:
        model = Region
        fields = ["name"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["postal_code_list"] = list(self.instance.postal_codes.values_list("code", flat=True))


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    form = RegionAdminForm
    list_display = ["name"]
    search_fields = ["name"]

    def save_model(self, request, obj, form, change):
        # One write path: the service sets the name and the postal codes together.
        region = region_save(
            name=form.cleaned_data["name"],
            postal_codes=form.cleaned_data["postal_code_list"],
            region=obj if change else None,
        )
        form.instance = region
        obj.pk = region.pk

    def save_related(self, request, form, formsets, change):
        """The postal codes were saved by region_save; there are no other relations."""

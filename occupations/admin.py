from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from .models import Occupation, OccupationField, OccupationTerm
from .normalise import normalise


class ReadOnlyAdmin(admin.ModelAdmin):
    """The catalogue comes from occupations/data/*.json (`manage.py load_occupations`); edits here would be
    overwritten by the next load, so the admin only shows it."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class OccupationTermInline(admin.TabularInline):
    model = OccupationTerm
    fields = ["language", "text", "normalised", "is_name"]
    readonly_fields = fields
    ordering = ["language", "-is_name", "text"]
    extra = 0

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(OccupationField)
class OccupationFieldAdmin(ReadOnlyAdmin):
    list_display = ["code", "__str__", "occupation_count"]
    search_fields = ["code"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(occupation_total=Count("occupations"))

    @admin.display(description=_("occupations"), ordering="occupation_total")
    def occupation_count(self, obj):
        return obj.occupation_total


@admin.register(Occupation)
class OccupationAdmin(ReadOnlyAdmin):
    list_display = ["kldb_code", "__str__", "isco_code", "field", "regulated"]
    list_filter = ["field", "regulated"]
    list_select_related = ["field"]
    search_fields = ["kldb_code", "isco_code", "terms__normalised"]
    search_help_text = _("A KldB or ISCO code, or a name or synonym in any language.")
    inlines = [OccupationTermInline]

    def get_search_results(self, request, queryset, search_term):
        # Terms are stored normalised ("Tischler/in" as "tischler", "نجّار" as "نجار"): compare like with like.
        return super().get_search_results(request, queryset, normalise(search_term))

from django.contrib import admin

from .models import Match


@admin.register(Match)
class MatchAdmin(admin.ModelAdmin):
    """Read-only: matches are computed, never edited by hand (explain_matches shows how)."""

    list_display = ["profile", "kind", "vacancy", "course", "mentor", "score", "computed_at", "notified_at"]
    list_filter = ["kind"]
    raw_id_fields = ["profile", "vacancy", "course", "mentor"]
    readonly_fields = [field.name for field in Match._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

from django.contrib import admin

from .models import Listing, OccupationMapping, SyncRun


class ReadOnlyAdmin(admin.ModelAdmin):
    """The sync writes these; coordinators map occupations in the portal, where waiting ads are imported."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(SyncRun)
class SyncRunAdmin(ReadOnlyAdmin):
    list_display = [
        "started_at", "status", "queries_done", "queries_total", "seen", "added", "updated", "expired", "linked",
        "unmapped", "failed", "requests", "resumed",
    ]  # fmt: skip
    list_filter = ["status"]


@admin.register(Listing)
class ListingAdmin(ReadOnlyAdmin):
    list_display = ["refnr", "title", "employer_name", "postal_code", "status", "last_seen_at"]
    list_filter = ["status", "offer_type"]
    search_fields = ["refnr", "title", "employer_name", "occupation_text"]
    exclude = ["details"]


@admin.register(OccupationMapping)
class OccupationMappingAdmin(ReadOnlyAdmin):
    list_display = ["text", "occupation", "mapped_by", "mapped_at"]
    list_filter = [("occupation", admin.EmptyFieldListFilter)]
    search_fields = ["text"]
    list_select_related = ["occupation", "mapped_by"]

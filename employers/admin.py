from django.contrib import admin

from .models import Membership, Organisation, Vacancy


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    raw_id_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "is_employer", "is_course_provider", "is_external", "sector", "size", "created_at"]
    list_filter = ["is_employer", "is_course_provider", "is_external", "sector", "size"]
    search_fields = ["name"]
    inlines = [MembershipInline]


@admin.register(Vacancy)
class VacancyAdmin(admin.ModelAdmin):
    """Read-only, for looking things up: employers change vacancies in the portal, where the rules are checked,
    and moderators take them offline at /employer/moderation/ so the employer learns why."""

    list_display = ["title", "organisation", "kind", "status", "postal_code", "published_at", "expires_on"]
    list_filter = ["status", "kind", "source", "recognition_required"]
    search_fields = ["title", "organisation__name", "postal_code", "external_reference"]
    list_select_related = ["organisation"]
    # The search vector is the database's index material, not something to read.
    readonly_fields = [field.name for field in Vacancy._meta.fields if field.name != "search_vector"]

    def has_add_permission(self, request):
        return False

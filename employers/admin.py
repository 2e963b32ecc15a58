from django.contrib import admin

from .models import Membership, Organisation


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    raw_id_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "is_employer", "is_course_provider", "created_at"]
    list_filter = ["is_employer", "is_course_provider"]
    search_fields = ["name"]
    inlines = [MembershipInline]

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import MentorProfile, MentorRequest, Mentorship, MentorshipEvent
from .services import mentor_approve


class ReadOnlyAdmin(admin.ModelAdmin):
    """Mentoring changes go through the services (capacity, lifecycle, notifications); the admin only looks."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(MentorProfile)
class MentorProfileAdmin(ReadOnlyAdmin):
    list_display = ["user", "postal_code", "travel_radius_km", "capacity", "approved_at"]
    list_filter = ["approved_at"]
    search_fields = ["user__email", "user__last_name", "postal_code"]
    list_select_related = ["user"]
    actions = ["approve"]

    @admin.action(description=_("Approve the selected mentors"))
    def approve(self, request, queryset):
        count = 0
        for mentor in queryset.awaiting_approval().select_related("user"):
            mentor_approve(mentor=mentor, approved_by=request.user)
            count += 1
        self.message_user(
            request,
            ngettext("%(count)s mentor approved.", "%(count)s mentors approved.", count) % {"count": count},
            messages.SUCCESS,
        )


@admin.register(MentorRequest)
class MentorRequestAdmin(ReadOnlyAdmin):
    list_display = ["pk", "profile", "status", "created_at"]
    list_filter = ["status"]


class MentorshipEventInline(admin.TabularInline):
    model = MentorshipEvent
    extra = 0
    fields = ["step", "status", "actor", "created_at"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Mentorship)
class MentorshipAdmin(ReadOnlyAdmin):
    # Notes are for the mentor and the coordinators only; they are not shown here.
    list_display = ["pk", "mentor", "profile", "status", "created_at"]
    list_filter = ["status"]
    inlines = [MentorshipEventInline]

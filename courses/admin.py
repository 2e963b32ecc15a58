from django.contrib import admin, messages
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import Course, CourseRegistration
from .services import course_cancel


class CourseRegistrationInline(admin.TabularInline):
    model = CourseRegistration
    extra = 0
    fields = ["profile", "status", "created_at"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Course)
class CourseAdmin(admin.ModelAdmin):
    """Read-only: seats and waiting lists change only through the services, which keep them consistent."""

    # The read-only page still builds the form; a link typed without a scheme means https (as the portal's form).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["title", "provider", "kind", "level_from", "level_to", "start_date", "seats_left", "status"]
    list_filter = ["status", "kind", "subject", "delivery", "schedule", "childcare", "waiting_list_open", "cost"]
    search_fields = ["title", "provider__name", "postal_code"]
    date_hierarchy = "start_date"
    list_select_related = ["provider"]
    inlines = [CourseRegistrationInline]
    actions = ["cancel_courses"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_cancel_permission(self, request):
        # The change form stays read-only, so cancelling needs its own check: the right to change courses.
        return request.user.has_perm("courses.change_course")

    @admin.action(description=_("Cancel the selected courses and tell everyone registered"), permissions=["cancel"])
    def cancel_courses(self, request, queryset):
        for course in queryset:
            course_cancel(course=course)
        count = queryset.count()
        self.message_user(
            request,
            ngettext("%(count)s course was cancelled.", "%(count)s courses were cancelled.", count) % {"count": count},
            messages.SUCCESS,
        )


@admin.register(CourseRegistration)
class CourseRegistrationAdmin(admin.ModelAdmin):
    list_display = ["course", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["course__title"]
    list_select_related = ["course"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

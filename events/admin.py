from django.contrib import admin, messages
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import Event, EventRegistration
from .services import event_cancel


class EventRegistrationInline(admin.TabularInline):
    model = EventRegistration
    extra = 0
    fields = ["user", "status", "created_at", "checked_in_at", "reminder_sent_at"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    """Read-only: places, waiting lists and notices change only through the services, which keep them consistent."""

    # The read-only page still builds the form; a link typed without a scheme means https (as the portal's form).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["title", "kind", "starts_at", "postal_code", "online", "capacity", "target_group", "status"]
    list_filter = ["status", "kind", "target_group", "online", "childcare"]
    search_fields = ["title", "postal_code", "organisation__name"]
    date_hierarchy = "starts_at"
    list_select_related = ["organisation"]
    inlines = [EventRegistrationInline]
    actions = ["cancel_events"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_cancel_permission(self, request):
        # The change form stays read-only, so cancelling needs its own check: the right to change events.
        return request.user.has_perm("events.change_event")

    @admin.action(description=_("Cancel the selected events and tell everyone registered"), permissions=["cancel"])
    def cancel_events(self, request, queryset):
        for event in queryset:
            event_cancel(event=event, by=request.user)
        count = queryset.count()
        self.message_user(
            request,
            ngettext("%(count)s event was cancelled.", "%(count)s events were cancelled.", count) % {"count": count},
            messages.SUCCESS,
        )


@admin.register(EventRegistration)
class EventRegistrationAdmin(admin.ModelAdmin):
    list_display = ["event", "status", "created_at", "checked_in_at", "reminder_sent_at"]
    list_filter = ["status"]
    search_fields = ["event__title"]
    list_select_related = ["event"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

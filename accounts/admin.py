from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import Invitation, User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "role", "preferred_language", "is_active", "date_joined"]
    list_filter = ["role", "preferred_language", "is_active", "is_staff"]
    search_fields = ["email", "first_name", "last_name"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Personal info"), {"fields": ("first_name", "last_name", "preferred_language")}),
        (_("Role"), {"fields": ("role", "region")}),
        (_("Permissions"), {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")}),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "role", "region", "password1", "password2")}),)


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    """Read-only: admins invite coordinators on their dashboard, organisation admins their colleagues, and the
    partner import its accounts, where the rules are checked and the e-mail is sent."""

    list_display = ["kind", "region", "organisation", "mail_language", "created_at", "sent_at", "accepted_at"]
    list_filter = ["kind", "region", "language"]
    search_fields = ["organisation__name", "region__name"]
    list_select_related = ["region", "organisation", "user"]
    readonly_fields = [
        "kind", "email", "language", "region", "organisation", "user", "invited_by", "created_at", "sent_at",
        "accepted_at",
    ]  # fmt: skip
    exclude = ["legacy_id"]

    @admin.display(description=_("language of the invitation"))
    def mail_language(self, invitation):
        return invitation.mail_language

    def has_add_permission(self, request):
        return False

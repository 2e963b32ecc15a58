from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import CoordinatorInvitation, User


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


@admin.register(CoordinatorInvitation)
class CoordinatorInvitationAdmin(admin.ModelAdmin):
    list_display = ["region", "language", "created_at", "sent_at", "accepted_at"]
    list_filter = ["region", "language"]
    readonly_fields = ["sent_at", "accepted_at"]

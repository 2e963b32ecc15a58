from django.contrib import admin

from .models import AccountInvitation


@admin.register(AccountInvitation)
class AccountInvitationAdmin(admin.ModelAdmin):
    """Read-only: invitations are created by the partner import and used by the invited person."""

    list_display = ["pk", "created_at", "sent_at", "accepted_at"]
    readonly_fields = ["user", "invited_by", "created_at", "sent_at", "accepted_at"]

    def has_add_permission(self, request):
        return False

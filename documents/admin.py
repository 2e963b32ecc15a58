from django.contrib import admin

from .models import Document
from .services import document_delete


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    """Metadata only: the technical administration never opens or links a candidate's file."""

    list_display = ["public_id", "owner_id", "kind", "content_type", "size", "uploaded_at"]
    list_filter = ["kind", "content_type"]
    fields = ["public_id", "owner_id", "kind", "content_type", "size", "uploaded_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def delete_model(self, request, obj):
        document_delete(document=obj)

    def delete_queryset(self, request, queryset):
        for document in queryset:
            document_delete(document=document)

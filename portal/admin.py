from django.contrib import admin

from .models import SitePage


@admin.register(SitePage)
class SitePageAdmin(admin.ModelAdmin):
    """Operators write the Impressum, privacy policy, accessibility statement and contact text per language."""

    list_display = ["kind", "language", "title", "updated_at"]
    list_filter = ["kind", "language"]
    search_fields = ["title", "body"]

from django.contrib import admin

from .models import Organization, Region, Theme

admin.site.register(Region)
admin.site.register(Theme)


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin[Organization]):
    list_display = ["name", "acronym", "kind", "region", "member_status"]
    list_filter = ["kind", "member_status", "region"]
    search_fields = ["name", "acronym"]

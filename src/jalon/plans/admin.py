"""The plans in Django's admin: for operators who need to look under the hood.

People build and change plans in the builder; the admin lists plans and shows their history
and revisions, read-only where a change would bypass the services (revisions, snapshots).
"""

from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Action, Indicator, Plan, Revision


class RevisionInline(admin.TabularInline[Revision, Plan]):
    model = Revision
    fields = ["number", "reason", "created_by", "created_at"]
    readonly_fields = ["number", "reason", "created_by", "created_at"]
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request: object, obj: object = None) -> bool:
        return False


@admin.register(Plan)
class PlanAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ["title", "organization", "state", "period_start", "period_end", "adopted_on"]
    list_filter = ["state", "kind"]
    search_fields = ["title", "organization__name", "organization__acronym"]
    list_select_related = ["organization"]
    readonly_fields = ["created_by", "created_at", "updated_at", "version", "import_report"]
    inlines = [RevisionInline]


@admin.register(Action)
class ActionAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ["code", "title", "plan", "status"]
    list_filter = ["status"]
    search_fields = ["title", "code", "plan__title"]
    list_select_related = ["plan"]
    raw_id_fields = ["plan", "objective"]


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ["kind", "text", "action", "target_is_manual"]
    list_filter = ["kind", "target_is_manual"]
    search_fields = ["text"]
    list_select_related = ["action"]
    raw_id_fields = ["plan", "action"]

"""Query-string filters of the list endpoints (django-filter); each narrows what access allows."""

from __future__ import annotations

import django_filters as filters

from jalon.network.models import Organization
from jalon.plans.models import Action, Indicator, Objective, Orientation, Plan
from jalon.tracking.models import Activity, Contact, IndicatorValue, StatusUpdate


class OrganizationFilter(filters.FilterSet):
    region = filters.CharFilter(field_name="region__code", help_text="Region code (04, 16…).")
    theme = filters.CharFilter(field_name="themes__slug", help_text="Theme slug.")

    class Meta:
        model = Organization
        fields = ["kind", "member_status", "parent", "region", "theme"]


class PlanFilter(filters.FilterSet):
    organization = filters.CharFilter(
        field_name="organization__slug", help_text="Organization slug."
    )

    class Meta:
        model = Plan
        fields = ["organization", "state", "kind"]


class OrientationFilter(filters.FilterSet):
    class Meta:
        model = Orientation
        fields = ["plan"]


class ObjectiveFilter(filters.FilterSet):
    class Meta:
        model = Objective
        fields = ["plan", "orientation", "kind"]


class ActionFilter(filters.FilterSet):
    theme = filters.CharFilter(field_name="themes__slug", help_text="Theme slug.")

    class Meta:
        model = Action
        fields = ["plan", "objective", "status", "theme"]


class IndicatorFilter(filters.FilterSet):
    class Meta:
        model = Indicator
        fields = ["plan", "action", "kind"]


class IndicatorValueFilter(filters.FilterSet):
    plan = filters.NumberFilter(field_name="indicator__plan")

    class Meta:
        model = IndicatorValue
        fields = ["plan", "indicator", "plan_year", "occurrence"]


class _Dated(filters.FilterSet):
    date_after = filters.DateFilter(field_name="date", lookup_expr="gte")
    date_before = filters.DateFilter(field_name="date", lookup_expr="lte")


class StatusUpdateFilter(_Dated):
    class Meta:
        model = StatusUpdate
        fields = ["plan", "action", "status"]


class ActivityFilter(_Dated):
    action = filters.NumberFilter(field_name="actions", distinct=True)
    indicator = filters.NumberFilter(field_name="indicators", distinct=True)

    class Meta:
        model = Activity
        fields = ["plan", "kind", "action", "indicator"]


class ContactFilter(_Dated):
    class Meta:
        model = Contact
        fields = ["plan", "channel", "organization"]

"""What the API shows of each model, and what it deliberately leaves out (`HIDDEN_FIELDS`).

tests/api/test_schema.py fails when a field of an exposed model is in neither: a new column is
a decision to publish it or to keep it in, never an accident.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from jalon.network.models import Organization, Region, Theme
from jalon.plans.enums import ActionStatus
from jalon.plans.models import Action, Indicator, Objective, Orientation, Plan
from jalon.plans.queries import ActionNode, IndicatorNode, describe_indicator_target
from jalon.tracking.enums import ActivityKind
from jalon.tracking.models import Activity, Contact, IndicatorValue, StatusUpdate

#: Model → {field: why it is not in the API}.
HIDDEN_FIELDS: dict[type[Any], dict[str, str]] = {
    Organization: {
        "logo": "an image printed on the covers of the organization's reports, embedded there",
    },
    Region: {},
    Theme: {},
    Plan: {
        "import_report": "the importer's diagnostics of the source document, for the review page",
        "created_by": "people are not an API resource: who built the plan is in its history",
        "numbering": "the builder's numbering scheme; the codes it gives are exposed",
    },
    Orientation: {},
    Objective: {},
    Action: {},
    Indicator: {},
    IndicatorValue: {
        "entered_by": "people are not an API resource (a name, not an account, is shown)",
    },
    StatusUpdate: {
        "author": "people are not an API resource: `author_name` gives the name",
    },
    Activity: {
        "created_by": "people are not an API resource: who logged it is in its history",
    },
    Contact: {
        "made_by": "people are not an API resource: `made_by_name` gives the name",
        "created_by": "people are not an API resource: who logged it is in its history",
    },
}


def person_name(user: Any) -> str:
    if user is None:
        return ""
    return str(user.get_full_name() or user.get_username())


class RegionSerializer(serializers.ModelSerializer[Region]):
    class Meta:
        model = Region
        fields = ["id", "code", "name", "slug", "parent"]


class ThemeSerializer(serializers.ModelSerializer[Theme]):
    class Meta:
        model = Theme
        fields = ["id", "name", "slug"]


class OrganizationSerializer(serializers.ModelSerializer[Organization]):
    class Meta:
        model = Organization
        fields = [
            "id",
            "name",
            "acronym",
            "slug",
            "kind",
            "parent",
            "region",
            "member_status",
            "address",
            "city",
            "postal_code",
            "latitude",
            "longitude",
            "website",
            "email",
            "phone",
            "description",
            "themes",
            "created_at",
            "updated_at",
            "version",
        ]


PLAN_FIELDS = [
    "id",
    "organization",
    "title",
    "organization_name",
    "kind",
    "period_start",
    "period_end",
    "fiscal_year_start_month",
    "state",
    "adopted_on",
    "adopted_by",
    "mission",
    "vision",
    "values",
    "mandates",
    "global_objective",
    "notes",
    "glossary",
    "source",
    "document_updated_on",
    "reminder_days",
    "tracking_started_on",
    "sharing",
    "created_at",
    "updated_at",
    "version",
]


class PlanSerializer(serializers.ModelSerializer[Plan]):
    class Meta:
        model = Plan
        fields = PLAN_FIELDS


class OrientationSerializer(serializers.ModelSerializer[Orientation]):
    class Meta:
        model = Orientation
        fields = ["id", "plan", "code", "title", "order", "version"]


class ObjectiveSerializer(serializers.ModelSerializer[Objective]):
    class Meta:
        model = Objective
        fields = ["id", "plan", "orientation", "code", "kind", "title", "order", "version"]


class ActorSerializer(serializers.Serializer[Any]):
    name = serializers.CharField()
    kind = serializers.CharField()


class ExpectedResultSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    text = serializers.CharField()
    plan_year = serializers.IntegerField(allow_null=True)


ACTION_FIELDS = [
    "id",
    "plan",
    "objective",
    "code",
    "title",
    "order",
    "schedule_years",
    "timing",
    "status",
    "progress_note",
    "status_changed_on",
    "place",
    "latitude",
    "longitude",
    "themes",
    "actors",
    "expected_results",
    "created_at",
    "updated_at",
    "version",
]


class ActionSerializer(serializers.ModelSerializer[Action]):
    actors = ActorSerializer(many=True, read_only=True)
    expected_results = ExpectedResultSerializer(many=True, read_only=True)
    schedule_years = serializers.ListField(
        child=serializers.IntegerField(), allow_null=True, read_only=True
    )

    class Meta:
        model = Action
        fields = ACTION_FIELDS


class TargetSerializer(serializers.Serializer[Any]):
    """The target read from the indicator's text (plans.targets): its form decides which keys matter."""

    form = serializers.CharField(help_text="count, percent, growth, presence, …")
    value = serializers.FloatField(allow_null=True, required=False)
    unit = serializers.CharField(allow_null=True, required=False)
    period = serializers.CharField(allow_null=True, required=False)
    every = serializers.IntegerField(allow_null=True, required=False)
    direction = serializers.CharField(allow_null=True, required=False)
    span = serializers.JSONField(allow_null=True, required=False)
    confidence = serializers.FloatField(allow_null=True, required=False)


INDICATOR_FIELDS = [
    "id",
    "plan",
    "action",
    "objective",
    "kind",
    "text",
    "target",
    "target_label",
    "target_is_manual",
    "order",
    "version",
]


class IndicatorSerializer(serializers.ModelSerializer[Indicator]):
    target = serializers.SerializerMethodField()
    target_label = serializers.SerializerMethodField()

    class Meta:
        model = Indicator
        fields = INDICATOR_FIELDS

    @extend_schema_field(TargetSerializer(allow_null=True))
    def get_target(self, indicator: Indicator) -> Any:
        return indicator.target or None

    def get_target_label(self, indicator: Indicator) -> str:
        """The target in words, as the plan page says it ("8 rencontres par année")."""
        return describe_indicator_target(indicator.target)


class IndicatorValueSerializer(serializers.ModelSerializer[IndicatorValue]):
    entered_by_name = serializers.SerializerMethodField()

    class Meta:
        model = IndicatorValue
        fields = [
            "id",
            "indicator",
            "plan_year",
            "occurrence",
            "on_date",
            "value",
            "done",
            "narrative",
            "judgement",
            "note",
            "source",
            "entered_by_name",
            "entered_at",
            "version",
        ]

    def get_entered_by_name(self, entry: IndicatorValue) -> str:
        return person_name(entry.entered_by)


class StatusUpdateSerializer(serializers.ModelSerializer[StatusUpdate]):
    author_name = serializers.SerializerMethodField()

    class Meta:
        model = StatusUpdate
        fields = [
            "id",
            "plan",
            "action",
            "date",
            "status",
            "progress",
            "note",
            "author_name",
            "is_initial",
            "created_at",
        ]

    def get_author_name(self, update: StatusUpdate) -> str:
        return person_name(update.author)


class StatusRecordedSerializer(StatusUpdateSerializer):
    """The update just recorded, with the action's new version (the next If-Match)."""

    action_version = serializers.IntegerField(source="action.version", read_only=True)

    class Meta(StatusUpdateSerializer.Meta):
        fields = [*StatusUpdateSerializer.Meta.fields, "action_version"]


class ActivitySerializer(serializers.ModelSerializer[Activity]):
    class Meta:
        model = Activity
        fields = [
            "id",
            "plan",
            "kind",
            "date",
            "title",
            "participants",
            "notes",
            "satisfaction",
            "organizations",
            "actions",
            "indicators",
            "created_at",
            "updated_at",
            "version",
        ]


class ContactSerializer(serializers.ModelSerializer[Contact]):
    made_by_name = serializers.SerializerMethodField()

    class Meta:
        model = Contact
        fields = [
            "id",
            "plan",
            "date",
            "channel",
            "subject",
            "organization",
            "made_by_name",
            "notes",
            "created_at",
            "updated_at",
            "version",
        ]

    def get_made_by_name(self, contact: Contact) -> str:
        return person_name(contact.made_by)


# --- The plan's tree, nested ------------------------------------------------------------


class TreeIndicatorSerializer(serializers.Serializer[IndicatorNode]):
    id = serializers.IntegerField(source="indicator.id")
    kind = serializers.CharField(source="indicator.kind")
    text = serializers.CharField(source="indicator.text")
    target = serializers.SerializerMethodField()
    target_label = serializers.CharField()
    version = serializers.IntegerField(source="indicator.version")

    @extend_schema_field(TargetSerializer(allow_null=True))
    def get_target(self, node: IndicatorNode) -> Any:
        return node.indicator.target or None


class TreeActionSerializer(serializers.Serializer[ActionNode]):
    id = serializers.IntegerField(source="action.id")
    code = serializers.CharField(source="action.code")
    title = serializers.CharField(source="action.title")
    schedule_years = serializers.ListField(child=serializers.IntegerField(), source="years")
    timing = serializers.CharField(source="action.timing")
    status = serializers.CharField(source="action.status")
    progress_note = serializers.CharField(source="action.progress_note")
    status_changed_on = serializers.DateField(source="action.status_changed_on", allow_null=True)
    actors = ActorSerializer(many=True)
    expected_results = ExpectedResultSerializer(many=True)
    themes = serializers.SerializerMethodField()
    indicators = TreeIndicatorSerializer(many=True)
    version = serializers.IntegerField(source="action.version")

    def get_themes(self, node: ActionNode) -> list[str]:
        """The themes' slugs."""
        return [t.slug for t in node.themes]


class TreeObjectiveSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField(source="objective.id")
    code = serializers.CharField(source="objective.code")
    kind = serializers.CharField(source="objective.kind")
    title = serializers.CharField(source="objective.title")
    version = serializers.IntegerField(source="objective.version")
    actions = TreeActionSerializer(many=True)


class TreeOrientationSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField(source="orientation.id")
    code = serializers.CharField(source="orientation.code")
    title = serializers.CharField(source="orientation.title")
    version = serializers.IntegerField(source="orientation.version")
    objectives = TreeObjectiveSerializer(many=True)


class PlanDetailSerializer(PlanSerializer):
    orientations = serializers.SerializerMethodField()

    class Meta(PlanSerializer.Meta):
        fields = [*PLAN_FIELDS, "orientations"]

    @extend_schema_field(TreeOrientationSerializer(many=True))
    def get_orientations(self, plan: Plan) -> Any:
        tree = self.context["tree"]
        return TreeOrientationSerializer(tree.orientations, many=True).data


# --- Errors and writes ---------------------------------------------------------------------


class ProblemSerializer(serializers.Serializer[Any]):
    """An RFC 9457 problem document (`application/problem+json`)."""

    type = serializers.CharField(default="about:blank")
    title = serializers.CharField(help_text="The status in words, in the caller's language.")
    status = serializers.IntegerField()
    detail = serializers.CharField(help_text="What happened and what to do.")
    # Named like the document's keys; DRF takes declared fields off the class (mypy sees
    # Serializer.errors).
    errors = serializers.DictField(  # type: ignore[assignment]
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text="Bad input (400): field → messages.",
    )
    current_version = serializers.IntegerField(
        required=False, help_text="A stale If-Match (412): the version saved since."
    )


class IndicatorValueInputSerializer(serializers.Serializer[Any]):
    plan_year = serializers.IntegerField(
        min_value=0, help_text="Plan year (1 = the first; 0 = the baseline before the plan)."
    )
    value = serializers.DecimalField(
        max_digits=14, decimal_places=2, allow_null=True, required=False
    )
    done = serializers.BooleanField(allow_null=True, required=False, default=None)
    on_date = serializers.DateField(allow_null=True, required=False)
    # A field named like Field.source: DRF takes declared fields off the class, mypy sees the clash.
    source = serializers.CharField(  # type: ignore[assignment]
        max_length=255, allow_blank=True, required=False, default=""
    )
    note = serializers.CharField(allow_blank=True, required=False, default="")


class ActivityInputSerializer(serializers.Serializer[Any]):
    plan = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=ActivityKind.choices)
    date = serializers.DateField()
    title = serializers.CharField(max_length=300)
    participants = serializers.IntegerField(min_value=0, allow_null=True, required=False)
    notes = serializers.CharField(allow_blank=True, required=False, default="")
    satisfaction = serializers.DecimalField(
        max_digits=5, decimal_places=2, min_value=0, max_value=100, allow_null=True, required=False
    )
    actions = serializers.ListField(child=serializers.IntegerField(), required=False, default=list)
    indicators = serializers.ListField(
        child=serializers.IntegerField(), required=False, default=list
    )


class ActionStatusInputSerializer(serializers.Serializer[Any]):
    status = serializers.ChoiceField(choices=ActionStatus.choices)
    on_date = serializers.DateField()
    progress = serializers.IntegerField(min_value=0, max_value=100, allow_null=True, required=False)
    note = serializers.CharField(allow_blank=True, required=False, default="")

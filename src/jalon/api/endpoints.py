"""The API's endpoints: thin, like the pages' views.

Every queryset starts from an access query of the app that owns the rule
(`plans.queries.visible_plans`, `get_plan_for_user`, `tracking.queries.plans_with_readable_contacts`)
and every write calls the service the pages call, with the acting person and the `If-Match`
version. A hidden row answers 404 as on the pages.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

from django.db.models import QuerySet
from django.http import HttpResponseNotModified
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions, mixins, status, viewsets
from rest_framework.decorators import action as route
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer
from rest_framework.views import APIView

from jalon.accounts.models import User
from jalon.core.concurrency import StaleVersion
from jalon.network.models import Organization, Region, Theme
from jalon.network.queries import DirectoryFilters, directory
from jalon.plans.interchange import draft_to_dict
from jalon.plans.models import (
    Action,
    Indicator,
    Objective,
    Orientation,
    Plan,
)
from jalon.plans.queries import (
    can_update_action,
    get_plan_for_user,
    in_visible_plans,
    items_of_plan,
    plan_as_draft,
    plan_tree,
    visible_actions,
    visible_plans,
)
from jalon.tracking import queries as tracking_queries
from jalon.tracking import services as tracking_services
from jalon.tracking.models import Activity, Contact, IndicatorValue, StatusUpdate

from . import filters, serializers
from .language import activate_for
from .problems import PreconditionFailed, PreconditionRequired, Refused, exception_handler

_VERSION = re.compile(r'^\s*(?:W/)?"?(\d+)"?\s*$')

PROBLEM = OpenApiResponse(serializers.ProblemSerializer, description="A problem document.")
WRITE_PROBLEMS: dict[Any, Any] = {
    (code, "application/problem+json"): PROBLEM for code in (400, 401, 403, 404, 422, 429)
}
VERSIONED_PROBLEMS = {
    **WRITE_PROBLEMS,
    (412, "application/problem+json"): PROBLEM,
    (428, "application/problem+json"): PROBLEM,
}

IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    required=True,
    description='The `version` of the row you read, quoted: `If-Match: "3"`. '
    "412 when someone saved since, 428 without it.",
)


class JalonApi:
    """What every endpoint does: the caller's language, ETags, problem details."""

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        activate_for(request)
        super().initial(request, *args, **kwargs)  # type: ignore[misc]

    def get_exception_handler(self) -> Any:
        return exception_handler

    def finalize_response(self, request: Request, response: Any, *args: Any, **kwargs: Any) -> Any:
        response = super().finalize_response(request, response, *args, **kwargs)  # type: ignore[misc]
        # The answer differs with the person (session or token) and their language.
        patch_vary_headers(response, ("Accept-Language", "Authorization", "Cookie"))
        if request.method in {"GET", "HEAD"} and response.status_code == 200:
            response.render()
            etag = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
            response["ETag"] = etag
            wanted = [t.strip() for t in request.headers.get("If-None-Match", "").split(",")]
            if etag in wanted or "*" in wanted:
                not_modified = HttpResponseNotModified()
                not_modified["ETag"] = etag
                patch_vary_headers(not_modified, ("Accept-Language", "Authorization", "Cookie"))
                return not_modified
        return response


def acting(request: Request) -> User:
    """The signed-in person who acts (the permission class let only them through)."""
    user = request.user
    assert isinstance(user, User)
    return user


def seen_version(request: Request) -> int:
    """The version the caller read, from If-Match; 428 without it, 400 when it is no version."""
    header = request.headers.get("If-Match")
    if header is None:
        raise PreconditionRequired(
            _(
                "Envoyez la version que vous avez lue dans l'en-tête If-Match "
                '(If-Match: "3") : sans elle, le changement d\'une autre personne serait écrasé.'
            )
        )
    match = _VERSION.match(header)
    if match is None:
        raise exceptions.ValidationError(
            {"If-Match": [_('If-Match doit être un numéro de version entre guillemets : "3".')]}
        )
    return int(match.group(1))


def stale(exc: StaleVersion, seen: int) -> PreconditionFailed:
    return PreconditionFailed(
        _(
            "Quelqu'un a enregistré un changement depuis la version %(seen)s : la version "
            "actuelle est %(current)s. Relisez la ressource et renvoyez votre changement avec "
            'If-Match: "%(current)s" s\'il tient toujours.'
        )
        % {"seen": seen, "current": exc.current_version},
        current_version=exc.current_version,
    )


class ReadOnly(JalonApi, viewsets.ReadOnlyModelViewSet):  # type: ignore[type-arg]
    """A list (cursor-paginated, filtered) and one row by id."""


# --- The network: public, as the directory and region pages are ----------------------------


class RegionViewSet(ReadOnly):
    """Quebec's administrative regions (and the sub-territories a network adds)."""

    permission_classes = [AllowAny]
    serializer_class = serializers.RegionSerializer
    queryset = Region.objects.all()


class ThemeViewSet(ReadOnly):
    """The themes that organizations and actions are tagged with."""

    permission_classes = [AllowAny]
    serializer_class = serializers.ThemeSerializer
    queryset = Theme.objects.all()


class OrganizationViewSet(ReadOnly):
    """The directory's organizations (public, as the directory is)."""

    permission_classes = [AllowAny]
    serializer_class = serializers.OrganizationSerializer
    filterset_class = filters.OrganizationFilter

    def get_queryset(self) -> QuerySet[Organization]:
        return directory(DirectoryFilters())


# --- Plans and their tree ---------------------------------------------------------------------


class PlanViewSet(ReadOnly):
    """The plans the person reads; one plan comes with its whole tree, nested."""

    serializer_class = serializers.PlanSerializer
    filterset_class = filters.PlanFilter

    def get_queryset(self) -> QuerySet[Plan]:
        return visible_plans(self.request.user)

    @extend_schema(responses=serializers.PlanDetailSerializer)
    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        plan = get_plan_for_user(request.user, kwargs["pk"])
        tree = plan_tree(plan)
        data = serializers.PlanDetailSerializer(plan, context={"tree": tree}).data
        return Response(data)

    @extend_schema(responses={200: OpenApiTypes.OBJECT})
    @route(detail=True, methods=["get"], url_path="jalon-plan")
    def interchange(self, request: Request, pk: str) -> Response:
        """The plan as a `jalon-plan/1` document (the builder's JSON export, which `jalon import` reads)."""
        plan = get_plan_for_user(request.user, int(pk) if pk.isdigit() else 0)
        return Response(draft_to_dict(plan_as_draft(plan)))


class OrientationViewSet(ReadOnly):
    """The orientations (axes) of the plans the person reads."""

    serializer_class = serializers.OrientationSerializer
    filterset_class = filters.OrientationFilter

    def get_queryset(self) -> QuerySet[Orientation]:
        return in_visible_plans(self.request.user, Orientation)


class ObjectiveViewSet(ReadOnly):
    """The objectives of the plans the person reads."""

    serializer_class = serializers.ObjectiveSerializer
    filterset_class = filters.ObjectiveFilter

    def get_queryset(self) -> QuerySet[Objective]:
        return in_visible_plans(self.request.user, Objective)


class ActionViewSet(ReadOnly):
    """The actions of the plans the person reads, with their actors, results and themes."""

    serializer_class = serializers.ActionSerializer
    filterset_class = filters.ActionFilter

    def get_queryset(self) -> QuerySet[Action]:
        return visible_actions(self.request.user)

    @extend_schema(
        request=serializers.ActionStatusInputSerializer,
        responses={
            (201, "application/json"): serializers.StatusRecordedSerializer,
            **VERSIONED_PROBLEMS,
        },
        parameters=[IF_MATCH],
    )
    @route(detail=True, methods=["post"], url_path="status")
    def update_status(self, request: Request, pk: str) -> Response:
        """Record a dated status of the action (as its page's status form does)."""
        found = self.get_object()  # 404 for an action the person does not read
        plan = get_plan_for_user(request.user, found.plan_id)
        target = tracking_queries.get_action(plan, found.pk)
        target.plan = plan
        if not can_update_action(request.user, target):
            raise exceptions.PermissionDenied(
                _("Seuls les éditeurs et les personnes qui portent l'action en changent l'état.")
            )
        seen = seen_version(request)
        form = serializers.ActionStatusInputSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        data = form.validated_data
        try:
            update = tracking_services.update_action_status(
                action=target,
                user=acting(request),
                status=data["status"],
                on_date=data["on_date"],
                progress=data.get("progress"),
                note=data["note"],
                expected_version=seen,
            )
        except StaleVersion as exc:
            raise stale(exc, seen) from None
        except tracking_services.TrackingError as exc:
            raise Refused(str(exc)) from None
        body = serializers.StatusRecordedSerializer(update).data
        return Response(body, status=status.HTTP_201_CREATED)


class IndicatorViewSet(ReadOnly):
    """Indicators with their target as structured data (`target`) and in words (`target_label`)."""

    serializer_class = serializers.IndicatorSerializer
    filterset_class = filters.IndicatorFilter

    def get_queryset(self) -> QuerySet[Indicator]:
        return in_visible_plans(self.request.user, Indicator)

    @extend_schema(
        request=serializers.IndicatorValueInputSerializer,
        responses={
            (200, "application/json"): serializers.IndicatorValueSerializer,
            **VERSIONED_PROBLEMS,
        },
        parameters=[
            OpenApiParameter(
                "If-Match",
                OpenApiTypes.STR,
                OpenApiParameter.HEADER,
                required=True,
                description="The `version` of the year's value you read; "
                '`If-Match: "0"` when the year has no value yet.',
            )
        ],
    )
    @route(detail=True, methods=["post"], url_path="values")
    def record_value(self, request: Request, pk: str) -> Response:
        """Enter (or correct) the indicator's value for a plan year, as its page does."""
        found = self.get_object()
        plan = get_plan_for_user(request.user, found.plan_id)
        indicator = tracking_queries.get_indicator(plan, found.pk)
        if not tracking_queries.can_update_indicator(request.user, indicator):
            raise exceptions.PermissionDenied(
                _(
                    "Seuls les éditeurs et les personnes qui portent l'action en saisissent les valeurs."
                )
            )
        seen = seen_version(request)
        form = serializers.IndicatorValueInputSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        data = form.validated_data
        try:
            entry = tracking_services.record_indicator_value(
                indicator=indicator,
                user=acting(request),
                plan_year=data["plan_year"],
                expected_version=seen,
                value=data.get("value"),
                done=data.get("done"),
                on_date=data.get("on_date"),
                note=data["note"],
                source=data["source"],
            )
        except StaleVersion as exc:
            raise stale(exc, seen) from None
        except tracking_services.TrackingError as exc:
            raise Refused(str(exc)) from None
        return Response(serializers.IndicatorValueSerializer(entry).data)


# --- Follow-up -------------------------------------------------------------------------------


class IndicatorValueViewSet(ReadOnly):
    """The values entered for the indicators (plan year 0 is the baseline)."""

    serializer_class = serializers.IndicatorValueSerializer
    filterset_class = filters.IndicatorValueFilter

    def get_queryset(self) -> QuerySet[IndicatorValue]:
        return tracking_queries.visible_values(self.request.user)


class StatusUpdateViewSet(ReadOnly):
    """The dated statuses of the actions, as their timelines show them."""

    serializer_class = serializers.StatusUpdateSerializer
    filterset_class = filters.StatusUpdateFilter

    def get_queryset(self) -> QuerySet[StatusUpdate]:
        return tracking_queries.visible_status_updates(self.request.user)


class ActivityViewSet(JalonApi, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):  # type: ignore[type-arg]
    """The activity log of the plans the person reads (meetings, newsletters, events…)."""

    serializer_class = serializers.ActivitySerializer
    filterset_class = filters.ActivityFilter

    def get_queryset(self) -> QuerySet[Activity]:
        return tracking_queries.visible_activities(self.request.user)

    def get_serializer_class(self) -> type[BaseSerializer[Any]]:
        if self.action == "create":
            return serializers.ActivityInputSerializer
        return serializers.ActivitySerializer

    @extend_schema(
        request=serializers.ActivityInputSerializer,
        responses={(201, "application/json"): serializers.ActivitySerializer, **WRITE_PROBLEMS},
    )
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """Log an activity of a plan (a creation: no If-Match, there is no earlier version)."""
        form = serializers.ActivityInputSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        data = form.validated_data
        plan = get_plan_for_user(request.user, data["plan"])
        if not tracking_queries.can_log(request.user, plan):
            raise exceptions.PermissionDenied(
                _(
                    "Seuls les contributeurs, éditeurs et administrateurs de l'organisation inscrivent des activités."
                )
            )
        actions = items_of_plan(plan, Action, data["actions"])
        indicators = items_of_plan(plan, Indicator, data["indicators"])
        missing = {
            "actions": sorted(set(data["actions"]) - {a.pk for a in actions}),
            "indicators": sorted(set(data["indicators"]) - {i.pk for i in indicators}),
        }
        errors = {
            key: [_("Pas dans ce plan : %(ids)s.") % {"ids": ", ".join(map(str, ids))}]
            for key, ids in missing.items()
            if ids
        }
        if errors:
            raise exceptions.ValidationError(errors)
        try:
            activity = tracking_services.log_activity(
                plan=plan,
                user=acting(request),
                kind=data["kind"],
                date=data["date"],
                title=data["title"],
                participants=data.get("participants"),
                actions=actions,
                indicators=indicators,
                notes=data["notes"],
                satisfaction=data.get("satisfaction"),
            )
        except tracking_services.TrackingError as exc:
            raise Refused(str(exc)) from None
        body = serializers.ActivitySerializer(activity).data
        return Response(body, status=status.HTTP_201_CREATED)


class ContactViewSet(ReadOnly):
    """The contacts log: only to the members of the plan's organization, as on its page."""

    serializer_class = serializers.ContactSerializer
    filterset_class = filters.ContactFilter

    def get_queryset(self) -> QuerySet[Contact]:
        return tracking_queries.readable_contacts(self.request.user)


class NoSuchEndpoint(JalonApi, APIView):
    """Any other address under /api/v1/: a problem document rather than the site's HTML 404."""

    permission_classes = [AllowAny]

    @extend_schema(exclude=True)
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        raise exceptions.NotFound(
            _(
                "Cette adresse n'existe pas dans l'API : la liste des ressources est dans "
                "/api/v1/schema/ (les adresses se terminent par « / »)."
            )
        )

    post = put = patch = delete = get

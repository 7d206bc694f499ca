"""Reading the library: who may see, download and change a resource, and browsing it.

Visibility: a public resource is for everyone; "members" for the members of its author's
network (the network itself and every organization under it); "organization" for the members
of its author organization. Search uses PostgreSQL full-text search (French stemming,
unaccented, `SEARCH_CONFIG` made by migration 0002) and, on SQLite, matches every word of the
query, casefolded and accent-folded, inside `search_text`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import Q, QuerySet
from django.http import Http404

from jalon.accounts.enums import Role
from jalon.accounts.queries import has_role, memberships_of, network_ids_of
from jalon.network.models import Organization, Region, Theme
from jalon.plans.models import Action, Indicator
from jalon.plans.queries import can_read_plan

from .enums import Sort, Visibility
from .models import Resource
from .text import words

SEARCH_CONFIG = "jalon_french"


def visible_resources(user: Any) -> QuerySet[Resource]:
    """The resources the user may see (and download)."""
    rule = Q(visibility=Visibility.PUBLIC)
    if getattr(user, "is_authenticated", False):
        if user.is_superuser:
            return Resource.objects.all()
        own = list(memberships_of(user))
        networks = network_ids_of(user)
        rule |= Q(visibility=Visibility.ORGANIZATION, organization_id__in=own)
        rule |= Q(visibility=Visibility.MEMBERS) & (
            Q(organization_id__in=networks) | Q(organization__parent_id__in=networks)
        )
    return Resource.objects.filter(rule)


def get_resource_for_user(user: Any, pk: int, *, write: bool = False) -> Resource:
    """The resource if the user may see it (and change it, with `write`), else 404."""
    resource = (
        visible_resources(user)
        .select_related("organization", "region", "produced_by__plan", "created_by")
        .filter(pk=pk)
        .first()
    )
    if resource is None or (write and not can_edit_resource(user, resource)):
        raise Http404
    return resource


def resource_exists(pk: int) -> bool:
    """Whether the resource exists at all (to ask a signed-out visitor to sign in, not 404)."""
    return Resource.objects.filter(pk=pk).exists()


def can_edit_resource(user: Any, resource: Resource) -> bool:
    """Editors of the author organization, and the person who shared it while still a member."""
    if has_role(user, resource.organization_id, Role.EDITOR):
        return True
    return (
        getattr(user, "is_authenticated", False)
        and resource.created_by_id == user.pk
        and has_role(user, resource.organization_id, Role.CONTRIBUTOR)
    )


def sharing_organizations(user: Any) -> QuerySet[Organization]:
    """The organizations in whose name the user may share a resource (contributor or more)."""
    if not getattr(user, "is_authenticated", False):
        return Organization.objects.none()
    if user.is_superuser:
        return Organization.objects.all()
    ids = [oid for oid in memberships_of(user) if has_role(user, oid, Role.CONTRIBUTOR)]
    return Organization.objects.filter(pk__in=ids)


def can_share(user: Any) -> bool:
    """Whether the user may share in at least one organization (from the cached memberships)."""
    if not getattr(user, "is_authenticated", False):
        return False
    return user.is_superuser or any(
        has_role(user, oid, Role.CONTRIBUTOR) for oid in memberships_of(user)
    )


def producing_actions(user: Any) -> QuerySet[Action]:
    """Actions a resource may say it was produced by: those of the user's organizations' plans."""
    organizations = sharing_organizations(user)
    return Action.objects.filter(plan__organization__in=organizations).select_related("plan")


def get_action_for_user(user: Any, plan_pk: int, action_pk: int) -> Action:
    """The plan's action if the user may read its plan, else 404."""
    action = Action.objects.select_related("plan").filter(pk=action_pk, plan_id=plan_pk).first()
    if action is None or not can_read_plan(user, action.plan):
        raise Http404
    return action


def countable_indicators(user: Any) -> QuerySet[Indicator]:
    """Indicators a resource may be counted by: those of the user's organizations' plans."""
    return Indicator.objects.filter(plan__organization__in=sharing_organizations(user))


def resources_of_action(user: Any, action: Action) -> list[Resource]:
    """The resources an action produced, among those the user may see."""
    return list(visible_resources(user).filter(produced_by=action).select_related("organization"))


@dataclass
class Filters:
    text: str = ""
    kind: str = ""
    theme: Theme | None = None
    region: Region | None = None
    sort: str = Sort.NEWEST
    themes: list[Theme] = field(default_factory=list)


def search(user: Any, filters: Filters) -> QuerySet[Resource]:
    """The visible resources matching the filters, sorted; each page costs a fixed few queries."""
    found = visible_resources(user)
    if filters.kind:
        found = found.filter(kind=filters.kind)
    if filters.theme is not None:
        found = found.filter(themes=filters.theme)
    if filters.region is not None:
        found = found.filter(region=filters.region)
    if filters.text.strip():
        if connection.vendor == "postgresql":
            query = SearchQuery(filters.text, config=SEARCH_CONFIG, search_type="websearch")
            found = found.filter(search_vector=query)
        else:
            for word in words(filters.text):
                found = found.filter(search_text__contains=word)
    order = ["-published_on", "-id"]
    if filters.sort == Sort.DOWNLOADS:
        order = ["-downloads", *order]
    return (
        found.order_by(*order).select_related("organization", "region").prefetch_related("themes")
    )

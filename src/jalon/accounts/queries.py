"""Reads about users and their roles; the permission rules of organizations live here."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from jalon.network.models import Organization

from .enums import Role, role_at_least
from .models import Membership


def memberships_of(user: Any) -> dict[int, Membership]:
    """The user's memberships by organization id (cached on the user for the request)."""
    if not getattr(user, "is_authenticated", False):
        return {}
    cache = getattr(user, "_jalon_memberships", None)
    if cache is None:
        cache = {
            m.organization_id: m
            for m in Membership.objects.filter(user=user).select_related("organization")
        }
        user._jalon_memberships = cache
    return cache


def role_in(user: Any, organization_id: int | None) -> str | None:
    """The user's role in the organization, or None. Superusers act as administrators everywhere."""
    if organization_id is None or not getattr(user, "is_authenticated", False):
        return None
    if user.is_superuser:
        return Role.ADMIN
    membership = memberships_of(user).get(organization_id)
    return membership.role if membership else None


def has_role(user: Any, organization_id: int | None, minimum: str) -> bool:
    role = role_in(user, organization_id)
    return role is not None and role_at_least(role, minimum)


def network_ids_of(user: Any) -> set[int]:
    """Networks whose member the user belongs to: the parents of the user's organizations, and those organizations."""
    ids: set[int] = set()
    for membership in memberships_of(user).values():
        ids.add(membership.organization_id)
        if membership.organization.parent_id:
            ids.add(membership.organization.parent_id)
    return ids


def organizations_administered_by(user: Any) -> QuerySet[Organization]:
    """Organizations the user may administer: where they are administrator, and the members of networks they administer."""
    if not getattr(user, "is_authenticated", False):
        return Organization.objects.none()
    if user.is_superuser:
        return Organization.objects.all()
    admin_ids = [oid for oid, m in memberships_of(user).items() if m.role == Role.ADMIN]
    from django.db.models import Q

    return Organization.objects.filter(Q(pk__in=admin_ids) | Q(parent_id__in=admin_ids))


def positions_in(organization_id: int) -> set[str]:
    """The positions its members hold in the organization ("Coordination", "Agent de liaison")."""
    return set(
        Membership.objects.filter(organization_id=organization_id)
        .exclude(position="")
        .values_list("position", flat=True)
    )

"""Reads about users and their roles; the permission rules of organizations live here.

Rules (tested in tests/accounts/test_queries.py and, view by view, in tests/accounts/test_cast.py):
- a user's role in an organization comes from their membership; superusers act as administrators
  everywhere;
- the people of an organization (memberships, invitations) are managed by its administrators and
  by the administrators of its parent network (`network.queries.organizations_administered_by`);
- everybody else who is signed in gets 403 on those pages; anonymous visitors are sent to sign in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

if TYPE_CHECKING:  # network imports these rules: accounts names its model for mypy only
    from jalon.network.models import Organization

from .enums import Role, role_at_least
from .models import Invitation, Membership, User


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
        user._jalon_memberships = cache  # noqa: SLF001 (a cache of this request, kept on its user)
    return cache


def forget_memberships(user: Any) -> None:
    """Drop the per-request cache after a membership of this user changed."""
    if user is not None and hasattr(user, "_jalon_memberships"):
        del user._jalon_memberships  # noqa: SLF001 (see memberships_of)


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


def _admin_ids(user: Any) -> list[int]:
    return [oid for oid, m in memberships_of(user).items() if m.role == Role.ADMIN]


def can_administer(user: Any, organization: Organization) -> bool:
    """Administrator of the organization, or of the network it belongs to (its parent)."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    admin_ids = set(_admin_ids(user))
    return organization.pk in admin_ids or (
        organization.parent_id is not None and organization.parent_id in admin_ids
    )


def can_administer_as_network(user: Any, organization: Organization) -> bool:
    """Administrator of the organization's parent network: may change its status, kind and parent."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    return organization.parent_id is not None and has_role(user, organization.parent_id, Role.ADMIN)


def get_membership_to_administer(user: Any, pk: int) -> Membership:
    membership = (
        Membership.objects.select_related("user", "organization", "organization__parent")
        .filter(pk=pk)
        .first()
    )
    if membership is None:
        raise Http404
    if not can_administer(user, membership.organization):
        raise PermissionDenied
    return membership


def get_invitation_to_administer(user: Any, pk: int) -> Invitation:
    invitation = Invitation.objects.select_related("organization").filter(pk=pk).first()
    if invitation is None:
        raise Http404
    if not can_administer(user, invitation.organization):
        raise PermissionDenied
    return invitation


def invitation_by_token(token: str) -> Invitation | None:
    """The invitation a link carries, whatever its state (the page explains expired or used links)."""
    return (
        Invitation.objects.select_related("organization", "invited_by", "accepted_by")
        .filter(token=token)
        .first()
    )


def people_of(organization: Organization) -> list[Membership]:
    """Memberships of the organization with their users, administrators first, then by name."""
    order = {Role.ADMIN: 0, Role.EDITOR: 1, Role.CONTRIBUTOR: 2, Role.READER: 3}
    memberships = list(
        Membership.objects.filter(organization=organization)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "user__username")
    )
    memberships.sort(key=lambda m: order.get(Role(m.role), 9))
    return memberships


#: The history reason of a membership that its holder gave themself (a network administrator).
#: Stored as is (French, as every reason); accounts.services writes it.
SELF_GRANT_REASON = "Accès que s'est donné un administrateur du réseau"


def self_granted_memberships(organization: Organization) -> list[Any]:
    """Memberships that their holder gave themself (a network administrator), newest first.

    History records, with the holder and the moment: the people page shows them to the
    organization's administrators, also once the person has left.
    """
    return list(
        Membership.history.filter(
            organization=organization, history_type="+", history_change_reason=SELF_GRANT_REASON
        )
        .select_related("user")
        .order_by("-history_date")
    )


def pending_invitations_of(organization: Organization) -> QuerySet[Invitation]:
    """Invitations not yet accepted (expired ones included, so they can be sent again or cancelled)."""
    return (
        Invitation.objects.filter(organization=organization, accepted_at__isnull=True)
        .select_related("invited_by")
        .order_by("-created_at")
    )


def profile_memberships(user: Any) -> list[Membership]:
    """The user's memberships for their profile and home page, with each organization's network."""
    if not getattr(user, "is_authenticated", False):
        return []
    return list(
        Membership.objects.filter(user=user)
        .select_related("organization", "organization__parent", "organization__region")
        .order_by("organization__name")
    )


def user_with_email(email: str) -> User | None:
    if not email:
        return None
    return User.objects.filter(email__iexact=email.strip()).first()


def positions_in(organization_id: int) -> set[str]:
    """The positions its members hold in the organization ("Coordination", "Agent de liaison")."""
    return set(
        Membership.objects.filter(organization_id=organization_id)
        .exclude(position="")
        .values_list("position", flat=True)
    )

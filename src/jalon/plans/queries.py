"""Reads of plans, and the one place that says who may see or change a plan.

Rules (tested in tests/plans/test_access.py against a cast of users):
- members of the plan's organization read it, whatever their role;
- editors and administrators of the organization change everything in its plans;
- contributors change the actions they carry (see `can_update_action`);
- members of a network (its member organizations) read the network's *adopted* plans;
- nobody else sees anything: the plan answers 404, as if it did not exist.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from jalon.accounts.enums import Role
from jalon.accounts.queries import has_role, memberships_of, network_ids_of, role_in

from .enums import PlanState
from .models import Action, Plan


def visible_plans(user: Any) -> QuerySet[Plan]:
    """Plans the user may read."""
    if not getattr(user, "is_authenticated", False):
        return Plan.objects.none()
    if user.is_superuser:
        return Plan.objects.all()
    own = list(memberships_of(user))
    networks = network_ids_of(user) - set(own)
    return Plan.objects.filter(
        Q(organization_id__in=own) | Q(organization_id__in=networks, state=PlanState.ADOPTED)
    )


def can_read_plan(user: Any, plan: Plan) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if role_in(user, plan.organization_id) is not None:
        return True
    return plan.state == PlanState.ADOPTED and plan.organization_id in network_ids_of(user)


def can_edit_plan(user: Any, plan: Plan) -> bool:
    return has_role(user, plan.organization_id, Role.EDITOR)


def carries_action(
    user: Any,
    action: Action,
    actor_names: list[str] | None = None,
    actor_user_ids: list[int | None] | None = None,
) -> bool:
    """Whether the user carries the action: named as its actor, or holding a position the action names.

    Pass `actor_names`/`actor_user_ids` when the actors are already loaded to avoid a query.
    """
    if not getattr(user, "is_authenticated", False):
        return False
    if actor_names is None or actor_user_ids is None:
        actors = list(action.actors.all())
        actor_names = [a.name for a in actors]
        actor_user_ids = [a.user_id for a in actors]
    if user.pk in actor_user_ids:
        return True
    membership = memberships_of(user).get(action.plan.organization_id)
    if membership is None or not membership.position:
        return False
    position = membership.position.casefold().strip()
    return any(name.casefold().strip() == position for name in actor_names)


def can_update_action(user: Any, action: Action) -> bool:
    """Editors update every action of their organization's plans; contributors those they carry."""
    plan = action.plan
    if has_role(user, plan.organization_id, Role.EDITOR):
        return True
    return has_role(user, plan.organization_id, Role.CONTRIBUTOR) and carries_action(user, action)


def get_plan_for_user(user: Any, pk: int, *, write: bool = False) -> Plan:
    """The plan if the user may read it (or change it, with write=True); 404 otherwise, 403 never leaks existence."""
    try:
        plan = Plan.objects.select_related("organization").get(pk=pk)
    except (Plan.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if not can_read_plan(user, plan):
        raise Http404
    if write and not can_edit_plan(user, plan):
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied
    return plan

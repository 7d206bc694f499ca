"""Reads of plans, and the one place that says who may see or change a plan.

Rules (tested in tests/plans/test_access.py against a cast of users):
- members of the plan's organization read it, whatever their role;
- editors and administrators of the organization change everything in its plans;
- contributors change the actions they carry (see `can_update_action`);
- members of a network (its member organizations) read the network's *adopted* plans;
- an adopted plan its organization shares with its network (`Plan.sharing`, "network") is read
  by the editors and administrators of the networks above it (its parent and its parent's
  parent: the regional body and the national network), never changed by them;
- an adopted plan shared as "public" is read by anyone, signed in or not;
- a draft is never shared, whatever its setting: sharing starts at adoption;
- nobody else sees anything: the plan answers 404, as if it did not exist.
Only the organization's own editors change a plan or its sharing (`can_edit_plan`).

Reading a whole plan (`plan_tree`, `plan_as_draft`) runs a fixed number of queries, whatever
the size of the plan: one per level of the tree, children fetched by plan rather than by a
list of parent ids, and assembled in Python.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.urls import reverse

from jalon.accounts.enums import Role
from jalon.accounts.queries import has_role, memberships_of, network_ids_of, role_in
from jalon.network.models import Organization, Theme

from .enums import ActionStatus, Numbering, PlanKind, PlanSharing, PlanState
from .interchange import (
    ActionDraft,
    ImportReport,
    IndicatorDraft,
    ObjectiveDraft,
    OrientationDraft,
    PlanDraft,
    ocr_pages_of,
)
from .models import (
    Action,
    ActionActor,
    ExpectedResult,
    Indicator,
    Objective,
    ObjectiveContribution,
    Orientation,
    Plan,
    Revision,
)
from .target_text import describe_target
from .targets import parse_target

# --- Access -------------------------------------------------------------------------------


def _editor_ids(user: Any) -> set[int]:
    """Organizations where the user is an editor or an administrator (from the cached memberships)."""
    return {oid for oid in memberships_of(user) if has_role(user, oid, Role.EDITOR)}


def _shared_with_networks() -> Q:
    return Q(state=PlanState.ADOPTED, sharing__in=(PlanSharing.NETWORK, PlanSharing.PUBLIC))


def _public() -> Q:
    return Q(state=PlanState.ADOPTED, sharing=PlanSharing.PUBLIC)


def visible_plans(user: Any) -> QuerySet[Plan]:
    """Plans the user may read: the rules of the module docstring, as one filter."""
    if not getattr(user, "is_authenticated", False):
        return Plan.objects.filter(_public())
    if user.is_superuser:
        return Plan.objects.all()
    own = list(memberships_of(user))
    networks = network_ids_of(user) - set(own)
    editing = _editor_ids(user)
    return Plan.objects.filter(
        Q(organization_id__in=own)
        | Q(organization_id__in=networks, state=PlanState.ADOPTED)
        | (
            _shared_with_networks()
            & (
                Q(organization__parent_id__in=editing)
                | Q(organization__parent__parent_id__in=editing)
            )
        )
        | _public()
    )


PlanItem = TypeVar("PlanItem", Orientation, Objective, Action, Indicator)
Linkable = TypeVar("Linkable", Action, Indicator)


def in_visible_plans(user: Any, model: type[PlanItem]) -> QuerySet[PlanItem]:
    """The orientations, objectives, actions or indicators of the plans the user may read."""
    return model._default_manager.filter(plan__in=visible_plans(user))


def visible_actions(user: Any) -> QuerySet[Action]:
    """The actions of the plans the user reads, with their actors, results and themes (3 prefetches)."""
    return in_visible_plans(user, Action).prefetch_related(
        Prefetch("actors", queryset=ActionActor.objects.order_by("order", "id")),
        Prefetch("expected_results", queryset=ExpectedResult.objects.order_by("order", "id")),
        "themes",
    )


def items_of_plan(plan: Plan, model: type[Linkable], ids: list[int]) -> list[Linkable]:
    """The plan's actions or indicators among these ids (others are left out: compare lengths)."""
    return list(model._default_manager.filter(plan=plan, pk__in=ids))


def _network_ancestors(organization: Organization) -> set[int]:
    """The networks above an organization: its parent and its parent's parent."""
    ids: set[int] = set()
    parent = organization.parent if organization.parent_id else None
    if parent is not None:
        ids.add(parent.pk)
        if parent.parent_id:
            ids.add(parent.parent_id)
    return ids


def can_read_plan(user: Any, plan: Plan) -> bool:
    """The same rules as `visible_plans`, for one plan already loaded with its organization's parent."""
    adopted = plan.state == PlanState.ADOPTED
    if adopted and plan.sharing == PlanSharing.PUBLIC:
        return True
    if not getattr(user, "is_authenticated", False):
        return False
    if role_in(user, plan.organization_id) is not None:
        return True
    if adopted and plan.organization_id in network_ids_of(user):
        return True
    if not adopted or plan.sharing != PlanSharing.NETWORK:
        return False
    editing = _editor_ids(user)  # from the cached memberships: no query
    # Only then the organization's parents (loaded with it by get_plan_for_user).
    return bool(editing) and bool(_network_ancestors(plan.organization) & editing)


def can_create_plans(user: Any) -> bool:
    """Whether the user edits plans in at least one organization (from the cached memberships)."""
    if not getattr(user, "is_authenticated", False):
        return False
    return bool(user.is_superuser) or any(
        has_role(user, org_id, Role.EDITOR) for org_id in memberships_of(user)
    )


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
        plan = Plan.objects.select_related("organization__parent").get(pk=pk)
    except (Plan.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if not can_read_plan(user, plan):
        raise Http404
    if write and not can_edit_plan(user, plan):
        raise PermissionDenied
    return plan


def get_action_in_plan(plan: Plan, action_pk: int) -> Action:
    """The action of this plan (whose access was already checked), or 404."""
    try:
        action = Action.objects.select_related("objective__orientation").get(
            pk=action_pk, plan=plan
        )
    except (Action.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    action.plan = plan
    return action


# --- Lists --------------------------------------------------------------------------------


def plan_list(
    user: Any, *, organization: Organization | None = None, state: str = ""
) -> list[Plan]:
    """The plans the user may read, newest period first within each organization, with their size."""
    plans = visible_plans(user)
    if organization is not None:
        plans = plans.filter(organization=organization)
    if state:
        plans = plans.filter(state=state)
    return list(
        plans.select_related("organization")
        .annotate(action_count=Count("actions", distinct=True))
        .order_by("organization__name", "-period_start", "title", "pk")
    )


def organizations_with_visible_plans(user: Any) -> list[Organization]:
    return list(
        Organization.objects.filter(plans__in=visible_plans(user)).distinct().order_by("name")
    )


def organization_by_slug(slug: str) -> Organization | None:
    return Organization.objects.filter(slug=slug).first()


def plan_revisions(plan: Plan) -> list[Revision]:
    return list(plan.revisions.select_related("created_by").order_by("number"))


# --- Indicator targets --------------------------------------------------------------------


def parse_indicator_target(text: str) -> dict[str, Any] | None:
    return parse_target(text)


def describe_indicator_target(target: dict[str, Any] | None) -> str:
    if not target:
        return ""
    return describe_target(target)


# --- The whole tree -----------------------------------------------------------------------


@dataclass
class IndicatorNode:
    indicator: Indicator
    target_label: str = ""


@dataclass
class ActionNode:
    action: Action
    actors: list[ActionActor] = field(default_factory=list)
    expected_results: list[ExpectedResult] = field(default_factory=list)
    indicators: list[IndicatorNode] = field(default_factory=list)
    themes: list[Theme] = field(default_factory=list)
    year_marks: list[bool] = field(default_factory=list)

    @property
    def years(self) -> list[int]:
        return list(self.action.schedule_years or [])


@dataclass
class ObjectiveNode:
    objective: Objective
    actions: list[ActionNode] = field(default_factory=list)
    indicators: list[IndicatorNode] = field(default_factory=list)  # the objective's own

    @property
    def row_count(self) -> int:
        return max(1, len(self.actions))


@dataclass
class OrientationNode:
    orientation: Orientation
    objectives: list[ObjectiveNode] = field(default_factory=list)

    @property
    def action_count(self) -> int:
        return sum(len(o.actions) for o in self.objectives)


@dataclass(frozen=True)
class YearColumn:
    number: int
    short_label: str  # "An 1"
    label: str  # "2017-2018 (An 1)"
    span: str  # "2017-2018"


@dataclass
class PlanTree:
    plan: Plan
    orientations: list[OrientationNode]
    year_columns: list[YearColumn]

    def iter_actions(self) -> Iterator[ActionNode]:
        for orientation in self.orientations:
            for objective in orientation.objectives:
                yield from objective.actions

    @property
    def action_count(self) -> int:
        return sum(o.action_count for o in self.orientations)

    @property
    def columns(self) -> dict[str, bool]:
        """Which optional columns the plan page shows: those the plan fills, like its document."""
        nodes = list(self.iter_actions())
        return {
            "actors": any(n.actors for n in nodes),
            "years": bool(self.year_columns),
            "timing": any(n.action.timing for n in nodes),
            "results": any(n.expected_results for n in nodes),
            "indicators": any(n.indicators for n in nodes),
            "objective_indicators": any(
                ob.indicators for o in self.orientations for ob in o.objectives
            ),
            "status": any(n.action.status or n.action.progress_note for n in nodes),
        }


def _year_columns(plan: Plan, max_scheduled: int) -> list[YearColumn]:
    years = plan.years
    columns = [YearColumn(y.number, y.short_label, y.label, y.label.split(" (")[0]) for y in years]
    for number in range(len(columns) + 1, max_scheduled + 1):
        columns.append(YearColumn(number, f"An {number}", f"An {number}", ""))
    if len(columns) < 2 and max_scheduled == 0:
        return []  # a one-year plan: its document has no year columns
    return columns


def plan_tree(plan: Plan, *, with_targets: bool = True) -> PlanTree:
    """The whole plan, ordered as written, in seven queries whatever its size."""
    orientations = list(Orientation.objects.filter(plan=plan).order_by("order", "id"))
    objectives = list(Objective.objects.filter(plan=plan).order_by("order", "id"))
    actions = list(Action.objects.filter(plan=plan).order_by("order", "id"))
    actors = ActionActor.objects.filter(action__plan=plan).order_by("order", "id")
    results = ExpectedResult.objects.filter(action__plan=plan).order_by("order", "id")
    indicators = Indicator.objects.filter(plan=plan).order_by("order", "id")
    theme_links = (
        Action.themes.through.objects.filter(action__plan=plan)
        .select_related("theme")
        .order_by("theme__name")
    )

    action_nodes: dict[int, ActionNode] = {a.pk: ActionNode(action=a) for a in actions}
    for actor in actors:
        action_nodes[actor.action_id].actors.append(actor)
    for result in results:
        action_nodes[result.action_id].expected_results.append(result)
    objective_nodes = {o.pk: ObjectiveNode(objective=o) for o in objectives}
    for indicator in indicators:
        label = describe_indicator_target(indicator.target) if with_targets else ""
        if indicator.action_id is not None:
            action_nodes[indicator.action_id].indicators.append(IndicatorNode(indicator, label))
        elif indicator.objective_id is not None:
            objective_nodes[indicator.objective_id].indicators.append(
                IndicatorNode(indicator, label)
            )
    for link in theme_links:
        action_nodes[link.action_id].themes.append(link.theme)

    for action in actions:
        node = objective_nodes[action.objective_id]
        action.plan = plan
        action.objective = node.objective
        node.actions.append(action_nodes[action.pk])
    orientation_nodes = {o.pk: OrientationNode(orientation=o) for o in orientations}
    for objective in objectives:
        orientation_node = orientation_nodes[objective.orientation_id]
        objective.plan = plan
        objective.orientation = orientation_node.orientation
        orientation_node.objectives.append(objective_nodes[objective.pk])
    for objective_node in objective_nodes.values():
        for i_node in objective_node.indicators:
            i_node.indicator.objective = objective_node.objective
    for orientation in orientations:
        orientation.plan = plan

    max_scheduled = max((max(a.schedule_years or [0]) for a in actions), default=0)
    columns = _year_columns(plan, max_scheduled)
    for action_node in action_nodes.values():
        years = set(action_node.action.schedule_years or [])
        action_node.year_marks = [c.number in years for c in columns]
    return PlanTree(
        plan=plan,
        orientations=[orientation_nodes[o.pk] for o in orientations],
        year_columns=columns,
    )


# --- Filters of the plan page -------------------------------------------------------------


def _fold(text: str) -> str:
    """Lower case without accents, so that "reseau" finds "Réseau"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class PlanFilters:
    actor: str = ""
    year: int | None = None
    theme: str = ""  # theme slug
    text: str = ""

    @property
    def active(self) -> bool:
        return bool(self.actor or self.year or self.theme or self.text.strip())


def _matches(node: ActionNode, objective: Objective, filters: PlanFilters) -> bool:
    if filters.actor:
        wanted = _fold(filters.actor)
        if not any(_fold(a.name) == wanted for a in node.actors):
            return False
    if filters.year and filters.year not in node.years:
        return False
    if filters.theme and not any(t.slug == filters.theme for t in node.themes):
        return False
    words = _fold(filters.text).split()
    if words:
        action = node.action
        haystack = _fold(
            " ".join(
                [
                    action.code,
                    action.title,
                    action.timing,
                    action.progress_note,
                    objective.code,
                    objective.title,
                    *(a.name for a in node.actors),
                    *(r.text for r in node.expected_results),
                    *(i.indicator.text for i in node.indicators),
                ]
            )
        )
        if not all(word in haystack for word in words):
            return False
    return True


def filter_tree(tree: PlanTree, filters: PlanFilters) -> PlanTree:
    """The tree keeping only the actions that match; empty branches are dropped while filtering."""
    if not filters.active:
        return tree
    orientations = []
    for orientation in tree.orientations:
        objectives = []
        for objective in orientation.objectives:
            kept = [a for a in objective.actions if _matches(a, objective.objective, filters)]
            if kept:
                objectives.append(ObjectiveNode(objective.objective, kept, objective.indicators))
        if objectives:
            orientations.append(OrientationNode(orientation.orientation, objectives))
    return PlanTree(plan=tree.plan, orientations=orientations, year_columns=tree.year_columns)


@dataclass(frozen=True)
class FilterChoices:
    actors: list[str]
    years: list[YearColumn]
    themes: list[Theme]


def filter_choices(tree: PlanTree) -> FilterChoices:
    actors: dict[str, str] = {}
    themes: dict[int, Theme] = {}
    scheduled = False
    for node in tree.iter_actions():
        scheduled = scheduled or bool(node.action.schedule_years)
        for actor in node.actors:
            actors.setdefault(_fold(actor.name), actor.name)
        for theme in node.themes:
            themes[theme.pk] = theme
    return FilterChoices(
        actors=sorted(actors.values(), key=_fold),
        years=tree.year_columns if scheduled else [],
        themes=sorted(themes.values(), key=lambda t: _fold(t.name)),
    )


# --- One action ---------------------------------------------------------------------------


@dataclass
class ActionDetail:
    node: ActionNode
    year_columns: list[YearColumn]
    history: list[Any]


def action_detail(plan: Plan, action: Action, *, history_limit: int = 25) -> ActionDetail:
    """Everything about one action, in a fixed number of queries."""
    node = ActionNode(
        action=action,
        actors=list(action.actors.order_by("order", "id")),
        expected_results=list(action.expected_results.order_by("order", "id")),
        indicators=[
            IndicatorNode(i, describe_indicator_target(i.target))
            for i in action.indicators.order_by("order", "id")
        ],
        themes=list(action.themes.order_by("name")),
    )
    columns = _year_columns(plan, max(action.schedule_years or [0]))
    years = set(action.schedule_years or [])
    node.year_marks = [c.number in years for c in columns]
    history = list(
        action.history.select_related("history_user").order_by("-history_date", "-history_id")[
            :history_limit
        ]
    )
    return ActionDetail(node=node, year_columns=columns, history=history)


# --- The plan as a jalon-plan/1 draft -----------------------------------------------------


def _opt(text: str | None) -> str | None:
    return text if text else None


def _indicator_draft(indicator: Indicator, with_ids: bool) -> IndicatorDraft:
    extra: dict[str, Any] = {"id": indicator.pk} if with_ids else {}
    if indicator.target_is_manual:
        extra["target_is_manual"] = True
    return IndicatorDraft(
        text=indicator.text, kind=_opt(indicator.kind), target=indicator.target, extra=extra
    )


def plan_as_draft(plan: Plan, *, with_ids: bool = False) -> PlanDraft:
    """The plan as a `PlanDraft`, so that export → import → export gives the same JSON.

    `with_ids` adds each item's id under an extra `id` key (revision snapshots use it to
    follow an item whose code or text changed).
    """
    tree = plan_tree(plan, with_targets=False)

    def ids(pk: int) -> dict[str, Any]:
        return {"id": pk} if with_ids else {}

    orientations = []
    for o_node in tree.orientations:
        orientation = o_node.orientation
        objectives = []
        for ob_node in o_node.objectives:
            objective = ob_node.objective
            actions = []
            for node in ob_node.actions:
                action = node.action
                extra: dict[str, Any] = ids(action.pk)
                if node.themes:
                    extra["themes"] = [t.name for t in node.themes]
                actions.append(
                    ActionDraft(
                        title=action.title,
                        code=_opt(action.code),
                        actors=[a.name for a in node.actors],
                        expected_results=[r.text for r in node.expected_results],
                        indicators=[
                            _indicator_draft(i.indicator, with_ids) for i in node.indicators
                        ],
                        schedule_years=list(action.schedule_years)
                        if action.schedule_years is not None
                        else None,
                        timing=_opt(action.timing),
                        status=_opt(action.status),
                        progress_note=_opt(action.progress_note),
                        extra=extra,
                    )
                )
            objectives.append(
                ObjectiveDraft(
                    title=objective.title,
                    code=_opt(objective.code),
                    kind=_opt(objective.kind),
                    actions=actions,
                    indicators=[
                        _indicator_draft(i.indicator, with_ids) for i in ob_node.indicators
                    ],
                    extra=ids(objective.pk),
                )
            )
        orientations.append(
            OrientationDraft(
                title=orientation.title,
                code=_opt(orientation.code),
                objectives=objectives,
                extra=ids(orientation.pk),
            )
        )
    plan_extra: dict[str, Any] = ids(plan.pk)
    if plan.kind != PlanKind.ACTION:
        plan_extra["kind"] = plan.kind
    if plan.numbering != Numbering.AS_WRITTEN:
        plan_extra["numbering"] = plan.numbering
    report = None
    if isinstance(plan.import_report, dict):
        report = ImportReport(
            format_detected=plan.import_report.get("format_detected"),
            warnings=list(plan.import_report.get("warnings") or []),
            unplaced=list(plan.import_report.get("unplaced") or []),
            ocr=ocr_pages_of(plan.import_report.get("ocr")),
        )
    return PlanDraft(
        organization=plan.owner_name,
        title=plan.title,
        source=_opt(plan.source),
        period_start=plan.period_start,
        period_end=plan.period_end,
        fiscal_year_start_month=plan.fiscal_year_start_month,
        updated_on=plan.document_updated_on,
        mission=_opt(plan.mission),
        vision=_opt(plan.vision),
        global_objective=_opt(plan.global_objective),
        values=list(plan.values or []),
        mandates=list(plan.mandates or []),
        notes=list(plan.notes or []),
        glossary=dict(plan.glossary or {}),
        orientations=orientations,
        import_report=report,
        extra=plan_extra,
    )


def status_counts(tree: PlanTree) -> list[tuple[str, str, int]]:
    """(status, its label, how many actions) for the statuses the plan's actions are in."""
    counts: dict[str, int] = defaultdict(int)
    for node in tree.iter_actions():
        if node.action.status:
            counts[node.action.status] += 1
    return [(s.value, str(s.label), counts[s.value]) for s in ActionStatus if counts[s.value]]


# --- Organizations named by documents -----------------------------------------------------

_ACRONYM_AT_END = re.compile(r"^(?P<name>.*?)\s*\((?P<acronym>[^()]{1,40})\)\s*$")


def split_owner_name(text: str) -> tuple[str, str]:
    """ "Réseau québécois de développement social (RQDS)" → (name, "RQDS")."""
    match = _ACRONYM_AT_END.match(text.strip())
    if match and match.group("name"):
        return match.group("name").strip(), match.group("acronym").strip()
    return text.strip(), ""


def organization_named(text: str) -> Organization | None:
    """The organization a document names, by its acronym in parentheses or by its name."""
    name, acronym = split_owner_name(text)
    if acronym:
        found = list(Organization.objects.filter(acronym__iexact=acronym)[:2])
        if len(found) == 1:
            return found[0]
    for candidate in (text.strip(), name):
        if candidate:
            match = Organization.objects.filter(name__iexact=candidate).order_by("pk").first()
            if match is not None:
                return match
    return None


def organization_by_acronym(acronym: str) -> list[Organization]:
    """Organizations with this acronym (or slug): one, none, or several to choose from."""
    return list(
        Organization.objects.filter(Q(acronym__iexact=acronym) | Q(slug=acronym)).order_by("pk")
    )


# --- Alignment: a member's objectives contribute to its network's ---------------------------


def network_objectives_for(plan: Plan) -> list[Objective]:
    """Objectives of the adopted plans of the networks above the plan's organization (1 query)."""
    above = _network_ancestors(plan.organization)
    if not above:
        return []
    return list(
        Objective.objects.filter(plan__organization_id__in=above, plan__state=PlanState.ADOPTED)
        .select_related("plan__organization", "orientation")
        .order_by("plan__organization__name", "plan_id", "orientation__order", "order", "pk")
    )


def plan_contributions(plan: Plan) -> dict[int, set[int]]:
    """For each objective of a member's plan, the network objectives it contributes to (1 query)."""
    links: dict[int, set[int]] = defaultdict(set)
    for objective_id, network_id in ObjectiveContribution.objects.filter(
        objective__plan=plan
    ).values_list("objective_id", "network_objective_id"):
        links[objective_id].add(network_id)
    return links


@dataclass
class Contributors:
    objective: Objective
    by_region: list[tuple[str, list[ObjectiveContribution]]] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(len(items) for _, items in self.by_region)


def contributors_to(plan: Plan, user: Any) -> list[Contributors]:
    """The network plan's objectives, each with the members' objectives that contribute to it,
    grouped by the member's region; only contributions from plans the user reads (2 queries)."""
    objectives = list(
        plan.objectives.select_related("orientation").order_by("orientation__order", "order", "pk")
    )
    contributions = (
        ObjectiveContribution.objects.filter(
            network_objective__plan=plan, objective__plan__in=visible_plans(user)
        )
        .select_related("objective__plan__organization__region")
        .order_by("objective__plan__organization__name", "objective__pk")
    )
    grouped: dict[int, dict[str, list[ObjectiveContribution]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for contribution in contributions:
        region = contribution.objective.plan.organization.region
        grouped[contribution.network_objective_id][region.name if region else "—"].append(
            contribution
        )
    return [
        Contributors(objective=o, by_region=sorted(grouped.get(o.pk, {}).items()))
        for o in objectives
    ]


# --- Geolocated actions (the network's map) -----------------------------------------------


def geolocated_actions(user: Any, *, status: str = "") -> list[Action]:
    """Actions that have coordinates, in the plans the user reads (1 query)."""
    actions = Action.objects.filter(
        plan__in=visible_plans(user), latitude__isnull=False, longitude__isnull=False
    )
    if status:
        actions = actions.filter(status=status)
    return list(actions.select_related("plan__organization").order_by("plan_id", "order", "pk"))


def actions_geojson(actions: list[Action]) -> dict[str, Any]:
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": {
                    "type": "Point",
                    "coordinates": [float(a.longitude or 0), float(a.latitude or 0)],
                },
                "properties": {
                    "name": f"{a.code} {a.title}".strip(),
                    "kind_label": a.plan.organization.short_name,
                    "status": "action",
                    "status_label": str(a.get_status_display()) if a.status else "",
                    "city": a.place,
                    "url": reverse("plans:action", kwargs={"pk": a.plan_id, "action_pk": a.pk}),
                },
            }
            for a in actions
        ],
        "unplaced": 0,
    }

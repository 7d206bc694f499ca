"""Writes of plans: a draft becomes a plan, a plan is adopted, revised and renumbered.

Every function is keyword-only, typed, atomic, and records history (django-simple-history)
with the user who acted. `create_plan_from_draft` is the one way a `PlanDraft` becomes a plan:
the importer's review page, `jalon import`, the builder and the demo all call it. It writes
each level of the tree with one bulk insert (and one bulk insert of its history), so a plan
of 400 actions costs a few queries per level, not per item.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict
from decimal import Decimal
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from jalon.accounts.models import User
from jalon.accounts.queries import positions_in
from jalon.core.concurrency import locked_at_version
from jalon.core.history import actor, short_reason, stamp
from jalon.network.enums import MemberStatus, OrganizationKind
from jalon.network.models import Organization, Theme

from .diff import RevisionDiff
from .diff import revision_diff as _revision_diff
from .enums import ActorKind, Numbering, PlanKind, PlanSharing, PlanState
from .interchange import ActionDraft, InterchangeError, PlanDraft, draft_to_dict
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
from .numbering import Branch, codes
from .queries import network_objectives_for, parse_indicator_target, plan_as_draft
from .signals import plan_created_from_draft

M = TypeVar("M", bound=models.Model)

CREATED_REASON = "Création à partir d'un brouillon"
RENUMBERED_REASON = "Renumérotation"


def _fold(text: str) -> str:
    return " ".join(text.replace("’", "'").casefold().split())


# --- Checking a draft against the database's limits --------------------------------------


def _check_length(value: str | None, limit: int, path: str) -> None:
    if value and len(value) > limit:
        raise InterchangeError(
            path,
            f"dépasse {limit} caractères ({len(value)})",
            f"is longer than {limit} characters ({len(value)})",
        )


def check_draft(draft: PlanDraft) -> None:
    """Raise InterchangeError naming the first value the database cannot hold."""
    _check_length(draft.title, 500, "title")
    _check_length(draft.organization, 500, "organization")
    _check_length(draft.source, 255, "source")
    for oi, orientation in enumerate(draft.orientations):
        o_path = f"orientations[{oi}]"
        _check_length(orientation.code, 30, f"{o_path}.code")
        for bi, objective in enumerate(orientation.objectives):
            b_path = f"{o_path}.objectives[{bi}]"
            _check_length(objective.code, 30, f"{b_path}.code")
            for ai, action in enumerate(objective.actions):
                a_path = f"{b_path}.actions[{ai}]"
                _check_length(action.code, 30, f"{a_path}.code")
                _check_length(action.timing, 255, f"{a_path}.timing")
                for ni, name in enumerate(action.actors):
                    _check_length(name, 255, f"{a_path}.actors[{ni}]")


# --- A draft becomes a plan ---------------------------------------------------------------

# "An 2 : …", "Année 3 – …"; not "Ans 1 et 2 : …" nor "An 1-2 : …", which name several years.
_YEAR_PREFIX = re.compile(r"^\s*an(?:n[ée]e)?\s*(\d{1,2})\s*(?::|[–—-](?!\s*\d))", re.IGNORECASE)


def plan_year_of_result(text: str) -> int | None:
    """The plan year an expected result names at its start ("An 2 : …"), when it names one only."""
    match = _YEAR_PREFIX.match(text)
    return int(match.group(1)) if match else None


def _bulk(model: type[M], objs: list[M], user: Any, reason: str) -> list[M]:
    if not objs:
        return []
    return list(
        bulk_create_with_history(
            objs, model, default_user=actor(user), default_change_reason=reason
        )
    )


def _indicator_target(
    text: str, given: dict[str, Any] | None, extra: dict[str, Any]
) -> tuple[dict[str, Any] | None, bool]:
    """(target, set by hand?): a target given by the document is kept; otherwise read from the text."""
    if extra.get("target_is_manual") is True:
        return given, True
    parsed = parse_indicator_target(text)
    if given is None:
        return parsed, False
    return given, given != parsed


def _themes_by_name(drafts: Iterable[ActionDraft]) -> dict[str, Theme]:
    names = {
        _fold(name)
        for draft in drafts
        for name in (draft.extra.get("themes") or [])
        if isinstance(name, str)
    }
    if not names:
        return {}
    return {_fold(t.name): t for t in Theme.objects.all() if _fold(t.name) in names}


@transaction.atomic
def create_plan_from_draft(
    *,
    draft: PlanDraft,
    organization: Organization,
    user: User | None = None,
    state: str = PlanState.DRAFT,
) -> Plan:
    """Save a `PlanDraft` as a plan of `organization`, its texts and codes as written.

    Actors whose name is the position of a member of the organization ("Coordination") are
    roles; the others are partners. Expected results keep their text ("An 1 : …") and are tied
    to a plan year when their text names one. Statuses and progress notes are kept, dated
    with the document's update date. Raises InterchangeError (nothing written) when a value
    does not fit.
    """
    check_draft(draft)
    extra = draft.extra
    plan = Plan(
        organization=organization,
        organization_name=draft.organization,
        title=draft.title,
        kind=extra["kind"] if extra.get("kind") in PlanKind.values else PlanKind.ACTION,
        period_start=draft.period_start,
        period_end=draft.period_end,
        fiscal_year_start_month=draft.fiscal_year_start_month,
        state=state,
        mission=draft.mission or "",
        vision=draft.vision or "",
        values=list(draft.values),
        mandates=list(draft.mandates),
        global_objective=draft.global_objective or "",
        notes=list(draft.notes),
        glossary=dict(draft.glossary),
        numbering=extra["numbering"]
        if extra.get("numbering") in Numbering.values
        else Numbering.AS_WRITTEN,
        source=draft.source or "",
        document_updated_on=draft.updated_on,
        import_report=asdict(draft.import_report) if draft.import_report else None,
        created_by=user,
    )
    stamp(plan, by=user)
    plan.save()
    reason = CREATED_REASON

    orientations = _bulk(
        Orientation,
        [
            Orientation(plan=plan, code=o.code or "", title=o.title, order=i)
            for i, o in enumerate(draft.orientations)
        ],
        user,
        reason,
    )
    objective_drafts = []
    objectives_new = []
    for orientation, o_draft in zip(orientations, draft.orientations, strict=True):
        for i, ob in enumerate(o_draft.objectives):
            objective_drafts.append(ob)
            objectives_new.append(
                Objective(
                    plan=plan,
                    orientation=orientation,
                    code=ob.code or "",
                    kind=ob.kind or "",
                    title=ob.title,
                    order=i,
                )
            )
    objectives = _bulk(Objective, objectives_new, user, reason)

    action_drafts: list[ActionDraft] = []
    actions_new = []
    for objective, ob_draft in zip(objectives, objective_drafts, strict=True):
        for i, a in enumerate(ob_draft.actions):
            action_drafts.append(a)
            has_state = bool(a.status or a.progress_note)
            actions_new.append(
                Action(
                    plan=plan,
                    objective=objective,
                    code=a.code or "",
                    title=a.title,
                    order=i,
                    schedule_years=list(a.schedule_years) if a.schedule_years is not None else None,
                    timing=a.timing or "",
                    status=a.status or "",
                    progress_note=a.progress_note or "",
                    status_changed_on=draft.updated_on if has_state else None,
                )
            )
    actions = _bulk(Action, actions_new, user, reason)

    positions = {_fold(p) for p in positions_in(organization.pk)} if action_drafts else set()
    themes = _themes_by_name(action_drafts)
    actors, results, indicators, theme_links = [], [], [], []
    through = Action.themes.through
    for action, a_draft in zip(actions, action_drafts, strict=True):
        for i, name in enumerate(a_draft.actors):
            kind = ActorKind.ROLE if _fold(name) in positions else ActorKind.PARTNER
            actors.append(ActionActor(action=action, name=name, kind=kind, order=i))
        for i, text in enumerate(a_draft.expected_results):
            results.append(
                ExpectedResult(
                    action=action, text=text, plan_year=plan_year_of_result(text), order=i
                )
            )
        for i, ind in enumerate(a_draft.indicators):
            target, manual = _indicator_target(ind.text, ind.target, ind.extra)
            indicators.append(
                Indicator(
                    plan=plan,
                    action=action,
                    kind=ind.kind or "",
                    text=ind.text,
                    target=target,
                    target_is_manual=manual,
                    order=i,
                )
            )
        seen: set[int] = set()
        for name in a_draft.extra.get("themes") or []:
            theme = themes.get(_fold(name)) if isinstance(name, str) else None
            if theme is not None and theme.pk not in seen:
                seen.add(theme.pk)
                theme_links.append(through(action=action, theme=theme))
    for objective, ob_draft in zip(objectives, objective_drafts, strict=True):
        for i, ind in enumerate(ob_draft.indicators):  # the objective's own indicators
            target, manual = _indicator_target(ind.text, ind.target, ind.extra)
            indicators.append(
                Indicator(
                    plan=plan,
                    objective=objective,
                    kind=ind.kind or "",
                    text=ind.text,
                    target=target,
                    target_is_manual=manual,
                    order=i,
                )
            )
    _bulk(ActionActor, actors, user, reason)
    _bulk(ExpectedResult, results, user, reason)
    _bulk(Indicator, indicators, user, reason)
    if theme_links:
        through.objects.bulk_create(theme_links)
    plan_created_from_draft.send(sender=Plan, plan=plan, draft=draft)
    return plan


# --- Lifecycle: adoption and revisions ----------------------------------------------------


def plan_snapshot(plan: Plan) -> dict[str, Any]:
    """The plan as jalon-plan/1 with each item's id, as revisions keep it."""
    return draft_to_dict(plan_as_draft(plan, with_ids=True))


def _locked(plan: Plan) -> Plan:
    return Plan.objects.select_for_update().select_related("organization").get(pk=plan.pk)


def _next_revision_number(plan: Plan) -> int:
    last = plan.revisions.aggregate(models.Max("number"))["number__max"]
    return (last or 0) + 1


@transaction.atomic
def adopt_plan(*, plan: Plan, adopted_on: dt.date, adopted_by: str, user: Any) -> Revision:
    """Adopt a draft plan (at an AGA, by a board…): it becomes revision 1, kept as a snapshot."""
    locked = _locked(plan)
    if locked.state != PlanState.DRAFT:
        raise ValidationError(_("Ce plan n'est pas un brouillon : il a déjà été adopté."))
    adopted_by = adopted_by.strip()
    if not adopted_by:
        raise ValidationError(_("Indiquez l'instance qui a adopté le plan."))
    locked.state = PlanState.ADOPTED
    locked.adopted_on = adopted_on
    locked.adopted_by = adopted_by
    locked.version += 1
    stamp(locked, by=user, reason="Adoption")
    locked.save()
    revision = Revision.objects.create(
        plan=locked,
        number=_next_revision_number(locked),
        reason=_("Adoption : %(body)s, le %(date)s")
        % {"body": adopted_by, "date": date_format(adopted_on, "j F Y")},
        snapshot=plan_snapshot(locked),
        created_by=actor(user),
    )
    plan.state, plan.adopted_on, plan.adopted_by = locked.state, adopted_on, adopted_by
    plan.version = locked.version
    return revision


@transaction.atomic
def set_plan_sharing(*, plan: Plan, sharing: str, user: Any) -> Plan:
    """Change who outside the organization reads the plan (the caller checked `can_edit_plan`)."""
    if sharing not in PlanSharing.values:
        raise ValidationError(_("Ce partage n'existe pas."))
    locked = _locked(plan)
    if locked.sharing == sharing:
        return locked
    locked.sharing = sharing
    locked.version += 1
    stamp(locked, by=user, reason=f"Partage : {PlanSharing(sharing).label}")
    locked.save(update_fields=["sharing", "version", "updated_at"])
    plan.sharing, plan.version = locked.sharing, locked.version
    return locked


@transaction.atomic
def set_objective_contributions(
    *, objective: Objective, network_objective_ids: Iterable[int], user: Any
) -> list[int]:
    """The network objectives a member's objective contributes to, replacing the earlier ones.

    The caller checked `can_edit_plan` on the objective's plan; an objective that is not of an
    adopted plan of a network above the member is refused, and nothing changes.
    """
    allowed = {o.pk for o in network_objectives_for(objective.plan)}
    wanted = set(network_objective_ids)
    if wanted - allowed:
        raise ValidationError(
            _("Un objectif choisi n'est pas un objectif d'un plan adopté de votre réseau.")
        )
    current = {c.network_objective_id: c for c in objective.contributions.all()}
    for network_id in set(current) - wanted:
        stamp(current[network_id], by=user, reason="Alignement retiré")
        current[network_id].delete()
    for network_id in sorted(wanted - set(current)):
        contribution = ObjectiveContribution(
            objective=objective, network_objective_id=network_id, created_by=actor(user)
        )
        stamp(contribution, by=user, reason="Alignement")
        contribution.save()
    return sorted(wanted)


@transaction.atomic
def set_plan_contributions(*, plan: Plan, links: dict[int, list[int]], user: Any) -> int:
    """Set, objective by objective, what a member's plan contributes to (all or nothing).

    `links` maps each of the plan's objective ids to network objective ids; returns how many
    links the plan then has.
    """
    objectives = {o.pk: o for o in plan.objectives.select_related("plan__organization__parent")}
    if set(links) - set(objectives):
        raise ValidationError(_("Un objectif n'est pas de ce plan."))
    total = 0
    for objective_id, network_ids in links.items():
        objective = objectives[objective_id]
        objective.plan = plan
        total += len(
            set_objective_contributions(
                objective=objective, network_objective_ids=network_ids, user=user
            )
        )
    return total


@transaction.atomic
def set_action_place(
    *,
    action: Action,
    place: str,
    latitude: Decimal | None,
    longitude: Decimal | None,
    user: Any,
    seen_version: int | None,
) -> Action:
    """Where an action happens, for the map (the caller checked `can_edit_plan`).

    Both coordinates or neither, within their ranges; raises StaleVersion when the action was
    saved since the form was opened. Nothing is written on a refusal.
    """
    if (latitude is None) != (longitude is None):
        raise ValidationError(_("Donnez la latitude et la longitude, ou aucune des deux."))
    if latitude is not None and not Decimal(-90) <= latitude <= Decimal(90):
        raise ValidationError(_("La latitude va de -90 à 90."))
    if longitude is not None and not Decimal(-180) <= longitude <= Decimal(180):
        raise ValidationError(_("La longitude va de -180 à 180."))
    current = locked_at_version(action, seen_version)
    current.place = place.strip()
    current.latitude, current.longitude = latitude, longitude
    current.version += 1
    stamp(current, by=user, reason="Lieu")
    current.save(update_fields=["place", "latitude", "longitude", "version", "updated_at"])
    action.place, action.latitude, action.longitude = current.place, latitude, longitude
    action.version = current.version
    return current


def changes_since_last_revision(plan: Plan) -> RevisionDiff | None:
    """What changed since the last revision (None when the plan has none yet)."""
    last = plan.revisions.order_by("-number").first()
    if last is None:
        return None
    return _revision_diff(last.snapshot, plan_snapshot(plan))


@transaction.atomic
def record_revision(*, plan: Plan, reason: str, user: Any) -> Revision:
    """Close a round of changes to an adopted plan ("réajustement") with its reason."""
    locked = _locked(plan)
    if locked.state != PlanState.ADOPTED:
        raise ValidationError(_("Seul un plan adopté a des révisions : adoptez-le d'abord."))
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Donnez la raison de ce réajustement."))
    snapshot = plan_snapshot(locked)
    last = locked.revisions.order_by("-number").first()
    if last is not None and not _revision_diff(last.snapshot, snapshot):
        raise ValidationError(
            _("Rien n'a changé depuis la révision %(number)s.") % {"number": last.number}
        )
    return Revision.objects.create(
        plan=locked,
        number=_next_revision_number(locked),
        reason=reason,
        snapshot=snapshot,
        created_by=actor(user),
    )


def revision_diff(
    before: Revision | dict[str, Any], after: Revision | dict[str, Any]
) -> RevisionDiff:
    """Added, removed and changed items between two revisions (or snapshots)."""
    a = before.snapshot if isinstance(before, Revision) else before
    b = after.snapshot if isinstance(after, Revision) else after
    return _revision_diff(a, b)


# --- Numbering ----------------------------------------------------------------------------


def _tree(plan: Plan) -> list[Branch[models.Model]]:
    """The plan's orientations, objectives and actions in order (three queries)."""
    objectives: dict[int, list[Branch[models.Model]]] = {}
    for objective in Objective.objects.filter(plan=plan).order_by("order", "id"):
        objectives.setdefault(objective.orientation_id, []).append(
            Branch(objective, kind=objective.kind)
        )
    actions: dict[int, list[Branch[models.Model]]] = {}
    for action in Action.objects.filter(plan=plan).order_by("order", "id"):
        actions.setdefault(action.objective_id, []).append(Branch(action))
    tree = []
    for orientation in Orientation.objects.filter(plan=plan).order_by("order", "id"):
        branch = Branch[models.Model](orientation, objectives.get(orientation.pk, []))
        for objective_branch in branch.children:
            objective_branch.children = actions.get(objective_branch.item.pk, [])
        tree.append(branch)
    return tree


def renumber(
    *, plan: Plan, user: Any, reason: str = "", fresh: Sequence[models.Model] = ()
) -> list[models.Model]:
    """Give the tree the codes of the plan's numbering (plans.numbering); returns the items changed.

    Each changed item gets a new code, its version bumped (a form opened before sees that it
    changed) and a history record with `user` and `reason` (default: "Renumérotation").
    Items in `fresh` were just saved without history by the caller, who writes their creation
    record next: they take their code (in memory too) with no version bump nor record of their
    own. Nothing happens when the plan keeps the document's codes.
    """
    new = {(type(item), item.pk): item for item in fresh}
    changed: dict[type[models.Model], list[Any]] = {}
    for item, code in codes(_tree(plan), plan.numbering):
        if item.code == code:  # type: ignore[attr-defined]
            continue
        made = new.get((type(item), item.pk))
        if made is not None:
            made.code = code  # type: ignore[attr-defined]
            type(made)._base_manager.filter(pk=made.pk).update(code=code)
            continue
        item.code = code  # type: ignore[attr-defined]
        item.version += 1  # type: ignore[attr-defined]
        changed.setdefault(type(item), []).append(item)
    for model, items in changed.items():
        bulk_update_with_history(
            items,
            model,
            ["code", "version"],
            default_user=actor(user),
            default_change_reason=short_reason(reason or RENUMBERED_REASON),
        )
    return [item for items in changed.values() for item in items]


@transaction.atomic
def renumber_plan(*, plan: Plan, scheme: str, user: Any) -> int:
    """Give every orientation, objective and action its code under `scheme`; returns how many changed.

    The schemes are plans.numbering's; "as written" keeps the codes as they are.
    """
    if scheme not in Numbering.values:
        raise ValidationError(_("Numérotation inconnue : %(scheme)s") % {"scheme": scheme})
    locked = _locked(plan)
    locked.numbering = scheme
    stamp(locked, by=user)
    locked.save(update_fields=["numbering", "updated_at"])
    plan.numbering = scheme
    return len(renumber(plan=locked, user=user))


# --- Organizations named by documents -----------------------------------------------------


def _guess_kind(name: str) -> str:
    folded = _fold(name)
    if folded.startswith("réseau") or folded.startswith("reseau"):
        return OrganizationKind.NATIONAL
    if "comité local" in folded or "clds" in folded:
        return OrganizationKind.LOCAL
    if "mrc" in folded.split() or "territori" in folded:
        return OrganizationKind.TERRITORIAL
    return OrganizationKind.REGIONAL


def _free_slug(base: str, taken: Callable[[str], bool]) -> str:
    slug = base[:110] or "organisation"
    candidate, n = slug, 2
    while taken(candidate):
        candidate, n = f"{slug}-{n}", n + 1
    return candidate


@transaction.atomic
def create_organization_for_plan(*, name: str, acronym: str = "", user: Any = None) -> Organization:
    """An organization for a plan whose owner Jalon does not know yet, guessed from its name."""
    name = name.strip()
    if not name:
        raise ValidationError(_("Le nom de l'organisation est vide."))
    slug = _free_slug(
        slugify(acronym or name), lambda s: Organization.objects.filter(slug=s).exists()
    )
    organization = Organization(
        name=name[:255],
        acronym=acronym[:40],
        slug=slug,
        kind=_guess_kind(name),
        member_status=MemberStatus.NON_MEMBER,
    )
    stamp(organization, by=user)
    organization.save()
    return organization

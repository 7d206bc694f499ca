"""Editing services of the plan builder: every change a person makes to a plan's tree.

Each service is keyword-only, atomic and records history with the acting user
(`jalon.core.history.stamp`). Rules they all share:

- **No lost update.** An edit carries the `version` the person started from; a stale version
  raises `jalon.core.concurrency.StaleVersion` with the item as it is now, and nothing is
  written.
- **Adopted plans change by réajustement.** Once a plan is no longer a draft, every change needs
  a reason; the reason goes on each history record and, for an adopted plan, the change batch
  (one service call) ends with the plans app's `record_revision`.
- **Delete to the corbeille.** Deleting moves the item and everything under it, follow-up
  included, to the plan's corbeille (`plans.trash`); `restore_item` puts them back with the same
  ids and the same place among their siblings, so history and links carry on. Reads need no
  filter. A locked year's records refuse to go (tracking answers `plans.signals.trashing`).
- **Order among siblings** is kept as 0..n-1; automatic numbering (per plan) rewrites codes after
  every structural change.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jalon.core.concurrency import StaleVersion as StaleVersion  # callers catch it from here too
from jalon.core.concurrency import check_version, locked
from jalon.core.history import stamp
from jalon.core.moments import moment_text
from jalon.core.updates import model_update
from jalon.network.models import Organization, Theme

from . import trash
from .enums import ActorKind, IndicatorKind, Numbering, PlanKind, PlanState
from .models import (
    Action,
    ActionActor,
    DeletedItem,
    ExpectedResult,
    Indicator,
    Objective,
    Orientation,
    Plan,
)
from .queries import parse_indicator_target
from .services import record_revision, renumber

# --- Kinds of tree items ---------------------------------------------------------------------

#: The tree items the builder edits, by the slug used in URLs and element ids.
KIND_MODELS: dict[str, type[models.Model]] = {
    "orientation": Orientation,
    "objectif": Objective,
    "action": Action,
    "indicateur": Indicator,
    "resultat": ExpectedResult,
}
MODEL_KINDS: dict[type[models.Model], str] = {model: kind for kind, model in KIND_MODELS.items()}

#: The field that points to an item's parent; an orientation's parent is the plan itself.
PARENT_FIELD: dict[type[models.Model], str] = {
    Orientation: "plan",
    Objective: "orientation",
    Action: "objective",
    Indicator: "action",
    ExpectedResult: "action",
}

KIND_LABELS = {
    "orientation": gettext_lazy("Orientation"),
    "objectif": gettext_lazy("Objectif"),
    "action": gettext_lazy("Action"),
    "indicateur": gettext_lazy("Indicateur"),
    "resultat": gettext_lazy("Résultat attendu"),
}

TreeItem = Orientation | Objective | Action | Indicator | ExpectedResult

_MAX_PASTED_LINES = 500


class BuilderError(Exception):
    """A change the builder refuses, with a message for the person who asked for it."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ReasonRequired(BuilderError):
    def __init__(self) -> None:
        super().__init__(
            _(
                "Ce plan est adopté : indiquez la raison du changement (réajustement) "
                "avant de le modifier."
            )
        )


# --- Collaborators -----------------------------------------------------------------------------


def _record_revision(plan: Plan, reason: str, user: Any) -> None:
    """Close the change batch of an adopted plan with a revision (plans.services.record_revision)."""
    if plan.state != PlanState.ADOPTED:
        return
    try:
        record_revision(plan=plan, reason=reason, user=user)
    except ValidationError:
        # The reason and the state were checked above: what is left is "nothing that a
        # revision records has changed" (a change of layout only), which needs no revision.
        return


# --- Shared steps -------------------------------------------------------------------------------


def reason_required(plan: Plan) -> bool:
    return plan.state != PlanState.DRAFT


def _stamp(instance: models.Model, user: Any, reason: str) -> None:
    """Tell simple-history who makes this change and why (jalon.core.history.stamp)."""
    stamp(instance, by=user, reason=reason)


def _save_quietly(instance: models.Model, **kwargs: Any) -> None:
    """Save without a history record (`_write_history` writes it later)."""
    instance.skip_history_when_saving = True  # type: ignore[attr-defined]
    try:
        instance.save(**kwargs)
    finally:
        del instance.skip_history_when_saving  # type: ignore[attr-defined]


def _write_history(instances: Sequence[models.Model]) -> None:
    """Creation records for instances saved quietly, in the order given."""
    for instance in instances:
        manager_name = getattr(type(instance)._meta, "simple_history_manager_attribute", None)
        if manager_name:
            getattr(type(instance), manager_name).bulk_history_create([instance])


def _finish(plan: Plan, user: Any, reason: str) -> None:
    """End of a change batch: an adopted plan needs a reason and gets a revision."""
    if not reason_required(plan):
        return
    if not reason.strip():
        raise ReasonRequired
    _record_revision(plan, reason.strip(), user)


def _locked(instance: Any) -> Any:
    """The item as stored now, locked until the end of the transaction."""
    try:
        return locked(instance)
    except type(instance).DoesNotExist:
        raise BuilderError(
            _("Cet élément n'existe plus : quelqu'un l'a supprimé entre-temps.")
        ) from None


def _check_version(current: Any, version: int) -> None:
    check_version(current, version)


def _apply(instance: models.Model, changes: dict[str, Any]) -> bool:
    return bool(model_update(instance, changes))


def _clean_text(value: str) -> str:
    return " ".join(value.split())


def _require_text(value: str, what: str) -> str:
    text = _clean_text(value)
    if not text:
        raise BuilderError(_("Écrivez %(what)s : le texte ne peut pas être vide.") % {"what": what})
    return text


def parent_field(item: models.Model) -> str:
    """The field that points to this item's parent: an indicator's is its action or its objective."""
    if isinstance(item, Indicator) and item.action_id is None:
        return "objective"
    return PARENT_FIELD[type(item)]


def parent_of(item: models.Model) -> models.Model:
    return getattr(item, parent_field(item))  # type: ignore[no-any-return]


def plan_of(item: models.Model) -> Plan:
    if isinstance(item, ExpectedResult):
        return item.action.plan
    return item.plan  # type: ignore[attr-defined,no-any-return]


def siblings_of(
    model: type[models.Model], parent_id: int, field: str | None = None
) -> models.QuerySet[Any]:
    """Items under one parent; `field` names the parent link when it is not the model's usual one
    (an objective's own indicators: "objective")."""
    field = field or PARENT_FIELD[model]
    return model._base_manager.filter(**{f"{field}_id": parent_id}).order_by("order", "id")


def _next_order(model: type[models.Model], parent_id: int, field: str | None = None) -> int:
    last = siblings_of(model, parent_id, field).aggregate(last=models.Max("order"))["last"]
    return 0 if last is None else last + 1


def _write_orders(items: Sequence[Any]) -> None:
    """Give siblings the orders 0..n-1 in the sequence given (order is layout, not history)."""
    changed = []
    for index, item in enumerate(items):
        if item.order != index:
            item.order = index
            changed.append(item)
    if changed:
        type(changed[0])._base_manager.bulk_update(changed, ["order"])


def _normalize(
    model: type[models.Model], parent_id: int, *, first: Any = None, field: str | None = None
) -> None:
    """Orders 0..n-1 among siblings; `first` wins a tie with a sibling at the same order."""
    items = list(siblings_of(model, parent_id, field))
    if first is not None:
        items.sort(key=lambda s: (s.order, s.pk != first.pk, s.pk))
    _write_orders(items)


# --- Automatic numbering ------------------------------------------------------------------------


def _renumber(
    plan: Plan,
    user: Any,
    reason: str,
    *edited: models.Model,
    fresh: Sequence[models.Model] = (),
) -> None:
    """Rewrite codes when the plan numbers automatically (plans.services.renumber: version
    bumped, history kept). The items in `edited` take their new code and version in memory;
    those in `fresh` were saved quietly and get their creation record after this."""
    if plan.numbering == Numbering.AS_WRITTEN:
        return
    done = renumber(plan=plan, user=user, reason=reason, fresh=fresh)
    changed = {(type(item), item.pk): item for item in done}
    for item in edited:
        new = changed.get((type(item), item.pk))
        if new is not None:
            item.code, item.version = new.code, new.version  # type: ignore[attr-defined]


def _code(plan: Plan, code: str) -> str:
    """Codes are the person's to write only when the plan keeps the document's numbering."""
    return _clean_text(code)[:30] if plan.numbering == Numbering.AS_WRITTEN else ""


# --- The plan -----------------------------------------------------------------------------------


def _check_period(period_start: Any, period_end: Any, fiscal_year_start_month: int | None) -> None:
    if period_start and period_end and period_end < period_start:
        raise BuilderError(_("La fin de la période doit venir après son début."))
    if fiscal_year_start_month is not None and not 1 <= fiscal_year_start_month <= 12:
        raise BuilderError(_("Le mois de début de l'exercice doit être entre 1 et 12."))


@transaction.atomic
def create_plan(
    *,
    organization: Organization,
    title: str,
    kind: str = PlanKind.ACTION,
    period_start: Any = None,
    period_end: Any = None,
    fiscal_year_start_month: int = 7,
    numbering: str = Numbering.AS_WRITTEN,
    user: Any,
) -> Plan:
    """A new, empty draft plan of the organization."""
    _check_period(period_start, period_end, fiscal_year_start_month)
    plan = Plan(
        organization=organization,
        title=_require_text(title, _("le titre du plan")),
        kind=kind,
        period_start=period_start,
        period_end=period_end,
        fiscal_year_start_month=fiscal_year_start_month,
        numbering=numbering,
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )
    _stamp(plan, user, "")
    plan.save()
    return plan


@transaction.atomic
def update_plan_frame(
    *,
    plan: Plan,
    version: int,
    title: str,
    kind: str,
    period_start: Any,
    period_end: Any,
    fiscal_year_start_month: int | None,
    numbering: str,
    user: Any,
    reason: str = "",
) -> Plan:
    """The plan's title, kind, period, fiscal year and numbering."""
    current: Plan = _locked(plan)
    _check_version(current, version)
    _check_period(period_start, period_end, fiscal_year_start_month)
    changed = _apply(
        current,
        {
            "title": _require_text(title, _("le titre du plan")),
            "kind": kind,
            "period_start": period_start,
            "period_end": period_end,
            "fiscal_year_start_month": fiscal_year_start_month,
            "numbering": numbering,
        },
    )
    if not changed:
        return current
    current.version += 1
    _stamp(current, user, reason)
    current.save()
    _renumber(current, user, reason)
    _finish(current, user, reason)
    return current


@transaction.atomic
def update_statements(
    *,
    plan: Plan,
    version: int,
    mission: str,
    vision: str,
    values: list[str],
    mandates: list[str],
    global_objective: str,
    glossary: dict[str, str],
    notes: list[str],
    user: Any,
    reason: str = "",
) -> Plan:
    """The plan's statements: mission, vision, values, mandates, global objective, glossary, notes."""
    current: Plan = _locked(plan)
    _check_version(current, version)
    changed = _apply(
        current,
        {
            "mission": mission.strip(),
            "vision": vision.strip(),
            "values": [v.strip() for v in values if v.strip()],
            "mandates": [m.strip() for m in mandates if m.strip()],
            "global_objective": global_objective.strip(),
            "glossary": {k.strip(): v.strip() for k, v in glossary.items() if k.strip()},
            "notes": [n.strip() for n in notes if n.strip()],
        },
    )
    if not changed:
        return current
    current.version += 1
    _stamp(current, user, reason)
    current.save()
    _finish(current, user, reason)
    return current


# --- Orientations, objectives ---------------------------------------------------------------------


@transaction.atomic
def add_orientation(
    *, plan: Plan, title: str, code: str = "", user: Any, reason: str = ""
) -> Orientation:
    orientation = Orientation(
        plan=plan,
        code=_code(plan, code),
        title=_require_text(title, _("le titre de l'orientation")),
        order=_next_order(Orientation, plan.pk),
    )
    _stamp(orientation, user, reason)
    _save_quietly(orientation, force_insert=True)
    _renumber(plan, user, reason, fresh=[orientation])
    _write_history([orientation])
    _finish(plan, user, reason)
    return orientation


@transaction.atomic
def update_orientation(
    *,
    orientation: Orientation,
    version: int,
    title: str,
    code: str = "",
    user: Any,
    reason: str = "",
) -> Orientation:
    current: Orientation = _locked(orientation)
    _check_version(current, version)
    plan = current.plan
    changes: dict[str, Any] = {"title": _require_text(title, _("le titre de l'orientation"))}
    if plan.numbering == Numbering.AS_WRITTEN:
        changes["code"] = _code(plan, code)
    if not _apply(current, changes):
        return current
    current.version += 1
    _stamp(current, user, reason)
    current.save()
    _finish(plan, user, reason)
    return current


@transaction.atomic
def add_objective(
    *,
    orientation: Orientation,
    title: str,
    code: str = "",
    kind: str = "",
    user: Any,
    reason: str = "",
) -> Objective:
    plan = orientation.plan
    objective = Objective(
        plan=plan,
        orientation=orientation,
        code=_code(plan, code),
        kind=kind,
        title=_require_text(title, _("le titre de l'objectif")),
        order=_next_order(Objective, orientation.pk),
    )
    _stamp(objective, user, reason)
    _save_quietly(objective, force_insert=True)
    _renumber(plan, user, reason, fresh=[objective])
    _write_history([objective])
    _finish(plan, user, reason)
    return objective


@transaction.atomic
def update_objective(
    *,
    objective: Objective,
    version: int,
    title: str,
    code: str = "",
    kind: str = "",
    user: Any,
    reason: str = "",
) -> Objective:
    current: Objective = _locked(objective)
    _check_version(current, version)
    plan = current.plan
    changes: dict[str, Any] = {
        "title": _require_text(title, _("le titre de l'objectif")),
        "kind": kind,
    }
    if plan.numbering == Numbering.AS_WRITTEN:
        changes["code"] = _code(plan, code)
    if not _apply(current, changes):
        return current
    current.version += 1
    _stamp(current, user, reason)
    current.save()
    _renumber(plan, user, reason, current)
    _finish(plan, user, reason)
    return current


# --- Actions ------------------------------------------------------------------------------------


def _clean_years(plan: Plan, schedule_years: Iterable[int] | None) -> list[int] | None:
    if schedule_years is None:
        return None
    years = sorted({int(y) for y in schedule_years})
    if not years:
        return None
    known = {y.number for y in plan.years}
    unknown = [y for y in years if y not in known]
    if known and unknown:
        raise BuilderError(
            _("Le plan n'a pas d'année %(years)s : il compte %(count)s années.")
            % {"years": ", ".join(f"An {y}" for y in unknown), "count": len(known)}
        )
    return years


def _set_actors(
    action: Action, roles: Sequence[str], partners: Sequence[str], user: Any, reason: str
) -> bool:
    """Make the action's actors the roles then the partners given; keep those that stay (and their user)."""
    wanted: list[tuple[str, str]] = []
    groups: tuple[tuple[str, Sequence[str]], ...] = (
        (ActorKind.ROLE, roles),
        (ActorKind.PARTNER, partners),
    )
    for kind, names in groups:
        for raw in names:
            name = _clean_text(raw)[:255]
            if name and (name, kind) not in wanted:
                wanted.append((name, kind))
    existing = list(action.actors.order_by("order", "id"))
    if [(a.name, a.kind) for a in existing] == wanted:
        return False
    by_key: dict[tuple[str, str], ActionActor] = {}
    for actor in existing:
        by_key.setdefault((actor.name, actor.kind), actor)
    kept_ids = set()
    for order, (name, kind) in enumerate(wanted):
        found = by_key.get((name, kind))
        if found is None:
            actor = ActionActor(action=action, name=name, kind=kind, order=order)
            _stamp(actor, user, reason)
            actor.save()
        else:
            actor = found
        if found is not None and actor.order != order:
            actor.order = order
            _stamp(actor, user, reason)
            actor.save()
        kept_ids.add(actor.pk)
    for actor in existing:
        if actor.pk not in kept_ids:
            _stamp(actor, user, reason)
            actor.delete()
    return True


@transaction.atomic
def add_action(
    *,
    objective: Objective,
    title: str,
    code: str = "",
    roles: Sequence[str] = (),
    partners: Sequence[str] = (),
    schedule_years: Iterable[int] | None = None,
    timing: str = "",
    user: Any,
    reason: str = "",
) -> Action:
    plan = objective.plan
    action = Action(
        plan=plan,
        objective=objective,
        code=_code(plan, code),
        title=_require_text(title, _("le titre de l'action")),
        order=_next_order(Action, objective.pk),
        schedule_years=_clean_years(plan, schedule_years),
        timing=_clean_text(timing)[:255],
    )
    _stamp(action, user, reason)
    # The action's creation record comes after its actors', so its history shows them.
    _save_quietly(action, force_insert=True)
    _set_actors(action, roles, partners, user, reason)
    _renumber(plan, user, reason, fresh=[action])
    _write_history([action])
    _finish(plan, user, reason)
    return action


@transaction.atomic
def update_action(
    *,
    action: Action,
    version: int,
    title: str,
    code: str = "",
    roles: Sequence[str] = (),
    partners: Sequence[str] = (),
    schedule_years: Iterable[int] | None = None,
    timing: str = "",
    themes: Iterable[Theme] | None = None,
    user: Any,
    reason: str = "",
) -> Action:
    """The action's text, actors, plan years, timing and themes (None leaves themes as they are)."""
    current: Action = _locked(action)
    _check_version(current, version)
    plan = current.plan
    changes: dict[str, Any] = {
        "title": _require_text(title, _("le titre de l'action")),
        "schedule_years": _clean_years(plan, schedule_years),
        "timing": _clean_text(timing)[:255],
    }
    if plan.numbering == Numbering.AS_WRITTEN:
        changes["code"] = _code(plan, code)
    changed = _apply(current, changes)
    # Actors first: the action's own history record then closes the change (see history views).
    changed = _set_actors(current, roles, partners, user, reason) or changed
    if themes is not None:
        wanted = {t.pk for t in themes}
        if wanted != set(current.themes.values_list("pk", flat=True)):
            current.themes.set(wanted)
            changed = True
    if not changed:
        return current
    current.version += 1
    _stamp(current, user, reason)
    current.save()
    _finish(plan, user, reason)
    return current


@dataclass(frozen=True)
class PastedAction:
    code: str
    title: str


_BULLET = re.compile(r"^[-–—•·*▪◦‣●○■□➢➤►✓✔→]+\s*")
_PREFIX = re.compile(r"^(?:action|moyen(?:\s+d['’]action)?)\s+(?=\S*\d)", re.IGNORECASE)
_NUMBERED = re.compile(
    r"^(?P<code>(?:[A-Z]{1,3}-?)?\d{1,3}(?:\.\d{1,3})*[a-z]?)"
    r"(?P<sep>\s*[.)]?\s*[:\-–—]?)\s+(?P<rest>\S.*)$"
)
_LETTERED = re.compile(r"^(?P<code>[a-z])\)\s+(?P<rest>\S.*)$")


def parse_pasted_line(line: str) -> PastedAction | None:
    """One pasted line as an action: bullets dropped, leading numbering ("1.2.3", "P1", "4)") kept as code.

    A bare number followed by a lowercase word ("8 rencontres annuelles") is text, not a code.
    """
    text = _clean_text(line.replace("\t", " "))
    text = _BULLET.sub("", text)
    if not text:
        return None
    code = ""
    candidate = _PREFIX.sub("", text)
    match = _NUMBERED.match(candidate) or _LETTERED.match(candidate)
    if match:
        found = match.group("code")
        sep = match.groupdict().get("sep") or ""
        rest = match.group("rest")
        bare_number = found.isdigit() and not sep.strip()
        if not bare_number or rest[:1].isupper():
            code, text = found, _BULLET.sub("", rest)
    if not text:
        return None
    return PastedAction(code=code, title=text)


def parse_pasted_actions(text: str) -> list[PastedAction]:
    """One action per non-empty line of pasted text."""
    found = [parse_pasted_line(line) for line in text.splitlines()]
    return [item for item in found if item is not None]


@transaction.atomic
def add_actions_from_text(
    *, objective: Objective, text: str, user: Any, reason: str = ""
) -> list[Action]:
    """Several actions at once from pasted lines, appended to the objective in the order pasted."""
    pasted = parse_pasted_actions(text)
    if not pasted:
        raise BuilderError(_("Collez au moins une ligne de texte : une action par ligne."))
    if len(pasted) > _MAX_PASTED_LINES:
        raise BuilderError(
            _("Collez au plus %(max)s lignes à la fois (vous en avez collé %(count)s).")
            % {"max": _MAX_PASTED_LINES, "count": len(pasted)}
        )
    plan = objective.plan
    order = _next_order(Action, objective.pk)
    created = []
    for offset, line in enumerate(pasted):
        action = Action(
            plan=plan,
            objective=objective,
            code=_code(plan, line.code),
            title=line.title,
            order=order + offset,
        )
        _stamp(action, user, reason)
        _save_quietly(action, force_insert=True)
        created.append(action)
    _renumber(plan, user, reason, fresh=created)
    _write_history(created)
    _finish(plan, user, reason)
    return created


# --- Indicators and expected results --------------------------------------------------------------


def _indicator_kind(kind: str) -> str:
    if kind not in {"", *IndicatorKind.values}:
        raise BuilderError(_("Le type d'indicateur doit être MO, R ou aucun."))
    return kind


@transaction.atomic
def add_indicator(
    *,
    action: Action | None = None,
    objective: Objective | None = None,
    text: str,
    kind: str = "",
    user: Any,
    reason: str = "",
) -> Indicator:
    """An indicator of an action, or of an objective itself (exactly one of them)."""
    owner: Action | Objective | None = action or objective
    if owner is None or (action is not None and objective is not None):
        raise BuilderError(_("Un indicateur mesure une action ou un objectif, l'un ou l'autre."))
    clean = _require_text(text, _("le texte de l'indicateur"))
    field = "action" if action is not None else "objective"
    indicator = Indicator(
        plan=owner.plan,
        action=action,
        objective=objective,
        kind=_indicator_kind(kind),
        text=clean,
        target=parse_indicator_target(clean),
        order=_next_order(Indicator, owner.pk, field),
    )
    _stamp(indicator, user, reason)
    indicator.save()
    _finish(owner.plan, user, reason)
    return indicator


@transaction.atomic
def update_indicator(
    *, indicator: Indicator, version: int, text: str, kind: str = "", user: Any, reason: str = ""
) -> Indicator:
    """The indicator's words and kind; its target is read again from new words unless set by hand."""
    current: Indicator = _locked(indicator)
    _check_version(current, version)
    clean = _require_text(text, _("le texte de l'indicateur"))
    changes: dict[str, Any] = {"text": clean, "kind": _indicator_kind(kind)}
    if clean != current.text and not current.target_is_manual:
        changes["target"] = parse_indicator_target(clean)
    if not _apply(current, changes):
        return current
    current.version += 1
    _stamp(current, user, reason)
    current.save()
    _finish(current.plan, user, reason)
    return current


def _check_plan_year(plan: Plan, plan_year: int | None) -> int | None:
    if plan_year is None:
        return None
    known = {y.number for y in plan.years}
    if known and plan_year not in known:
        raise BuilderError(
            _("Le plan n'a pas d'An %(year)s : il compte %(count)s années.")
            % {"year": plan_year, "count": len(known)}
        )
    return plan_year


@transaction.atomic
def add_expected_result(
    *, action: Action, text: str, plan_year: int | None = None, user: Any, reason: str = ""
) -> ExpectedResult:
    plan = action.plan
    result = ExpectedResult(
        action=action,
        text=_require_text(text, _("le résultat attendu")),
        plan_year=_check_plan_year(plan, plan_year),
        order=_next_order(ExpectedResult, action.pk),
    )
    _stamp(result, user, reason)
    result.save()
    _finish(plan, user, reason)
    return result


@transaction.atomic
def update_expected_result(
    *,
    result: ExpectedResult,
    version: int,
    text: str,
    plan_year: int | None = None,
    user: Any,
    reason: str = "",
) -> ExpectedResult:
    current: ExpectedResult = _locked(result)
    _check_version(current, version)
    plan = current.action.plan
    changes = {
        "text": _require_text(text, _("le résultat attendu")),
        "plan_year": _check_plan_year(plan, plan_year),
    }
    if not _apply(current, changes):
        return current
    current.version += 1
    _stamp(current, user, reason)
    current.save()
    _finish(plan, user, reason)
    return current


# --- Order and place ------------------------------------------------------------------------------


@transaction.atomic
def move_item(*, item: TreeItem, offset: int, user: Any, reason: str = "") -> bool:
    """Move an item up (offset -1) or down (+1) among its siblings; False when it is already at the end."""
    current = _locked(item)
    model = type(current)
    field = parent_field(current)
    parent_id = getattr(current, f"{field}_id")
    items = list(siblings_of(model, parent_id, field))
    index = next(i for i, s in enumerate(items) if s.pk == current.pk)
    target = index + offset
    if offset == 0 or not 0 <= target < len(items):
        return False
    items.insert(target, items.pop(index))
    _write_orders(items)
    plan = plan_of(current)
    _renumber(plan, user, reason)
    _finish(plan, user, reason)
    return True


@transaction.atomic
def place_item(
    *,
    item: TreeItem,
    position: int,
    parent: models.Model | None = None,
    user: Any,
    reason: str = "",
) -> TreeItem:
    """Put an item at `position` (0 = first) among the children of `parent` (default: its own parent).

    Moving to another parent keeps the item's history: an objective goes to another orientation,
    an action to another objective, an indicator or an expected result to another action.
    """
    current = _locked(item)
    model = type(current)
    field = old_field = parent_field(current)
    plan = plan_of(current)
    old_parent_id = getattr(current, f"{field}_id")
    new_parent_id = old_parent_id
    if parent is not None:
        if isinstance(current, Indicator) and isinstance(parent, Action | Objective):
            field = "action" if isinstance(parent, Action) else "objective"  # owner may change
        expected = model._meta.get_field(field).related_model
        if not isinstance(parent, expected) or parent.pk is None:
            raise BuilderError(_("Cet élément ne peut pas aller à cet endroit de l'arbre."))
        parent_plan = parent if isinstance(parent, Plan) else plan_of(parent)
        if parent_plan.pk != plan.pk:
            raise BuilderError(_("Un élément ne peut pas changer de plan."))
        new_parent_id = parent.pk
    moved = new_parent_id != old_parent_id or field != old_field
    if moved:
        if field != old_field:
            setattr(current, f"{old_field}_id", None)
        setattr(current, f"{field}_id", new_parent_id)
        _stamp(current, user, reason)
        current.save()
    items = [s for s in siblings_of(model, new_parent_id, field) if s.pk != current.pk]
    position = max(0, min(int(position), len(items)))
    items.insert(position, current)
    _write_orders(items)
    if moved:
        _normalize(model, old_parent_id, field=old_field)
    _renumber(plan, user, reason, current)
    _finish(plan, user, reason)
    return current  # type: ignore[no-any-return]


# --- Delete to the corbeille, restore ------------------------------------------------------------


def item_label(item: models.Model) -> str:
    kind = MODEL_KINDS[type(item)]
    text = str(getattr(item, "title", None) or getattr(item, "text", ""))
    short = text if len(text) <= 60 else text[:59] + "…"
    code = getattr(item, "code", "")
    return f"{KIND_LABELS[kind]} {code} « {short} »".replace("  ", " ")


@transaction.atomic
def delete_item(*, item: TreeItem, user: Any, reason: str = "") -> DeletedItem:
    """Move an item and everything under it (its follow-up too) to the plan's corbeille."""
    current = _locked(item)
    plan = plan_of(current)
    model = type(current)
    field = parent_field(current)
    parent_id = getattr(current, f"{field}_id")
    try:
        entry = trash.trash(
            plan=plan,
            root=current,
            kind=MODEL_KINDS[model],
            label=item_label(current),
            user=user,
            reason=reason,
        )
    except trash.TrashRefused as exc:
        raise BuilderError(exc.message) from None
    _normalize(model, parent_id, field=field)
    _renumber(plan, user, reason)
    _finish(plan, user, reason)
    return entry


@transaction.atomic
def restore_item(*, entry: DeletedItem, user: Any, reason: str = "") -> models.Model:
    """Put back what the corbeille holds, with the same ids, at its place among its siblings."""
    plan = entry.plan
    said = reason or _("Rétabli de la corbeille")
    try:
        root = trash.restore(
            entry=entry, user=user, reason=said, check_parent=lambda r: _check_restorable(plan, r)
        )
    except trash.TrashRefused as exc:
        raise BuilderError(exc.message) from None
    model = type(root)
    if model in PARENT_FIELD:
        field = parent_field(root)
        _normalize(model, getattr(root, f"{field}_id"), first=root, field=field)
        _renumber(plan, user, said)
        _finish(plan, user, reason)
    return root


#: Where the follow-up's rows of a corbeille go back to (by label: plans does not import them).
FOLLOW_UP_PARENT = {
    "tracking.statusupdate": "action",
    "tracking.indicatorvalue": "indicator",
    "tracking.activity": "plan",
    "tracking.contact": "plan",
}


def _check_restorable(plan: Plan, root: models.Model) -> None:
    model = type(root)
    field_name = (
        parent_field(root) if model in PARENT_FIELD else FOLLOW_UP_PARENT[model._meta.label_lower]
    )
    link: Any = model._meta.get_field(field_name)
    parent_model: Any = link.related_model
    parent = parent_model._base_manager.filter(pk=getattr(root, link.attname)).first()
    if parent is None:
        raise BuilderError(
            _(
                "L'élément qui le contenait a été supprimé entre-temps : "
                "rétablissez d'abord celui-ci."
            )
        )
    parent_plan = parent if isinstance(parent, Plan) else plan_of(parent)
    if parent_plan.pk != plan.pk:
        raise BuilderError(_("Cette suppression ne concerne pas ce plan."))


# --- Restore a version from history --------------------------------------------------------------

#: What "Restaurer cette version" puts back: the item's words and targets, not its place in the
#: tree (a move does that) nor its follow-up (tracking owns statuses).
VERSION_FIELDS: dict[type[models.Model], list[str]] = {
    Orientation: ["code", "title"],
    Objective: ["code", "kind", "title"],
    Action: ["code", "title", "schedule_years", "timing"],
    Indicator: ["kind", "text", "target", "target_is_manual"],
    ExpectedResult: ["text", "plan_year"],
}


@transaction.atomic
def restore_version(
    *, item: TreeItem, history_id: int, version: int, user: Any, reason: str = ""
) -> TreeItem:
    """Give an item back the words it had in one of its history records."""
    current = _locked(item)
    _check_version(current, version)
    model = type(current)
    record = model.history.filter(id=current.pk, history_id=history_id).first()
    if record is None or record.history_type == "-":
        raise BuilderError(_("Cette version n'existe pas dans l'historique de cet élément."))
    plan = plan_of(current)
    changes = {name: getattr(record, name) for name in VERSION_FIELDS[model]}
    if not _apply(current, changes):
        raise BuilderError(_("L'élément est déjà dans cette version."))
    said = reason.strip() or _("Version du %(day)s rétablie") % {
        "day": moment_text(record.history_date)
    }
    current.version += 1
    _stamp(current, user, said)
    current.save()
    _finish(plan, user, reason)
    return current  # type: ignore[no-any-return]

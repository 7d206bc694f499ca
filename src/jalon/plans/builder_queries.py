"""Reads of the plan builder: the tree loaded in a fixed number of queries, items with access, history.

Access goes through `get_plan_for_user` (queries.py): a builder item is found only inside a plan
the user may change.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils import dateformat, formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext_lazy

from jalon.accounts.enums import Role, role_at_least
from jalon.accounts.queries import memberships_of
from jalon.core.history import person_name
from jalon.core.moments import moment_text
from jalon.network.models import Organization

from .builder import KIND_LABELS, KIND_MODELS, MODEL_KINDS, TreeItem, plan_of
from .enums import ActorKind
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
from .queries import get_plan_for_user
from .target_text import describe_target

# --- Access -----------------------------------------------------------------------------------------


def editable_organizations(user: Any) -> QuerySet[Organization]:
    """Organizations in which the user may create and change plans."""
    if not getattr(user, "is_authenticated", False):
        return Organization.objects.none()
    if user.is_superuser:
        return Organization.objects.order_by("name")
    ids = [
        org_id
        for org_id, membership in memberships_of(user).items()
        if role_at_least(membership.role, Role.EDITOR)
    ]
    return Organization.objects.filter(pk__in=ids).order_by("name")


def get_item_for_user(
    user: Any, plan_pk: int, kind: str, item_pk: int, *, write: bool = True
) -> tuple[Plan, TreeItem]:
    """The plan and one of its tree items, if the user may change the plan (404/403 otherwise)."""
    model = KIND_MODELS.get(kind)
    if model is None:
        raise Http404
    plan = get_plan_for_user(user, plan_pk, write=write)
    filters = {"action__plan": plan} if model is ExpectedResult else {"plan": plan}
    item = model._base_manager.filter(pk=item_pk, **filters).first()
    if item is None:
        raise Http404
    return plan, item  # type: ignore[return-value]


# --- The tree ---------------------------------------------------------------------------------------


def _actions() -> QuerySet[Action]:
    return Action.objects.order_by("order", "id").prefetch_related(
        Prefetch("actors", ActionActor.objects.order_by("order", "id"), to_attr="builder_actors"),
        Prefetch(
            "indicators", Indicator.objects.order_by("order", "id"), to_attr="builder_indicators"
        ),
        Prefetch(
            "expected_results",
            ExpectedResult.objects.order_by("order", "id"),
            to_attr="builder_results",
        ),
        Prefetch("themes", to_attr="builder_themes"),
    )


def _objectives() -> QuerySet[Objective]:
    return Objective.objects.order_by("order", "id").prefetch_related(
        Prefetch("actions", _actions(), to_attr="builder_actions"),
        Prefetch(  # the objective's own indicators
            "indicators", Indicator.objects.order_by("order", "id"), to_attr="builder_indicators"
        ),
    )


def _orientations() -> QuerySet[Orientation]:
    return Orientation.objects.order_by("order", "id").prefetch_related(
        Prefetch("objectives", _objectives(), to_attr="builder_objectives")
    )


def plan_tree(plan: Plan) -> list[Orientation]:
    """The plan's orientations with everything under them, in eight queries whatever the size."""
    orientations = list(_orientations().filter(plan=plan))
    base = reverse("plans:builder", args=[plan.pk])
    for orientation in orientations:
        _annotate(orientation, base)
    return orientations


def short_label(item: Any, size: int = 40) -> str:
    """How buttons name an item for screen readers: "Action 1.2", or its first words without a code."""
    kind = MODEL_KINDS[type(item)]
    if getattr(item, "code", ""):
        return f"{KIND_LABELS[kind]} {item.code}"
    text = str(getattr(item, "title", None) or getattr(item, "text", ""))
    text = text if len(text) <= size else text[: size - 1] + "…"
    return f"{KIND_LABELS[kind]} « {text} »"


def container_selector(item: Any) -> str:
    """The element holding an item and its siblings, which structural changes re-render."""
    if isinstance(item, Orientation):
        return "#builder-tree"
    if isinstance(item, Objective):
        return f"#orientation-{item.orientation_id}"
    if isinstance(item, Action):
        return f"#objectif-{item.objective_id}"
    if isinstance(item, Indicator) and item.action_id is None:
        return f"#objectif-{item.objective_id}"
    return f"#action-{item.action_id}"


def _annotate(item: Any, base: str) -> None:
    """Labels and addresses for the templates, and a readable target beside each indicator.

    Addresses are built from the builder's base path rather than reversed one by one: a
    400-action tree has thousands of them (builder_urls.ITEM is the pattern they follow).
    """
    kind = MODEL_KINDS[type(item)]
    item.builder_url = f"{base}{kind}/{item.pk}/"
    item.builder_label = short_label(item)
    item.builder_container = container_selector(item)
    if isinstance(item, Indicator):
        item.builder_target = target_summary(item.target)  # type: ignore[attr-defined]
    if isinstance(item, Objective):  # names its indicators' add button apart from its actions'
        item.builder_ref = f"objectif-{item.pk}"  # type: ignore[attr-defined]
    for name in ("builder_objectives", "builder_actions", "builder_indicators", "builder_results"):
        for child in getattr(item, name, ()):
            _annotate(child, base)


def loaded(item: models.Model) -> Any:
    """The same item read again with its subtree, the way `plan_tree` loads it."""
    querysets: dict[type[models.Model], QuerySet[Any]] = {
        Orientation: _orientations(),
        Objective: _objectives(),
        Action: _actions(),
        Indicator: Indicator.objects.all(),
        ExpectedResult: ExpectedResult.objects.all(),
    }
    found = querysets[type(item)].get(pk=item.pk)
    _annotate(found, reverse("plans:builder", args=[plan_of(found).pk]))
    return found


def move_targets(plan: Plan, kind: str) -> list[tuple[str, list[tuple[int, str]]]]:
    """Where an item of this kind may go: parents grouped under their own parent, for a <select>."""
    if kind == "objectif":
        return [
            (_("Orientations"), [(o.pk, _short(o)) for o in Orientation.objects.filter(plan=plan)])
        ]
    if kind == "action":
        groups: dict[int, tuple[str, list[tuple[int, str]]]] = {}
        objectives = Objective.objects.filter(plan=plan).select_related("orientation")
        for objective in objectives.order_by("orientation__order", "orientation_id", "order", "id"):
            group = groups.setdefault(objective.orientation_id, (_short(objective.orientation), []))
            group[1].append((objective.pk, _short(objective)))
        return list(groups.values())
    if kind in {"indicateur", "resultat"}:
        actions = Action.objects.filter(plan=plan).select_related("objective")
        groups = {}
        for action in actions:
            group = groups.setdefault(action.objective_id, (_short(action.objective), []))
            group[1].append((action.pk, _short(action)))
        return list(groups.values())
    return []


def _short(item: Any, size: int = 70) -> str:
    text = item.title
    text = text if len(text) <= size else text[: size - 1] + "…"
    return f"{item.code} {text}".strip()


def target_summary(target: Any) -> str:
    """A short reading of a structured target (plans.targets), e.g. "8 rencontres par année".

    Qualitative targets say nothing more than their text: no summary for them.
    """
    if not isinstance(target, dict) or not target or target.get("form") == "qualitative":
        return ""
    return describe_target(target)


# --- History ------------------------------------------------------------------------------------------

# Fields that are layout or bookkeeping, not content a person would look for in history.
_HIDDEN_FIELDS = {"id", "plan", "version", "order", "created_at", "updated_at", "created_by"}


@dataclass
class FieldChange:
    label: str
    before: str
    after: str


def moment(value: dt.datetime) -> str:
    """A date and time the way people write it: "3 octobre 2013, 14 h 05"."""
    # Django's fr_CA DATETIME_FORMAT reads the "h" of "14 h 05" as a 12-hour clock.
    return dateformat.format(timezone.localtime(value), _("j F Y, G \\h i"))


@dataclass
class HistoryEntry:
    when: dt.datetime
    who: str
    what: str
    reason: str
    changes: list[FieldChange] = field(default_factory=list)
    history_id: int = 0
    # Whether "Restaurer cette version" applies: a past state of an item that still exists.
    restorable: bool = False

    @property
    def when_text(self) -> str:
        return moment(self.when)


def history_records(plan: Plan, kind: str, pk: int) -> list[Any]:
    """The item's history records, newest first; empty when the item never was in this plan."""
    if kind == "plan":
        return list(Plan.history.filter(id=plan.pk).select_related("history_user"))
    model = KIND_MODELS.get(kind)
    if model is None:
        raise Http404
    records = model.history.filter(id=pk).select_related("history_user")  # type: ignore[attr-defined]
    if model is ExpectedResult:
        action_ids = set(records.values_list("action_id", flat=True))
        if not Action.history.filter(id__in=action_ids, plan_id=plan.pk).exists():
            return []
        return list(records)
    return list(records.filter(plan_id=plan.pk))


def _who(record: Any) -> str:
    return person_name(record.history_user) or _("Jalon (aucune personne)")


def _empty() -> str:
    return "—"


def _display(model_field: Any, value: Any, parents: dict[int, str]) -> str:
    if value is None or value == "" or value == [] or value == {}:
        return _empty()
    name = model_field.name
    if model_field.is_relation:
        return parents.get(value, f"#{value}")
    if name == "schedule_years" and isinstance(value, list):
        return ", ".join(f"An {y}" for y in value)
    if name == "plan_year":
        return f"An {value}"
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("Oui") if value else _("Non")
    if isinstance(value, dt.date):
        return formats.date_format(value)
    if isinstance(value, dict):
        if name == "target":
            return target_summary(value) or _("cible qualitative")
        if name == "glossary":
            return " ; ".join(f"{k} : {v}" for k, v in value.items())
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return " ; ".join(str(v) for v in value)
    return str(value)


def _parent_labels(model: type[models.Model], records: list[Any]) -> dict[int, str]:
    """Labels of the parents named in the records (current or, once deleted, as last recorded)."""
    relations = [
        f
        for f in model._meta.concrete_fields
        if f.is_relation and f.name not in _HIDDEN_FIELDS and f.related_model is not None
    ]
    labels: dict[int, str] = {}
    for relation in relations:
        ids = {getattr(r, relation.attname) for r in records} - {None}
        related: Any = relation.related_model
        for item in related._base_manager.filter(pk__in=ids):
            labels[item.pk] = _short(item) if hasattr(item, "title") else str(item)
        missing = ids - set(labels)
        if missing and hasattr(related, "history"):
            for old in related.history.filter(id__in=missing).order_by("id", "-history_date"):
                if old.id not in labels:
                    labels[old.id] = _("%(item)s (supprimé)") % {"item": _short(old)}
    return labels


def _actors_at(actor_records: list[Any], moment: dt.datetime) -> str:
    latest: dict[int, Any] = {}
    for record in actor_records:
        if record.history_date <= moment:
            latest[record.id] = record
    alive = sorted(
        (r for r in latest.values() if r.history_type != "-"), key=lambda r: (r.order, r.id)
    )
    names = [
        _("%(name)s (partenaire)") % {"name": r.name} if r.kind == ActorKind.PARTNER else r.name
        for r in alive
    ]
    return ", ".join(names) or _empty()


def item_history(plan: Plan, kind: str, pk: int) -> list[HistoryEntry]:
    """Who changed the item, when, why, and each field before and after, newest first."""
    records = history_records(plan, kind, pk)
    if not records:
        return []
    model = Plan if kind == "plan" else KIND_MODELS[kind]
    oldest_first = list(reversed(records))
    parents = _parent_labels(model, oldest_first)
    tracked = [f for f in model._meta.concrete_fields if f.name not in _HIDDEN_FIELDS]
    actor_records: list[Any] = []
    if model is Action:
        actor_records = list(ActionActor.history.filter(action_id=pk).order_by("history_date"))
    entries = []
    previous = None
    was_deleted = False
    for record in oldest_first:
        changes = []
        for model_field in tracked:
            after = getattr(record, model_field.attname)
            before: Any = getattr(previous, model_field.attname) if previous is not None else None
            if record.history_type == "-" or (previous is not None and before == after):
                continue
            if previous is None and after in (None, "", [], {}):
                continue
            changes.append(
                FieldChange(
                    label=str(model_field.verbose_name).capitalize(),
                    before=_display(model_field, before, parents)
                    if previous is not None
                    else _empty(),
                    after=_display(model_field, after, parents),
                )
            )
        if actor_records and record.history_type != "-":
            before_actors = (
                _actors_at(actor_records, previous.history_date) if previous else _empty()
            )
            after_actors = _actors_at(actor_records, record.history_date)
            if before_actors != after_actors:
                changes.append(FieldChange(_("Porteurs"), before_actors, after_actors))
        what = {
            "+": _("Rétablissement") if was_deleted else _("Création"),
            "~": _("Modification"),
            "-": _("Suppression"),
        }[record.history_type]
        was_deleted = record.history_type == "-"
        entries.append(
            HistoryEntry(
                when=record.history_date,
                who=_who(record),
                what=what,
                reason=record.history_change_reason or "",
                changes=changes,
                history_id=record.history_id,
                restorable=kind != "plan" and record.history_type != "-",
            )
        )
        previous = record
    if entries:
        entries[-1].restorable = False  # the newest record is the item as it is
    entries.reverse()
    return entries


def history_title(plan: Plan, kind: str, records: list[Any]) -> str:
    if kind == "plan":
        return plan.title
    latest = records[0]
    text = getattr(latest, "title", None) or getattr(latest, "text", "")
    code = getattr(latest, "code", "")
    return f"{code} {text}".strip()


# --- Corbeille ----------------------------------------------------------------------------------------

#: What an entry of the corbeille takes with it, in the order the page lists it.
HELD: list[tuple[str, Any]] = [
    ("plans.objective", ngettext_lazy("%(n)s objectif", "%(n)s objectifs", "n")),
    ("plans.action", ngettext_lazy("%(n)s action", "%(n)s actions", "n")),
    ("plans.indicator", ngettext_lazy("%(n)s indicateur", "%(n)s indicateurs", "n")),
    (
        "tracking.statusupdate",
        ngettext_lazy("%(n)s mise à jour d'état", "%(n)s mises à jour d'état", "n"),
    ),
    (
        "tracking.evidence",
        ngettext_lazy("%(n)s pièce justificative", "%(n)s pièces justificatives", "n"),
    ),
    (
        "tracking.indicatorvalue",
        ngettext_lazy("%(n)s valeur d'indicateur", "%(n)s valeurs d'indicateur", "n"),
    ),
    (
        "tracking.indicatorrule",
        ngettext_lazy("%(n)s règle de calcul", "%(n)s règles de calcul", "n"),
    ),
]


@dataclass(frozen=True)
class TrashEntry:
    entry: DeletedItem
    who: str
    when: str  # "4 décembre 2026 à 14 h 17"
    purged_on: dt.date
    held: list[str]


def _held(entry: DeletedItem) -> list[str]:
    root = entry.counts.copy()
    # The root itself is not "held": an action deleted holds its indicators, not itself.
    model = KIND_MODELS.get(entry.kind)
    if model is not None:
        label = model._meta.label_lower
        root[label] = root.get(label, 1) - 1
    parts = []
    for label, text in HELD:
        count = int(root.get(label, 0))
        if count:
            parts.append(str(text % {"n": count}))
    return parts


def trash_entries(plan: Plan) -> list[TrashEntry]:
    """The plan's corbeille, newest first, with who deleted, until when, and what each holds."""
    entries = DeletedItem.objects.filter(plan=plan).select_related("deleted_by").defer("payload")
    return [
        TrashEntry(
            entry=entry,
            who=person_name(entry.deleted_by),
            when=moment_text(entry.deleted_at),
            purged_on=timezone.localtime(
                entry.deleted_at + dt.timedelta(days=settings.TRASH_DAYS)
            ).date(),
            held=_held(entry),
        )
        for entry in entries
    ]


def trash_entry(plan: Plan, raw_pk: str) -> DeletedItem | None:
    """One entry of the plan's corbeille by its id (as a form sends it), else None."""
    try:
        pk = int(raw_pk)
    except ValueError:
        return None
    return DeletedItem.objects.filter(plan=plan, pk=pk).select_related("plan").first()

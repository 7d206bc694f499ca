"""What changed between two states of a plan, read from two `jalon-plan/1` snapshots.

Revisions keep a snapshot of the whole plan with each item's id (see
`queries.plan_as_draft(with_ids=True)`), so an item whose code or text changed is still the
same item. Snapshots without ids (an imported document) are matched by code, else by text.
Pure Python: no database.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

ADDED = "added"
REMOVED = "removed"
CHANGED = "changed"

PLAN_FIELDS = (
    "title",
    "period",
    "fiscal_year_start_month",
    "mission",
    "vision",
    "global_objective",
    "values",
    "mandates",
    "notes",
    "glossary",
)
ITEM_FIELDS = {
    "orientation": ("code", "title"),
    "objective": ("code", "kind", "title"),
    # Status and progress notes are tracking, not the plan's content: they are left out.
    "action": ("code", "title", "actors", "expected_results", "schedule_years", "timing"),
    "indicator": ("kind", "text", "target"),
}


@dataclass(frozen=True)
class FieldChange:
    name: str
    before: Any
    after: Any


@dataclass(frozen=True)
class ItemChange:
    level: str  # "plan", "orientation", "objective", "action" or "indicator"
    change: str  # ADDED, REMOVED or CHANGED
    code: str | None
    title: str
    parent: str  # where the item sits, for the reader ("Action 12")
    fields: tuple[FieldChange, ...] = ()
    moved_from: str | None = None  # the previous parent when the item moved
    contains: int = 0  # items added or removed with it (the actions of a removed objective…)


@dataclass
class RevisionDiff:
    changes: list[ItemChange] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.changes)

    def of(self, change: str) -> list[ItemChange]:
        return [c for c in self.changes if c.change == change]

    @property
    def added(self) -> list[ItemChange]:
        return self.of(ADDED)

    @property
    def removed(self) -> list[ItemChange]:
        return self.of(REMOVED)

    @property
    def changed(self) -> list[ItemChange]:
        return self.of(CHANGED)


@dataclass
class _Item:
    level: str
    data: dict[str, Any]
    parent_key: tuple[Any, ...] | None
    parent_label: str


def _label(level: str, data: dict[str, Any]) -> str:
    code = data.get("code")
    text = data.get("title") or data.get("text") or ""
    return f"{code} {text}".strip() if code else str(text)


def _key(
    level: str, data: dict[str, Any], parent_key: tuple[Any, ...] | None, index: int
) -> tuple[Any, ...]:
    if data.get("id") is not None:
        return (level, "id", data["id"])
    if level == "indicator":
        return (level, parent_key, data.get("kind"), data.get("text"))
    if data.get("code"):
        return (level, "code", data["code"])
    return (level, parent_key, data.get("title") or index)


def _items(snapshot: dict[str, Any]) -> Iterator[tuple[tuple[Any, ...], _Item]]:
    for oi, orientation in enumerate(snapshot.get("orientations") or []):
        o_key = _key("orientation", orientation, None, oi)
        yield o_key, _Item("orientation", orientation, None, "")
        o_label = _label("orientation", orientation)
        for bi, objective in enumerate(orientation.get("objectives") or []):
            b_key = _key("objective", objective, o_key, bi)
            yield b_key, _Item("objective", objective, o_key, o_label)
            b_label = _label("objective", objective)
            for ii, indicator in enumerate(objective.get("indicators") or []):  # its own
                i_key = _key("indicator", indicator, b_key, ii)
                yield i_key, _Item("indicator", indicator, b_key, b_label)
            for ai, action in enumerate(objective.get("actions") or []):
                a_key = _key("action", action, b_key, ai)
                yield a_key, _Item("action", action, b_key, b_label)
                a_label = _label("action", action)
                for ii, indicator in enumerate(action.get("indicators") or []):
                    i_key = _key("indicator", indicator, a_key, ii)
                    yield i_key, _Item("indicator", indicator, a_key, a_label)


def _change(item: _Item, change: str, **kwargs: Any) -> ItemChange:
    return ItemChange(
        level=item.level,
        change=change,
        code=item.data.get("code"),
        title=str(item.data.get("title") or item.data.get("text") or ""),
        parent=item.parent_label,
        **kwargs,
    )


def revision_diff(before: dict[str, Any], after: dict[str, Any]) -> RevisionDiff:
    """Added, removed and changed items from `before` to `after`, in the order of the document."""
    diff = RevisionDiff()
    plan_fields = tuple(
        FieldChange(name, before.get(name), after.get(name))
        for name in PLAN_FIELDS
        if before.get(name) != after.get(name)
    )
    if plan_fields:
        diff.changes.append(
            ItemChange(
                level="plan",
                change=CHANGED,
                code=None,
                title=str(after.get("title") or ""),
                parent="",
                fields=plan_fields,
            )
        )
    old = dict(_items(before))
    new = dict(_items(after))
    added = {k for k in new if k not in old}
    removed = {k for k in old if k not in new}
    for key, item in new.items():
        previous = old.get(key)
        if previous is None:
            # An item added with its parent is told once, with its parent.
            if item.parent_key not in added:
                count = _descendants(key, new, added)
                diff.changes.append(_change(item, ADDED, contains=count))
            continue
        fields = tuple(
            FieldChange(name, previous.data.get(name), item.data.get(name))
            for name in ITEM_FIELDS[item.level]
            if previous.data.get(name) != item.data.get(name)
        )
        moved_from = previous.parent_label if previous.parent_key != item.parent_key else None
        if fields or moved_from is not None:
            diff.changes.append(_change(item, CHANGED, fields=fields, moved_from=moved_from))
    for key, item in old.items():
        if key in removed and item.parent_key not in removed:
            count = _descendants(key, old, removed)
            diff.changes.append(_change(item, REMOVED, contains=count))
    return diff


def _descendants(
    key: tuple[Any, ...], items: dict[tuple[Any, ...], _Item], within: set[tuple[Any, ...]]
) -> int:
    """How many items of `within` sit below `key` (its children, their children…)."""
    below = {key}
    count = 0
    for other_key, item in items.items():  # parents come before their children
        if other_key in within and item.parent_key in below:
            below.add(other_key)
            count += 1
    return count

"""Automatic numbering of a plan's tree: the codes each scheme gives (pure, no Django).

The builder (after every structural change) and plans.services.renumber_plan (when a plan
changes scheme) both ask this module for the codes, and both write them the same way
(plans.services.write_codes: the version bumped, a history record kept).

- as written: no code is computed (the document's own stay);
- P1/S1: orientations 1, 2…; objectives P or S by kind, counted through the plan; actions
  1, 2… through the plan;
- hierarchical: 1, 1.1, 1.1.1;
- flat: orientations 1, 2…; objectives and actions each counted through the plan.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from .vocabulary import Numbering, ObjectiveKind

T = TypeVar("T")


@dataclass
class Branch(Generic[T]):
    """An item of the tree and its children in order; `kind` is an objective's kind."""

    item: T
    children: list[Branch[T]] = field(default_factory=list)
    kind: str = ""


def codes(orientations: Sequence[Branch[T]], scheme: str) -> Iterator[tuple[T, str]]:
    """(item, its code) for every orientation, objective and action, in tree order."""
    if scheme == Numbering.AS_WRITTEN:
        return
    objective_number = 0
    action_number = 0
    for oi, orientation in enumerate(orientations, start=1):
        yield orientation.item, str(oi)
        for bi, objective in enumerate(orientation.children, start=1):
            objective_number += 1
            if scheme == Numbering.HIERARCHICAL:
                yield objective.item, f"{oi}.{bi}"
            elif scheme == Numbering.PRINCIPAL_SECONDARY:
                letter = "S" if objective.kind == ObjectiveKind.SECONDARY else "P"
                yield objective.item, f"{letter}{objective_number}"
            else:
                yield objective.item, str(objective_number)
            for ai, action in enumerate(objective.children, start=1):
                action_number += 1
                if scheme == Numbering.HIERARCHICAL:
                    yield action.item, f"{oi}.{bi}.{ai}"
                else:
                    yield action.item, str(action_number)

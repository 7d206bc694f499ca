"""What a recognizer hands back: the tree it built, the lines each item came from, the rest."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ...plans.interchange import ActionDraft, OrientationDraft


@dataclass
class Recognized:
    name: str  # the layout detected, reported as import_report.format_detected
    orientations: list[OrientationDraft] = field(default_factory=list)
    sources: dict[int, list[int]] = field(default_factory=dict)  # id(item) → line indexes
    unplaced_lines: list[int] = field(default_factory=list)
    notes: list[tuple[str, list[int]]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    consumed: set[int] = field(default_factory=set)  # lines used as structure (headers, labels)

    def track(self, item: Any, lines: list[int]) -> None:
        self.sources.setdefault(id(item), []).extend(ln for ln in lines if ln >= 0)

    def iter_actions(self) -> list[ActionDraft]:
        return [a for o in self.orientations for ob in o.objectives for a in ob.actions]

    def used_lines(self) -> set[int]:
        used = set(self.consumed)
        for lines in self.sources.values():
            used.update(lines)
        for _, lines in self.notes:
            used.update(lines)
        return used

"""Finishing a draft after its tree is chosen: footnote marks and legends, titles cleaned,
placeholders for missing titles, duplicated codes renamed, and each item's source lines."""

from __future__ import annotations

import re

from ...plans.interchange import ActionDraft, ImportReport, PlanDraft
from ..blocks import Line
from ..textutil import clean, is_caps
from .layout import Layout
from .result import Recognized


def drop_footnote_marks(draft: PlanDraft, marks: set[str]) -> None:
    """ "milieux ruraux2" → "milieux ruraux" when footnote 2 exists."""
    if not marks:
        return
    rx = re.compile(
        r"(?<=[a-zà-ÿ]{3})("
        + "|".join(sorted(map(re.escape, marks), key=len, reverse=True))
        + r")(?=[\s,.;:)]|$)"
    )
    for o in draft.orientations:
        o.title = rx.sub("", o.title)
        for ob in o.objectives:
            ob.title = rx.sub("", ob.title)
            for a in ob.actions:
                a.title = rx.sub("", a.title)


def legend_notes(layout: Layout) -> list[str]:
    """The header's legends ("OBJECTIFS : Principaux (P), Secondaires (S)") as notes."""
    if not layout.headers:
        return []
    h = layout.headers[0]
    notes: list[str] = []
    current: str | None = None
    legends: list[str] = []
    for i in range(h.start, h.end):
        text = clean(layout.lines[i].text)
        if not text:
            continue
        if re.search(r"\((?:P|S|MO|R|I)\)\s*$", text) and not is_caps(text):
            legends.append(text)
            continue
        if legends and current:
            notes.append(f"{current} : {', '.join(legends)}")
        legends = []
        current = text if is_caps(text) else current
    if legends and current:
        notes.append(f"{current} : {', '.join(legends)}")
    return notes


def finish_items(draft: PlanDraft, report: ImportReport) -> None:
    """Titles cleaned; an orientation without a title gets a placeholder and a warning."""
    for k, o in enumerate(draft.orientations, start=1):
        o.title = clean(o.title).strip(" :–-")
        if not o.title:
            o.title = f"Orientation {o.code or k}"
            report.warnings.append(f"Orientation {o.code or k} : titre introuvable, à compléter")
        for j, ob in enumerate(o.objectives, start=1):
            ob.title = clean(ob.title).strip(" :–-")
            if not ob.title:
                ob.title = (
                    o.title if len(o.objectives) == 1 else f"Objectif {ob.code or f'{k}.{j}'}"
                )
                if len(o.objectives) != 1:
                    report.warnings.append(
                        f"Objectif {ob.code or f'{k}.{j}'} : titre introuvable, à compléter"
                    )
            for a in ob.actions:
                finish_action(a)
                if not a.title or a.title == "-":
                    a.title = ob.title


def finish_action(a: ActionDraft) -> None:
    a.title = clean(a.title).strip(" ;–-")
    a.actors = [clean(x) for x in dict.fromkeys(a.actors) if clean(x)]
    a.expected_results = [clean(x) for x in a.expected_results if clean(x)]
    for ind in a.indicators:
        ind.text = clean(ind.text)
    a.indicators = [i for i in a.indicators if i.text]
    if a.timing:
        a.timing = clean(a.timing)
    if a.progress_note:
        a.progress_note = clean(a.progress_note)


def duplicate_codes(draft: PlanDraft, report: ImportReport) -> None:
    seen: dict[str, int] = {}
    for a in draft.iter_actions():
        if not a.code:
            continue
        key = a.code
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:
            new = f"{key} ({seen[key]})"
            report.warnings.append(
                f"L'action {key} apparaît plus d'une fois ; la suivante est gardée sous le numéro {new}"
            )
            a.code = new
    obj_seen: dict[str, int] = {}
    for o in draft.orientations:
        for ob in o.objectives:
            if ob.code:
                obj_seen[ob.code] = obj_seen.get(ob.code, 0) + 1
                if obj_seen[ob.code] == 2:
                    report.warnings.append(f"L'objectif {ob.code} apparaît plus d'une fois")


def source_lines(draft: PlanDraft, rec: Recognized, lines: list[Line]) -> None:
    """Each item says which source lines it came from (for the review screen)."""

    def numbers(item: object) -> list[int]:
        idx = sorted(set(rec.sources.get(id(item), [])))
        return sorted({lines[i].number for i in idx if 0 <= i < len(lines)})

    for o in draft.orientations:
        if n := numbers(o):
            o.extra["source_lines"] = n
        for ob in o.objectives:
            if n := numbers(ob):
                ob.extra["source_lines"] = n
            for a in ob.actions:
                if n := numbers(a):
                    a.extra["source_lines"] = n

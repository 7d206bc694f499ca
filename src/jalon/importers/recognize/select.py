"""Choosing among the recognizers' readings: the one whose tree covers the largest share of
the document's content lines, with the recognizer's preference for known cells, less a
penalty for implausible structure (coverage alone rewards one action per line)."""

from __future__ import annotations

import re

from ..lexicon import DANGLING_WORDS
from ..textutil import clean, fold
from .result import Recognized
from .view import Reading


def best_reading(readings: list[Reading], bonus: dict[str, float]) -> Reading:
    """The reading that explains its document best; `bonus` maps a recognizer's name to its
    preference for known cells."""
    return max(
        readings,
        key=lambda r: quality(r.rec, r.view.content(), bonus.get(r.recognizer, 0.0)),
    )


def quality(rec: Recognized, content: set[int], bonus: float) -> float:
    """How well a recognizer explains the document: the share of its content lines placed in
    the tree, with a preference for recognizers that followed the document's own column
    headers."""
    actions = rec.iter_actions()
    measured = [ob for o in rec.orientations for ob in o.objectives if ob.indicators]
    if not actions and not measured:
        return 0.0
    used = rec.used_lines() - set(rec.unplaced_lines)
    coverage = len(used & content) / max(1, len(content))
    return coverage * 10 + bonus + min(len(actions), 300) * 0.001 - 8 * implausibility(rec)


def dangling(title: str) -> bool:
    """A title cut mid-sentence (ending on "à", "de", a hyphen, a comma…)."""
    text = clean(title).rstrip()
    if not text:
        return False
    if text.endswith(("-", "'", "’", ",")):
        return True
    return re.split(r"[\s’']+", text.lower())[-1] in DANGLING_WORDS


def implausibility(rec: Recognized) -> float:
    """How implausible the tree a recognizer built looks, 0 (plausible) to about 1: titles
    cut mid-sentence, fields stuffed with fragments, objectives repeated as their only action
    or orientations repeated as their only objective, items without children."""
    actions = rec.iter_actions()
    objectives = [ob for o in rec.orientations for ob in o.objectives]
    if not actions:
        # a plan of objectives carrying indicators: plausible when every objective has some
        if objectives and all(ob.indicators for ob in objectives):
            return 0.0
        return 1.0
    n = len(actions)
    cut = sum(1 for a in actions if dangling(a.title)) / n
    stuffed = (
        sum(
            1
            for a in actions
            if a.progress_note and (a.progress_note.count(";") >= 3 or len(a.progress_note) > 400)
        )
        / n
    )
    huge = sum(1 for a in actions if len(a.title) > 400) / n
    repeated = 0
    for ob in objectives:
        key = fold(clean(ob.title))
        if key and len(ob.actions) == 1 and fold(clean(ob.actions[0].title)) == key:
            repeated += 1
    repeated_share = repeated / max(1, len(objectives))
    empty = sum(1 for ob in objectives if not ob.actions and not ob.indicators) / max(
        1, len(objectives)
    )
    return cut + stuffed + huge + repeated_share + 0.5 * empty

"""Our own measure of an import: how close a read plan comes to the plan a person wrote down.

Both plans are `jalon-plan/1` dicts (what `interchange.dumps` writes, or a hand-checked
`.truth.json`). The importer regression tests use it to hold each fixture at the score it
reached; the evaluation on the seed plans (bench/score_seeds.py) uses the project's reference
scorer instead, which stays outside the repository with the seeds.

How it measures:

- Texts are compared after folding what a reader does not see: case, typographic quotes and
  apostrophes, no-break spaces, runs of blanks, punctuation at either end. Two texts are the
  same item when `difflib`'s ratio of the folded texts reaches `LIKENESS` (a hyphen or a
  space lost in a line break still matches; a title cut in two does not).
- A plan is read in order. Items of one level (all orientations, all objectives, all actions
  of the plan) are paired by the longest in-order alignment of like texts, so an action
  read in the wrong place of the sequence counts as missed and as invented.
- Each level gets an F1: 2 × paired / (read + written). Nothing written and nothing read
  is 1; anything read where nothing was written is 0.
- An action is *placed* when it is paired and its objective is paired with the objective
  the truth puts it under.
- The lists of a paired action (actors, expected results, indicators) and the indicators of
  paired objectives are aligned the same way and pooled over the plan into one F1 each.
  Items of an action the import missed still count as written.
- Details of paired actions (status, plan years, timing, code) and the kind of paired
  indicators are accuracies over the cases where the truth gives a value; None when it
  gives none.

The score is the weighted sum of `WEIGHTS`, between 0 and 1.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher
from typing import Any

LIKENESS = 0.8

WEIGHTS = {
    "actions_f1": 0.30,
    "actions_placed": 0.15,
    "objectives_f1": 0.10,
    "orientations_f1": 0.05,
    "indicators_f1": 0.15,
    "expected_results_f1": 0.10,
    "actors_f1": 0.10,
    "details": 0.05,
}

DETAILS = ("status", "schedule_years", "timing", "code")
LISTS = ("actors", "expected_results", "indicators")

_QUOTES = str.maketrans({"’": "'", "‘": "'", "«": '"', "»": '"', "“": '"', "”": '"'})
_BLANKS = re.compile(r"\s+")
_ENDS = " .,;:!?-–—•*\"'"


def fold(text: object) -> str:
    """The text as a reader compares it: no case, plain quotes, single spaces, no end marks."""
    folded = unicodedata.normalize("NFKC", "" if text is None else str(text))
    folded = _BLANKS.sub(" ", folded.translate(_QUOTES)).casefold()
    return folded.strip(_ENDS)


def likeness(a: str, b: str) -> float:
    """How alike two folded texts are, from 0 to 1."""
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def align(read: Sequence[str], written: Sequence[str]) -> list[tuple[int, int]]:
    """The pairs (i, j) of the longest in-order alignment of like texts, most alike first.

    A dynamic programme over both sequences: each cell keeps the best (pairs, total likeness)
    of the prefixes, so ties in the number of pairs go to the closer texts.
    """
    a = [fold(t) for t in read]
    b = [fold(t) for t in written]
    n, m = len(a), len(b)
    best = [[(0, 0.0)] * (m + 1) for _ in range(n + 1)]
    for i in range(n):
        for j in range(m):
            skip = max(best[i][j + 1], best[i + 1][j])
            similar = _like_enough(a[i], b[j])
            if similar is not None:
                count, total = best[i][j]
                skip = max(skip, (count + 1, total + similar))
            best[i + 1][j + 1] = skip
    pairs: list[tuple[int, int]] = []
    i, j = n, m
    while i and j:
        if best[i][j] == best[i - 1][j]:
            i -= 1
        elif best[i][j] == best[i][j - 1]:
            j -= 1
        else:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
    return pairs[::-1]


def _like_enough(a: str, b: str) -> float | None:
    if a == b:
        return 1.0
    if not a or not b:
        return None
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    # the cheap upper bounds rule out most pairs before the real ratio is computed
    if matcher.real_quick_ratio() < LIKENESS or matcher.quick_ratio() < LIKENESS:
        return None
    ratio = matcher.ratio()
    return ratio if ratio >= LIKENESS else None


def f1(paired: int, read: int, written: int) -> float:
    """2 × paired / (read + written); 1 when there was nothing to find and nothing was found."""
    if read + written == 0:
        return 1.0
    return 2 * paired / (read + written)


def _levels(plan: dict[str, Any]) -> tuple[list[Any], list[tuple[int, Any]], list[tuple[int, Any]]]:
    """The orientations; the objectives with their orientation's index; the actions with their
    objective's index, each in reading order."""
    orientations: list[Any] = []
    objectives: list[tuple[int, Any]] = []
    actions: list[tuple[int, Any]] = []
    for orientation in plan.get("orientations") or []:
        orientations.append(orientation)
        for objective in orientation.get("objectives") or []:
            objectives.append((len(orientations) - 1, objective))
            actions.extend((len(objectives) - 1, a) for a in objective.get("actions") or [])
    return orientations, objectives, actions


def _text(item: Any) -> str:
    return str(item.get("text") or "") if isinstance(item, dict) else str(item or "")


def _titles(items: Iterable[Any]) -> list[str]:
    return [str(item.get("title") or "") for item in items]


class _Tally:
    """Paired, read and written counts of one kind of list item, over the whole plan."""

    def __init__(self) -> None:
        self.paired = self.read = self.written = 0

    def add(self, read: Sequence[Any], written: Sequence[Any]) -> list[tuple[int, int]]:
        pairs = align([_text(x) for x in read], [_text(x) for x in written])
        self.paired += len(pairs)
        self.read += len(read)
        self.written += len(written)
        return pairs


def _accuracy(right: int, asked: int) -> float | None:
    return right / asked if asked else None


def _same_detail(got: Any, want: Any) -> bool:
    if isinstance(want, str):
        return fold(got) == fold(want)
    return bool(got == want)


def score(predicted: dict[str, Any], truth: dict[str, Any]) -> dict[str, Any]:
    """Every measure of `predicted` against `truth`, and their weighted `score`.

    Besides the measures of `WEIGHTS` and the detail accuracies (`status_accuracy`,
    `schedule_years_accuracy`, `timing_accuracy`, `code_accuracy`,
    `indicator_kind_accuracy`), it gives `counts` (read, written) per level and the titles
    of the `missed_actions` and `extra_actions`, to say what went wrong.
    """
    p_or, p_ob, p_ac = _levels(predicted)
    t_or, t_ob, t_ac = _levels(truth)
    result: dict[str, Any] = {}

    or_pairs = align(_titles(p_or), _titles(t_or))
    ob_pairs = align(_titles(o for _, o in p_ob), _titles(o for _, o in t_ob))
    ac_pairs = align(_titles(a for _, a in p_ac), _titles(a for _, a in t_ac))
    result["orientations_f1"] = f1(len(or_pairs), len(p_or), len(t_or))
    result["objectives_f1"] = f1(len(ob_pairs), len(p_ob), len(t_ob))
    result["actions_f1"] = f1(len(ac_pairs), len(p_ac), len(t_ac))

    objective_of = dict(ob_pairs)
    placed = sum(1 for i, j in ac_pairs if objective_of.get(p_ac[i][0]) == t_ac[j][0])
    result["actions_placed"] = placed / len(t_ac) if t_ac else float(not p_ac)

    tallies = {name: _Tally() for name in LISTS}
    details = {name: [0, 0] for name in DETAILS}
    kinds = [0, 0]
    paired_truth = set()
    for i, j in ac_pairs:
        paired_truth.add(j)
        got, want = p_ac[i][1], t_ac[j][1]
        for name in LISTS:
            read, written = got.get(name) or [], want.get(name) or []
            pairs = tallies[name].add(read, written)
            if name == "indicators":
                _count_kinds(kinds, read, written, pairs)
        for name in DETAILS:
            if want.get(name) not in (None, "", []):
                details[name][1] += 1
                details[name][0] += _same_detail(got.get(name), want.get(name))
    for j, (_, want) in enumerate(t_ac):
        if j not in paired_truth:
            for name in LISTS:
                tallies[name].written += len(want.get(name) or [])
    paired_objectives = set()
    for i, j in ob_pairs:
        paired_objectives.add(j)
        read = p_ob[i][1].get("indicators") or []
        written = t_ob[j][1].get("indicators") or []
        _count_kinds(kinds, read, written, tallies["indicators"].add(read, written))
    for j, (_, want) in enumerate(t_ob):
        if j not in paired_objectives:
            tallies["indicators"].written += len(want.get("indicators") or [])
    # an indicator or actor read where the plan wrote none of them at all is still invented
    for i, (_, got) in enumerate(p_ob):
        if i not in objective_of:
            tallies["indicators"].read += len(got.get("indicators") or [])
    read_actions = {i for i, _ in ac_pairs}
    for i, (_, got) in enumerate(p_ac):
        if i not in read_actions:
            for name in LISTS:
                tallies[name].read += len(got.get(name) or [])

    for name, tally in tallies.items():
        result[f"{name}_f1"] = f1(tally.paired, tally.read, tally.written)
    for name, (right, asked) in details.items():
        result[f"{name}_accuracy"] = _accuracy(right, asked)
    result["indicator_kind_accuracy"] = _accuracy(*kinds)
    asked = sum(n for _, n in details.values())
    result["details"] = sum(r for r, _ in details.values()) / asked if asked else 1.0
    result["score"] = sum(weight * result[name] for name, weight in WEIGHTS.items())
    result["counts"] = {
        "orientations": (len(p_or), len(t_or)),
        "objectives": (len(p_ob), len(t_ob)),
        "actions": (len(p_ac), len(t_ac)),
    }
    result["missed_actions"] = [
        t_ac[j][1].get("title") for j in range(len(t_ac)) if j not in paired_truth
    ]
    result["extra_actions"] = [
        p_ac[i][1].get("title") for i in range(len(p_ac)) if i not in read_actions
    ]
    return result


def _count_kinds(
    kinds: list[int], read: Sequence[Any], written: Sequence[Any], pairs: list[tuple[int, int]]
) -> None:
    for i, j in pairs:
        want = written[j].get("kind") if isinstance(written[j], dict) else None
        if want:
            got = read[i].get("kind") if isinstance(read[i], dict) else None
            kinds[1] += 1
            kinds[0] += got == want

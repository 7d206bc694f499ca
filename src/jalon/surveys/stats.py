"""Survey figures and small-group protection: pure functions over plain values, no Django.

Per question: the distribution, the mean, the satisfaction rate (share of 4 and 5), n. A
breakdown (by region, member kind or status) gives each group its n and its additive figures
(mean, satisfaction rate, share answering yes); a group's figures are hidden when:

- it has fewer than k responses (primary suppression);
- it must hide with another so that no hidden group can be recomputed from the total
  (complementary suppression): the overall figures are the sums of the groups', so one hidden
  group is the total minus the others. Groups are hidden until the hidden ones are at least two
  and hold together at least k responses (two hidden groups of one person each would still give
  away both answers when they agree); the smallest shown groups are hidden first.

The same groups are hidden for every question of a breakdown (they are chosen from the counts
of responses per group), so comparing two questions' tables gives nothing away either.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

SATISFIED = frozenset({"4", "5"})


@dataclass(frozen=True)
class Figures:
    n: int
    distribution: tuple[tuple[str, int], ...]  # (answer value, count) in the options' order
    mean: Decimal | None  # satisfaction and number questions
    satisfaction_rate: Decimal | None  # satisfaction questions: % of 4 and 5
    yes_rate: Decimal | None = None  # yes/no questions: % of yes


def percent(part: int, whole: int) -> Decimal | None:
    """part/whole in %, one decimal, None when there is no whole."""
    if whole <= 0:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), ROUND_HALF_UP)


def mean(values: Sequence[Decimal]) -> Decimal | None:
    if not values:
        return None
    return (sum(values, Decimal(0)) / len(values)).quantize(Decimal("0.01"), ROUND_HALF_UP)


def figures(kind: str, options: Sequence[str], answers: Sequence[object]) -> Figures:
    """The figures of one question from its answers (a choice value, a list of them, a number).

    `n` counts the responses that answered the question; a multiple-choice distribution counts
    each option chosen, so its shares are of respondents and may add up to more than 100 %.
    """
    n = len(answers)
    counts: Counter[str] = Counter()
    numbers: list[Decimal] = []
    for answer in answers:
        if isinstance(answer, list | tuple):
            counts.update(str(a) for a in answer)
        elif isinstance(answer, Decimal):
            numbers.append(answer)
        else:
            counts[str(answer)] += 1
    distribution = tuple((value, counts.get(value, 0)) for value in options)
    if kind == "satisfaction":
        scores = [Decimal(v) * c for v, c in counts.items() if v in {"1", "2", "3", "4", "5"}]
        total = sum(counts[v] for v in ("1", "2", "3", "4", "5"))
        avg = (
            (sum(scores, Decimal(0)) / total).quantize(Decimal("0.01"), ROUND_HALF_UP)
            if total
            else None
        )
        satisfied = sum(counts[v] for v in SATISFIED)
        return Figures(n, distribution, avg, percent(satisfied, total))
    if kind == "number":
        return Figures(n, (), mean(numbers), None)
    if kind == "yes_no":
        return Figures(n, distribution, None, None, percent(counts.get("yes", 0), n))
    return Figures(n, distribution, None, None)


def hidden_groups(sizes: Mapping[str, int], k: int) -> frozenset[str]:
    """The groups whose figures a breakdown hides, from the responses per group (see above)."""
    hidden = {g for g, size in sizes.items() if 0 < size < k}
    while hidden:
        together = sum(sizes[g] for g in hidden)
        if len(hidden) >= 2 and together >= k:
            break
        shown = sorted(
            (g for g, size in sizes.items() if g not in hidden and size > 0),
            key=lambda g: (sizes[g], g),
        )
        if not shown:
            break  # everything with an answer is hidden already
        hidden.add(shown[0])
    return frozenset(hidden)


@dataclass(frozen=True)
class GroupCell:
    group: str
    figures: Figures | None  # None: hidden (fewer than k, or hidden with one that was)
    hidden: bool


def breakdown(
    kind: str,
    options: Sequence[str],
    answers_by_group: Mapping[str, Sequence[object]],
    hidden: Iterable[str],
) -> list[GroupCell]:
    """One question broken down by group, the hidden groups' figures left out entirely."""
    hidden = frozenset(hidden)
    cells = []
    for group in sorted(answers_by_group):
        if group in hidden:
            cells.append(GroupCell(group, None, True))
        else:
            cells.append(GroupCell(group, figures(kind, options, answers_by_group[group]), False))
    return cells

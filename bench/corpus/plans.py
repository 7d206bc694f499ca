"""Synthetic plans: a seeded generator of varied French plans, and how each one is presented.

    plan = generate_plan(random.Random(7), kind="actions")
    plan.draft      the plan as a `jalon-plan/1` draft (the full truth before a layout projects it)
    plan.style      how the document presents it: numbering scheme, capitals, preambles, summary

`kind="indicators"` gives a government-style plan whose objectives carry indicators with
targets and no actions. Every choice is drawn from the `random.Random` given, so the same
seed always gives the same plan.
"""

from __future__ import annotations

import copy
import datetime as dt
import random
from dataclasses import dataclass, field

from jalon.plans.interchange import (
    ActionDraft,
    IndicatorDraft,
    ObjectiveDraft,
    OrientationDraft,
    PlanDraft,
)

from . import vocab

# How the levels are numbered in the document (the truth's codes follow the scheme).
NUMBERINGS = ("orientation", "axe", "unnumbered", "roman", "lettered", "ps", "decimal")
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]
LETTERS = "abcdefghij"


@dataclass
class Style:
    numbering: str = "orientation"
    caps_orientations: bool = False  # orientation titles written in capitals
    preamble: list[str] = field(default_factory=list)  # "intro", "presidence", "toc"
    summary_list: bool = False  # the orientations listed once before the detail
    statements: str = "labels"  # "labels" (Mission :) or "caps-dated" (MISSION ADOPTÉE EN AG…)
    intro: list[str] = field(default_factory=list)
    presidency: list[str] = field(default_factory=list)


@dataclass
class CorpusPlan:
    draft: PlanDraft
    style: Style
    name: str  # "synthetic-0007" or the seed file's stem

    def copy(self) -> CorpusPlan:
        return CorpusPlan(copy.deepcopy(self.draft), copy.deepcopy(self.style), self.name)


def _indicators(rng: random.Random, year: int, count: int) -> list[IndicatorDraft]:
    """`count` indicators of different stems (never two near-identical ones on one item)."""
    used: set[str] = set()
    return [_indicator(rng, year, used) for _ in range(count)]


def _indicator(rng: random.Random, year: int, used: set[str]) -> IndicatorDraft:
    form = rng.choice(list(vocab.INDICATOR_FORMS))
    stem = _unique(rng, vocab.INDICATOR_FORMS[form], used)
    percent = [5, 10, 15, 20, 25] if form == "growth" else [50, 60, 70, 75, 80, 85, 90]
    text = stem.format(n=rng.choice([2, 3, 4, 6, 8, 10, 12]), p=rng.choice(percent), year=year)
    kind = "MO" if form in ("count", "milestone", "frequency") else "R"
    if rng.random() < 0.15:
        kind = "R" if kind == "MO" else "MO"
    return IndicatorDraft(text=text, kind=kind)


def _unique(rng: random.Random, pool: list[str], used: set[str]) -> str:
    choices = [p for p in pool if p not in used] or pool
    pick = rng.choice(choices)
    used.add(pick)
    return pick


def apply_numbering(draft: PlanDraft, numbering: str) -> None:
    """Give every item the code the numbering scheme writes (None where it writes none)."""
    running = 0
    for oi, o in enumerate(draft.orientations, 1):
        o.code = {
            "unnumbered": None,
            "roman": ROMAN[(oi - 1) % len(ROMAN)],
        }.get(numbering, str(oi))
        for bi, ob in enumerate(o.objectives, 1):
            ob.kind = None
            if numbering == "roman":
                ob.code = chr(ord("A") + bi - 1)
            elif numbering == "ps":
                ob.kind = "principal" if bi % 2 else "secondary"
                ob.code = ("P" if ob.kind == "principal" else "S") + str(bi)
            else:
                ob.code = f"{oi}.{bi}"
            for ai, a in enumerate(ob.actions, 1):
                running += 1
                if numbering in ("orientation", "decimal"):
                    a.code = f"{oi}.{bi}.{ai}"
                elif numbering == "axe":
                    a.code = None
                elif numbering == "lettered":
                    a.code = LETTERS[(ai - 1) % len(LETTERS)]
                elif numbering == "ps":
                    a.code = str(running)
                else:
                    a.code = str(ai)


def generate_plan(
    rng: random.Random,
    *,
    kind: str = "actions",
    name: str = "synthetic",
    orientations: tuple[int, int] = (2, 6),
    max_actions: int = 28,
) -> CorpusPlan:
    """A plan drawn from `rng`: 2–6 orientations, objectives, actions with all their fields."""
    org_kind, acronym = rng.choice(vocab.ORG_KINDS)
    organization = f"{org_kind} {rng.choice(vocab.TERRITORIES)}"
    if rng.random() < 0.6:
        organization += f" ({acronym})"
    start = rng.randint(2019, 2026)
    years = rng.choice([3, 3, 4, 5, 5])
    month = rng.choice([7, 7, 4, 1])
    period_start = dt.date(start, month, 1)
    period_end = dt.date(start + years, month, 1) - dt.timedelta(days=1)
    end_year = period_end.year
    title = rng.choice(vocab.TITLE_FORMS).format(start=start, end=end_year)

    draft = PlanDraft(
        organization=organization,
        title=title,
        period_start=period_start,
        period_end=period_end,
        fiscal_year_start_month=month if month != 1 else None,
        mission=rng.choice(vocab.MISSIONS) if rng.random() < 0.8 else None,
        vision=rng.choice(vocab.VISIONS) if rng.random() < 0.5 else None,
        values=rng.sample(vocab.VALUES, rng.randint(3, 5)) if rng.random() < 0.6 else [],
        mandates=rng.sample(vocab.MANDATES, rng.randint(2, 4)) if rng.random() < 0.4 else [],
    )
    n_or = rng.randint(*orientations)
    used: set[str] = set()
    outcome = rng.random() < 0.3
    budget = max_actions
    for oi in range(n_or):
        if outcome:
            o_title = _unique(rng, vocab.OUTCOME_ORIENTATIONS, used).format(end=end_year)
        else:
            o_title = _unique(rng, vocab.ORIENTATIONS, used)
        o = OrientationDraft(title=o_title)
        n_ob = rng.randint(1, 3)
        for _ in range(n_ob):
            ob = ObjectiveDraft(title=_unique(rng, vocab.OBJECTIVES, used))
            if kind == "indicators":
                ob.indicators = _indicators(rng, start + rng.randint(1, years), rng.randint(1, 3))
            else:
                left_or = n_or - oi - 1
                n_ac = max(1, min(rng.randint(1, 4), budget - left_or))
                for _ in range(n_ac):
                    ob.actions.append(_action(rng, used, start, years))
                budget -= n_ac
            o.objectives.append(ob)
        draft.orientations.append(o)
    numbering = rng.choice(NUMBERINGS)
    apply_numbering(draft, numbering)
    style = Style(
        numbering=numbering,
        caps_orientations=rng.random() < 0.45,
        preamble=[p for p in ("intro", "presidence", "toc") if rng.random() < 0.45],
        summary_list=rng.random() < 0.35,
        statements=rng.choice(["labels", "labels", "caps-dated"]),
        intro=rng.sample(vocab.INTRO_PARAGRAPHS, 2),
        presidency=list(vocab.PRESIDENCY_PARAGRAPHS),
    )
    if style.caps_orientations:
        for o in draft.orientations:
            o.title = o.title.upper()
    return CorpusPlan(draft=draft, style=style, name=name)


def _action(rng: random.Random, used: set[str], start: int, years: int) -> ActionDraft:
    title = _unique(rng, vocab.ACTION_TITLES, used) + rng.choice(vocab.ACTION_TAILS)
    first = rng.randint(1, years)
    last = rng.randint(first, years)
    sched = list(range(first, last + 1)) if rng.random() < 0.85 else list(range(1, years + 1))
    status = rng.choice(
        ["completed", "in_progress", "in_progress", "not_started", "in_preparation", "postponed"]
    )
    n = rng.choice([2, 3, 4, 5, 6])
    return ActionDraft(
        title=title,
        actors=rng.sample(vocab.ACTORS, rng.choice([1, 1, 2, 2, 3])),
        expected_results=[
            r.format(n=n) for r in rng.sample(vocab.RESULTS, rng.choice([1, 1, 2, 2, 3]))
        ],
        indicators=_indicators(rng, start + last, rng.choice([1, 1, 2, 3])),
        schedule_years=sched,
        timing=rng.choice(vocab.TIMINGS).format(
            y1=start + first - 1, y2=start + first, y3=start + first + 1
        ),
        status=status,
        progress_note=rng.choice(vocab.PROGRESS_NOTES).format(n=n)
        if status in ("completed", "in_progress") and rng.random() < 0.5
        else None,
    )


def plan_from_truth(data: dict[str, object], name: str, rng: random.Random) -> CorpusPlan:
    """A seed's truth file as a corpus plan: its own codes kept, a presentation drawn."""
    from jalon.plans.interchange import draft_from_dict

    draft = draft_from_dict(data)
    style = Style(numbering="given", intro=rng.sample(vocab.INTRO_PARAGRAPHS, 2))
    return CorpusPlan(draft=draft, style=style, name=name)

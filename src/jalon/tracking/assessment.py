"""Where an indicator stands in a plan year, and why — a pure function.

`assess(target, measure, year=…, today=…)` reads the structured target of an indicator (the dict
`plans.targets.parse_target` returns, or one a person corrected) and what was measured in the
year, and returns where it stands with the reason as a sentence in the active language ("3 rencontres pour
une cible de 8 par année ; 50 % de l'année écoulée, soit 4 à ce jour : à risque (provisoire —
état au 30 décembre 2026)"). A year under way is provisional (on track, at risk, off track);
a year that is over or locked gets a final verdict (achieved or not achieved); a value without
a figure to reach is "followed" (no verdict); a year before follow-up started in Jalon is "not
tracked". The rules are written out in docs/tracking.md; keep the two in step.

Nothing here touches the database: the caller loads the values (see `queries.indicator_table`).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from typing import Any

from django.utils.translation import gettext as _

from jalon.core.fiscal import PlanYear
from jalon.plans.enums import ActionStatus

from .enums import JUDGEMENTS, VERDICTS, AssessmentStatus
from .formats import day_text, num, pct, quantity

# How many of each period a fiscal year holds, to bring every target to a yearly figure.
PERIODS_PER_YEAR: dict[str, int] = {
    "year": 1,
    "semester": 2,
    "quarter": 4,
    "month": 12,
    "week": 52,
    "day": 365,
}
# Below this share of what is expected to date, a count is off track rather than at risk.
AT_RISK_SHARE = Decimal("0.75")
# A rate this many points (or fewer) short of its threshold is at risk rather than off track.
RATE_MARGIN_POINTS = Decimal(5)
# A frequency target is at risk when the last occurrence is older than its interval by this factor.
CADENCE_GRACE = Decimal("1.1")
# Half-way through the deadline year, a milestone whose action has not started is at risk.
MILESTONE_WARNING_SHARE = 0.5

DECREASING = {"decrease", "at_most"}


@dataclass(frozen=True)
class Measure:
    """What was measured for one indicator in one plan year."""

    value: Decimal | None = None  # the year's value (count, amount, rate, or % change)
    previous: Decimal | None = None  # the previous year's value (year 0 = the baseline)
    cumulative: Decimal | None = None  # sum of the yearly values through this year
    value_is_change: bool = False  # the value is already a % change against the previous year
    done: bool | None = None  # milestones: done, explicitly not done, or unknown
    done_on: dt.date | None = None
    action_status: str = ""  # current status of the indicator's action ("" when unknown)
    occurrences: tuple[dt.date, ...] = ()  # frequency targets: dated occurrences in the year
    narrative: str = ""  # qualitative: what was observed
    judgement: str = ""  # qualitative: a person's own assessment (an AssessmentStatus value)
    # False for a year that ended before follow-up started in Jalon (Plan.tracking_started_on):
    # what is not entered by hand for it is unknown, not zero.
    tracked: bool = True
    previous_tracked: bool = True  # the same for the previous year (growth compares with it)
    noun: str = ""  # what a growth target counts ("abonnés"), to print its level in words


@dataclass(frozen=True)
class Assessment:
    status: AssessmentStatus
    reason: str
    provisional: bool = False  # the year is under way: the verdict may still change
    as_of: dt.date | None = None  # the day a provisional verdict was made
    facts: str = ""  # the reason without its verdict, to settle a final verdict


def assess(
    target: Mapping[str, Any] | None,
    measure: Measure,
    *,
    year: PlanYear,
    today: dt.date,
    plan_period: PlanYear | None = None,
    deadline: int | None = None,
    final: bool = False,
) -> Assessment:
    """Assess one indicator for one plan year.

    `plan_period` spans the plan up to the deadline of a target set over the plan ("15
    régions d'ici 2027": from the plan's start to the end of the plan year ending in 2027);
    `deadline` is the plan year by which a milestone is due (its action's last scheduled
    year); `final` says the year is locked, so its verdict is final even before it ends.
    """
    form = (target or {}).get("form")
    closed = final or today > year.end
    share = 1.0 if closed else year.elapsed_share(today)
    if today < year.start and _nothing_measured(measure):
        return Assessment(
            AssessmentStatus.NO_DATA,
            _("L'année %(year)s n'est pas commencée.") % {"year": year.label},
        )
    if not measure.tracked and _nothing_measured(measure):
        return Assessment(
            AssessmentStatus.NOT_TRACKED,
            _("Pas de suivi dans Jalon pour %(year)s : aucune valeur n'a été inscrite.")
            % {"year": year.label},
        )
    result = _by_form(form, target or {}, measure, year, share, today, plan_period, deadline)
    return _settle(result, closed=closed, today=today, year=year)


def _by_form(
    form: object,
    target: Mapping[str, Any],
    measure: Measure,
    year: PlanYear,
    share: float,
    today: dt.date,
    plan_period: PlanYear | None,
    deadline: int | None,
) -> Assessment:
    if form == "qualitative":
        return _qualitative(measure, year)
    if form == "milestone":
        return _milestone(measure, year, share, deadline)
    if form == "frequency":
        return _frequency(target, measure, year, share, today)
    if form == "rate":
        return _rate(target, measure, year)
    if form == "growth":
        return _growth(target, measure, year, share)
    if form == "count":
        return _count(target, measure, year, share, plan_period, today)
    if form == "plain_count":
        return _plain(target, measure, year, share)
    # No structured target: say what was recorded, without a verdict.
    if measure.value is not None:
        return _plain({}, measure, year, share)
    if measure.narrative:
        return _qualitative(measure, year)
    return Assessment(
        AssessmentStatus.NO_DATA,
        _("Aucune cible structurée et aucune valeur pour %(year)s.") % {"year": year.label},
    )


PROVISIONAL_VERDICTS = {
    AssessmentStatus.ON_TRACK,
    AssessmentStatus.AT_RISK,
    AssessmentStatus.OFF_TRACK,
}


def _settle(result: Assessment, *, closed: bool, today: dt.date, year: PlanYear) -> Assessment:
    """A closed year's verdict is final; a year under way says it is provisional, and when."""
    if closed:
        if result.status in PROVISIONAL_VERDICTS and result.facts:
            # A verdict that did not reach its target by the end of the year is final.
            return _verdict(AssessmentStatus.NOT_ACHIEVED, result.facts)
        return result
    if result.status not in VERDICTS:
        return result  # no data, not tracked, followed: nothing provisional to say
    note = _("provisoire — état au %(date)s") % {"date": day_text(today)}
    return Assessment(
        result.status,
        _("%(reason)s (%(note)s)") % {"reason": result.reason, "note": note},
        provisional=True,
        as_of=today,
        facts=result.facts,
    )


# --- one function per form of target ---------------------------------------------------------


def _count(
    target: Mapping[str, Any],
    measure: Measure,
    year: PlanYear,
    share: float,
    plan_period: PlanYear | None,
    today: dt.date,
) -> Assessment:
    raw = _decimal(target.get("value"))
    if raw is None:
        return _plain(target, measure, year, share)
    unit = str(target.get("unit") or "").strip()
    period = target.get("period") or "year"
    if period == "plan" and plan_period is not None:
        return _cumulative(target, measure, year, share, plan_period, today, raw, unit)
    if measure.value is None:
        return _no_value(year)
    per_year = raw * PERIODS_PER_YEAR.get(str(period), 1)
    if period in PERIODS_PER_YEAR and period != "year":
        target_text = _("%(per_year)s par année (%(raw)s par %(period)s)") % {
            "per_year": num(per_year),
            "raw": num(raw),
            "period": _period_name(str(period)),
        }
    else:
        target_text = _("%(per_year)s par année") % {"per_year": num(per_year)}
    if target.get("direction") in DECREASING:
        facts = _("%(value)s pour un maximum de %(target)s") % {
            "value": quantity(measure.value, unit),
            "target": target_text,
        }
    else:
        facts = _("%(value)s pour une cible de %(target)s") % {
            "value": quantity(measure.value, unit),
            "target": target_text,
        }
    return _pro_rata(measure.value, per_year, share, facts, _("de l'année écoulée"), target)


def _cumulative(
    target: Mapping[str, Any],
    measure: Measure,
    year: PlanYear,
    share: float,
    span: PlanYear,
    today: dt.date,
    goal: Decimal,
    unit: str,
) -> Assessment:
    """A count to reach over the plan, or by a deadline: the sum of the yearly values so far
    against a straight trajectory from the plan's start to the deadline."""
    done = measure.cumulative if measure.cumulative is not None else measure.value
    if done is None:
        return _no_value(year)
    by = target.get("by")
    due = (
        _("d'ici %(year)s") % {"year": by}
        if isinstance(by, int) and not isinstance(by, bool)
        else _("sur la durée du plan")
    )
    facts = _("%(value)s depuis le début du plan pour une cible de %(target)s %(due)s") % {
        "value": quantity(done, unit),
        "target": num(goal),
        "due": due,
    }
    # Where the trajectory stands at the end of this year (or today, during it).
    span_share = span.elapsed_share(min(today, year.end))
    if share >= 1 and span_share < 1 and target.get("direction") not in DECREASING:
        # A closed year before the deadline: did it reach its step of the trajectory?
        step = Decimal(math.floor(goal * Decimal(str(span_share))))
        detail = _(
            "%(facts)s ; trajectoire : %(step)s à la fin de %(year)s (%(share)s du délai)"
        ) % {
            "facts": facts,
            "step": num(step),
            "year": year.label,
            "share": pct(Decimal(str(round(span_share * 100)))),
        }
        status = AssessmentStatus.ACHIEVED if done >= step else AssessmentStatus.NOT_ACHIEVED
        return _verdict(status, detail)
    return _pro_rata(
        done, goal, span_share, facts, _("du délai écoulé"), target, ended=_("Échéance passée")
    )


def _pro_rata(
    value: Decimal,
    goal: Decimal,
    share: float,
    facts: str,
    elapsed_words: str,
    target: Mapping[str, Any],
    *,
    ended: str | None = None,
) -> Assessment:
    """A cumulative figure against a goal for the whole span, prorated to the share elapsed."""
    share_text = pct(Decimal(str(round(share * 100))))
    if target.get("direction") in DECREASING:
        allowed = goal * Decimal(str(share))
        if value > goal:
            return _verdict(AssessmentStatus.OFF_TRACK, facts)
        if share >= 1:
            return _verdict(AssessmentStatus.ACHIEVED, facts)
        detail = _("%(facts)s ; %(share)s %(elapsed)s, soit au plus %(expected)s à ce jour") % {
            "facts": facts,
            "share": share_text,
            "elapsed": elapsed_words,
            "expected": num(allowed),
        }
        if value <= allowed:
            return _verdict(AssessmentStatus.ON_TRACK, detail)
        return _verdict(AssessmentStatus.AT_RISK, detail)
    if value >= goal:
        return _verdict(AssessmentStatus.ACHIEVED, facts)
    if share >= 1:
        return _verdict(
            AssessmentStatus.OFF_TRACK,
            _("%(ended)s : %(facts)s") % {"ended": ended or _("Année terminée"), "facts": facts},
        )
    expected = Decimal(math.floor(goal * Decimal(str(share))))
    detail = _("%(facts)s ; %(share)s %(elapsed)s, soit %(expected)s à ce jour") % {
        "facts": facts,
        "share": share_text,
        "elapsed": elapsed_words,
        "expected": num(expected),
    }
    if value >= expected:
        return _verdict(AssessmentStatus.ON_TRACK, detail)
    if value >= expected * AT_RISK_SHARE:
        return _verdict(AssessmentStatus.AT_RISK, detail)
    return _verdict(AssessmentStatus.OFF_TRACK, detail)


def _rate(target: Mapping[str, Any], measure: Measure, year: PlanYear) -> Assessment:
    threshold = _decimal(target.get("value"))
    if measure.value is None:
        return _no_value(year)
    if threshold is None:
        return _followed(
            _("Taux mesuré : %(value)s, sans seuil chiffré") % {"value": pct(measure.value)}
        )
    at_most = target.get("direction") in DECREASING
    gap = measure.value - threshold if at_most else threshold - measure.value
    words = (
        _("Taux mesuré : %(value)s pour un maximum de %(target)s")
        if at_most
        else _("Taux mesuré : %(value)s pour une cible de %(target)s")
    )
    facts = words % {"value": pct(measure.value), "target": pct(threshold)}
    if gap <= 0:
        return _verdict(AssessmentStatus.ACHIEVED, facts)
    facts = _("%(facts)s (écart de %(gap)s points)") % {"facts": facts, "gap": num(gap)}
    if gap <= RATE_MARGIN_POINTS:
        return _verdict(AssessmentStatus.AT_RISK, facts)
    return _verdict(AssessmentStatus.OFF_TRACK, facts)


def _growth(
    target: Mapping[str, Any], measure: Measure, year: PlanYear, share: float
) -> Assessment:
    goal_pct = _decimal(target.get("value"))
    decreasing = target.get("direction") in DECREASING
    # A growth target's value is a level counted in its own noun ("2 113 abonnés"), not in %.
    unit = measure.noun or str(target.get("unit") or "").strip().replace("%", "")
    if measure.value is None:
        return _no_value(year)
    if measure.value_is_change:
        return _growth_as_change(goal_pct, measure.value, decreasing, share)
    if measure.previous is None:
        wanted = (
            (_("la baisse visée (-%(pct)s)") if decreasing else _("la hausse visée (+%(pct)s)"))
            % {"pct": pct(goal_pct)}
            if goal_pct is not None
            else (_("la baisse visée") if decreasing else _("la hausse visée"))
        )
        if not measure.previous_tracked:
            return Assessment(
                AssessmentStatus.NOT_TRACKED,
                _(
                    "Pas de suivi l'année précédente : %(wanted)s ne peut pas être mesurée "
                    "(%(value)s en %(year)s)."
                )
                % {"wanted": wanted, "value": quantity(measure.value, unit), "year": year.label},
            )
        return Assessment(
            AssessmentStatus.NO_DATA,
            _(
                "Aucune valeur pour l'année précédente : %(wanted)s ne peut pas être mesurée ; "
                "inscrivez une valeur de référence."
            )
            % {"wanted": wanted},
        )
    previous = measure.previous
    if previous == 0:
        return _followed(
            _(
                "%(value)s ; l'année précédente était à zéro : une variation en pourcentage "
                "ne se mesure pas"
            )
            % {"value": quantity(measure.value, unit)}
        )
    if goal_pct is None:
        # "Augmentation du nombre de visites": more than last year, by any amount.
        facts = _("%(value)s contre %(previous)s l'année précédente (%(change)s)") % {
            "value": quantity(measure.value, unit),
            "previous": quantity(previous, unit),
            "change": _signed_change(measure.value, previous),
        }
        return _any_change(measure.value, previous, decreasing, share, facts)
    factor = (Decimal(100) - goal_pct) / 100 if decreasing else (Decimal(100) + goal_pct) / 100
    goal = (previous * factor).quantize(Decimal("0.01"))
    words = (
        _(
            "%(value)s, %(change)s sur l'année précédente (%(previous)s) ; cible : baisse de "
            "%(pct)s, soit au plus %(goal)s"
        )
        if decreasing
        else _(
            "%(value)s, %(change)s sur l'année précédente (%(previous)s) ; cible : hausse de "
            "%(pct)s, soit %(goal)s"
        )
    )
    if share < 1:
        # A year under way holds part of a year: its change on a whole year means nothing yet.
        words = (
            _(
                "%(value)s à ce jour, contre %(previous)s l'année précédente ; cible : baisse de "
                "%(pct)s, soit au plus %(goal)s"
            )
            if decreasing
            else _(
                "%(value)s à ce jour, contre %(previous)s l'année précédente ; cible : hausse "
                "de %(pct)s, soit %(goal)s"
            )
        )
    facts = words % {
        "value": quantity(measure.value, unit),
        "change": _signed_change(measure.value, previous, -goal_pct if decreasing else goal_pct),
        "pct": pct(goal_pct),
        "previous": quantity(previous, unit),
        "goal": num(goal),
    }
    goal_target = {"direction": "at_most"} if decreasing else {}
    return _pro_rata(measure.value, goal, share, facts, _("de l'année écoulée"), goal_target)


def _any_change(
    value: Decimal, previous: Decimal, decreasing: bool, share: float, facts: str
) -> Assessment:
    """A change in the right direction, by any amount, against last year's full value."""
    if decreasing:
        if value > previous:
            return _verdict(AssessmentStatus.OFF_TRACK, facts)
        if share >= 1:
            status = AssessmentStatus.ACHIEVED if value < previous else AssessmentStatus.OFF_TRACK
            return _verdict(status, facts)
        return _verdict(AssessmentStatus.ON_TRACK, facts)
    if value > previous:
        return _verdict(AssessmentStatus.ACHIEVED, facts)
    if share >= 1:
        return _verdict(AssessmentStatus.OFF_TRACK, facts)
    expected = Decimal(math.floor(previous * Decimal(str(share))))
    detail = _("%(facts)s ; %(share)s de l'année écoulée, soit %(expected)s à ce jour") % {
        "facts": facts,
        "share": pct(Decimal(str(round(share * 100)))),
        "expected": num(expected),
    }
    if value >= expected:
        return _verdict(AssessmentStatus.ON_TRACK, detail)
    if value >= expected * AT_RISK_SHARE:
        return _verdict(AssessmentStatus.AT_RISK, detail)
    return _verdict(AssessmentStatus.OFF_TRACK, detail)


def _growth_as_change(
    goal_pct: Decimal | None, change: Decimal, decreasing: bool, share: float
) -> Assessment:
    """The value is itself the % change against the same span of the previous year."""
    facts = _("Variation de %(change)s par rapport à la même période l'an dernier") % {
        "change": _signed_pct(change)
    }
    wanted = goal_pct if goal_pct is not None else Decimal(0)
    if goal_pct is not None:
        facts = _("%(facts)s, pour une cible de %(target)s") % {
            "facts": facts,
            "target": _signed_pct(-wanted if decreasing else wanted),
        }
    met = change <= -wanted if decreasing else change >= wanted
    if goal_pct is None:
        met = change < 0 if decreasing else change > 0
    if met:
        status = AssessmentStatus.ACHIEVED if share >= 1 else AssessmentStatus.ON_TRACK
        return _verdict(status, facts)
    if share >= 1:
        return _verdict(AssessmentStatus.OFF_TRACK, facts)
    right_way = change <= 0 if decreasing else change >= 0
    return _verdict(AssessmentStatus.AT_RISK if right_way else AssessmentStatus.OFF_TRACK, facts)


def _plain(target: Mapping[str, Any], measure: Measure, year: PlanYear, share: float) -> Assessment:
    """A number followed without a figure to reach ("Nombre de membres recrutés")."""
    if measure.value is None:
        return _no_value(year)
    unit = str(target.get("unit") or "").strip()
    if target.get("direction") in {"increase", "decrease"} and measure.previous is not None:
        return _growth({**target, "value": None}, measure, year, share)
    return _followed(
        _("Valeur suivie sans cible chiffrée : %(value)s pour %(year)s")
        % {"value": quantity(measure.value, unit), "year": year.label}
    )


def _milestone(measure: Measure, year: PlanYear, share: float, deadline: int | None) -> Assessment:
    if measure.done or (measure.done is None and measure.action_status == ActionStatus.COMPLETED):
        if measure.done_on:
            facts = _("Réalisé le %(date)s") % {"date": day_text(measure.done_on)}
        elif measure.done:
            facts = _("Réalisé")
        else:
            facts = _("Réalisé (l'action est complétée)")
        return _verdict(AssessmentStatus.ACHIEVED, facts)
    if measure.done is None and not measure.action_status:
        return Assessment(
            AssessmentStatus.NO_DATA,
            _("Aucune information pour %(year)s : ni réalisation inscrite ni état de l'action.")
            % {"year": year.label},
        )
    if measure.action_status == ActionStatus.ABANDONED:
        return _verdict(AssessmentStatus.OFF_TRACK, _("Non réalisé : l'action est abandonnée"))
    due = deadline if deadline is not None else year.number
    if year.number < due and share >= 1:
        return _followed(
            _("Pas encore réalisé à la fin de %(year)s ; échéance : An %(due)s")
            % {"year": year.label, "due": due}
        )
    if year.number < due:
        return _verdict(
            AssessmentStatus.ON_TRACK,
            _("Pas encore réalisé ; échéance : An %(due)s") % {"due": due},
        )
    if year.number > due:
        return _verdict(
            AssessmentStatus.OFF_TRACK,
            _("Non réalisé ; l'échéance (An %(due)s) est dépassée") % {"due": due},
        )
    if share >= 1:
        return _verdict(AssessmentStatus.OFF_TRACK, _("Non réalisé à la fin de l'année d'échéance"))
    status_label = _status_label(measure.action_status)
    facts = _(
        "Pas encore réalisé ; %(share)s de l'année d'échéance écoulée, action « %(status)s »"
    ) % {
        "share": pct(Decimal(str(round(share * 100)))),
        "status": status_label,
    }
    started = measure.action_status in {ActionStatus.IN_PROGRESS, ActionStatus.COMPLETED}
    if share >= MILESTONE_WARNING_SHARE and not started:
        return _verdict(AssessmentStatus.AT_RISK, facts)
    return _verdict(AssessmentStatus.ON_TRACK, facts)


def _frequency(
    target: Mapping[str, Any], measure: Measure, year: PlanYear, share: float, today: dt.date
) -> Assessment:
    per_year, cadence = _cadence(target)
    if per_year is None or per_year <= 0:
        return _plain(target, measure, year, share)
    if measure.value is None and not measure.occurrences:
        return _no_value(year)
    count = (
        Decimal(len(measure.occurrences)) if measure.occurrences else (measure.value or Decimal(0))
    )
    facts = _("%(count)s pour %(per_year)s attendues par année (%(cadence)s)") % {
        "count": quantity(count, _("occurrences")),
        "per_year": num(per_year),
        "cadence": cadence,
    }
    if count >= per_year:
        return _verdict(AssessmentStatus.ACHIEVED, facts)
    if share >= 1:
        return _verdict(
            AssessmentStatus.OFF_TRACK, _("Année terminée : %(facts)s") % {"facts": facts}
        )
    expected = Decimal(math.floor(per_year * Decimal(str(share))))
    facts = _("%(facts)s ; %(share)s de l'année écoulée, soit %(expected)s à ce jour") % {
        "facts": facts,
        "share": pct(Decimal(str(round(share * 100)))),
        "expected": num(expected),
    }
    interval = Decimal(365) / per_year
    last = max(measure.occurrences) if measure.occurrences else None
    since = (min(today, year.end) - (last or year.start)).days
    if count >= expected:
        if since > interval * CADENCE_GRACE:
            if last is not None:
                late = _("dernière occurrence le %(date)s, il y a %(days)s jours") % {
                    "date": day_text(last),
                    "days": since,
                }
            else:
                late = _("aucune occurrence depuis %(days)s jours") % {"days": since}
            facts = _(
                "%(facts)s, mais %(late)s, plus que l'intervalle visé (%(interval)s jours)"
            ) % {
                "facts": facts,
                "late": late,
                "interval": num(interval.quantize(Decimal(1))),
            }
            return _verdict(AssessmentStatus.AT_RISK, facts)
        return _verdict(AssessmentStatus.ON_TRACK, facts)
    if count >= expected - 1:
        return _verdict(AssessmentStatus.AT_RISK, facts)
    return _verdict(AssessmentStatus.OFF_TRACK, facts)


def _qualitative(measure: Measure, year: PlanYear) -> Assessment:
    if not measure.narrative.strip():
        return Assessment(
            AssessmentStatus.NO_DATA,
            _("Aucun constat inscrit pour %(year)s.") % {"year": year.label},
        )
    excerpt = _excerpt(measure.narrative)
    if measure.judgement and measure.judgement in JUDGEMENTS:
        # A person's judgement is the assessment; once the year is over, anything short of
        # "atteint" settles as "non atteint", with the person's words kept in the reason.
        status = AssessmentStatus(measure.judgement)
        facts = _("Appréciation inscrite (« %(judgement)s ») avec le constat « %(excerpt)s »") % {
            "judgement": str(status.label).lower(),
            "excerpt": excerpt,
        }
        return _verdict(status, facts)
    return _followed(_("Constat inscrit pour l'année : « %(excerpt)s »") % {"excerpt": excerpt})


# --- words and numbers ------------------------------------------------------------------------


def _nothing_measured(measure: Measure) -> bool:
    return (
        measure.value is None
        and not measure.done
        and not measure.occurrences
        and not measure.narrative.strip()
    )


def _verdict(status: AssessmentStatus, facts: str) -> Assessment:
    return Assessment(
        status,
        _("%(facts)s : %(verdict)s") % {"facts": facts, "verdict": str(status.label).lower()},
        facts=facts,
    )


def _followed(facts: str) -> Assessment:
    """A value followed without a figure to reach: said, not judged."""
    return Assessment(AssessmentStatus.FOLLOWED, _("%(facts)s (sans verdict)") % {"facts": facts})


def _no_value(year: PlanYear) -> Assessment:
    return Assessment(
        AssessmentStatus.NO_DATA, _("Aucune valeur pour %(year)s.") % {"year": year.label}
    )


def _decimal(value: object) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return Decimal(str(value))
    except ArithmeticError:
        return None


def _signed_pct(value: Decimal) -> str:
    return f"+{pct(value)}" if value > 0 else pct(value)


def _signed_change(value: Decimal, previous: Decimal, goal: Decimal | None = None) -> str:
    if previous == 0:
        return _("l'an dernier était à zéro")
    return _signed_pct(change_pct(value, previous, goal))


def change_pct(value: Decimal, previous: Decimal, goal: Decimal | None = None) -> Decimal:
    """The change from `previous` in %, to one decimal (+8,69 % → +8,7 %).

    A change just short of its `goal` (a signed %) is cut rather than rounded, so it never
    prints as the goal it missed: +9,98 % for a +10 % target reads "+9,9 %", not "+10,0 %".
    """
    exact = (value - previous) * 100 / previous
    shown = exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    if goal is not None and abs(exact) < abs(goal) <= abs(shown):
        shown = exact.quantize(Decimal("0.1"), rounding=ROUND_DOWN)
    return shown


def _excerpt(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _status_label(status: str) -> str:
    if not status:
        return _("état inconnu")
    try:
        return str(ActionStatus(status).label)
    except ValueError:
        return status


def _period_name(period: str) -> str:
    names = {
        "year": _("année"),
        "semester": _("semestre"),
        "quarter": _("trimestre"),
        "month": _("mois"),
        "week": _("semaine"),
        "day": _("jour"),
    }
    return names.get(period, period)


def _cadence(target: Mapping[str, Any]) -> tuple[Decimal | None, str]:
    """Occurrences expected per year, and the cadence in words ("tous les 3 mois")."""
    every = target.get("every")
    if isinstance(every, Mapping) and every.get("unit") in PERIODS_PER_YEAR:
        count = _decimal(every.get("count")) or Decimal(1)
        if count <= 0:
            return None, ""
        unit = str(every["unit"])
        per_year = Decimal(PERIODS_PER_YEAR[unit]) / count
        if count == 1:
            words = {
                "year": _("chaque année"),
                "semester": _("chaque semestre"),
                "quarter": _("chaque trimestre"),
                "month": _("chaque mois"),
                "week": _("chaque semaine"),
                "day": _("chaque jour"),
            }[unit]
        else:
            plural = {
                "year": _("tous les %(n)s ans"),
                "semester": _("tous les %(n)s semestres"),
                "quarter": _("tous les %(n)s trimestres"),
                "month": _("tous les %(n)s mois"),
                "week": _("toutes les %(n)s semaines"),
                "day": _("tous les %(n)s jours"),
            }[unit]
            words = plural % {"n": num(count)}
        return per_year, words
    value = _decimal(target.get("value"))
    period = str(target.get("period") or "year")
    if value is not None and period in PERIODS_PER_YEAR:
        words = _("%(n)s fois par %(period)s") % {"n": num(value), "period": _period_name(period)}
        return value * PERIODS_PER_YEAR[period], words
    return None, ""

"""Words and typography shared by every renderer, in the reader's language.

French typography as our users write it: a non-breaking space inside « » and before the colon
and the percent sign, dates as "3 octobre 2013" ("1er octobre"), plan years "2017-2018 (An 1)".
Plan content keeps its wording; only its spaces are made non-breaking where French requires it.
"""

from __future__ import annotations

import datetime as dt
import re

from django.utils import dateformat
from django.utils.translation import get_language, gettext, ngettext, pgettext

from jalon.core.fiscal import PlanYear
from jalon.plans.enums import ActionStatus
from jalon.tracking.formats import french_count

from .data import (
    ActionItem,
    ObjectiveItem,
    OrientationItem,
    PlanReport,
    StatusSummary,
    completion_rate,
)

NBSP = "\u00a0"

_OPEN_QUOTE = re.compile(r"«[ \t]*")
_CLOSE_QUOTE = re.compile(r"[ \t]*»")
_BEFORE_COLON = re.compile(r"(?<=\S)[ \t]+:(?=\s|$)")
_PERCENT = re.compile(r"(?<=\d)[ \t]*%")


def is_french() -> bool:
    return (get_language() or "fr").startswith("fr")


def typeset(text: str) -> str:
    """Non-breaking spaces where French typography wants them; the words stay as written."""
    if not text:
        return ""
    text = _OPEN_QUOTE.sub("«" + NBSP, text)
    text = _CLOSE_QUOTE.sub(NBSP + "»", text)
    text = _BEFORE_COLON.sub(NBSP + ":", text)
    return _PERCENT.sub(NBSP + "%", text)


def quoted(text: str) -> str:
    """« text » in French, “text” in English."""
    if is_french():
        return f"«{NBSP}{text}{NBSP}»"
    return f"“{text}”"


def colon() -> str:
    """The colon with the space French puts before it."""
    return f"{NBSP}: " if is_french() else ": "


def long_date(day: dt.date | None) -> str:
    """3 octobre 2013, 1er juillet 2017 / October 3, 2013."""
    if day is None:
        return ""
    if is_french():
        text = dateformat.format(day, "j F Y")
        return text.replace("1 ", "1er ", 1) if day.day == 1 else text
    return dateformat.format(day, "F j, Y")


def percent(value: float | None, decimals: int = 0) -> str:
    if value is None:
        return ""
    number = f"{value:.{decimals}f}"
    if is_french():
        number = number.replace(".", ",")
    return f"{number}{NBSP}%"


def number(value: float) -> str:
    """A measure as readers write it: "12", "3,5", "1 250" (grouped with a non-breaking space)."""
    whole = float(value).is_integer()
    digits = f"{value:,.0f}" if whole else f"{value:,.1f}"
    if is_french():
        digits = digits.replace(",", NBSP).replace(".", ",")
    return digits


def period_label(plan: PlanReport) -> str:
    """2017-2022, or the dates when the period does not follow whole years."""
    if plan.period_start and plan.period_end:
        return gettext("du %(start)s au %(end)s") % {
            "start": long_date(plan.period_start),
            "end": long_date(plan.period_end),
        }
    return ""


def year_label(year: PlanYear) -> str:
    return year.label if is_french() else year.label.replace("(An ", "(Year ")


def year_short(number: int) -> str:
    return gettext("An %(number)s") % {"number": number}


def status_label(status: str) -> str:
    if not status:
        return pgettext("status", "Non précisé")
    try:
        return str(ActionStatus(status).label)
    except ValueError:
        return status


def status_with_date(status: str, changed_on: dt.date | None) -> str:
    label = status_label(status)
    if status and changed_on:
        return gettext("%(status)s (%(date)s)") % {"status": label, "date": long_date(changed_on)}
    return label


def orientation_heading(orientation: OrientationItem) -> str:
    """ORIENTATION 1 : title, as plans write it."""
    if orientation.code:
        return (
            gettext("Orientation %(code)s") % {"code": orientation.code}
            + colon()
            + typeset(orientation.title)
        )
    return typeset(orientation.title)


def objective_label(objective: ObjectiveItem) -> str:
    """P1. title / 1.1 title."""
    if not objective.code:
        return typeset(objective.title)
    separator = ". " if objective.code[-1].isalnum() and objective.kind else " "
    return f"{objective.code}{separator}{typeset(objective.title)}"


def action_label(action: ActionItem) -> str:
    return f"{action.code}. {typeset(action.title)}" if action.code else typeset(action.title)


def indicator_text(kind: str, text: str) -> str:
    """MO = text, as plans write their indicators."""
    return f"{kind} = {typeset(text)}" if kind else typeset(text)


def expected_result_text(text: str, plan_year: int | None) -> str:
    """Year-specific results keep their year in front unless the text already names it."""
    if plan_year and not re.match(r"\s*ans?\b", text, re.IGNORECASE):
        return year_short(plan_year) + colon() + typeset(text)
    return typeset(text)


def schedule_text(action: ActionItem) -> str:
    """Timing as written, else the plan years: "Automne 2013", "An 1, An 2"."""
    if action.timing:
        return typeset(action.timing)
    if action.schedule_years:
        return ", ".join(year_short(y) for y in action.schedule_years)
    return ""


def organization_line(plan: PlanReport) -> str:
    if plan.organization_acronym and plan.organization_acronym not in plan.organization:
        return f"{plan.organization} ({plan.organization_acronym})"
    return plan.organization


def legend_lines(plan: PlanReport) -> list[str]:
    """The legend plans print under their title, for the codes this plan uses."""
    lines = []
    if plan.has_objective_kinds:
        lines.append(gettext("Objectifs") + colon() + gettext("principaux (P), secondaires (S)"))
    if plan.has_indicator_kinds:
        lines.append(
            gettext("Indicateurs de suivi") + colon() + gettext("mise en œuvre (MO), résultat (R)")
        )
    return lines


def trend_label(direction: str) -> str:
    """The direction of an indicator from its first to its last measured value."""
    return {
        "up": gettext("En hausse"),
        "down": gettext("En baisse"),
        "flat": gettext("Stable"),
    }.get(direction, "—")


def completion_sentence(summary: StatusSummary) -> str:
    """How the completion rate was computed, in words, for the page that prints it:
    "4 actions complétées sur 18 (22 %) ; 2 actions abandonnées ne sont pas comptées ;
    1 action reportée compte comme non complétée." (the dashboard says the same)."""
    completed = summary.count("completed")
    counted = summary.counted_for_completion
    if not summary.total:
        return gettext("Aucune action.")
    if not counted:
        return gettext("Toutes les actions sont abandonnées.")
    sentence = ngettext(
        "%(completed)s action complétée sur %(counted)s (%(rate)s)",
        "%(completed)s actions complétées sur %(counted)s (%(rate)s)",
        french_count(completed),
    ) % {
        "completed": number(completed),
        "counted": number(counted),
        "rate": percent(completion_rate(summary)),
    }
    abandoned = summary.count("abandoned")
    if abandoned:
        sentence += ngettext(
            " ; %(n)s action abandonnée n'est pas comptée",
            " ; %(n)s actions abandonnées ne sont pas comptées",
            french_count(abandoned),
        ) % {"n": number(abandoned)}
    postponed = summary.count("postponed")
    if postponed:
        sentence += ngettext(
            " ; %(n)s action reportée compte comme non complétée",
            " ; %(n)s actions reportées comptent comme non complétées",
            french_count(postponed),
        ) % {"n": number(postponed)}
    return sentence + "."

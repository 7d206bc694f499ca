"""Roll-ups of action statuses per objective, orientation and plan — pure functions.

Each figure comes with the sentence that says how it was computed, shown beside it, so
a board member can check it by hand:

- actions by status: the current status of each action (its latest update);
- completion rate: completed actions over all actions, abandoned ones left out; a postponed
  action, or one with no status, counts as not completed (the same definition as
  `reports.data.completion_rate`, so the dashboard, the *mise à jour* and both bilans agree);
- average progress: the mean of each action's progress, where a completed action counts
  for 100 %, an action not started or in preparation without a percentage for 0 %, and
  any other action for its latest percentage; actions with no percentage to go on (in
  progress or postponed without one) are left out and counted in the sentence.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from jalon.plans.enums import ActionStatus

from .formats import french_count

UNKNOWN = ""  # an action with no status yet
STATUS_ORDER = [*ActionStatus.values, UNKNOWN]
ZERO_WHEN_UNKNOWN = {ActionStatus.NOT_STARTED, ActionStatus.IN_PREPARATION}


@dataclass(frozen=True)
class ActionState:
    action_id: int
    objective_id: int
    orientation_id: int
    status: str
    progress: int | None  # latest progress % entered, if any


@dataclass
class Rollup:
    total: int = 0
    by_status: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATUS_ORDER, 0))
    completion_rate: int | None = None
    average_progress: int | None = None
    completion_text: str = ""
    progress_text: str = ""

    @property
    def status_counts(self) -> list[tuple[str, int]]:
        return [(status, self.by_status[status]) for status in STATUS_ORDER]


def rollup(states: Iterable[ActionState]) -> Rollup:
    result = Rollup()
    progresses: list[int] = []
    unknown_progress = 0
    for state in states:
        result.total += 1
        status = state.status if state.status in result.by_status else UNKNOWN
        result.by_status[status] += 1
        if status == ActionStatus.ABANDONED:
            continue
        if status == ActionStatus.COMPLETED:
            progresses.append(100)
        elif state.progress is not None:
            progresses.append(state.progress)
        elif status in ZERO_WHEN_UNKNOWN:
            progresses.append(0)
        else:
            unknown_progress += 1
    abandoned = result.by_status[ActionStatus.ABANDONED]
    counted = result.total - abandoned
    completed = result.by_status[ActionStatus.COMPLETED]
    if counted:
        result.completion_rate = round(completed * 100 / counted)
        result.completion_text = ngettext(
            "%(completed)s action complétée sur %(counted)s (%(rate)s)",
            "%(completed)s actions complétées sur %(counted)s (%(rate)s)",
            french_count(completed),
        ) % {"completed": completed, "counted": counted, "rate": _pct(result.completion_rate)}
        if abandoned:
            result.completion_text += ngettext(
                " ; %(n)s action abandonnée n'est pas comptée",
                " ; %(n)s actions abandonnées ne sont pas comptées",
                french_count(abandoned),
            ) % {"n": abandoned}
        postponed = result.by_status[ActionStatus.POSTPONED]
        if postponed:
            result.completion_text += ngettext(
                " ; %(n)s action reportée compte comme non complétée",
                " ; %(n)s actions reportées comptent comme non complétées",
                french_count(postponed),
            ) % {"n": postponed}
        result.completion_text += "."
    elif result.total:
        result.completion_text = _("Toutes les actions sont abandonnées.")
    else:
        result.completion_text = _("Aucune action.")
    if progresses:
        result.average_progress = round(sum(progresses) / len(progresses))
        result.progress_text = ngettext(
            "Moyenne de l'avancement de %(n)s action : %(avg)s",
            "Moyenne de l'avancement de %(n)s actions : %(avg)s",
            french_count(len(progresses)),
        ) % {"n": len(progresses), "avg": _pct(result.average_progress)}
        result.progress_text += " " + _(
            "(une action complétée compte pour 100 %, une action à venir ou en préparation "
            "sans pourcentage pour 0 %, les autres pour leur dernier pourcentage inscrit)"
        )
        if unknown_progress:
            result.progress_text += ngettext(
                " ; %(n)s action en cours ou reportée sans pourcentage est laissée de côté",
                " ; %(n)s actions en cours ou reportées sans pourcentage sont laissées de côté",
                french_count(unknown_progress),
            ) % {"n": unknown_progress}
        result.progress_text += "."
    else:
        result.progress_text = _("Aucun avancement à calculer : aucun pourcentage inscrit.")
    return result


def rollups_by(states: list[ActionState], key: str) -> dict[int, Rollup]:
    """One roll-up per objective (`key="objective_id"`) or orientation (`"orientation_id"`)."""
    groups: dict[int, list[ActionState]] = {}
    for state in states:
        groups.setdefault(getattr(state, key), []).append(state)
    return {group: rollup(items) for group, items in groups.items()}


def _pct(value: int) -> str:
    return f"{number_format(value, decimal_pos=0)}\u00a0%"

"""Reports as rows: one row per action, with its orientation and objective, for XLSX and CSV.

A column knows its header, how wide it is in a spreadsheet and how to read its value from an
action in context; both spreadsheet renderers take the same columns, like a list exporter.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.utils.translation import gettext

from jalon.reports import text
from jalon.reports.data import (
    ActionItem,
    ActionState,
    ObjectiveItem,
    OrientationItem,
    PlanReport,
    ProgressReport,
)


@dataclass(frozen=True)
class RowContext:
    orientation: OrientationItem
    objective: ObjectiveItem
    action: ActionItem
    state: ActionState


@dataclass(frozen=True)
class Column:
    header: str
    width: float  # spreadsheet characters
    value: Callable[[RowContext], str]
    center: bool = False


def _lines(values: list[str]) -> str:
    return "\n".join(v for v in values if v)


def plan_columns(plan: PlanReport, *, with_state: bool = True) -> list[Column]:
    columns = [
        Column(gettext("N° orientation"), 8, lambda r: r.orientation.code),
        Column(gettext("Orientation"), 40, lambda r: r.orientation.title),
        Column(gettext("N° objectif"), 8, lambda r: r.objective.code),
        Column(gettext("Objectif"), 40, lambda r: r.objective.title),
        Column(gettext("N° action"), 8, lambda r: r.action.code),
        Column(gettext("Moyen d'action"), 55, lambda r: r.action.title),
        Column(gettext("Acteurs"), 22, lambda r: _lines(list(r.action.actors))),
    ]
    for year in plan.years:

        def scheduled(r: RowContext, number: int = year.number) -> str:
            years = r.action.schedule_years
            return "✓" if years is not None and number in years else ""

        columns.append(Column(text.year_short(year.number), 6, scheduled, center=True))
    columns.extend(
        [
            Column(gettext("Échéancier"), 16, lambda r: r.action.timing),
            Column(
                gettext("Résultats attendus"),
                45,
                lambda r: _lines(
                    [
                        text.expected_result_text(e.text, e.plan_year)
                        for e in r.action.expected_results
                    ]
                ),
            ),
            Column(
                gettext("Indicateurs de suivi"),
                45,
                lambda r: _lines(
                    [text.indicator_text(i.kind, i.text) for i in r.action.indicators]
                ),
            ),
        ]
    )
    if with_state:
        columns.extend(
            [
                Column(
                    gettext("État"),
                    14,
                    lambda r: text.status_label(r.state.status) if r.state.status else "",
                ),
                Column(gettext("État d'avancement"), 35, lambda r: r.state.progress_note),
            ]
        )
    return columns


def progress_columns(report: ProgressReport) -> list[Column]:
    return [
        Column(gettext("N° orientation"), 8, lambda r: r.orientation.code),
        Column(gettext("Orientation"), 36, lambda r: r.orientation.title),
        Column(gettext("N° objectif"), 8, lambda r: r.objective.code),
        Column(gettext("Objectif"), 36, lambda r: r.objective.title),
        Column(gettext("N° action"), 8, lambda r: r.action.code),
        Column(gettext("Action"), 55, lambda r: r.action.title),
        Column(gettext("Échéancier"), 18, lambda r: text.schedule_text(r.action)),
        Column(gettext("État"), 14, lambda r: text.status_label(r.state.status)),
        Column(gettext("Date de l'état"), 16, lambda r: text.long_date(r.state.changed_on)),
        Column(gettext("État d'avancement"), 40, lambda r: r.state.progress_note),
    ]


def plan_rows(plan: PlanReport) -> Iterator[RowContext]:
    for orientation in plan.orientations:
        for objective in orientation.objectives:
            for action in objective.actions:
                yield RowContext(orientation, objective, action, action.state)


def progress_rows(report: ProgressReport) -> Iterator[RowContext]:
    for orientation in report.orientations:
        for group in orientation.objectives:
            for item in group.actions:
                yield RowContext(orientation.orientation, group.objective, item.action, item.state)

"""Objectives may carry indicators of their own in jalon-plan/1 (plans without actions)."""

from __future__ import annotations

import json

from jalon.plans.interchange import (
    IndicatorDraft,
    ObjectiveDraft,
    OrientationDraft,
    PlanDraft,
    dumps,
    loads,
)


def _plan(indicators: list[IndicatorDraft]) -> PlanDraft:
    objective = ObjectiveDraft(code="1.1", title="Réduire l'attente", indicators=indicators)
    return PlanDraft(
        organization="Table régionale",
        title="Plan 2024-2027",
        orientations=[OrientationDraft(code="1", title="Accès", objectives=[objective])],
    )


def test_objective_indicators_are_written_and_read_back() -> None:
    draft = _plan(
        [
            IndicatorDraft(text="Délai moyen d'attente : 30 jours en 2026", kind="R"),
            IndicatorDraft(text="Nombre de personnes accompagnées"),
        ]
    )
    data = json.loads(dumps(draft))
    written = data["orientations"][0]["objectives"][0]["indicators"]
    assert written == [
        {"kind": "R", "text": "Délai moyen d'attente : 30 jours en 2026"},
        {"kind": None, "text": "Nombre de personnes accompagnées"},
    ]
    again = loads(dumps(draft))
    assert (
        again.orientations[0].objectives[0].indicators
        == draft.orientations[0].objectives[0].indicators
    )
    assert again.orientations[0].objectives[0].extra == {}


def test_objective_without_indicators_exports_as_before() -> None:
    data = json.loads(dumps(_plan([])))
    assert "indicators" not in data["orientations"][0]["objectives"][0]


def test_objective_indicator_as_plain_text_is_accepted() -> None:
    text = json.dumps(
        {
            "organization": "Table",
            "title": "Plan",
            "orientations": [
                {"title": "A", "objectives": [{"title": "B", "indicators": ["Taux de 75 %"]}]}
            ],
        }
    )
    objective = loads(text).orientations[0].objectives[0]
    assert objective.indicators == [IndicatorDraft(text="Taux de 75 %")]

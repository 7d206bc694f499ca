"""The pure vocabulary and the Django choices hold the same values, each with its label."""

from __future__ import annotations

import pytest

from jalon.plans import enums, vocabulary

PAIRS = [
    (vocabulary.PlanKind, enums.PlanKind),
    (vocabulary.PlanState, enums.PlanState),
    (vocabulary.PlanSharing, enums.PlanSharing),
    (vocabulary.Numbering, enums.Numbering),
    (vocabulary.ObjectiveKind, enums.ObjectiveKind),
    (vocabulary.IndicatorKind, enums.IndicatorKind),
    (vocabulary.ActorKind, enums.ActorKind),
    (vocabulary.ActionStatus, enums.ActionStatus),
]


@pytest.mark.parametrize(("pure", "choices"), PAIRS, ids=lambda e: e.__name__)
def test_each_choice_is_a_value_of_the_vocabulary_with_a_label(pure, choices):
    assert [(m.name, m.value) for m in choices] == [(m.name, m.value) for m in pure]
    assert all(str(label).strip() for label in choices.labels)


def test_a_pure_value_is_the_stored_string():
    assert vocabulary.ActionStatus.COMPLETED == enums.ActionStatus.COMPLETED == "completed"
    assert f"{vocabulary.ObjectiveKind.SECONDARY}" == "secondary"

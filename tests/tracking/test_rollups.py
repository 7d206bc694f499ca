"""Roll-ups of statuses: counts per status and the sentences that say how they were computed."""

from __future__ import annotations

from jalon.tracking.rollups import ActionState, rollup, rollups_by

NB = "\u00a0"


def state(pk, status, progress=None, objective=1, orientation=1):
    return ActionState(pk, objective, orientation, status, progress)


def test_rollup_counts_statuses_and_explains_completion_and_progress():
    result = rollup(
        [
            state(1, "completed"),
            state(2, "in_progress", 50),
            state(3, "in_progress"),
            state(4, "not_started"),
            state(5, "abandoned"),
            state(6, ""),
        ]
    )
    assert result.total == 6
    assert dict(result.status_counts) == {
        "not_started": 1,
        "in_preparation": 0,
        "in_progress": 2,
        "completed": 1,
        "postponed": 0,
        "abandoned": 1,
        "": 1,
    }
    assert result.completion_rate == 20
    assert result.completion_text == (
        f"1 action complétée sur 5 (20{NB}%) ; 1 action abandonnée n'est pas comptée."
    )
    assert result.average_progress == 50  # (100 + 50 + 0) / 3
    assert result.progress_text.startswith(f"Moyenne de l'avancement de 3 actions : 50{NB}%")
    assert result.progress_text.endswith(
        " ; 2 actions en cours ou reportées sans pourcentage sont laissées de côté."
    )


def test_rollup_of_nothing_says_so():
    result = rollup([])
    assert result.total == 0
    assert result.completion_rate is None
    assert result.completion_text == "Aucune action."


def test_rollups_by_objective_and_orientation():
    states = [
        state(1, "completed", objective=1, orientation=1),
        state(2, "not_started", objective=2, orientation=1),
    ]
    by_objective = rollups_by(states, "objective_id")
    by_orientation = rollups_by(states, "orientation_id")
    assert by_objective[1].completion_rate == 100
    assert by_objective[2].completion_rate == 0
    assert by_orientation[1].completion_rate == 50


def test_completion_rate_is_the_same_on_the_dashboard_and_in_every_report():
    # 9 actions: 2 completed, 1 abandoned (left out), 1 postponed and 5 in progress (not
    # completed). 2 / (9 − 1) = 25 %; the old *mise à jour* divided by 9 and printed 22 %.
    from jalon.reports import text
    from jalon.reports.data import ActionState as ReportState
    from jalon.reports.data import StatusSummary, completion_rate, count_statuses

    statuses = ["completed"] * 2 + ["abandoned", "postponed"] + ["in_progress"] * 5
    dashboard = rollup(state(i, s) for i, s in enumerate(statuses))
    summary = StatusSummary(count_statuses([ReportState(status=s) for s in statuses]))
    assert dashboard.completion_rate == 25
    assert summary.completed_share == completion_rate(summary) == 25.0
    expected = (
        f"2 actions complétées sur 8 (25{NB}%) ; 1 action abandonnée n'est pas comptée ; "
        "1 action reportée compte comme non complétée."
    )
    assert dashboard.completion_text == expected
    assert text.completion_sentence(summary) == expected


def test_completion_text_puts_zero_and_one_in_the_singular():
    none_done = rollup([state(1, "in_progress"), state(2, "in_progress")])
    one_done = rollup([state(1, "completed"), state(2, "in_progress")])
    assert none_done.completion_text == f"0 action complétée sur 2 (0{NB}%)."
    assert one_done.completion_text == f"1 action complétée sur 2 (50{NB}%)."

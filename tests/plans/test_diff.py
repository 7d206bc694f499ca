"""What changed between two revisions: items added, removed, changed and moved."""

from __future__ import annotations

import datetime as dt

import pytest

from jalon.plans.diff import ADDED, CHANGED, REMOVED, FieldChange, revision_diff
from jalon.plans.services import adopt_plan, plan_snapshot, record_revision
from jalon.plans.services import revision_diff as revisions_diff


def snapshot() -> dict:
    return {
        "title": "Plan d'action 2017-2022",
        "mission": "Rassembler",
        "orientations": [
            {
                "id": 1,
                "code": "1",
                "title": "Soutenir les démarches",
                "objectives": [
                    {
                        "id": 10,
                        "code": "P1",
                        "kind": "principal",
                        "title": "Outiller",
                        "actions": [
                            {
                                "id": 100,
                                "code": "1",
                                "title": "Visiter les régions",
                                "actors": ["Coordination"],
                                "expected_results": [],
                                "schedule_years": [1, 2],
                                "timing": None,
                                "status": None,
                                "indicators": [{"id": 1000, "kind": "MO", "text": "6 régions"}],
                            },
                            {
                                "id": 101,
                                "code": "2",
                                "title": "Publier un guide",
                                "actors": [],
                                "expected_results": [],
                                "schedule_years": [3],
                                "timing": None,
                                "status": None,
                                "indicators": [],
                            },
                        ],
                    },
                    {"id": 11, "code": "S2", "kind": "secondary", "title": "Relier", "actions": []},
                ],
            }
        ],
    }


def test_identical_snapshots_have_no_change():
    assert not revision_diff(snapshot(), snapshot())


def test_changed_fields_of_an_action_are_listed_before_and_after():
    after = snapshot()
    action = after["orientations"][0]["objectives"][0]["actions"][0]
    action["title"] = "Visiter les 17 régions"
    action["schedule_years"] = [1, 2, 3]

    diff = revision_diff(snapshot(), after)

    assert [(c.level, c.change, c.code) for c in diff.changes] == [("action", CHANGED, "1")]
    assert diff.changes[0].fields == (
        FieldChange("title", "Visiter les régions", "Visiter les 17 régions"),
        FieldChange("schedule_years", [1, 2], [1, 2, 3]),
    )
    assert diff.changes[0].parent == "P1 Outiller"


def test_status_changes_are_tracking_not_revisions():
    after = snapshot()
    after["orientations"][0]["objectives"][0]["actions"][0]["status"] = "completed"

    assert not revision_diff(snapshot(), after)


def test_an_item_followed_by_its_id_even_when_its_code_changes():
    after = snapshot()
    after["orientations"][0]["objectives"][0]["actions"][1]["code"] = "2.1"

    diff = revision_diff(snapshot(), after)

    assert [(c.change, c.fields) for c in diff.changes] == [
        (CHANGED, (FieldChange("code", "2", "2.1"),))
    ]


def test_added_and_removed_items_are_told_once_with_what_they_contain():
    after = snapshot()
    objectives = after["orientations"][0]["objectives"]
    removed = objectives.pop(0)
    objectives.append(
        {
            "id": 12,
            "code": "P3",
            "kind": "principal",
            "title": "Mobiliser",
            "actions": [{"id": 102, "code": "3", "title": "Forum", "indicators": []}],
        }
    )

    diff = revision_diff(snapshot(), after)

    assert [(c.level, c.change, c.title, c.contains) for c in diff.changes] == [
        ("objective", ADDED, "Mobiliser", 1),
        ("objective", REMOVED, removed["title"], 3),
    ]
    assert len(diff.added) == 1
    assert len(diff.removed) == 1


def test_an_action_moved_to_another_objective_says_where_it_was():
    after = snapshot()
    objectives = after["orientations"][0]["objectives"]
    objectives[1]["actions"].append(objectives[0]["actions"].pop(1))

    diff = revision_diff(snapshot(), after)

    assert [(c.level, c.change, c.moved_from, c.parent) for c in diff.changes] == [
        ("action", CHANGED, "P1 Outiller", "S2 Relier")
    ]


def test_indicator_changes_and_plan_statements_are_listed():
    after = snapshot()
    after["mission"] = "Rassembler et soutenir"
    indicators = after["orientations"][0]["objectives"][0]["actions"][0]["indicators"]
    indicators[0]["text"] = "8 régions"
    indicators.append({"id": 1001, "kind": "R", "text": "Les membres se connaissent"})

    diff = revision_diff(snapshot(), after)

    assert [(c.level, c.change) for c in diff.changes] == [
        ("plan", CHANGED),
        ("indicator", CHANGED),
        ("indicator", ADDED),
    ]
    assert diff.changes[0].fields == (
        FieldChange("mission", "Rassembler", "Rassembler et soutenir"),
    )


def test_an_objectives_own_indicators_are_in_the_revision_diff():
    before = snapshot()
    objective = before["orientations"][0]["objectives"][0]
    objective["indicators"] = [{"id": 2000, "kind": "R", "text": "Taux de 75 % de satisfaction"}]
    after = snapshot()
    after["orientations"][0]["objectives"][0]["indicators"] = [
        {"id": 2000, "kind": "R", "text": "Taux de 80 % de satisfaction"},
        {"id": 2001, "kind": None, "text": "Nombre de membres"},
    ]

    diff = revision_diff(before, after)

    assert [(c.level, c.change, c.title, c.parent) for c in diff.changes] == [
        ("indicator", CHANGED, "Taux de 80 % de satisfaction", "P1 Outiller"),
        ("indicator", ADDED, "Nombre de membres", "P1 Outiller"),
    ]


def test_snapshots_without_ids_are_matched_by_code():
    before, after = snapshot(), snapshot()
    for data in (before, after):
        for o in data["orientations"]:
            o.pop("id")
            for ob in o["objectives"]:
                ob.pop("id")
                for a in ob["actions"]:
                    a.pop("id")
                    for i in a["indicators"]:
                        i.pop("id")
    after["orientations"][0]["objectives"][0]["actions"][1]["title"] = "Publier deux guides"

    diff = revision_diff(before, after)

    assert [(c.code, c.fields) for c in diff.changes] == [
        ("2", (FieldChange("title", "Publier un guide", "Publier deux guides"),))
    ]


@pytest.mark.django_db
def test_diff_between_two_revisions_of_a_plan(make_plan, cast):
    plan = make_plan(actions=4)
    first = adopt_plan(plan=plan, adopted_on=dt.date(2017, 6, 1), adopted_by="AGA", user=None)
    action = plan.actions.order_by("pk").last()
    action.timing = "Hiver 2019"
    action.save()
    second = record_revision(plan=plan, reason="Réajustement", user=cast["editor_a"])

    diff = revisions_diff(first, second)

    assert [(c.level, c.code, c.fields) for c in diff.changes] == [
        ("action", action.code, (FieldChange("timing", "Automne 2018", "Hiver 2019"),))
    ]
    assert second.snapshot == plan_snapshot(plan)

"""The review changes on a draft's JSON: each does one thing and refuses what makes no sense."""

from __future__ import annotations

import copy

import pytest

from jalon.imports import edits
from jalon.imports.edits import EditError, parse_path

from .conftest import plan_document


@pytest.fixture
def draft():
    return copy.deepcopy(plan_document())


def test_rename_sets_title_and_code(draft):
    edits.rename(draft, parse_path("0.0.1"), title="  Rédiger   le bilan ", code="1.1.9")
    assert draft["orientations"][0]["objectives"][0]["actions"][1]["title"] == "Rédiger le bilan"
    assert draft["orientations"][0]["objectives"][0]["actions"][1]["code"] == "1.1.9"


def test_rename_refuses_an_empty_title(draft):
    with pytest.raises(EditError):
        edits.rename(draft, parse_path("0"), title="   ")


def test_move_action_goes_to_the_end_of_the_new_objective(draft):
    edits.move(draft, parse_path("0.0.1"), parent=parse_path("1.0"))
    assert [a["code"] for a in draft["orientations"][0]["objectives"][0]["actions"]] == ["1.1.1"]
    assert [a["code"] for a in draft["orientations"][1]["objectives"][0]["actions"]] == [
        "2.1.1",
        "1.1.2",
    ]


def test_move_refuses_a_parent_of_the_wrong_level(draft):
    with pytest.raises(EditError):
        edits.move(draft, parse_path("0.0.1"), parent=parse_path("1"))


def test_move_objective_to_another_orientation(draft):
    edits.move(draft, parse_path("0.1"), parent=parse_path("1"))
    assert [o["code"] for o in draft["orientations"][1]["objectives"]] == ["2.1", "1.2"]


def test_merge_joins_the_action_to_the_previous_one(draft):
    edits.merge_with_previous(draft, parse_path("0.0.1"))
    actions = draft["orientations"][0]["objectives"][0]["actions"]
    assert len(actions) == 1
    assert actions[0]["title"] == (
        "Tenir les rencontres du comité et publier un bulletin Rédiger le rapport annuel"
    )
    assert actions[0]["source_lines"] == [5, 6, 7]


def test_merge_refuses_the_first_action(draft):
    with pytest.raises(EditError):
        edits.merge_with_previous(draft, parse_path("0.0.0"))


def test_split_cuts_the_title_into_two_actions(draft):
    edits.split(draft, parse_path("0.0.0"), first_part="Tenir les rencontres du comité")
    actions = draft["orientations"][0]["objectives"][0]["actions"]
    assert [a["title"] for a in actions[:2]] == [
        "Tenir les rencontres du comité",
        "Et publier un bulletin",
    ]
    assert actions[0]["indicators"] == [{"kind": "R", "text": "Nombre de rencontres"}]
    assert actions[1]["indicators"] == []
    assert actions[1]["source_lines"] == [5, 6]


def test_split_refuses_a_text_that_is_not_the_start_of_the_title(draft):
    with pytest.raises(EditError):
        edits.split(draft, parse_path("0.0.0"), first_part="Publier")


def test_indicator_kind_changes(draft):
    edits.set_indicator_kind(draft, parse_path("0.0.0.i0"), kind="MO")
    assert draft["orientations"][0]["objectives"][0]["actions"][0]["indicators"][0]["kind"] == "MO"


def test_delete_removes_a_result(draft):
    edits.delete(draft, parse_path("0.0.0.r0"))
    assert draft["orientations"][0]["objectives"][0]["actions"][0]["expected_results"] == []


def test_place_makes_an_unplaced_line_an_indicator(draft):
    edits.place(draft, index=1, as_="indicator", target=parse_path("1.0.0"))
    action = draft["orientations"][1]["objectives"][0]["actions"][0]
    assert action["indicators"] == [{"kind": None, "text": "Nombre de visites du site"}]
    assert draft["import_report"]["unplaced"] == ["Une ligne restée de côté"]


def test_an_objectives_own_indicator_is_placed_typed_and_removed(draft):
    edits.place(draft, index=1, as_="indicator", target=parse_path("1.0"))
    objective = draft["orientations"][1]["objectives"][0]
    assert objective["indicators"] == [{"kind": None, "text": "Nombre de visites du site"}]
    assert [a.get("indicators", []) for a in objective["actions"]] == [[]]

    edits.set_indicator_kind(draft, parse_path("1.0.i0"), kind="R")
    assert objective["indicators"] == [{"kind": "R", "text": "Nombre de visites du site"}]
    said = edits.delete(draft, parse_path("1.0.i0"))
    assert said == "Supprimé : « Nombre de visites du site »."
    assert objective["indicators"] == []
    with pytest.raises(EditError):
        edits.delete(draft, parse_path("1.0.i0"))


def test_place_as_action_needs_an_objective(draft):
    with pytest.raises(EditError):
        edits.place(draft, index=0, as_="action", target=parse_path("1.0.0"))
    edits.place(draft, index=0, as_="action", target=parse_path("1.0"))
    assert draft["orientations"][1]["objectives"][0]["actions"][-1]["title"] == (
        "Une ligne restée de côté"
    )


def test_place_as_note(draft):
    edits.place(draft, index=0, as_="note", target=None)
    assert draft["notes"] == ["Une ligne restée de côté"]


def test_unknown_paths_are_refused(draft):
    for text in ("9", "0.9", "0.0.9", "0.0.0.i9", "x", "", "-1"):
        with pytest.raises(EditError):
            edits.delete(draft, parse_path(text))

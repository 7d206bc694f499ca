"""A table copied as text whose cells held several paragraphs: its rows are made whole."""

from __future__ import annotations

from jalon.importers import import_document

TEXT = (
    "Plan d'action 2026-2028\n"
    "OBJECTIFS\tACTIONS\tRESPONSABLES\tRÉSULTATS ATTENDUS\n"
    "Orientation 1 – Agir ensemble\n"
    "Objectif 1.1 : Animer la concertation\ta) Tenir un forum\tCoordination\n"
    "Direction\tUn forum par année\n"
    "Les membres y participent\n"
    "\tb) Publier un portrait\tComité\tUn portrait diffusé\n"
    "Orientation 2 – Outiller les membres\n"
    "Objectif 2.1 : Former\ta) Offrir deux ateliers\tCoordination\tDeux ateliers par année\n"
)


def test_rows_cut_by_paragraphs_inside_cells_are_read_whole() -> None:
    draft = import_document(TEXT.encode(), "plan.txt")
    assert [o.title for o in draft.orientations] == ["Agir ensemble", "Outiller les membres"]
    actions = draft.iter_actions()
    assert [(a.title, a.actors, a.expected_results) for a in actions] == [
        (
            "Tenir un forum",
            ["Coordination", "Direction"],
            ["Un forum par année", "Les membres y participent"],
        ),
        ("Publier un portrait", ["Comité"], ["Un portrait diffusé"]),
        ("Offrir deux ateliers", ["Coordination"], ["Deux ateliers par année"]),
    ]

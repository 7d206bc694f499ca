"""A plan whose objectives carry indicators and yearly targets, in a table without actions."""

from __future__ import annotations

from jalon.importers import import_document

TEXT = (
    "Plan stratégique 2023-2027\n\n"
    "Orientation 1 : Favoriser la participation sociale\n"
    "Objectif\tIndicateur\tCible 2024\tCible 2025\n"
    "1.1 Accroître la participation des aînés\tTaux de participation aux activités\t40 %\t45 %\n"
    "\tNombre de bénévoles actifs\t120\t140\n"
    "1.2 Soutenir les proches aidants\tNombre de proches aidants rejoints\t300\t350\n"
)


def test_indicator_table_gives_objectives_with_indicators_and_no_actions() -> None:
    draft = import_document(TEXT.encode(), "plan.txt")
    assert draft.iter_actions() == []
    (orientation,) = draft.orientations
    assert [
        (ob.code, ob.title, [(i.text, i.extra.get("targets")) for i in ob.indicators])
        for ob in orientation.objectives
    ] == [
        (
            "1.1",
            "Accroître la participation des aînés",
            [
                (
                    "Taux de participation aux activités",
                    {"Cible 2024": "40 %", "Cible 2025": "45 %"},
                ),
                ("Nombre de bénévoles actifs", {"Cible 2024": "120", "Cible 2025": "140"}),
            ],
        ),
        (
            "1.2",
            "Soutenir les proches aidants",
            [("Nombre de proches aidants rejoints", {"Cible 2024": "300", "Cible 2025": "350"})],
        ),
    ]
    assert draft.import_report is not None
    assert draft.import_report.unplaced == []

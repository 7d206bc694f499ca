"""The small rules the recognizers rest on: statuses, plan years, timing phrases, dates,
wrapped lines, actors, indicators, the plan's frame."""

from __future__ import annotations

import datetime as dt

import pytest

from jalon.importers import import_document
from jalon.importers.recognize.items import (
    indicator_kind,
    split_actors,
    split_indicators,
    split_items,
    status_from,
)
from jalon.importers.textutil import (
    fix_ocr,
    join_lines,
    openness,
    parse_date,
    plan_years,
    split_timings,
    split_trailing_schedule,
    status_of,
)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Complété", "completed"),
        ("Réalisé.", "completed"),
        ("En cours", "in_progress"),
        ("En préparation", "in_preparation"),
        ("À venir", "not_started"),
        ("Non débuté", "not_started"),
        ("Reporté", "postponed"),
        ("Abandonnée", "abandoned"),
        ("In progress", "in_progress"),
        ("En continu", None),
        ("6 régions visitées", None),
    ],
)
def test_status_words_map_to_status_codes(text: str, code: str | None) -> None:
    assert status_of(text) == code


def test_progress_cell_gives_status_and_note() -> None:
    assert status_from(["En cours : 6 régions visitées"]) == ("in_progress", "6 régions visitées")
    assert status_from(["AGA de K"]) == (None, "AGA de K")


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("an 1", [1]),
        ("an 1-2", [1, 2]),
        ("Ans 1 et 2", [1, 2]),
        ("An 1 à 3", [1, 2, 3]),
        ("Ans 2 ou 3", [2, 3]),
        ("Year 1-3", [1, 2, 3]),
        ("Automne 2013", None),
    ],
)
def test_plan_years_are_read_from_schedule_hints(text: str, years: list[int] | None) -> None:
    assert plan_years(text) == years


def test_trailing_schedule_hint_is_split_from_the_title() -> None:
    assert split_trailing_schedule("Organiser une rencontre des partenaires; an 1-2.") == (
        "Organiser une rencontre des partenaires",
        "an 1-2",
    )
    assert split_trailing_schedule("Produire un bilan 2017-2020.") == (
        "Produire un bilan 2017-2020.",
        None,
    )


def test_timing_cell_without_separators_is_cut_into_phrases() -> None:
    assert split_timings("Au besoin Trimestriel Mars, Avr. 2021 Octobre 2020") == [
        "Au besoin",
        "Trimestriel",
        "Mars, Avr. 2021",
        "Octobre 2020",
    ]
    assert split_timings("Automne 2020 - Hiver 2021 Juin 2021") == [
        "Automne 2020 - Hiver 2021",
        "Juin 2021",
    ]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Mise à jour : 2021-03-15", dt.date(2021, 3, 15)),
        ("le 3 octobre 2013", dt.date(2013, 10, 3)),
        ("11/10/2013", dt.date(2013, 10, 11)),
        ("1er juillet 2017", dt.date(2017, 7, 1)),
        ("2013-02-30", None),
    ],
)
def test_dates_are_read_as_written(text: str, day: dt.date | None) -> None:
    assert parse_date(text) == day


def test_wrapped_lines_join_with_hyphens_kept() -> None:
    assert join_lines(["acceptant de se faire porte-", "paroles des démarches"]) == (
        "acceptant de se faire porte-paroles des démarches"
    )


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("au sein de la", 2),
        ("aux membres,", 2),
        ("(qualité de vie, pérennité", 2),
        ("des membres", 1),
        ("est identifiée.", 0),
    ],
)
def test_openness_says_whether_a_line_goes_on(text: str, value: int) -> None:
    assert openness(text) == value


def test_actor_lines_split_into_roles() -> None:
    assert split_actors(
        ["Coordination", "Membres du", "conseil", "d'administration", "Contractuel"]
    ) == [
        "Coordination",
        "Membres du conseil d'administration",
        "Contractuel",
    ]
    assert split_actors(["Direction, Comité formation"]) == ["Direction", "Comité formation"]


def test_result_lines_split_into_items() -> None:
    lines = [
        "Le contact est maintenu avec les démarches",
        "régionales de DS",
        "Un soutien personnalisé est offert aux acteurs",
        "des régions, avec le soutien du",
        "CISSS",
    ]
    assert split_items(lines, width=48) == [
        "Le contact est maintenu avec les démarches régionales de DS",
        "Un soutien personnalisé est offert aux acteurs des régions, avec le soutien du CISSS",
    ]


def test_indicators_keep_their_kind_without_the_label() -> None:
    assert indicator_kind("MO = Nombre d'ateliers tenus") == ("MO", "Nombre d'ateliers tenus")
    assert indicator_kind("R= Nombre de demandes") == ("R", "Nombre de demandes")
    assert split_indicators(
        [
            "MO = 8 rencontres annuelles",
            "De 1h environ chacune",
            "R = Les membres se",
            "connaissent bien",
        ]
    ) == [
        ("MO", "8 rencontres annuelles De 1h environ chacune"),
        ("R", "Les membres se connaissent bien"),
    ]


def test_ocr_capital_i_before_apostrophe_is_read_as_l() -> None:
    assert fix_ocr("Consolider I'action et I’organisme") == "Consolider l'action et l’organisme"


def test_frame_reads_period_fiscal_year_update_glossary_and_statements() -> None:
    text = """PLAN D'ACTION 2017-2022
Mise à jour : 2019-03-01

Mission : Soutenir le développement social des régions.
Vision : Des communautés inclusives.
Valeurs : solidarité, équité, respect

ORIENTATION 1 : Soutenir les démarches régionales
1. Développer un contact personnalisé avec le Conseil régional des élus (CRÉ)
2. Organiser deux rencontres par année

1 An 1 = 2017/07/01 au 2018/06/30

Liste des sigles
MTESS : Ministère du Travail, de l'Emploi et de la Solidarité sociale
"""
    draft = import_document(text.encode(), "plan.txt")

    assert draft.title == "PLAN D'ACTION 2017-2022"
    assert draft.period_start == dt.date(2017, 7, 1)
    assert draft.period_end == dt.date(2022, 6, 30)
    assert draft.fiscal_year_start_month == 7
    assert draft.updated_on == dt.date(2019, 3, 1)
    assert draft.mission == "Soutenir le développement social des régions."
    assert draft.vision == "Des communautés inclusives."
    assert draft.values == ["solidarité", "équité", "respect"]
    assert draft.glossary == {
        "MTESS": "Ministère du Travail, de l'Emploi et de la Solidarité sociale",
        "CRÉ": "Conseil régional des élus",
    }
    assert [a.title for a in draft.iter_actions()] == [
        "Développer un contact personnalisé avec le Conseil régional des élus (CRÉ)",
        "Organiser deux rencontres par année",
    ]


def test_fiscal_months_written_in_the_title_set_the_period() -> None:
    draft = import_document(
        b"PLAN D'ACTION 2013-2014 (juillet \xc3\xa0 juin)\n\nORIENTATION 1 : Agir\n1. Faire\n",
        "p.txt",
    )

    assert (draft.period_start, draft.period_end, draft.fiscal_year_start_month) == (
        dt.date(2013, 7, 1),
        dt.date(2014, 6, 30),
        7,
    )


def test_duplicate_action_codes_are_renamed_with_a_warning() -> None:
    text = (
        "Objectifs\tActions\tÉchéance\n"
        "Agir\t1.1 Faire ceci\tAn 1\n"
        "\t1.2 Faire cela\tAn 2\n"
        "\t1.2 Faire autre chose encore\tAn 3\n"
    )

    draft = import_document(text.encode(), "p.txt")

    assert draft.import_report is not None
    assert [a.code for a in draft.iter_actions()] == ["1.1", "1.2", "1.2 (2)"]
    assert draft.import_report.warnings == [
        "Orientation 1 : titre introuvable, à compléter",
        "L'action 1.2 apparaît plus d'une fois ; la suivante est gardée sous le numéro 1.2 (2)",
    ]


@pytest.mark.parametrize(
    "bullet",
    [
        "- Tenir une rencontre annuelle des membres (Responsable :\n  Direction; Échéance : Juin 2024)",
        "- Tenir une rencontre annuelle des membres\n  (Responsable : Direction; Échéance : Juin 2024)",
        "- Tenir une rencontre annuelle des membres (Responsable\n  : Direction; Échéance : Juin 2024)",
        "- Tenir une rencontre annuelle des membres (Responsable : Direction; Échéance :\n  Juin 2024)",
    ],
)
def test_parenthetical_fields_read_wherever_the_line_breaks(bullet: str) -> None:
    text = f"Orientation 1. Mobiliser\n\nObjectif 1.1 Réunir les membres\n\n{bullet}\n"

    draft = import_document(text.encode(), "plan.txt")

    action = draft.orientations[0].objectives[0].actions[0]
    assert (action.title, action.actors, action.timing) == (
        "Tenir une rencontre annuelle des membres",
        ["Direction"],
        "Juin 2024",
    )


def test_lettered_actions_under_numbered_objectives_keep_their_results() -> None:
    text = (
        "I. AGIR ENSEMBLE\n\n1) Soutenir les bénévoles\n\n"
        "   a) Créer une banque de bénévoles\n      Porteurs : Coordination\n"
        "      Résultats attendus :\n      • Une banque est utilisée\n\n"
        "   b) Tenir une soirée de reconnaissance\n      Porteurs : Municipalités\n"
    )

    draft = import_document(text.encode(), "plan.txt")

    objective = draft.orientations[0].objectives[0]
    assert objective.title == "Soutenir les bénévoles"
    assert [(a.code, a.title, a.expected_results) for a in objective.actions] == [
        ("1.a", "Créer une banque de bénévoles", ["Une banque est utilisée"]),
        ("1.b", "Tenir une soirée de reconnaissance", []),
    ]


def test_orientations_numbered_under_axes_are_objectives() -> None:
    text = (
        "AXE 1 – MOBILISATION\n\nOrientation 1.1 – Soutenir les tables locales\n\n"
        "Action 1.1.1 – Offrir un soutien-conseil\n\nAXE 2 – SAVOIRS\n\n"
        "Orientation 2.1 – Rendre accessibles les connaissances\n\n"
        "Action 2.1.1 – Créer une bibliothèque en ligne\n"
    )

    draft = import_document(text.encode(), "plan.txt")

    assert [
        (o.code, o.title, [(ob.code, ob.title, len(ob.actions)) for ob in o.objectives])
        for o in draft.orientations
    ] == [
        ("1", "MOBILISATION", [("1.1", "Soutenir les tables locales", 1)]),
        ("2", "SAVOIRS", [("2.1", "Rendre accessibles les connaissances", 1)]),
    ]

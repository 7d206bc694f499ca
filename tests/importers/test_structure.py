"""The structure stage: the tree corrected from evidence any plan has (numbering, headings cut
by line breaks, other columns' labels, page furniture), and why each item was placed.

Each story is a small synthetic document written for the rule it checks.
"""

from __future__ import annotations

from textwrap import dedent

from jalon.importers import import_document
from jalon.importers.blocks import Line
from jalon.importers.recognize.structure import (
    continues_heading,
    flat_pieces,
    join_heading_lines,
    looks_like_indicator,
    section_status,
    split_merged_title,
)
from jalon.plans.interchange import PlanDraft


def _import(text: str) -> PlanDraft:
    return import_document(dedent(text).strip().encode(), "plan.txt")


def _tree(draft: PlanDraft) -> list[tuple[str, list[tuple[str, list[str]]]]]:
    return [
        (o.title, [(ob.title, [a.title for a in ob.actions]) for ob in o.objectives])
        for o in draft.orientations
    ]


# --- headings cut by line breaks ---------------------------------------------------------------


def test_heading_continuation_in_capitals_after_an_open_line() -> None:
    assert continues_heading("AXE 2 : LES PARTENAIRES DU", "TERRITOIRE PARTAGENT UNE LECTURE")
    assert continues_heading("LES PARTENAIRES PARTAGENT UNE LECTURE", "COMMUNE DES BESOINS.")


def test_heading_continuation_starting_in_lower_case() -> None:
    assert continues_heading("Orientation 1 : Favoriser la mobilisation", "des partenaires")


def test_heading_that_ends_a_sentence_does_not_continue() -> None:
    assert not continues_heading("AXE 1 : LES BESOINS SONT CONNUS.", "LES PARTENAIRES AGISSENT")


def test_heading_in_mixed_case_without_final_stop_keeps_the_next_sentence_apart() -> None:
    assert not continues_heading("Orientation 1 : Mobiliser", "Les partenaires sont mobilisés")


def test_bullet_is_never_a_heading_continuation() -> None:
    assert not continues_heading("AXE 1 : LES PARTENAIRES DU", "- TERRITOIRE")


def test_labelled_heading_lines_are_joined_and_their_pieces_kept() -> None:
    lines = [
        Line("AXE 2 : D'ICI 2026, LES PARTENAIRES DU", 1),
        Line("TERRITOIRE PARTAGENT UNE LECTURE", 2),
        Line("COMMUNE DES BESOINS.", 3),
        Line("Objectif 2.1 Documenter les besoins", 4),
    ]
    out, pieces = join_heading_lines(lines)
    assert [ln.text for ln in out] == [
        "AXE 2 : D'ICI 2026, LES PARTENAIRES DU TERRITOIRE PARTAGENT UNE LECTURE COMMUNE DES "
        "BESOINS.",
        "",
        "",
        "Objectif 2.1 Documenter les besoins",
    ]
    assert pieces == {
        0: [
            "AXE 2 : D'ICI 2026, LES PARTENAIRES DU",
            "TERRITOIRE PARTAGENT UNE LECTURE",
            "COMMUNE DES BESOINS.",
        ]
    }
    assert [ln.number for ln in out] == [1, 2, 3, 4]


def test_a_label_alone_takes_the_text_below_it() -> None:
    out, _ = join_heading_lines([Line("ORIENTATION 3", 1), Line("Agir ensemble", 2)])
    assert out[0].text == "ORIENTATION 3 Agir ensemble"


def test_wrapped_orientations_become_whole_titles_flagged_uncertain() -> None:
    draft = _import(
        """
        PLAN D'ACTION 2024-2027

        AXE 1 : D'ICI 2026, LES PARTENAIRES DU
        TERRITOIRE PARTAGENT UNE LECTURE
        COMMUNE DES BESOINS.

        Objectif 1.1 Documenter les besoins du territoire
        - Réaliser un portrait des besoins
        - Diffuser le portrait aux partenaires

        AXE 2 : LES CITOYENS PARTICIPENT À LA VIE
        DÉMOCRATIQUE DE LEUR MILIEU.

        Objectif 2.1 Soutenir la participation citoyenne
        - Tenir des assemblées de quartier
        """
    )
    assert _tree(draft) == [
        (
            "D'ICI 2026, LES PARTENAIRES DU TERRITOIRE PARTAGENT UNE LECTURE COMMUNE DES BESOINS.",
            [
                (
                    "Documenter les besoins du territoire",
                    ["Réaliser un portrait des besoins", "Diffuser le portrait aux partenaires"],
                )
            ],
        ),
        (
            "LES CITOYENS PARTICIPENT À LA VIE DÉMOCRATIQUE DE LEUR MILIEU.",
            [("Soutenir la participation citoyenne", ["Tenir des assemblées de quartier"])],
        ),
    ]
    first = draft.orientations[0].extra
    assert first["import_uncertain"] == "heading-continuation"
    assert first["import_alternative"] == {
        "split": [
            "AXE 1 : D'ICI 2026, LES PARTENAIRES DU",
            "TERRITOIRE PARTAGENT UNE LECTURE",
            "COMMUNE DES BESOINS.",
        ]
    }


# --- orientations from the numbering -----------------------------------------------------------


def test_orientations_without_numbers_take_the_heading_before_their_objectives() -> None:
    draft = _import(
        """
        Plan d'action 2024-2027

        Mobiliser les partenaires

        Objectif 1.1 Documenter les besoins du territoire
        - Réaliser un portrait des besoins

        Objectif 1.2 Animer la concertation
        - Tenir quatre rencontres par année

        Renforcer la participation

        Objectif 2.1 Soutenir la participation citoyenne
        - Former des animateurs
        """
    )
    assert _tree(draft) == [
        (
            "Mobiliser les partenaires",
            [
                ("Documenter les besoins du territoire", ["Réaliser un portrait des besoins"]),
                ("Animer la concertation", ["Tenir quatre rencontres par année"]),
            ],
        ),
        (
            "Renforcer la participation",
            [("Soutenir la participation citoyenne", ["Former des animateurs"])],
        ),
    ]
    assert draft.orientations[1].extra["import_uncertain"] == "title-from-context"
    assert draft.import_report is not None
    assert draft.import_report.warnings == []


# --- columns merged on one line ----------------------------------------------------------------


def test_title_holding_other_columns_is_cut_at_their_labels() -> None:
    title, fields = split_merged_title(
        "Produire un répertoire; Ressources Budget de 5000 $; Responsable Comité communication; "
        "Résultats attendus Un répertoire diffusé"
    )
    assert title == "Produire un répertoire"
    assert fields == [
        ("other", "Budget de 5000 $"),
        ("actors", "Comité communication"),
        ("results", "Un répertoire diffusé"),
    ]


def test_title_without_column_labels_is_left_whole() -> None:
    assert split_merged_title("Tenir un forum; puis en faire le bilan") == (
        "Tenir un forum; puis en faire le bilan",
        [],
    )


def test_merged_columns_go_to_their_fields_with_the_whole_line_as_alternative() -> None:
    draft = _import(
        """
        Plan d'action 2023-2026

        Orientation 1 : Améliorer l'accès aux services

        Objectif 1.1 Faire connaître les services
        1.1.1 Produire un répertoire des ressources; Responsable Comité communication; Résultats attendus Un répertoire diffusé à 500 exemplaires
        """
    )
    (action,) = draft.iter_actions()
    assert action.title == "Produire un répertoire des ressources"
    assert action.actors == ["Comité communication"]
    assert action.expected_results == ["Un répertoire diffusé à 500 exemplaires"]
    assert action.extra["import_uncertain"] == "merged-columns"
    assert action.extra["import_alternative"] == {
        "title": "Produire un répertoire des ressources; Responsable Comité communication; "
        "Résultats attendus Un répertoire diffusé à 500 exemplaires"
    }


# --- page furniture and preambles --------------------------------------------------------------


def test_table_of_contents_breadcrumbs_and_introduction_stay_out_of_the_tree() -> None:
    draft = _import(
        """
        Plan d'action 2023-2026

        Accueil > Nos actions > Plan d'action

        Table des matières
        Introduction ........ 2
        Orientation 1 ........ 4

        Introduction
        Ce plan a été préparé avec nos membres au cours de l'hiver.

        Orientation 1 : Améliorer l'accès aux services

        Objectif 1.1 Faire connaître les services
        - Produire un répertoire des ressources
        """
    )
    assert _tree(draft) == [
        (
            "Améliorer l'accès aux services",
            [("Faire connaître les services", ["Produire un répertoire des ressources"])],
        )
    ]
    assert draft.import_report is not None
    assert "Introduction ........ 2" in draft.import_report.unplaced
    assert "Ce plan a été préparé avec nos membres au cours de l'hiver." in (
        draft.import_report.unplaced
    )


def test_statements_labelled_in_capitals_with_their_date_are_placed() -> None:
    draft = _import(
        """
        Plan d'action 2022-2025

        MISSION ADOPTÉE EN AG, JUIN 2019
        Rassembler les acteurs du territoire pour améliorer les conditions de vie.

        NOS MANDATS
        - Concerter les partenaires
        - Soutenir les initiatives locales

        Orientation 1 : Mobiliser les partenaires
        Objectif 1.1 Animer la concertation
        - Tenir quatre rencontres par année
        """
    )
    assert (
        draft.mission
        == "Rassembler les acteurs du territoire pour améliorer les conditions de vie."
    )
    assert draft.mandates == ["Concerter les partenaires", "Soutenir les initiatives locales"]
    assert [o.title for o in draft.orientations] == ["Mobiliser les partenaires"]


# --- objectives carrying indicators ------------------------------------------------------------


def test_measures_are_told_from_actions() -> None:
    assert looks_like_indicator("Nombre de personnes rejointes par année")
    assert looks_like_indicator("Taux de satisfaction (cible : 80 %)")
    assert not looks_like_indicator("Tenir une foire des organismes")


def test_objective_whose_lines_are_all_measures_carries_them_as_indicators() -> None:
    draft = _import(
        """
        Plan d'action 2023-2026

        Orientation 1 : Améliorer l'accès aux services

        Objectif 1.1 Suivre la fréquentation
        - Nombre de personnes rejointes par année
        - Taux de satisfaction des participants (cible : 80 %)
        """
    )
    (objective,) = draft.orientations[0].objectives
    assert objective.actions == []
    assert [(i.kind, i.text) for i in objective.indicators] == [
        (None, "Nombre de personnes rejointes par année"),
        ("R", "Taux de satisfaction des participants (cible : 80 %)"),
    ]
    assert objective.extra["import_uncertain"] == "indicators-not-actions"


# --- status given by the section ---------------------------------------------------------------


def test_section_headings_that_name_a_status() -> None:
    assert section_status("Réalisations") == "completed"
    assert section_status("Réalisé en 2023") == "completed"
    assert section_status("À venir") == "not_started"
    assert section_status("B. En cours") == "in_progress"
    assert section_status("Mobiliser les partenaires") is None


def test_items_listed_under_a_status_section_take_its_status() -> None:
    draft = _import(
        """
        Plan d'action 2023

        Réalisations
        - Tenue d'un forum régional sur le logement
        - Publication d'un portrait des besoins

        À venir
        - Lancer une campagne de sensibilisation
        """
    )
    assert [(a.title, a.status) for a in draft.iter_actions()] == [
        ("Tenue d'un forum régional sur le logement", "completed"),
        ("Publication d'un portrait des besoins", "completed"),
        ("Lancer une campagne de sensibilisation", "not_started"),
    ]


# --- a plan presented twice --------------------------------------------------------------------


def test_orientation_presented_twice_is_merged_not_duplicated() -> None:
    draft = _import(
        """
        Plan d'action 2023-2026

        Orientation 1 : Mobiliser les partenaires
        Objectif 1.1 Animer la concertation
        - Tenir quatre rencontres par année

        Orientation 2 : Renforcer la participation
        Objectif 2.1 Soutenir la participation citoyenne
        - Former des animateurs

        Orientation 1 : Mobiliser les partenaires
        Objectif 1.2 Documenter les besoins
        - Réaliser un portrait
        """
    )
    assert _tree(draft) == [
        (
            "Mobiliser les partenaires",
            [
                ("Animer la concertation", ["Tenir quatre rencontres par année"]),
                ("Documenter les besoins", ["Réaliser un portrait"]),
            ],
        ),
        (
            "Renforcer la participation",
            [("Soutenir la participation citoyenne", ["Former des animateurs"])],
        ),
    ]


# --- a slide flattened into one paragraph ------------------------------------------------------


def test_paragraph_pieces_at_inline_bullets_then_numbers_then_sentences() -> None:
    assert flat_pieces("Agir • Tenir un forum • Publier un portrait") == [
        "Agir",
        "Tenir un forum",
        "Publier un portrait",
    ]
    assert flat_pieces("1) Tenir un forum 2) Publier un portrait") == [
        "Tenir un forum",
        "Publier un portrait",
    ]
    assert flat_pieces("Tenir un forum. Publier un portrait.") == [
        "Tenir un forum.",
        "Publier un portrait.",
    ]
    assert flat_pieces("Tenir un forum régional") == []


def test_flattened_slide_gives_items_flagged_uncertain_rather_than_nothing() -> None:
    draft = _import(
        "Plan d'action 2024 • Mobiliser les partenaires autour du logement • Tenir un forum "
        "régional en mai • Publier un portrait des besoins"
    )
    actions = draft.iter_actions()
    assert [a.title for a in actions] == [
        "Mobiliser les partenaires autour du logement",
        "Tenir un forum régional en mai",
        "Publier un portrait des besoins",
    ]
    assert {a.extra["import_uncertain"] for a in actions} == {"flat-text"}
    assert draft.title == "Plan d'action 2024"
    assert draft.import_report is not None
    assert draft.import_report.unplaced == []


# --- reasons -----------------------------------------------------------------------------------


def test_every_item_says_why_it_was_placed() -> None:
    draft = _import(
        """
        Plan d'action 2023-2026

        Orientation 1 : Mobiliser les partenaires
        Objectif 1.1 Animer la concertation
        - Tenir quatre rencontres par année
        """
    )
    o = draft.orientations[0]
    ob = o.objectives[0]
    assert o.extra["import_reason"] == (
        "orientation : lu dans le plan du texte (titres, numéros, puces), numéro « 1 »"
    )
    assert ob.extra["import_reason"] == (
        "objectif : lu dans le plan du texte (titres, numéros, puces), numéro « 1.1 »"
    )
    assert ob.actions[0].extra["import_reason"] == (
        "action : lu dans le plan du texte (titres, numéros, puces), puce"
    )
    assert "import_uncertain" not in o.extra


def test_roman_heading_in_mixed_case_takes_its_wrapped_end() -> None:
    out, _ = join_heading_lines(
        [Line("I. Accroître la visibilité des initiatives portées par", 1), Line("les membres", 2)]
    )
    assert out[0].text == "I. Accroître la visibilité des initiatives portées par les membres"


def test_site_name_menu_and_footer_around_the_plan_stay_out_of_the_tree() -> None:
    draft = _import(
        """
        Carrefour communautaire du Haut-Pays
        Rechercher

        PLAN D'ACTION 2022-2026

        NOS MANDATS
          • Représenter les communautés
          • Offrir du soutien aux démarches locales
        I. Accroître la visibilité des initiatives portées par
        les membres
        A. Sensibiliser les décideurs
          • 1. Établir un mécanisme de liaison
          • 2. Tenir un registre des demandes

        Politique de confidentialité
        """
    )
    assert draft.mandates == [
        "Représenter les communautés",
        "Offrir du soutien aux démarches locales",
    ]
    assert _tree(draft) == [
        (
            "Accroître la visibilité des initiatives portées par les membres",
            [
                (
                    "Sensibiliser les décideurs",
                    ["Établir un mécanisme de liaison", "Tenir un registre des demandes"],
                )
            ],
        )
    ]
    assert draft.import_report is not None
    assert "Politique de confidentialité" in draft.import_report.unplaced


def test_site_menu_and_breadcrumb_are_not_the_plan_title() -> None:
    draft = _import(
        """
        Carrefour communautaire du Haut-Pays
        (CCHP)
        Accueil     Qui sommes-nous   Plan d'action   Publications   Nous joindre
        Accueil › Documents › PLAN D'ACTION 2022-2026

        PLAN D'ACTION 2022-2026

        I. Accroître la visibilité des membres
        A. Sensibiliser les décideurs
          • 1. Établir un mécanisme de liaison
        """
    )
    assert draft.title == "PLAN D'ACTION 2022-2026"
    assert _tree(draft) == [
        (
            "Accroître la visibilité des membres",
            [("Sensibiliser les décideurs", ["Établir un mécanisme de liaison"])],
        )
    ]


def test_menu_link_naming_the_plan_gives_way_to_the_title_with_its_years() -> None:
    draft = _import(
        """
        Accueil

        Plan d'action

        Nous joindre

        PLAN D'ACTION 2022-2026

        I. Accroître la visibilité des membres
        A. Sensibiliser les décideurs
          • 1. Établir un mécanisme de liaison
        """
    )
    assert draft.title == "PLAN D'ACTION 2022-2026"
    assert [o.title for o in draft.orientations] == ["Accroître la visibilité des membres"]


def test_orientation_and_objective_both_in_capitals_stay_two_items() -> None:
    draft = _import(
        """
        Plan d'action 2024-2027

        ORIENTATION 1 : MOBILISATION DES PARTENAIRES

        SOUTENIR LES ORGANISMES
        - Tenir des rencontres de soutien
        - Offrir des formations
        """
    )
    assert _tree(draft) == [
        (
            "MOBILISATION DES PARTENAIRES",
            [
                (
                    "SOUTENIR LES ORGANISMES",
                    ["Tenir des rencontres de soutien", "Offrir des formations"],
                )
            ],
        )
    ]


def test_objectives_follow_their_number_under_the_orientation_it_names() -> None:
    draft = _import(
        """
        Plan d'action 2024-2027

        Orientation 1 : Mobiliser les partenaires
        Objectif 1.1 Animer la concertation
        - Tenir quatre rencontres par année
        Objectif 2.1 Soutenir la participation citoyenne
        - Former des animateurs

        Orientation 2 : Renforcer la participation
        """
    )
    assert _tree(draft) == [
        (
            "Mobiliser les partenaires",
            [("Animer la concertation", ["Tenir quatre rencontres par année"])],
        ),
        (
            "Renforcer la participation",
            [("Soutenir la participation citoyenne", ["Former des animateurs"])],
        ),
    ]


def test_letter_spaced_label_is_made_whole() -> None:
    out, pieces = join_heading_lines([Line("OR IENTAT ION 1", 1), Line("Agir ensemble", 2)])
    assert out[0].text == "ORIENTATION 1 Agir ensemble"
    assert pieces[0][0] == "OR IENTAT ION 1"


def test_objectives_read_as_actions_carrying_only_indicators_become_objectives() -> None:
    draft = _import(
        """
        Plan stratégique 2024-2029

        ORIENTATION 1
        En 2029, les municipalités intègrent le développement social

        P1. Soutenir la mobilité des personnes sans voiture
        Indicateurs
          • MO = Répertoire mis à jour tous les 3 mois
        S2. Mobiliser les partenaires sectoriels
        Indicateurs
          • R = Nombre de rencontres tenues
        """
    )
    assert draft.iter_actions() == []
    (orientation,) = draft.orientations
    assert orientation.title == "En 2029, les municipalités intègrent le développement social"
    assert [
        (ob.title, [(i.kind, i.text) for i in ob.indicators]) for ob in orientation.objectives
    ] == [
        (
            "Soutenir la mobilité des personnes sans voiture",
            [("MO", "Répertoire mis à jour tous les 3 mois")],
        ),
        ("Mobiliser les partenaires sectoriels", [("R", "Nombre de rencontres tenues")]),
    ]


def test_markup_left_in_the_text_is_page_furniture() -> None:
    from jalon.importers.recognize.layout import is_markup

    assert is_markup('<nav class="menu" aria-label="Menu principal">')
    assert is_markup("</nav>")
    assert is_markup("header.site { border-bottom: 2pt solid #2a7; }")
    assert not is_markup("Tenir un forum régional (an 1)")
    assert not is_markup("<nav>Accueil › Documents › Plan d'action 2022-2026</nav>")


def test_title_repeated_as_a_heading_is_not_an_orientation() -> None:
    draft = _import(
        """
        PLAN D'ACTION 2022-2026 | Carrefour communautaire du Haut-Pays

        PLAN D'ACTION 2022-2026

        I. Accroître la visibilité des membres
        A. Sensibiliser les décideurs
          • 1. Établir un mécanisme de liaison
        """
    )
    assert draft.title == "PLAN D'ACTION 2022-2026 | Carrefour communautaire du Haut-Pays"
    assert [o.title for o in draft.orientations] == ["Accroître la visibilité des membres"]


def test_echo_objectives_around_the_plan_leave_the_tree() -> None:
    from jalon.importers.recognize.structure import echo
    from jalon.plans.interchange import ActionDraft, ObjectiveDraft

    assert echo(ObjectiveDraft(title="Nous joindre", actions=[ActionDraft(title="Nous joindre")]))
    assert not echo(
        ObjectiveDraft(title="Animer", actions=[ActionDraft(title="Animer", actors=["Direction"])])
    )

"""Targets read from indicator texts.

Two parts: general wording, written for these tests, and properties over any text. The seed
plans' own indicators are checked against a table read by hand in the evaluation on the seeds
(bench/seed_targets.py, run by bench/score_seeds.py), since the seeds stay outside the
repository.
"""

from __future__ import annotations

import json

import pytest
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from jalon.plans.target_text import describe_target
from jalon.plans.targets import (
    CADENCE_UNITS,
    CONFIDENCES,
    DIRECTIONS,
    PERIODS,
    TARGET_FORMS,
    parse_target,
)

NUMERIC_FORMS = {"count", "rate", "growth", "frequency"}
KEYS = {"form", "value", "unit", "period", "every", "direction", "span", "confidence"}

Row = tuple[str, int | float | None, str | None, str | None, str | None]


def row_of(target: dict[str, object]) -> Row:
    return (
        target["form"],
        target["value"],
        target["unit"],
        target["period"],
        target["direction"],
    )  # type: ignore[return-value]


# ---------------------------------------------------------------------------------------
# General wording, written for these tests.

COUNTS = [
    # text, value, unit, period, direction
    ("8 rencontres annuelles", 8, "rencontres", "year", "at_least"),
    ("2 activités par année", 2, "activités", "year", "at_least"),
    ("Tenir douze rencontres du conseil par année", 12, "rencontres", "year", "at_least"),
    ("Au moins trois webinaires par an", 3, "webinaires", "year", "at_least"),
    ("Un maximum de 5 plaintes par année", 5, "plaintes", "year", "at_most"),
    ("Pas plus de 3 absences par mois", 3, "absences", "month", "at_most"),
    ("4 rencontres minimum par semestre", 4, "rencontres", "semester", "at_least"),
    ("6 capsules /année", 6, "capsules", "year", "at_least"),
    ("3 bulletins chaque trimestre", 3, "bulletins", "quarter", "at_least"),
    ("1 chronique hebdomadaire", 1, "chronique", "week", "at_least"),
    ("2 rencontres mensuelles du comité", 2, "rencontres", "month", "at_least"),
    ("15 nouveaux membres sur la durée du plan", 15, "membres", "plan", "at_least"),
    ("Publication de 10 infolettres par année", 10, "infolettres", "year", "at_least"),
    ("Publication de 10 infolettres", 10, "infolettres", None, "at_least"),
    ("quatre-vingt-dix participants par année", 90, "participants", "year", "at_least"),
    ("soixante-dix membres", 70, "membres", None, "at_least"),
    ("deux cents exemplaires distribués par année", 200, "exemplaires", "year", "at_least"),
    ("une douzaine de rencontres par année", 12, "rencontres", "year", "at_least"),
    ("Vingt et un comités actifs", 21, "comités", None, "at_least"),
    ("2000 visites par année", 2000, "visites", "year", "at_least"),
    ("1 500 abonnés par année", 1500, "abonnés", "year", "at_least"),
    ("Financement de 50 000 $ par année", 50000, "$", "year", "at_least"),
    ("Formation de 2 jours par année", 2, "jours", "year", "at_least"),
    ("Une rencontre par année avec le conseil", 1, "rencontre", "year", "at_least"),
    ("Au moins une visite par année", 1, "visite", "year", "at_least"),
    ("At least 4 meetings per year", 4, "meetings", "year", "at_least"),
    ("Up to 3 reports a month", 3, "reports", "month", "at_most"),
    ("Nombre de membres : 40", 40, "membres", None, "at_least"),
    ("3 rencontres tous les 3 mois", 3, "rencontres", "quarter", "at_least"),
]


@pytest.mark.parametrize(("text", "value", "unit", "period", "direction"), COUNTS)
def test_parse_target_reads_counts(text, value, unit, period, direction):
    assert row_of(parse_target(text)) == ("count", value, unit, period, direction)


def test_parse_target_reads_a_range_as_its_minimum_and_keeps_the_maximum():
    for text in ("Entre 5 et 8 rencontres par année", "De 5 à 8 rencontres par année",
                 "5-8 rencontres par année", "5 à 8 rencontres par année"):  # fmt: skip
        target = parse_target(text)
        assert row_of(target) == ("count", 5, "rencontres", "year", "at_least"), text
        assert target["max"] == 8


def test_parse_target_reads_x_sur_y_as_a_count_out_of_a_total():
    for text in ("8 régions sur 17", "8 sur 17 régions", "8/17 régions"):
        target = parse_target(text)
        assert row_of(target) == ("count", 8, "régions", None, "at_least"), text
        assert target["out_of"] == 17


RATES = [
    ("Taux de 75% de satisfaction des participants", 75, "at_least", "Taux de 75%"),
    ("Taux de satisfaction de 80 pour cent", 80, "at_least", "Taux de satisfaction de 80 pour cent"),
    ("Taux de participation d'au moins 75 pourcent", 75, "at_least", "Taux de participation d'au moins 75 pourcent"),
    ("90 % des participants se disent satisfaits", 90, "at_least", "90 %"),
    ("Moins de 10 % de désabonnement", 10, "at_most", "Moins de 10 %"),
    ("Augmentation du taux de participation à 80 %", 80, "at_least", "taux de participation à 80 %"),
    ("Au moins la moitié des membres participent", 50, "at_least", "Au moins la moitié"),
    ("Les trois quarts des membres répondent au sondage", 75, "at_least", "Les trois quarts"),
    ("75% satisfaction rate", 75, "at_least", "75%"),
    ("Taux de rétention de 2,5 %", 2.5, "at_least", "Taux de rétention de 2,5 %"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "value", "direction", "span"), RATES)
def test_parse_target_reads_rates(text, value, direction, span):
    target = parse_target(text)
    assert row_of(target) == ("rate", value, "%", None, direction)
    assert target["span"] == span


def test_parse_target_reads_a_range_of_percentages():
    target = parse_target("entre 60 % et 80 % de participation")
    assert row_of(target) == ("rate", 60, "%", None, "at_least")
    assert target["max"] == 80
    assert describe_target(target) == "60 à 80\u00a0%"


def test_parse_target_reads_a_rate_without_a_value():
    target = parse_target("Taux d'ouverture des infolettres")
    assert row_of(target) == ("rate", None, "%", None, None)
    assert target["span"] == "Taux d'ouverture"
    assert target["confidence"] == "low"


GROWTHS = [
    ("Hausse de 10%", 10, None, "increase"),
    ("Hausse de 10% des contacts personnalisés chaque année", 10, "year", "increase"),
    ("Augmentation des visites du site Web de 10%/année", 10, "year", "increase"),
    ("Augmentation de 15 % du nombre de membres d'ici la fin du plan", 15, "plan", "increase"),
    ("Réduction de 20 % des délais de traitement", 20, None, "decrease"),
    ("Baisse de 5% par année des absences", 5, "year", "decrease"),
    ("+10 % de visites par année", 10, "year", "increase"),
    ("Hausse annuelle de 3 %", 3, "year", "increase"),
    ("Hausse de 2,5 % par année", 2.5, "year", "increase"),
    ("10% increase in members per year", 10, "year", "increase"),
    ("Doubler le nombre de membres", 100, None, "increase"),
]


@pytest.mark.parametrize(("text", "value", "period", "direction"), GROWTHS)
def test_parse_target_reads_growth(text, value, period, direction):
    assert row_of(parse_target(text)) == ("growth", value, "%", period, direction)


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("Augmentation du nombre de participants", "increase"),
        ("Diminution des plaintes", "decrease"),
        ("Le nombre de visites augmente", "increase"),
    ],
)
def test_parse_target_reads_growth_without_a_value(text, direction):
    target = parse_target(text)
    assert row_of(target) == ("growth", None, None, None, direction)
    assert target["confidence"] == "low"


FREQUENCIES = [
    # text, value, period, every, span
    ("mise à jour tous les 3 mois", 4, "year", {"count": 3, "unit": "month"}, "tous les 3 mois"),
    ("Révision tous les six mois", 2, "year", {"count": 6, "unit": "month"}, "tous les six mois"),
    ("Rapport trimestriel au conseil", 4, "year", {"count": 3, "unit": "month"}, "trimestriel"),
    ("Bilan semestriel", 2, "year", {"count": 6, "unit": "month"}, "semestriel"),
    ("Infolettre mensuelle", 1, "month", {"count": 1, "unit": "month"}, "mensuelle"),
    ("Rencontre hebdomadaire de l'équipe", 1, "week", {"count": 1, "unit": "week"}, "hebdomadaire"),
    ("Tournée quotidienne", 7, "week", {"count": 1, "unit": "day"}, "quotidienne"),
    ("Mise à jour aux 2 ans", 0.5, "year", {"count": 2, "unit": "year"}, "aux 2 ans"),
    ("Sondage aux deux ans", 0.5, "year", {"count": 2, "unit": "year"}, "aux deux ans"),
    ("Suivi toutes les 2 semaines", 26, "year", {"count": 2, "unit": "week"}, "toutes les 2 semaines"),
    ("Deux fois par année", 2, "year", None, "Deux fois par année"),
    ("Rencontre 2 fois par mois", 2, "month", None, "2 fois par mois"),
    ("Deux fois l'an", 2, "year", None, "Deux fois l'an"),
    ("Une fois par année", 1, "year", None, "Une fois par année"),
    ("Rappel 3x par année", 3, "year", None, "3x par année"),
    ("Twice a year", 2, "year", None, "Twice a year"),
    ("Every 3 months", 4, "year", {"count": 3, "unit": "month"}, "Every 3 months"),
    ("Quarterly report", 4, "year", {"count": 3, "unit": "month"}, "Quarterly"),
    ("Le plan est révisé à chaque année", 1, "year", {"count": 1, "unit": "year"}, "à chaque année"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "value", "period", "every", "span"), FREQUENCIES)
def test_parse_target_reads_frequencies(text, value, period, every, span):
    target = parse_target(text)
    assert row_of(target) == ("frequency", value, None, period, "at_least")
    assert target["every"] == every
    assert target["span"] == span


def test_parse_target_reads_a_minimum_frequency():
    target = parse_target("Le comité se réunit au moins deux fois par année")
    assert row_of(target) == ("frequency", 2, None, "year", "at_least")
    assert target["span"] == "au moins deux fois par année"


@pytest.mark.parametrize(
    ("text", "unit", "period"),
    [
        ("Nombre de membres recrutés", "membres", None),
        ("Nombre total de participants", "participants", None),
        ("Nombre d'avis rédigés annuellement", "avis", "year"),
        ("Nombre de rencontres mensuelles", "rencontres", "month"),
        ("Number of members recruited", "members", None),
    ],
)
def test_parse_target_reads_plain_counts(text, unit, period):
    assert row_of(parse_target(text)) == ("plain_count", None, unit, period, None)


@pytest.mark.parametrize(
    ("text", "span", "confidence"),
    [
        ("Adoption du plan stratégique", "Adoption", "high"),
        ("Rédaction et adoption d'une politique", "Rédaction", "high"),
        ("S'il y a lieu, révision des règlements", "révision", "high"),
        ("La politique est adoptée et opérationnelle", "adoptée", "high"),
        ("Le guide est publié sur le site", "publié", "low"),
        ("Comité de suivi mis en place", "mis en place", "high"),
        ("Boîte à outils disponible en ligne", "disponible", "low"),
        ("Policy adopted", "adopted", "high"),
    ],
)
def test_parse_target_reads_milestones(text, span, confidence):
    target = parse_target(text)
    assert row_of(target) == ("milestone", None, None, None, None)
    assert target["span"] == span
    assert target["confidence"] == confidence


@pytest.mark.parametrize(
    "text",
    [
        "Les membres se sentent écoutés",
        "Les partenaires s'entendent sur une vision partagée",
        "Le comité participe à la mise en œuvre du plan",
        "Reconnaissance de l'expertise du réseau",
    ],
)
def test_parse_target_leaves_narrative_qualitative(text):
    assert parse_target(text) == {
        "form": "qualitative",
        "value": None,
        "unit": None,
        "period": None,
        "every": None,
        "direction": None,
        "span": None,
        "confidence": "low",
    }


@pytest.mark.parametrize(
    "text",
    [
        "Visites du site en 2018",
        "Plan d'action 2017-2022",
        "Objectif 1.1.3 atteint",
        "An 1 : rencontres régionales",
        "Ans 1 et 2 : consolider les liens",
        "Le 20e anniversaire est souligné",
        "Rencontre le 1er mai 2018",
        "Rencontre prévue le 26/04/2018",
        "Rencontre de 3 heures",
        "Sur une période de 3 à 5 ans",
        "Au cours des 10 dernières années",
        "Phase 2 du projet",
        "Service 24/7 pour les membres",
        "Réponse à la COVID-19",
        "Les deux réseaux collaborent",
        "Un membre de chaque région siège au comité",
        "Une rencontre a eu lieu avec le ministre",
        "Tous les membres reçoivent l'infolettre",
    ],
)
def test_parse_target_does_not_take_years_codes_ordinals_or_durations_for_targets(text):
    assert parse_target(text)["form"] not in NUMERIC_FORMS


def test_parse_target_returns_none_for_empty_text():
    assert parse_target("") is None
    assert parse_target("  \n\t ") is None


def test_parse_target_span_is_cut_from_the_original_text():
    text = "Au\u00a0moins 4 RENCONTRES par année"
    target = parse_target(text)
    assert target["span"] == text
    assert target["unit"] == "RENCONTRES"


def test_parse_target_reads_decomposed_accents():
    text = "Taux de participation de 80 % par anne\u0301e"
    target = parse_target(text)
    assert row_of(target) == ("rate", 80, "%", "year", "at_least")
    assert target["span"] in text


def test_parse_target_returns_a_target_the_caller_may_edit():
    first = parse_target("Rappel trimestriel")
    first["every"]["count"] = 99
    assert parse_target("Rappel trimestriel")["every"] == {"count": 3, "unit": "month"}


def test_parse_target_confidence_is_low_for_a_count_without_period():
    assert parse_target("10 rencontres")["confidence"] == "low"
    assert parse_target("10 rencontres par année")["confidence"] == "high"


# ---------------------------------------------------------------------------------------
# Describing targets.


@pytest.mark.parametrize(
    ("text", "description"),
    [
        ("8 rencontres annuelles", "8 rencontres par année"),
        ("Taux de 75% de satisfaction", "au moins 75\u00a0%"),
        ("Hausse de 10% par année", "+10\u00a0% par année"),
        ("Baisse de 5 % des absences", "-5\u00a0%"),
        ("mise à jour tous les 3 mois", "4 fois par année"),
        ("Sondage aux deux ans", "1 fois tous les 2 ans"),
        ("Rédaction et adoption d'un cadre de référence", "jalon : fait ou non"),
        ("Nombre de membres recrutés", "nombre, sans cible"),
        ("Nombre de publications annuelles", "nombre par année, sans cible"),
        ("Les membres se connaissent bien", "qualitatif"),
        ("Un maximum de 5 plaintes par année", "au plus 5 plaintes par année"),
        ("5 à 6 réunions annuelles", "5 à 6 réunions par année"),
        ("8 régions sur 17", "8 régions sur 17"),
        ("Augmentation du nombre de visites", "en hausse"),
        ("Taux d'ouverture des infolettres", "taux, sans cible"),
        ("1 500 abonnés par année", "1\u00a0500 abonnés par année"),
    ],
)
def test_describe_target_says_it_in_french(text, description):
    assert describe_target(parse_target(text)) == description


def test_describe_target_says_it_in_english():
    with translation.override("en"):
        assert describe_target(parse_target("8 rencontres annuelles")) == "8 rencontres per year"
        assert describe_target(parse_target("Taux de 75% de satisfaction")) == "at least 75\u00a0%"
        assert describe_target({"form": "milestone"}) == "milestone: done or not"


def test_describe_target_accepts_targets_corrected_by_hand():
    assert describe_target({"form": "count", "value": 3, "unit": "ateliers"}) == "3 ateliers"
    assert describe_target({"form": "count", "value": "trois"}) == "nombre, sans cible"
    assert (
        describe_target({"form": "rate", "value": 2.5, "direction": "at_most"})
        == "au plus 2,5\u00a0%"
    )
    assert describe_target({}) == "cible non reconnue"
    assert describe_target(None) == "cible non reconnue"


# ---------------------------------------------------------------------------------------
# Properties.

PIECES = st.sampled_from(
    [
        "au moins",
        "un",
        "une",
        "deux",
        "3",
        "10",
        "75",
        "%",
        "pour cent",
        "par année",
        "par an",
        "/an",
        "tous les",
        "mois",
        "aux 2 ans",
        "fois",
        "trimestriel",
        "Hausse de",
        "taux",
        "Nombre de",
        "rencontres",
        "2017",
        "1.1.3",
        "An 1",
        "20e",
        "1h",
        "entre",
        "et",
        "à",
        "-",
        "sur",
        "17",
        "l'",
        "’",
        "(",
        ")",
        ":",
        ",",
        ";",
        ".",
        "adoptée",
        "Mise en place",
        "chaque semaine",
        "quatre-vingt",
        "mille",
        "1 000",
        "$",
        "moitié",
        "les",
        "des",
        "minimum",
        "maximum",
        "\xa0",
        "é",
    ]
)
TEXTS = st.one_of(st.text(), st.lists(PIECES, max_size=14).map(" ".join))


def assert_valid(text: str, target: dict[str, object] | None) -> None:
    if not text.strip():
        assert target is None
        return
    assert target is not None
    assert set(target) - {"max", "out_of"} == KEYS
    json.dumps(target, allow_nan=False)
    assert target["form"] in TARGET_FORMS
    assert target["period"] is None or target["period"] in PERIODS
    assert target["direction"] is None or target["direction"] in DIRECTIONS
    assert target["confidence"] in CONFIDENCES
    value = target["value"]
    assert value is None or (isinstance(value, int | float) and value > 0)
    if target["form"] in ("count", "frequency"):
        assert value is not None
    if target["form"] in ("plain_count", "milestone", "qualitative"):
        assert value is None
    assert target["unit"] is None or isinstance(target["unit"], str)
    every = target["every"]
    assert every is None or (every["unit"] in CADENCE_UNITS and every["count"] > 0)
    span = target["span"]
    assert span is None or (isinstance(span, str) and span and span in text)
    assert describe_target(target)


@settings(max_examples=400)
@given(TEXTS)
def test_parse_target_never_raises_and_returns_a_valid_target(text):
    assert_valid(text, parse_target(text))


PERIOD_PHRASES = {
    "par année": "year",
    "par an": "year",
    "annuellement": "year",
    "chaque mois": "month",
    "par semaine": "week",
    "par trimestre": "quarter",
    "par semestre": "semester",
    "": None,
}


@settings(max_examples=200)
@given(
    st.integers(min_value=1, max_value=999_999),
    st.sampled_from(["rencontres", "ateliers", "membres", "infolettres", "visites"]),
    st.sampled_from(sorted(PERIOD_PHRASES)),
    st.sampled_from(["", "Au moins ", "Tenir ", "Publication de ", "Un minimum de "]),
)
def test_parse_target_reads_back_any_written_count(number, unit, period, opening):
    written = f"{number:,}".replace(",", " ")
    text = f"{opening}{written} {unit} {period}".strip()
    target = parse_target(text)
    assert row_of(target) == ("count", number, unit, PERIOD_PHRASES[period], "at_least")
    assert target["span"] in text


@settings(max_examples=100)
@given(st.integers(min_value=1, max_value=100), st.sampled_from(["%", " %", " pour cent"]))
def test_parse_target_reads_back_any_written_rate(number, sign):
    target = parse_target(f"Taux de satisfaction de {number}{sign}")
    assert row_of(target) == ("rate", number, "%", None, "at_least")

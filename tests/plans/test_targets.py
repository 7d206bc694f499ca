"""Targets read from indicator texts.

Three parts: every indicator of the seed truth files against a table written by hand (kept in
docs/targets.md too), general wording the seeds do not show, and properties over any text.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

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

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs" / "targets.md"
NUMERIC_FORMS = {"count", "rate", "growth", "frequency"}
KEYS = {"form", "value", "unit", "period", "every", "direction", "span", "confidence"}
# Any sign of a number a person would read as a target: digits, %, number words.
NUMBER_HINT = re.compile(
    r"\d|%|\b(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|"
    r"quinze|seize|vingt|trente|quarante|cinquante|soixante|cent|mille|fois|moitié|tiers|"
    r"quart)\b",
    re.IGNORECASE,
)

Row = tuple[str, int | float | None, str | None, str | None, str | None]


def seeds_dir() -> Path | None:
    for candidate in (ROOT.parent / "shared" / "seeds", Path("/work/shared/seeds")):
        if candidate.is_dir() and any(candidate.glob("*.truth.json")):
            return candidate
    return None


def seed_texts(key: str) -> list[str]:
    """Every indicator text (key "indicators") or expected result of the seed truth files."""
    folder = seeds_dir()
    if folder is None:
        pytest.skip("the seed truth files are not on this machine")
    texts: list[str] = []
    for path in sorted(folder.glob("*.truth.json")):
        plan = json.loads(path.read_text(encoding="utf-8"))
        for orientation in plan["orientations"]:
            for objective in orientation["objectives"]:
                for action in objective["actions"]:
                    for item in action.get(key) or []:
                        text = item["text"] if isinstance(item, dict) else item
                        if text not in texts:
                            texts.append(text)
    return texts


def row_of(target: dict[str, object]) -> Row:
    return (
        target["form"],
        target["value"],
        target["unit"],
        target["period"],
        target["direction"],
    )  # type: ignore[return-value]


# ---------------------------------------------------------------------------------------
# The seed indicators, read by hand: text → (form, value, unit, period, direction).
# Keep docs/targets.md in step (a test compares them).

SEED_INDICATORS: dict[str, Row] = {
    "La coordination est en contact direct avec un ou des acteurs de DS de chaque région, en particulier les orphelines": (
        "qualitative",
        None,
        None,
        None,
        None,
    ),
    "Connaissance de l’état de situation en évolution dans les régions orphelines et de leur besoin de soutien": (
        "qualitative",
        None,
        None,
        None,
        None,
    ),
    "Référencements continus entre les membres": ("qualitative", None, None, None, None),
    "Nombre de membres recrutés": ("plain_count", None, "membres", None, None),
    "Nombre de membres totaux": ("plain_count", None, "membres", None, None),
    "Nombre de régions représentées par des membres": ("plain_count", None, "régions", None, None),
    "Rappel trimestriel à tous les membres de partager leurs nouveaux outils": (
        "frequency",
        4,
        None,
        "year",
        "at_least",
    ),
    "Plateforme interactive mise à jour tous les 3 mois": (
        "frequency",
        4,
        None,
        "year",
        "at_least",
    ),
    "Augmentation du nombre de visites": ("growth", None, None, None, "increase"),
    "Rédaction et adoption d’un cadre de référence en mentorat": (
        "milestone",
        None,
        None,
        None,
        None,
    ),
    "Recrutement et préparation de mentors parmi les membres du RQDS": (
        "milestone",
        None,
        None,
        None,
        None,
    ),
    "Le service de mentorat est disponible pour les membres le nécessitant": (
        "milestone",
        None,
        None,
        None,
        None,
    ),
    "Bibliothèque virtuelle en ligne et régulièrement alimentée": (
        "milestone",
        None,
        None,
        None,
        None,
    ),
    "Cueillette biannuelle des informations dans toutes les régions du Québec": (
        "frequency",
        2,
        None,
        "year",
        "at_least",
    ),
    "2 publications par année sur tous les médias disponibles": (
        "count",
        2,
        "publications",
        "year",
        "at_least",
    ),
    "Processus de sélection et embauche de la personne employée": (
        "milestone",
        None,
        None,
        None,
        None,
    ),
    "8 rencontres annuelles De 1h environ chacune": ("count", 8, "rencontres", "year", "at_least"),
    "Les membres se connaissent bien, le travail et l’apprentissage collaboratifs en sont facilités": (
        "qualitative",
        None,
        None,
        None,
        None,
    ),
    "2 activités par année": ("count", 2, "activités", "year", "at_least"),
    "Évaluation des besoins et attentes des membres et de l’agent d’animation": (
        "milestone",
        None,
        None,
        None,
        None,
    ),
    "Section du site du RQDS dédié à la communauté de pratique (par ex. : forum de discussion animé, bibliothèque virtuelle régulièrement mise à jour, animation de webinaires, etc.)": (
        "milestone",
        None,
        None,
        None,
        None,
    ),
    "Le RQDS prend contact avec le TIESS et évalue les possibilités d’arrimage avec le projet en construction": (
        "qualitative",
        None,
        None,
        None,
        None,
    ),
    "La communauté de pratique du RQDS est partenaire du projet, ce qui facilite le transfert d’expertise entre ses participants et les autres communautés de pratique membres (communautés régionales, thématiques et sectorielles).": (
        "qualitative",
        None,
        None,
        None,
        None,
    ),
    "Les membres de la communauté de pratique sont constamment mobilisés et outillés": (
        "qualitative",
        None,
        None,
        None,
        None,
    ),
    "Participation à 4 activités des membres par année": (
        "count",
        4,
        "activités",
        "year",
        "at_least",
    ),
    "1 thématique identifiée par année": ("count", 1, "thématique", "year", "at_least"),
    "Nombre de membres": ("plain_count", None, "membres", None, None),
    "Nombre de rencontres": ("plain_count", None, "rencontres", None, None),
    "Nombre de sources consultées": ("plain_count", None, "sources", None, None),
    "Documentation, recherche produites": ("milestone", None, None, None, None),
    "Informations et documentation mis à la disposition des membres dans la bibliothèque virtuelle en ligne": (
        "milestone",
        None,
        None,
        None,
        None,
    ),
    "Outils développé": ("milestone", None, None, None, None),
    "Outils partagé aux membres directement ainsi que via la plateforme et la bibliothèque virtuelle": (
        "milestone",
        None,
        None,
        None,
        None,
    ),
    "Nombre de représentations politiques effectuées": (
        "plain_count",
        None,
        "représentations",
        None,
        None,
    ),
    "Conférences, Partage de documentation, Présentation et discussions au sein de la communauté de pratique, Webinaires": (
        "qualitative",
        None,
        None,
        None,
        None,
    ),
    "Co-production, avec les membres, d’un cadre de référence sur le membership du RQDS": (
        "milestone",
        None,
        None,
        None,
        None,
    ),
    "S’il y a lieu, modification des statuts et règlements": ("milestone", None, None, None, None),
    "Modification des statuts et règlements du RQDS": ("milestone", None, None, None, None),
    "Les outils, informations et argumentaires de sensibilisation sur le développement social et les démarches régionales sont tous acheminés aux ministères d’intérêt et font l’objet de suivis au besoin": (
        "milestone",
        None,
        None,
        None,
        None,
    ),
    "Nombre de demandes de la part du Ministre adressées au RQDS": (
        "plain_count",
        None,
        "demandes",
        None,
        None,
    ),
    "Mise en place d’une Direction du développement social dans l’appareil gouvernemental québécois": (
        "milestone",
        None,
        None,
        None,
        None,
    ),
    "Augmentation du financement régulier du RQDS et mise en place d’un financement régulier des démarches régionales de DS": (
        "growth",
        None,
        None,
        None,
        "increase",
    ),
    "Pertinence d’une politique nationale en DS évaluée par le gouvernement": (
        "milestone",
        None,
        None,
        None,
        None,
    ),
    "Reconnaissance du rôle d’animation dans la mécanique de concertation des démarches régionales pour la mise en œuvre du Plan d’action gouvernemental pour l’inclusion économique et la participation sociale 2017-2013": (
        "qualitative",
        None,
        None,
        None,
        None,
    ),
    "Financement annuel associé au rôle octroyé aux démarches dans le déploiement du Plan d’action gouvernemental pour l’inclusion économique et la participation sociale 2017-2023": (
        "qualitative",
        None,
        None,
        None,
        None,
    ),
    "Nombre d’avis, communiqués et mémoires rédigés annuellement": (
        "plain_count",
        None,
        "avis",
        "year",
        None,
    ),
    "Augmentation significative du nombre de visionnement de la vidéo en ligne": (
        "growth",
        None,
        None,
        None,
        "increase",
    ),
    "Partage systématique des mises à jour de l’état de situation": (
        "qualitative",
        None,
        None,
        None,
        None,
    ),
    "Nombre de démarches régionales diffusant les outils du RQDS": (
        "plain_count",
        None,
        "démarches",
        None,
        None,
    ),
    "Augmentation du nombre de visites sur le site du RQDS": (
        "growth",
        None,
        None,
        None,
        "increase",
    ),
    "Reconnaissance de l’expertise et de l’apport du RQDS et de ses membres au DS": (
        "qualitative",
        None,
        None,
        None,
        None,
    ),
    "Augmentation des partenaires régionaux des démarches de DS": (
        "growth",
        None,
        None,
        None,
        "increase",
    ),
    "Nombre de participation aux activités des réseaux nationaux du milieu municipal": (
        "plain_count",
        None,
        "participation",
        None,
        None,
    ),
    "Nombre de projets ou prises de position communes": (
        "plain_count",
        None,
        "projets",
        None,
        None,
    ),
    "Évaluation de la possibilité de mener des chantiers de travail conjoints": (
        "milestone",
        None,
        None,
        None,
        None,
    ),
    "Adaptation de l’argumentaire du RQDS aux compétences municipales": (
        "milestone",
        None,
        None,
        None,
        None,
    ),
    "Outils pédagogiques vulgarisant le rôle des démarches de DS destinés aux élus et fonctionnaires municipaux": (
        "qualitative",
        None,
        None,
        None,
        None,
    ),
    "Nombre d’élus et de fonctionnaires municipaux acceptant de se faire porte-paroles des démarches de DS": (
        "plain_count",
        None,
        "élus",
        None,
        None,
    ),
    "Production et diffusion de textes ou fiches faisant état de leur expérience et position face aux démarches de DS": (
        "milestone",
        None,
        None,
        None,
        None,
    ),
    "Relation formalisée entre le RQDS et les responsables du DS des principales grandes villes du Québec": (
        "milestone",
        None,
        None,
        None,
        None,
    ),
    "Participation aux 5 à 6 réunions annuelles": ("count", 5, "réunions", "year", "at_least"),
    "Participation à des événements des partenaires du Collectif": (
        "qualitative",
        None,
        None,
        None,
        None,
    ),
    "Prises de positions et actions conjointes en faveur du positionnement du DS auprès des décideurs municipaux et provinciaux": (
        "qualitative",
        None,
        None,
        None,
        None,
    ),
    "Des rencontres statutaires ont lieu au moins deux fois par année": (
        "frequency",
        2,
        None,
        "year",
        "at_least",
    ),
    "Intégration et interrelation de plus en plus renforcée entre les enjeux de DS et leur impact sur la réussite éducative": (
        "qualitative",
        None,
        None,
        None,
        None,
    ),
    "Établissement de communications avec les principaux réseaux nationaux sectoriels de DS et évaluation des opportunités de collaboration": (
        "milestone",
        None,
        None,
        None,
        None,
    ),
    "Distribution à tous les réseaux nationaux de la mise à jour de L’État de situation des démarches régionales de développement social": (
        "milestone",
        None,
        None,
        None,
        None,
    ),
    "Structure de veille mise en place": ("milestone", None, None, None, None),
    "Nombre de productions scientifique colligées": (
        "plain_count",
        None,
        "productions",
        None,
        None,
    ),
    "Nombre de visite de la bibliothèque virtuelle": ("plain_count", None, "visite", None, None),
    "10 initiatives sont documentées annuellement, disponibles sur le site et communiquées via différents médias (communauté de pratique, médias sociaux, événements, etc.)": (
        "count",
        10,
        "initiatives",
        "year",
        "at_least",
    ),
    "Élaboration et diffusion large d’un dossier de presse relatant l’historique et les impacts des actions de développement social au cours des 20 dernières années": (
        "milestone",
        None,
        None,
        None,
        None,
    ),
    "Organisation d’activités de sensibilisation au développement social dans certains ministères ciblés": (
        "milestone",
        None,
        None,
        None,
        None,
    ),
    "Organisation et tenue d’une soirée gala reconnaissance le 26 avril 2018": (
        "milestone",
        None,
        None,
        None,
        None,
    ),
    "Réflexion collective et décision/mobilisation quant à la possibilité d’organiser des journées annuelles du DS": (
        "milestone",
        None,
        None,
        None,
        None,
    ),
    "Possible organisation de journées annuelles du DS": ("milestone", None, None, None, None),
    "Nombre de participations aux rencontres du Chantier d’évaluation de Communagir": (
        "plain_count",
        None,
        "participations",
        None,
        None,
    ),
    "Plan de communication réaliste et efficient": ("qualitative", None, None, None, None),
    "Stratégie de communication adaptée aux élus municipaux": (
        "qualitative",
        None,
        None,
        None,
        None,
    ),
    "Vidéo mis à jour et disponible pour diffusion auprès des membres et partenaires": (
        "milestone",
        None,
        None,
        None,
        None,
    ),
    "Nombre de visionnements de la vidéo": ("plain_count", None, "visionnements", None, None),
    "Création de comptes Facebook Twitter du RQDS": ("milestone", None, None, None, None),
    "Nombre de publications annuelles dans les médias sociaux": (
        "plain_count",
        None,
        "publications",
        "year",
        None,
    ),
    "Nombre d’amis suivant les actualités du RQDS sur les médias sociaux": (
        "plain_count",
        None,
        "amis",
        None,
        None,
    ),
    "Changements souhaités et indicateurs d’évaluation connus": (
        "qualitative",
        None,
        None,
        None,
        None,
    ),
    "Évaluation d’implantation complétée pour l’AGA 2019": ("milestone", None, None, None, None),
    "Liens connus entre les objectifs de départ et les impacts du plan": (
        "qualitative",
        None,
        None,
        None,
        None,
    ),
    "Évaluations de suivi opérée pour les AGA 2010 et 2021": ("milestone", None, None, None, None),
    "Ajustements au plan si besoin": ("qualitative", None, None, None, None),
    "Bilan d’évaluation complétée pour l’AGA 2022": ("milestone", None, None, None, None),
    "Réinvestissements à prioriser connus": ("qualitative", None, None, None, None),
}

SEED_INDICATOR_EXTRAS: dict[str, dict[str, object]] = {
    "Rappel trimestriel à tous les membres de partager leurs nouveaux outils": {
        "every": {"count": 3, "unit": "month"}
    },
    "Plateforme interactive mise à jour tous les 3 mois": {"every": {"count": 3, "unit": "month"}},
    "Cueillette biannuelle des informations dans toutes les régions du Québec": {
        "every": {"count": 6, "unit": "month"}
    },
    "Participation aux 5 à 6 réunions annuelles": {"max": 6},
}

SEED_RESULTS_WITH_NUMBERS: dict[str, Row] = {
    "Le RQDS rassemble des membres issus des 19 régions administratives du Québec": (
        "qualitative",
        None,
        None,
        None,
        None,
    ),
    "État de situation mis à jour deux fois par année et diffusé à tous les partenaires et membres": (
        "frequency",
        2,
        None,
        "year",
        "at_least",
    ),
    "Les actualités pertinentes et les ajouts au site de la communauté de pratique sont communiqués aux membres à chaque semaine": (
        "frequency",
        1,
        None,
        "week",
        "at_least",
    ),
    "Le RQDS et ses membres sont partenaires du MTESS dans la mise en œuvre du Plan d’action gouvernemental pour l’inclusion économique et la participation sociale 2017-2023": (
        "qualitative",
        None,
        None,
        None,
        None,
    ),
    "Ans 1 et 2 : Conserver les canaux ouverts et participer aux activités de chacun des réseaux": (
        "qualitative",
        None,
        None,
        None,
        None,
    ),
    "Ans 2 ou 3 : Le lien et les collaborations entre la réussite éducative et le développement social est une thématique traitée lors d’un événement du RQDS": (
        "qualitative",
        None,
        None,
        None,
        None,
    ),
    "An 4 : D’autres activités conjointes sont organisées entre les membres des deux réseaux": (
        "milestone",
        None,
        None,
        None,
        None,
    ),
    "An 5 : Collaborations accrues entre les IRC régionales et les membres du RQDS et soutenues par les réseaux nationaux": (
        "qualitative",
        None,
        None,
        None,
        None,
    ),
    "Le RQDS organise le 20e anniversaire du Forum de développement social et collabore à maximiser sa visibilité et son impact": (
        "qualitative",
        None,
        None,
        None,
        None,
    ),
    "La vidéo « Sur la route du DS » inclut les notions liées au changement de contexte depuis l’automne 2014": (
        "qualitative",
        None,
        None,
        None,
        None,
    ),
    "Un minimum de 4 rencontres par année a lieu en présence des membres du comité directeur.": (
        "count",
        4,
        "rencontres",
        "year",
        "at_least",
    ),
    "Un minimum de 4 rencontres par année a lieu avec les membres du COCO.": (
        "count",
        4,
        "rencontres",
        "year",
        "at_least",
    ),
    "Une rencontre conjointe entre le comité directeur et le COCO est organisée par année.": (
        "count",
        1,
        "rencontre",
        "year",
        "at_least",
    ),
    "Un événement d’échange et de réseautage (ex : RV du développement social) incluant d’autres milieux est organisé par année.": (
        "count",
        1,
        "événement",
        "year",
        "at_least",
    ),
    "Une nouvelle entente (ou projet) est signée et un plan d’action concerté d’une durée de 3 à 5 ans est élaboré.": (
        "milestone",
        None,
        None,
        None,
        None,
    ),
    "Les résultats et les retombées du soutien ponctuel aux actions de 2016-2017 sont documentés et partagés lors d’occasion de transfert (ex : rencontre comité directeur, COCO, etc.).": (
        "milestone",
        None,
        None,
        None,
        None,
    ),
    "Une rencontre est réalisée avec la FLAC et le rapport d'activité 2016-2017 leur est remis.": (
        "milestone",
        None,
        None,
        None,
        None,
    ),
    "Au moins 4 rencontres du comité régional en sécurité alimentaire sont organisées par année.": (
        "count",
        4,
        "rencontres",
        "year",
        "at_least",
    ),
    "Le comité régional dispose d’un plan d’action qui est ajusté à chaque année.": (
        "frequency",
        1,
        None,
        "year",
        "at_least",
    ),
    "Une rencontre préparatoire au PAGSIS est organisée à l’automne 2017 réunissant des partenaires de plusieurs secteurs.": (
        "milestone",
        None,
        None,
        None,
        None,
    ),
    "Au moins un atelier pratique est offert par année sur un outil de développement répondant aux besoins des partenaires.": (
        "count",
        1,
        "atelier",
        "year",
        "at_least",
    ),
    "Au moins une rencontre régionale est organisée par année en lien avec la sécurité alimentaire, l’habitation et/ou la participation citoyenne.": (
        "count",
        1,
        "rencontre",
        "year",
        "at_least",
    ),
}

SEED_RESULT_EXTRAS: dict[str, dict[str, object]] = {
    "Les actualités pertinentes et les ajouts au site de la communauté de pratique sont communiqués aux membres à chaque semaine": {
        "every": {"count": 1, "unit": "week"}
    },
    "Le comité régional dispose d’un plan d’action qui est ajusté à chaque année.": {
        "every": {"count": 1, "unit": "year"}
    },
}


def test_seed_indicators_are_all_in_the_table():
    texts = seed_texts("indicators")
    missing = [text for text in texts if text not in SEED_INDICATORS]
    assert missing == [], "indicators of the seed files missing from SEED_INDICATORS"
    assert len(texts) == len(SEED_INDICATORS)


@pytest.mark.parametrize("text", list(SEED_INDICATORS))
def test_seed_indicator_reads_as_the_table_says(text):
    target = parse_target(text)
    assert target is not None
    assert row_of(target) == SEED_INDICATORS[text]
    for key, value in SEED_INDICATOR_EXTRAS.get(text, {}).items():
        assert target[key] == value


# Seed indicators whose numbers are years, dates or durations, not targets.
SEED_NUMBERS_NOT_TARGETS = {
    "Reconnaissance du rôle d’animation dans la mécanique de concertation des démarches régionales pour la mise en œuvre du Plan d’action gouvernemental pour l’inclusion économique et la participation sociale 2017-2013",
    "Financement annuel associé au rôle octroyé aux démarches dans le déploiement du Plan d’action gouvernemental pour l’inclusion économique et la participation sociale 2017-2023",
    "Élaboration et diffusion large d’un dossier de presse relatant l’historique et les impacts des actions de développement social au cours des 20 dernières années",
    "Organisation et tenue d’une soirée gala reconnaissance le 26 avril 2018",
    "Évaluation d’implantation complétée pour l’AGA 2019",
    "Évaluations de suivi opérée pour les AGA 2010 et 2021",
    "Bilan d’évaluation complétée pour l’AGA 2022",
}


def test_seed_indicators_with_a_number_target_get_a_numeric_form_and_value():
    written = [text for text in SEED_INDICATORS if NUMBER_HINT.search(text)]
    targets = [text for text in written if text not in SEED_NUMBERS_NOT_TARGETS]
    assert set(written) >= SEED_NUMBERS_NOT_TARGETS
    assert len(targets) == 9
    for text in targets:
        form, value, *_ = SEED_INDICATORS[text]
        target = parse_target(text)
        assert form in NUMERIC_FORMS, text
        assert (target["form"], target["value"]) == (form, value), text
        assert isinstance(value, int | float), text
    for text in SEED_NUMBERS_NOT_TARGETS:
        assert parse_target(text)["form"] not in NUMERIC_FORMS, text


def test_seed_expected_results_with_numbers_are_all_in_the_table():
    texts = seed_texts("expected_results")
    unlisted = [
        text
        for text in texts
        if text not in SEED_RESULTS_WITH_NUMBERS
        and (NUMBER_HINT.search(text) or parse_target(text)["form"] in NUMERIC_FORMS)
    ]
    assert unlisted == [], "expected results with numbers missing from SEED_RESULTS_WITH_NUMBERS"


@pytest.mark.parametrize("text", list(SEED_RESULTS_WITH_NUMBERS))
def test_seed_expected_result_reads_as_the_table_says(text):
    target = parse_target(text)
    assert target is not None
    assert row_of(target) == SEED_RESULTS_WITH_NUMBERS[text]
    for key, value in SEED_RESULT_EXTRAS.get(text, {}).items():
        assert target[key] == value


def docs_table(heading: str) -> dict[str, Row]:
    """A table of docs/targets.md: | text | form | value | unit | period | direction | …"""
    rows: dict[str, Row] = {}
    section = DOCS.read_text(encoding="utf-8").split(f"\n## {heading}\n", 1)[1].split("\n## ")[0]
    for line in section.splitlines():
        if not line.startswith("| "):
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split(" | ")]
        if cells[0] == "text" or set(cells[0]) <= {"-", " "}:
            continue
        text, form, value, unit, period, direction = (c.strip("`") for c in cells[:6])
        number = None if value in ("", "—") else float(value)
        rows[text] = (
            form,
            int(number) if number is not None and number.is_integer() else number,
            None if unit in ("", "—") else unit,
            None if period in ("", "—") else period,
            None if direction in ("", "—") else direction,
        )
    return rows


def test_docs_tables_match_the_seed_tables():
    assert docs_table("Seed indicators") == SEED_INDICATORS
    assert docs_table("Seed expected results with numbers") == SEED_RESULTS_WITH_NUMBERS


# ---------------------------------------------------------------------------------------
# General wording, written for these tests (not from the seeds).

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

"""The seeds' indicator texts, read by hand: what `parse_target` must make of each.

Part of the evaluation on the seed plans (bench/score_seeds.py runs it; the seeds stay
outside the repository, in ../shared/seeds). It checks that:

- every indicator of the seed truth files is in SEED_INDICATORS, and reads as the table says;
- every seed indicator written with a number target gets a numeric form and that value, and
  the ones whose numbers are years or dates (SEED_NUMBERS_NOT_TARGETS) do not;
- every expected result with a number is in SEED_RESULTS_WITH_NUMBERS, and reads as it says;
- docs/targets.md shows the same two tables.

The wording the seeds do not show, and properties over any text, stay in the test suite
(tests/plans/test_targets.py).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

from jalon.plans.targets import parse_target

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "targets.md"
NUMERIC_FORMS = {"count", "rate", "growth", "frequency"}
# Any sign of a number a person would read as a target: digits, %, number words.
NUMBER_HINT = re.compile(
    r"\d|%|\b(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|"
    r"quinze|seize|vingt|trente|quarante|cinquante|soixante|cent|mille|fois|moitié|tiers|"
    r"quart)\b",
    re.IGNORECASE,
)

Row = tuple[str, int | float | None, str | None, str | None, str | None]


def row_of(target: dict[str, object]) -> Row:
    return (
        target["form"],
        target["value"],
        target["unit"],
        target["period"],
        target["direction"],
    )  # type: ignore[return-value]


def seed_texts(seeds: Path, key: str) -> list[str]:
    """Every indicator text (key "indicators") or expected result of the seed truth files."""
    texts: list[str] = []
    for path in sorted(seeds.glob("*.truth.json")):
        plan = json.loads(path.read_text(encoding="utf-8"))
        for orientation in plan["orientations"]:
            for objective in orientation["objectives"]:
                for action in objective["actions"]:
                    for item in action.get(key) or []:
                        text = item["text"] if isinstance(item, dict) else item
                        if text not in texts:
                            texts.append(text)
    return texts


# ---------------------------------------------------------------------------------------
# The seed indicators, read by hand: text → (form, value, unit, period, direction).
# Keep docs/targets.md in step (check_docs compares them).

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


def _reads_as(table: dict[str, Row], extras: dict[str, dict[str, object]]) -> list[str]:
    failures = []
    for text, row in table.items():
        target = parse_target(text)
        if target is None or row_of(target) != row:
            failures.append(f"{text!r} reads as {target and row_of(target)}, not {row}")
            continue
        for key, value in extras.get(text, {}).items():
            if target[key] != value:
                failures.append(f"{text!r}: {key} is {target[key]!r}, not {value!r}")
    return failures


def check_indicators_in_table(seeds: Path) -> list[str]:
    texts = seed_texts(seeds, "indicators")
    missing = [f"not in SEED_INDICATORS: {t!r}" for t in texts if t not in SEED_INDICATORS]
    unused = [f"not in the seeds: {t!r}" for t in SEED_INDICATORS if t not in texts]
    return missing + unused


def check_indicators_read(seeds: Path) -> list[str]:
    return _reads_as(SEED_INDICATORS, SEED_INDICATOR_EXTRAS)


def check_number_targets(seeds: Path) -> list[str]:
    written = [text for text in SEED_INDICATORS if NUMBER_HINT.search(text)]
    targets = [text for text in written if text not in SEED_NUMBERS_NOT_TARGETS]
    failures = [f"no number in {t!r}" for t in SEED_NUMBERS_NOT_TARGETS if t not in written]
    if len(targets) != 9:
        failures.append(f"{len(targets)} indicators with a number target, not 9")
    for text in targets:
        form, value, *_ = SEED_INDICATORS[text]
        target = parse_target(text)
        if form not in NUMERIC_FORMS or not isinstance(value, int | float):
            failures.append(f"{text!r} is listed as {form} {value}, not a number target")
        elif (target["form"], target["value"]) != (form, value):
            failures.append(f"{text!r} reads as {target['form']} {target['value']}")
    failures += [
        f"{text!r} reads as a number target"
        for text in SEED_NUMBERS_NOT_TARGETS
        if parse_target(text)["form"] in NUMERIC_FORMS
    ]
    return failures


def check_results_in_table(seeds: Path) -> list[str]:
    return [
        f"expected result with a number not in SEED_RESULTS_WITH_NUMBERS: {text!r}"
        for text in seed_texts(seeds, "expected_results")
        if text not in SEED_RESULTS_WITH_NUMBERS
        and (NUMBER_HINT.search(text) or parse_target(text)["form"] in NUMERIC_FORMS)
    ]


def check_results_read(seeds: Path) -> list[str]:
    return _reads_as(SEED_RESULTS_WITH_NUMBERS, SEED_RESULT_EXTRAS)


def check_docs(seeds: Path) -> list[str]:
    failures = []
    if docs_table("Seed indicators") != SEED_INDICATORS:
        failures.append("docs/targets.md, Seed indicators: not the table of bench/seed_targets.py")
    if docs_table("Seed expected results with numbers") != SEED_RESULTS_WITH_NUMBERS:
        failures.append(
            "docs/targets.md, Seed expected results with numbers: not the table of "
            "bench/seed_targets.py"
        )
    return failures


CHECKS: dict[str, Callable[[Path], list[str]]] = {
    "every seed indicator is in the table": check_indicators_in_table,
    "each seed indicator reads as the table says": check_indicators_read,
    "every number target is read with its value": check_number_targets,
    "every expected result with a number is in the table": check_results_in_table,
    "each of those expected results reads as the table says": check_results_read,
    "docs/targets.md shows the same tables": check_docs,
}

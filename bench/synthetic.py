"""Synthetic plans for benchmarks (and any test that needs a big, plausible plan).

    synthetic_plan_draft(actions=500)            a PlanDraft of that many actions, always the same for a seed
    build_synthetic_plan(organization=org, actions=500)   the same, saved through plans.services

The texts are assembled from a small vocabulary of the domain so pages and exports meet
realistic lengths: titles of 60-200 characters, 1-3 actors, 1-3 expected results, 1-3 MO/R
indicators with targets written in words, plan years and a timing.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from jalon.plans.interchange import (
    ActionDraft,
    IndicatorDraft,
    ObjectiveDraft,
    OrientationDraft,
    PlanDraft,
)

VERBS = [
    "Organiser",
    "Soutenir",
    "Documenter",
    "Animer",
    "Promouvoir",
    "Développer",
    "Consolider",
    "Diffuser",
    "Mobiliser",
    "Accompagner",
]
OBJECTS = [
    "des rencontres d'échange entre les membres",
    "la concertation régionale en développement social",
    "un guide sur l'évaluation des démarches",
    "les comités locaux de chaque MRC",
    "une veille sur les politiques publiques",
    "des webinaires sur les pratiques inspirantes",
    "la participation citoyenne dans les démarches locales",
    "les liens avec les partenaires municipaux",
    "une carte interactive des projets des membres",
    "la relève dans les équipes de coordination",
]
QUALIFIERS = [
    "",
    " en portant une attention particulière aux régions orphelines",
    " avec les partenaires de la santé et de l'éducation",
    " selon les besoins exprimés lors du sondage annuel",
    " en collaboration avec les réseaux nationaux",
]
ACTORS = [
    "Coordination",
    "Direction",
    "Agent de liaison",
    "Responsable communications et vie associative",
    "Conseil d'administration",
    "Centraide",
    "MRC",
]
RESULTS = [
    "Les membres se connaissent mieux et collaborent davantage",
    "An 1 : Une première rencontre est tenue",
    "Ans 2 et 3 : Les outils sont utilisés dans plusieurs régions",
    "Les partenaires reconnaissent l'apport du développement social",
    "Les démarches locales disposent d'outils adaptés",
]
INDICATORS = [
    "MO: 8 rencontres annuelles",
    "MO: Publication de 10 infolettres",
    "R: Taux de 75 % de satisfaction des participants",
    "R: Hausse de 10 % des contacts personnalisés chaque année",
    "MO: Nombre de membres recrutés",
    "MO: Rédaction et adoption d'un cadre de référence",
    "MO: Plateforme mise à jour tous les 3 mois",
    "R: Les membres se connaissent bien",
]
TIMINGS = ["En continu", "Automne", "Printemps", "An 1-2", "Avant l'AGA", None]
STATUSES = [None, None, "not_started", "in_progress", "completed"]


def _title(rng: random.Random) -> str:
    return f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}{rng.choice(QUALIFIERS)}"


def synthetic_plan_draft(
    actions: int, *, years: int = 5, seed: int = 0, organization: str = "Réseau synthétique"
) -> PlanDraft:
    """A plan of `actions` actions: about 10 actions per objective, 3 to 4 objectives per orientation."""
    rng = random.Random(seed)
    per_objective = 10
    objectives_needed = max(1, -(-actions // per_objective))
    orientations: list[OrientationDraft] = []
    made = 0
    objective_number = 0
    while made < actions:
        objectives: list[ObjectiveDraft] = []
        for _ in range(rng.choice([3, 4])):
            if made >= actions:
                break
            objective_number += 1
            count = min(per_objective, actions - made)
            objective_actions = []
            for _ in range(count):
                made += 1
                indicators = []
                for line in rng.sample(INDICATORS, rng.randint(1, 3)):
                    kind, _, text = line.partition(": ")
                    indicators.append(IndicatorDraft(kind=kind, text=text))
                first_year = rng.randint(1, years)
                objective_actions.append(
                    ActionDraft(
                        code=str(made),
                        title=_title(rng),
                        actors=rng.sample(ACTORS, rng.randint(1, 3)),
                        expected_results=rng.sample(RESULTS, rng.randint(1, 3)),
                        indicators=indicators,
                        schedule_years=list(range(first_year, rng.randint(first_year, years) + 1)),
                        timing=rng.choice(TIMINGS),
                        status=rng.choice(STATUSES),
                    )
                )
            kind = "principal" if rng.random() < 0.7 else "secondary"
            objectives.append(
                ObjectiveDraft(
                    code=f"{'P' if kind == 'principal' else 'S'}{objective_number}",
                    kind=kind,
                    title=_title(rng),
                    actions=objective_actions,
                )
            )
        orientations.append(
            OrientationDraft(
                code=str(len(orientations) + 1), title=_title(rng), objectives=objectives
            )
        )
    assert objective_number >= objectives_needed or actions == 0
    return PlanDraft(
        organization=organization,
        title=f"Plan synthétique de {actions} actions",
        period_start=dt.date(2022, 7, 1),
        period_end=dt.date(2022 + years, 6, 30),
        fiscal_year_start_month=7,
        global_objective="Renforcer les démarches de développement social",
        orientations=orientations,
    )


def build_synthetic_plan(
    *, organization: Any, actions: int, seed: int = 0, user: Any = None
) -> Any:
    """The synthetic plan saved through `create_plan_from_draft` (needs Django set up)."""
    from jalon.plans.services import create_plan_from_draft

    return create_plan_from_draft(
        draft=synthetic_plan_draft(actions, seed=seed, organization=organization.name),
        organization=organization,
        user=user,
    )

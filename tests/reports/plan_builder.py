"""A plan of any size, written like the real ones, for report tests and the benchmark.

Texts carry what documents get wrong: accents, « guillemets », "75 %", apostrophes, and the
letter pairs fonts turn into ligatures (fi, fl, ff, ffi). Rows are bulk-created so that a
600-action plan takes a second, not a minute.
"""

from __future__ import annotations

import datetime as dt
import itertools

from jalon.plans.models import (
    Action,
    ActionActor,
    ExpectedResult,
    Indicator,
    Objective,
    Orientation,
    Plan,
)

ORIENTATIONS = [
    "Soutenir la relance des démarches régionales en développement social",
    "Outiller les membres et favoriser le partage d'expertise",
    "Positionner le développement social auprès des instances gouvernementales",
    "Réseauter les membres et les partenaires du réseau",
]
OBJECTIVES = [
    "Offrir un accompagnement structurant aux démarches, en particulier aux régions « orphelines »",
    "Assurer la diffusion efficace des outils et des pratiques inspirantes",
    "Consolider le financement et l'affiliation des membres",
]
ACTIONS = [
    "Développer et maintenir un contact personnalisé avec les porteurs du DS dans chaque région",
    "Organiser une journée de réflexion sur « l'hyperconcertation » avec les partenaires",
    "Publier une infolettre officielle et diffuser les fiches de pratiques",
    "Réaliser la Tournée des régions et en synthétiser les constats",
    "Mettre à jour le répertoire des membres et la carte interactive",
]
ACTORS = ["Coordination", "Agent de liaison", "Direction", "Institut Tamarack"]
RESULTS = [
    "Le contact est maintenu avec les démarches régionales de DS",
    "Les membres connaissent les outils offerts et s'en servent",
]
INDICATORS = [
    ("MO", "8 rencontres annuelles"),
    ("R", "Taux de 75% de satisfaction des participants"),
    ("MO", "Publication de 10 infolettres"),
]
STATUSES = ["completed", "in_progress", "in_preparation", "not_started", "", "postponed"]
NOTES = [
    "6 régions visitées",
    "Rencontre prévue en novembre",
    "",
    "Fiches « Agir ensemble » diffusées",
]
TIMINGS = ["", "Automne 2017", "En continu", ""]


def build_plan(
    organization,
    *,
    actions: int = 12,
    orientations: int = 3,
    objectives_per_orientation: int = 2,
    title: str = "Plan d'action 2017-2022",
    start: dt.date = dt.date(2017, 7, 1),
    end: dt.date = dt.date(2022, 6, 30),
    state: str = "adopted",
) -> Plan:
    plan = Plan.objects.create(
        organization=organization,
        title=title,
        period_start=start,
        period_end=end,
        state=state,
        global_objective="Soutenir la restructuration et la reconnaissance des démarches régionales",
        notes=["An 1 = 2017/07/01 au 2018/06/30"],
        glossary={
            "DS": "Développement social",
            "CISSS": "Centre intégré de santé et de services sociaux",
        },
    )
    orientation_rows = Orientation.objects.bulk_create(
        Orientation(plan=plan, code=str(i + 1), title=ORIENTATIONS[i % len(ORIENTATIONS)], order=i)
        for i in range(orientations)
    )
    objective_rows = []
    counter = itertools.count()
    for orientation in orientation_rows:
        for j in range(objectives_per_orientation):
            n = next(counter)
            objective_rows.append(
                Objective(
                    plan=plan,
                    orientation=orientation,
                    code=f"{'P' if j == 0 else 'S'}{n + 1}",
                    kind="principal" if j == 0 else "secondary",
                    title=OBJECTIVES[n % len(OBJECTIVES)],
                    order=j,
                )
            )
    Objective.objects.bulk_create(objective_rows)
    years = len(plan.years)
    action_rows = []
    for i in range(actions):
        status = STATUSES[i % len(STATUSES)]
        action_rows.append(
            Action(
                plan=plan,
                objective=objective_rows[i * len(objective_rows) // max(actions, 1)],
                code=str(i + 1),
                title=ACTIONS[i % len(ACTIONS)],
                order=i,
                schedule_years=[y for y in range(1, years + 1) if (i + y) % 3 != 0] or [1],
                timing=TIMINGS[i % len(TIMINGS)],
                status=status,
                progress_note=NOTES[i % len(NOTES)] if status else "",
                status_changed_on=dt.date(2018, 3, 1) if status else None,
            )
        )
    Action.objects.bulk_create(action_rows)
    ActionActor.objects.bulk_create(
        ActionActor(action=a, name=ACTORS[(i + k) % len(ACTORS)], order=k)
        for i, a in enumerate(action_rows)
        for k in range(1 + i % 2)
    )
    ExpectedResult.objects.bulk_create(
        ExpectedResult(
            action=a, text=RESULTS[k], order=k, plan_year=1 if k == 1 and i % 4 == 0 else None
        )
        for i, a in enumerate(action_rows)
        for k in range(1 + i % 2)
    )
    Indicator.objects.bulk_create(
        Indicator(
            plan=plan,
            action=a,
            kind=INDICATORS[(i + k) % len(INDICATORS)][0],
            text=INDICATORS[(i + k) % len(INDICATORS)][1],
            order=k,
        )
        for i, a in enumerate(action_rows)
        for k in range(2)
    )
    return plan


def follow_plan(plan: Plan, user=None) -> None:
    """A year of follow-up of a built plan (plan year 1, 2017-2018), through the tracking
    services: targets read from the indicators' words, dated status updates, activities of two
    kinds with participants and satisfaction, a value for every indicator of year 1 and 2."""
    from decimal import Decimal

    from jalon.plans.targets import parse_target
    from jalon.tracking import services as tracking

    indicators = list(Indicator.objects.filter(plan=plan).order_by("id"))
    for indicator in indicators:
        indicator.target = parse_target(indicator.text)
    Indicator.objects.bulk_update(indicators, ["target"])
    actions = list(Action.objects.filter(plan=plan).order_by("order", "id"))
    for i, action in enumerate(actions):
        tracking.update_action_status(
            action=action, user=user, status="in_preparation", on_date=dt.date(2017, 9, 1)
        )
        if i % 2 == 0:
            action.refresh_from_db()
            tracking.update_action_status(
                action=action,
                user=user,
                status="completed",
                on_date=dt.date(2018, 5, 1),
                note="Rencontre tenue le 1er mai",
            )
    tracking.log_activity(
        plan=plan,
        user=user,
        kind="meeting",
        date=dt.date(2017, 11, 8),
        title="Rencontre des porteurs",
        participants=24,
        actions=actions[:2],
        satisfaction=Decimal("82"),
    )
    tracking.log_activity(
        plan=plan,
        user=user,
        kind="webinar",
        date=dt.date(2018, 2, 14),
        title="Webinaire sur les pratiques",
        participants=40,
        actions=actions[:1],
    )
    for year, factor in ((1, 1), (2, 2)):
        for indicator in indicators:
            form = (indicator.target or {}).get("form")
            if form == "rate":
                value = Decimal("70") if indicator.pk % 2 else Decimal("80")
            else:
                value = Decimal(3 * factor + indicator.pk % 3)
            tracking.record_indicator_value(
                indicator=indicator, user=user, plan_year=year, value=value
            )

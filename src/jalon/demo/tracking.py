"""Demo step: a realistic year of follow-up for the demo network's plans, through the services.

Works on whatever plans the demo holds (it needs no particular plan): for each plan with a
period, the year under way (and the year before it, when the plan has one) gets dated status
updates — most recent, a few left late —, activities and contacts spread over the months,
values for every indicator (computed from the logs where a rule fits the indicator's words,
entered by hand otherwise) and, for a finished year, the lock of its adopted report. Numbers
are drawn from a generator seeded with the plan's title, so a rebuild gives the same demo.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django.utils import timezone

from jalon.accounts.enums import Role
from jalon.accounts.models import Membership, User
from jalon.core.fiscal import PlanYear
from jalon.network.models import Organization
from jalon.plans.enums import ActionStatus, PlanState
from jalon.plans.models import Action, Indicator, Plan
from jalon.tracking import services
from jalon.tracking.assessment import PERIODS_PER_YEAR
from jalon.tracking.enums import ActivityKind, ContactChannel, RuleKind, RuleScope
from jalon.tracking.queries import current_year, scheduled_in

from .constants import NETWORK_SLUG

# Words of an indicator that say which kind of logged activity it counts.
KIND_WORDS: list[tuple[str, str]] = [
    (r"webinai", ActivityKind.WEBINAR),
    (r"formation", ActivityKind.TRAINING),
    (r"infolettre|bulletin", ActivityKind.NEWSLETTER),
    (r"vid[ée]o|balado|podcast", ActivityKind.PODCAST_VIDEO),
    (r"publication|article|avis|m[ée]moire|communiqu", ActivityKind.PUBLICATION),
    (r"repr[ée]sentation", ActivityKind.REPRESENTATION),
    (r"colloque|forum|[ée]v[ée]nement|journ[ée]e", ActivityKind.EVENT),
    (r"rencontre|r[ée]union|comit[ée]", ActivityKind.MEETING),
]
TITLES = {
    ActivityKind.MEETING: [
        "Rencontre du comité de coordination",
        "Rencontre des membres",
        "Rencontre régionale d'échange",
        "Rencontre du groupe de travail",
    ],
    ActivityKind.WEBINAR: [
        "Webinaire : mobiliser les élus municipaux",
        "Webinaire : évaluer une démarche de développement social",
        "Webinaire : la participation citoyenne",
    ],
    ActivityKind.TRAINING: [
        "Formation à l'animation de concertation",
        "Formation des nouveaux membres",
    ],
    ActivityKind.EVENT: ["Forum annuel des membres", "Journée de réseautage"],
    ActivityKind.NEWSLETTER: ["Infolettre aux membres"],
    ActivityKind.PODCAST_VIDEO: [
        "Capsule vidéo sur une démarche régionale",
        "Balado : paroles de membres",
    ],
    ActivityKind.PUBLICATION: [
        "Publication d'un outil",
        "Avis déposé en consultation",
        "Article dans le bulletin",
    ],
    ActivityKind.REPRESENTATION: [
        "Représentation auprès du ministère",
        "Participation à une table nationale",
        "Présentation au congrès municipal",
    ],
    ActivityKind.OTHER: ["Activité de réseautage"],
}
ACTIVITY_MIX = {  # activities of the organization per year, besides those counted by indicators
    ActivityKind.MEETING: 6,
    ActivityKind.WEBINAR: 2,
    ActivityKind.NEWSLETTER: 6,
    ActivityKind.REPRESENTATION: 4,
    ActivityKind.PUBLICATION: 1,
}
CONTACT_SUBJECTS = [
    "Suivi de la démarche régionale",
    "Invitation à la rencontre des membres",
    "Soutien à la planification",
    "Partage d'un outil",
    "Préparation de l'assemblée générale",
    "Question sur le financement",
    "Jumelage avec un autre membre",
]
NOTES = {
    ActionStatus.NOT_STARTED: ["Prévu plus tard dans l'année", "Attend la décision du CA"],
    ActionStatus.IN_PREPARATION: [
        "Échéancier en préparation",
        "Recherche de financement en cours",
        "Appel de collaboration lancé aux membres",
    ],
    ActionStatus.IN_PROGRESS: [
        "Démarche amorcée avec les partenaires",
        "{n} régions rencontrées",
        "Premier jet en rédaction",
        "Comité de travail formé ; {n} rencontres tenues",
    ],
    ActionStatus.COMPLETED: [
        "Réalisé et présenté au CA",
        "Document diffusé aux membres",
        "Tenu comme prévu ; bilan déposé",
    ],
    ActionStatus.POSTPONED: [
        "Reporté à l'an prochain faute de ressources",
        "Reporté : priorités revues par le CA",
    ],
    ActionStatus.ABANDONED: ["Abandonné : le partenaire s'est retiré"],
}
PATH = [  # the statuses an action goes through before reaching its current one
    ActionStatus.IN_PREPARATION,
    ActionStatus.IN_PROGRESS,
    ActionStatus.COMPLETED,
]
NARRATIVES = [
    "Les membres rencontrés disent mieux connaître les démarches des autres régions.",
    "Plusieurs membres ont repris les outils dans leur propre planification.",
    "Les échanges en rencontre montrent une collaboration plus étroite entre les régions.",
    "Les partenaires consultés reconnaissent davantage le rôle des démarches de développement social.",
]


def demo_plans() -> list[Plan]:
    """The plans of the demo network and of its members (drafts included; `build` skips them)."""
    network = Organization.objects.filter(slug=NETWORK_SLUG).first()
    if network is None:
        return []
    return list(
        Plan.objects.filter(
            organization__in=[network.pk, *network.members.values_list("pk", flat=True)]
        )
        .select_related("organization")
        .order_by("pk")
    )


def build(*, today: dt.date | None = None) -> None:
    day = today or timezone.localdate()
    for plan in demo_plans():
        if plan.state == PlanState.ADOPTED:  # drafts are being written, not followed
            track_plan(plan, today=day)


def track_plan(plan: Plan, *, today: dt.date) -> None:
    """A year of follow-up for one plan (the one under way, and the one before when it exists)."""
    year = current_year(plan, today)
    if year is None or today < year.start:
        return
    rng = random.Random(f"jalon-demo:{plan.title}")
    people = _people(plan)
    years = [
        y for y in plan.years if y.number in (year.number - 1, year.number) and y.start <= today
    ]
    if plan.document_updated_on or any(a.status for a in plan.actions.all()):
        services.record_initial_statuses(
            plan=plan, on_date=plan.document_updated_on or years[0].start
        )
    first_day = years[0].start
    actions = list(
        Action.objects.filter(plan=plan).prefetch_related("actors").select_related("plan")
    )
    for action in actions:
        _statuses(action, rng, people, first_day=first_day, today=today, year=year)
    partners = _partners(plan)
    for each in years:
        end = min(each.end, today)
        _background(plan, rng, people, partners, each, end)
        _contacts(plan, rng, people, partners, each, end)
    # the demo's history is written for actions' indicators (an objective's own have none yet)
    indicators = list(
        Indicator.objects.filter(plan=plan, action__isnull=False)
        .select_related("action")
        .order_by("pk")
    )
    for indicator in indicators:
        assert indicator.action is not None
        indicator.action.plan = plan
        _indicator(indicator, indicator.action, rng, people, partners, years, today)
    _follow(plan, rng, people, actions)


def lock_closed_years(*, today: dt.date | None = None) -> None:
    """The year before the one under way was closed at the AGA: its bilan is adopted, locked.

    Run last, once everything of that year is in place (the surveys' indicator rules included:
    a locked year's figures, and so the rules that compute them, no longer change).
    """
    day = today or timezone.localdate()
    for plan in demo_plans():
        if plan.state != PlanState.ADOPTED:
            continue
        year = current_year(plan, day)
        if year is None or day < year.start:
            continue
        people = _people(plan)
        for each in plan.years:
            if each.number == year.number - 1 and each.end < day:
                services.lock_year(
                    plan=plan,
                    year=each.number,
                    user=people.lead,
                    note=f"Bilan annuel adopté à l'assemblée générale du {_day(each.end + dt.timedelta(days=70))}",
                )


# --- people and partners ------------------------------------------------------------------------


class _People:
    def __init__(self, memberships: list[Membership]) -> None:
        self.by_position = {
            m.position.casefold().strip(): m.user for m in memberships if m.position
        }
        staff = [m for m in memberships if m.role in (Role.ADMIN, Role.EDITOR, Role.CONTRIBUTOR)]
        leads = [m for m in staff if m.role in (Role.ADMIN, Role.EDITOR)]
        self.lead: User | None = leads[0].user if leads else None
        self.staff: list[User] = [m.user for m in staff]
        self.readers: list[User] = [m.user for m in memberships if m.role == Role.READER]

    def carrier(self, action: Action) -> User | None:
        for actor in action.actors.all():
            if actor.user is not None:
                return actor.user
            user = self.by_position.get(actor.name.casefold().strip())
            if user is not None:
                return user
        return self.lead

    def anyone(self, rng: random.Random) -> User | None:
        return rng.choice(self.staff) if self.staff else None


def _people(plan: Plan) -> _People:
    return _People(
        list(Membership.objects.filter(organization_id=plan.organization_id).select_related("user"))
    )


def _partners(plan: Plan) -> list[Organization]:
    """The organizations a plan's team meets and calls: its network's members, or its own."""
    org = plan.organization
    network_id = org.parent_id or org.pk
    found = list(
        Organization.objects.filter(parent_id__in={network_id, org.pk})
        .exclude(pk=org.pk)
        .order_by("pk")
    )
    if not found:
        found = list(Organization.objects.exclude(pk=org.pk).order_by("pk")[:12])
    return found


# --- statuses --------------------------------------------------------------------------------------


def _statuses(
    action: Action,
    rng: random.Random,
    people: _People,
    *,
    first_day: dt.date,
    today: dt.date,
    year: PlanYear,
) -> None:
    if not scheduled_in(action, year):
        return
    roll = rng.random()
    final = (
        ActionStatus.COMPLETED
        if roll < 0.22
        else ActionStatus.IN_PROGRESS
        if roll < 0.67
        else ActionStatus.IN_PREPARATION
        if roll < 0.8
        else ActionStatus.NOT_STARTED
        if roll < 0.9
        else ActionStatus.POSTPONED
        if roll < 0.97
        else ActionStatus.ABANDONED
    )
    late = final not in (ActionStatus.COMPLETED, ActionStatus.ABANDONED) and rng.random() < 0.2
    delay = action.plan.reminder_days
    span = max((today - first_day).days, 1)
    if late:
        last = today - dt.timedelta(days=min(span, rng.randint(delay + 10, delay + 80)))
    else:
        last = today - dt.timedelta(days=min(span, rng.randint(1, max(2, delay - 5))))
    earlier = PATH[: PATH.index(final)] if final in PATH else []
    steps = earlier[len(earlier) - rng.randint(0, len(earlier)) :]
    dates = sorted(
        first_day + dt.timedelta(days=rng.randint(0, max((last - first_day).days - 1, 0)))
        for _ in steps
    )
    author = people.carrier(action)
    for status, day in zip(steps, dates, strict=True):
        services.update_action_status(
            action=action,
            user=author,
            status=status,
            on_date=day,
            progress=rng.choice([10, 20, 30]) if status == ActionStatus.IN_PROGRESS else None,
            note=_note(status, rng),
        )
    progress = rng.choice([30, 40, 50, 60, 75]) if final == ActionStatus.IN_PROGRESS else None
    services.update_action_status(
        action=action,
        user=author,
        status=final,
        on_date=max(last, first_day),
        progress=100 if final == ActionStatus.COMPLETED else progress,
        note=_note(final, rng),
    )


def _note(status: str, rng: random.Random) -> str:
    return rng.choice(NOTES[ActionStatus(status)]).format(n=rng.randint(2, 9))


# --- logs --------------------------------------------------------------------------------------------


def _spread(rng: random.Random, start: dt.date, end: dt.date, count: int) -> list[dt.date]:
    """`count` dates spread over [start, end], each somewhere in its own slice."""
    days = (end - start).days
    if count <= 0 or days < 0:
        return []
    out = []
    for i in range(count):
        low = days * i // count
        high = max(low, days * (i + 1) // count - 1)
        out.append(start + dt.timedelta(days=rng.randint(low, high)))
    return out


def _log(
    plan: Plan,
    rng: random.Random,
    people: _People,
    partners: Sequence[Organization],
    kind: str,
    day: dt.date,
    *,
    actions: Sequence[Action] = (),
    indicators: Sequence[Indicator] = (),
    satisfaction: Decimal | None = None,
) -> None:
    present = (
        rng.sample(list(partners), k=min(len(partners), rng.randint(0, 6))) if partners else []
    )
    audience = kind not in (ActivityKind.NEWSLETTER, ActivityKind.PUBLICATION)
    services.log_activity(
        plan=plan,
        user=people.anyone(rng),
        kind=kind,
        date=day,
        title=rng.choice(TITLES[ActivityKind(kind)]),
        participants=rng.randint(8, 65) if audience else None,
        organizations=present if audience else [],
        actions=actions,
        indicators=indicators,
        satisfaction=satisfaction,
        notes="",
    )


def _background(
    plan: Plan,
    rng: random.Random,
    people: _People,
    partners: Sequence[Organization],
    year: PlanYear,
    end: dt.date,
) -> None:
    """The organization's ordinary activities of a year, up to `end`."""
    share = year.elapsed_share(end)
    for kind, per_year in ACTIVITY_MIX.items():
        for day in _spread(rng, year.start, end, round(per_year * share)):
            _log(plan, rng, people, partners, kind, day)


def _contacts(
    plan: Plan,
    rng: random.Random,
    people: _People,
    partners: Sequence[Organization],
    year: PlanYear,
    end: dt.date,
) -> None:
    if not partners:
        return
    count = round(40 * year.elapsed_share(end) * rng.uniform(0.8, 1.2))
    channels = list(ContactChannel.values)
    for day in _spread(rng, year.start, end, count):
        services.log_contact(
            plan=plan,
            user=people.anyone(rng),
            date=day,
            channel=rng.choice(channels),
            subject=rng.choice(CONTACT_SUBJECTS),
            organization=rng.choice(list(partners)),
            made_by=people.anyone(rng),
        )


# --- indicators --------------------------------------------------------------------------------------


def _kind_of(text: str) -> str | None:
    low = text.casefold()
    for pattern, kind in KIND_WORDS:
        if re.search(pattern, low):
            return kind
    return None


def _target(indicator: Indicator) -> dict[str, Any] | None:
    """The target the assessment will read (what the plan holds, not a fresh parse)."""
    return indicator.target if isinstance(indicator.target, dict) else None


def _pace(rng: random.Random) -> float:
    """How an indicator fares: mostly on track, some ahead, some behind."""
    return rng.choices([1.15, 1.0, 0.8, 0.45], weights=[30, 40, 18, 12])[0]


def _indicator(
    indicator: Indicator,
    action: Action,
    rng: random.Random,
    people: _People,
    partners: Sequence[Organization],
    years: list[PlanYear],
    today: dt.date,
) -> None:
    target = _target(indicator) or {}
    form = target.get("form")
    text = indicator.text
    author = people.carrier(action)
    kind = _kind_of(text)
    plan = indicator.plan
    if form in ("count", "plain_count") and kind is not None:
        services.set_indicator_rule(
            indicator=indicator,
            user=people.lead,
            kind=RuleKind.ACTIVITY_COUNT,
            activity_kinds=[kind],
            scope=RuleScope.INDICATOR,
        )
        per_year = _per_year(target, len(plan.years)) or rng.randint(3, 8)
        for year in years:
            end = min(year.end, today)
            count = math.floor(per_year * year.elapsed_share(end) * _pace(rng) + 0.5)
            for day in _spread(rng, year.start, end, count):
                _log(
                    plan, rng, people, partners, kind, day, actions=[action], indicators=[indicator]
                )
        return
    if form == "rate" and "satisf" in text.casefold():
        services.set_indicator_rule(
            indicator=indicator,
            user=people.lead,
            kind=RuleKind.LATEST_SATISFACTION,
            scope=RuleScope.INDICATOR,
        )
        threshold = float(target.get("value") or 80)
        for year in years:
            end = min(year.end, today)
            for day in _spread(rng, year.start, end, max(1, round(3 * year.elapsed_share(end)))):
                rate = Decimal(str(round(min(100.0, threshold + rng.uniform(-9, 10)))))
                _log(
                    plan,
                    rng,
                    people,
                    partners,
                    kind or ActivityKind.MEETING,
                    day,
                    actions=[action],
                    indicators=[indicator],
                    satisfaction=rate,
                )
        return
    if form == "growth" and "contact" in text.casefold():
        services.set_indicator_rule(
            indicator=indicator, user=people.lead, kind=RuleKind.CONTACT_COUNT
        )
        if years[0].number == 1:
            services.record_indicator_value(
                indicator=indicator,
                user=author,
                plan_year=0,
                value=Decimal(30),
                source="Registre des contacts de l'année précédant le plan",
            )
        return
    if target.get("period") == "plan" and years[0].number > 1:
        # A target over the whole plan adds up every year: give the years before the demo's too.
        for earlier in plan.years[: years[0].number - 1]:
            _hand_value(indicator, target, rng, author, earlier, today)
    for year in years:
        _hand_value(indicator, target, rng, author, year, today)


def _per_year(target: dict[str, Any], year_count: int = 5) -> float | None:
    value = target.get("value")
    if not isinstance(value, int | float) or isinstance(value, bool):
        return None
    period = target.get("period") or "year"
    if period == "plan":
        return float(value) / max(year_count, 1)
    return float(value) * PERIODS_PER_YEAR.get(str(period), 1)


def _hand_value(
    indicator: Indicator,
    target: dict[str, Any],
    rng: random.Random,
    author: User | None,
    year: PlanYear,
    today: dt.date,
) -> None:
    form = target.get("form")
    end = min(year.end, today)
    share = year.elapsed_share(end)
    source = rng.choice(
        [
            "Registre interne",
            "Statistiques du site Web",
            "Sondage auprès des membres",
            "Compte rendu du CA",
        ]
    )
    record = services.record_indicator_value
    if form == "milestone":
        done = rng.random() < 0.45
        record(
            indicator=indicator,
            user=author,
            plan_year=year.number,
            done=done,
            on_date=year.start + dt.timedelta(days=rng.randint(0, max((end - year.start).days, 0)))
            if done
            else None,
            note="" if done else "Travaux en cours",
        )
        return
    if form == "qualitative" or (
        form is None and not re.search(r"\d|nombre", indicator.text.casefold())
    ):
        judgement = rng.choice(["", "", "on_track", "at_risk"])
        record(
            indicator=indicator,
            user=author,
            plan_year=year.number,
            narrative=rng.choice(NARRATIVES),
            judgement=judgement,
            source=source,
        )
        return
    if form == "frequency":
        every = target.get("every") or {}
        per_unit = PERIODS_PER_YEAR.get(
            str(every.get("unit") or target.get("period") or "quarter"), 4
        )
        per_year = (
            per_unit / max(float(every.get("count") or 1), 1.0)
            if every
            else float(target.get("value") or 1) * per_unit
        )
        count = max(1, math.floor(per_year * share * _pace(rng) + 0.5))
        for day in _spread(rng, year.start, end, count):
            services.add_occurrence(indicator=indicator, user=author, on_date=day, source=source)
        return
    if form == "rate":
        threshold = float(target.get("value") or 75)
        value = Decimal(str(round(min(100.0, threshold + rng.uniform(-10, 8)))))
        record(indicator=indicator, user=author, plan_year=year.number, value=value, source=source)
        return
    if form == "growth":
        pct = float(target.get("value") or 10)
        base = rng.randint(400, 2500)
        if (
            year.number == 1
            or not indicator.values.filter(plan_year=year.number - 1, occurrence=False).exists()
        ):
            record(
                indicator=indicator,
                user=author,
                plan_year=year.number - 1,
                value=Decimal(base),
                source=source,
                note="Valeur de l'année précédente",
            )
        previous = indicator.values.filter(plan_year=year.number - 1, occurrence=False).first()
        start = float(previous.value) if previous and previous.value is not None else float(base)
        grown = start * (1 + pct / 100) * share * _pace(rng)
        record(
            indicator=indicator,
            user=author,
            plan_year=year.number,
            value=Decimal(round(grown)),
            source=source,
        )
        return
    per_year = _per_year(target, len(indicator.plan.years)) or float(rng.randint(4, 20))
    amount = math.floor(per_year * share * _pace(rng) + 0.5)
    record(
        indicator=indicator,
        user=author,
        plan_year=year.number,
        value=Decimal(amount),
        source=source,
    )


# --- following ---------------------------------------------------------------------------------------


def _follow(plan: Plan, rng: random.Random, people: _People, actions: list[Action]) -> None:
    followers = [u for u in [people.lead, *people.readers] if u is not None]
    for user in followers:
        for action in rng.sample(actions, k=min(len(actions), 3)):
            services.follow_action(user=user, action=action)


def _day(day: dt.date) -> str:
    months = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ]
    return f"{'1er' if day.day == 1 else day.day} {months[day.month - 1]} {day.year}"

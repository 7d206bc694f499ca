"""The follow-up's rows as plain values, to assert that a refused write changed nothing.

`database_state()` reads every row of the tables a follow-up write may touch (statuses, logs,
values, rules, locks, follows, notifications, the actions' current state), many-to-many links
included. Compare it before and after a refused request: equal means nothing was written, not
even half of it.
"""

from __future__ import annotations

from typing import Any

from jalon.plans.models import Action, Indicator, Plan
from jalon.tracking.models import (
    Activity,
    Contact,
    Evidence,
    Follow,
    IndicatorRule,
    IndicatorValue,
    Notification,
    ReminderLog,
    StatusUpdate,
    YearLock,
)

MODELS = [
    Plan,
    Action,
    Indicator,
    StatusUpdate,
    Evidence,
    YearLock,
    Activity,
    Activity.organizations.through,
    Activity.actions.through,
    Activity.indicators.through,
    Contact,
    IndicatorRule,
    IndicatorValue,
    Follow,
    Notification,
    ReminderLog,
]


def database_state() -> dict[str, list[dict[str, Any]]]:
    return {model._meta.label: list(model.objects.order_by("pk").values()) for model in MODELS}


def changed_tables(before: dict[str, list[dict[str, Any]]]) -> list[str]:
    """The tables whose rows differ from `before` (an empty list when nothing changed)."""
    after = database_state()
    return [label for label in before if before[label] != after[label]]

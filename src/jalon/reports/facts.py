"""Where reports get follow-up facts: the one place that connects them to the tracking app.

Until tracking supplies dated statuses, indicator values, assessments and activities, reports
use the plan's own current state (`data.PlanOnlyFacts`); the tracking app provides an object
with the same two methods (`data.FactsSource`) and this function returns it.
"""

from __future__ import annotations

from .data import FactsSource, PlanOnlyFacts


def facts_source() -> FactsSource:
    return PlanOnlyFacts()

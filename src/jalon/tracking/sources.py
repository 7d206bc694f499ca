"""Indicator values read from another app: the seam through which surveys feed indicators.

`tracking` sits below `surveys` in the layers, so it never imports them. The surveys app
registers a provider here when it loads (`SurveysConfig.ready`); `queries.indicator_rows` asks
the providers for every rule of the kinds they serve, once per page, in one batch, so a page
spends a fixed number of queries however many indicators read a survey. The value comes back
as a `rules.Computed` (record type "survey", the survey's id, a sentence with n and the source,
and its address) and is assessed like any other value.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from jalon.core.fiscal import PlanYear

from .rules import Computed


@dataclass(frozen=True)
class SourceRule:
    """A rule whose value another app provides: the indicator, the kind, what it points at."""

    indicator_id: int
    kind: str
    question_id: int | None
    answer: str = ""


# (rules, years of the plan) -> {(indicator id, plan year number): value}
Provider = Callable[[Sequence[SourceRule], Sequence[PlanYear]], dict[tuple[int, int], Computed]]

_providers: dict[str, Provider] = {}


def register(kinds: Iterable[str], provider: Provider) -> None:
    """Serve the values of these rule kinds (called once, from an app's `ready`)."""
    for kind in kinds:
        _providers[kind] = provider


def provided_values(
    rules: Sequence[SourceRule], years: Sequence[PlanYear]
) -> dict[tuple[int, int], Computed]:
    """The values of every rule a provider serves; a rule with no provider has none."""
    by_provider: dict[int, tuple[Provider, list[SourceRule]]] = {}
    for rule in rules:
        provider = _providers.get(rule.kind)
        if provider is not None:
            by_provider.setdefault(id(provider), (provider, []))[1].append(rule)
    values: dict[tuple[int, int], Computed] = {}
    for provider, batch in by_provider.values():
        values.update(provider(batch, years))
    return values

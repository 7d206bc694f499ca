"""Indicator values computed from the logs — pure functions over rows loaded once per page.

Computed values are computed on read, never stored: the logs are the only source, so a value
can never disagree with the activities and contacts behind it, whatever was edited, linked or
deleted. `queries.load_logs` loads a plan's logs in a fixed number of queries; everything here
is arithmetic on those rows, and each result carries the ids of the records behind it and a
sentence saying how it was obtained.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from jalon.core.fiscal import PlanYear

from .enums import SOURCE_RULE_KINDS, ActivityKind, RuleKind, RuleScope
from .formats import day_text, num, pct


@dataclass(frozen=True)
class ActivityRow:
    id: int
    kind: str
    date: dt.date
    title: str
    participants: int | None
    satisfaction: Decimal | None
    action_ids: frozenset[int]
    indicator_ids: frozenset[int]


@dataclass(frozen=True)
class ContactRow:
    id: int
    date: dt.date
    organization_id: int


@dataclass(frozen=True)
class DownloadRow:
    """One day's download count of a library resource (resources app; never who downloaded)."""

    resource_id: int
    day: dt.date
    count: int
    action_id: int | None  # the action that produced the resource
    indicator_ids: frozenset[int]  # the indicators that chose to count the resource


@dataclass(frozen=True)
class Logs:
    """A plan's logs, with the activities indexed by linked indicator and action, so that each
    indicator reads only its own activities (not all of the plan's, once per indicator)."""

    activities: tuple[ActivityRow, ...]
    contacts: tuple[ContactRow, ...]
    # The daily download counts, read only when a downloads rule asks (most plans have none).
    download_source: Callable[[], tuple[DownloadRow, ...]] | None = field(
        default=None, compare=False, repr=False
    )
    by_indicator: dict[int, tuple[ActivityRow, ...]] = field(init=False, repr=False)
    by_action: dict[int, tuple[ActivityRow, ...]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        by_indicator: dict[int, list[ActivityRow]] = {}
        by_action: dict[int, list[ActivityRow]] = {}
        for row in self.activities:
            for pk in row.indicator_ids:
                by_indicator.setdefault(pk, []).append(row)
            for pk in row.action_ids:
                by_action.setdefault(pk, []).append(row)
        object.__setattr__(self, "by_indicator", {k: tuple(v) for k, v in by_indicator.items()})
        object.__setattr__(self, "by_action", {k: tuple(v) for k, v in by_action.items()})

    @cached_property
    def downloads(self) -> tuple[DownloadRow, ...]:
        return self.download_source() if self.download_source is not None else ()

    def candidates(
        self, scope: str, indicator_id: int, action_id: int | None
    ) -> tuple[ActivityRow, ...]:
        """The activities a rule of this scope may count, in date order."""
        if scope == RuleScope.PLAN:
            return self.activities
        own = self.by_indicator.get(indicator_id, ())
        if scope == RuleScope.INDICATOR:
            return own
        linked = self.by_action.get(action_id, ()) if action_id is not None else ()
        if not own:
            return linked
        if not linked:
            return own
        merged = {row.id: row for row in (*own, *linked)}
        return tuple(sorted(merged.values(), key=lambda row: (row.date, row.id)))


@dataclass(frozen=True)
class RuleSpec:
    kind: str
    base_kind: str = ""
    activity_kinds: tuple[str, ...] = ()
    scope: str = RuleScope.ACTION
    source_question: int | None = None  # survey rules (SOURCE_RULE_KINDS): the question read
    source_answer: str = ""  # "share answering X": the answer X


@dataclass(frozen=True)
class Computed:
    value: Decimal | None
    record_type: str  # "activity", "contact" or "" when nothing stands behind the value
    records: tuple[int, ...]
    dates: tuple[dt.date, ...]  # the records' dates: occurrences for frequency targets
    explanation: str
    is_change: bool = False
    url: str = ""  # where the value comes from, when another app provides it (a survey)
    n: int | None = None  # how many answers stand behind a value read from a survey


ACTIVITY_RULES = {RuleKind.ACTIVITY_COUNT, RuleKind.PARTICIPANTS, RuleKind.LATEST_SATISFACTION}


def previous_year(year: PlanYear) -> PlanYear:
    """The fiscal year before `year` (number 0 before the plan's first year)."""
    start = year.start.replace(year=year.start.year - 1)
    return PlanYear(number=year.number - 1, start=start, end=year.start - dt.timedelta(days=1))


def compute_year(
    rule: RuleSpec,
    *,
    indicator_id: int,
    action_id: int | None,  # None: an objective's own indicator
    logs: Logs,
    year: PlanYear,
    today: dt.date,
) -> Computed:
    """The rule's value for a plan year, from the logs dated in that year."""
    if today < year.start:
        return Computed(
            None, "", (), (), _("L'année %(year)s n'est pas commencée.") % {"year": year.label}
        )
    if rule.kind == RuleKind.CHANGE:
        return _change(rule, indicator_id, action_id, logs, year, today)
    return _measure(rule.kind, rule, indicator_id, action_id, logs, year.start, year.end)


def _measure(
    kind: str,
    rule: RuleSpec,
    indicator_id: int,
    action_id: int | None,  # None: an objective's own indicator
    logs: Logs,
    start: dt.date,
    end: dt.date,
) -> Computed:
    span = _span(start, end)
    if kind in ACTIVITY_RULES:
        rows = [
            a
            for a in logs.candidates(rule.scope, indicator_id, action_id)
            if start <= a.date <= end and _in_scope(a, rule, indicator_id, action_id)
        ]
        ids = tuple(a.id for a in rows)
        dates = tuple(a.date for a in rows)
        which = _("activités %(kinds)s %(scope)s, %(span)s") % {
            "kinds": _kinds_text(rule.activity_kinds),
            "scope": _scope_text(rule.scope),
            "span": span,
        }
        if kind == RuleKind.ACTIVITY_COUNT:
            value = Decimal(len(rows))
            text = _("Nombre d'%(which)s : %(value)s.") % {"which": which, "value": num(value)}
            return Computed(value, "activity", ids, dates, text)
        if kind == RuleKind.PARTICIPANTS:
            counted = [a.participants for a in rows if a.participants is not None]
            value = Decimal(sum(counted))
            text = _("Somme des participants aux %(n)s %(which)s : %(value)s.") % {
                "n": len(rows),
                "which": which,
                "value": num(value),
            }
            missing = len(rows) - len(counted)
            if missing:
                text += " " + _(
                    "%(missing)s de ces activités n'ont pas de nombre de participants."
                ) % {"missing": missing}
            return Computed(value, "activity", ids, dates, text)
        rated = [a for a in rows if a.satisfaction is not None]
        if not rated:
            text = _("Aucune des %(which)s n'a de taux de satisfaction mesuré.") % {"which": which}
            return Computed(None, "activity", ids, dates, text)
        latest = max(rated, key=lambda a: (a.date, a.id))
        text = _(
            "Dernier taux de satisfaction mesuré parmi les %(which)s : %(value)s "
            "(« %(title)s », %(date)s)."
        ) % {
            "which": which,
            "title": latest.title,
            "date": day_text(latest.date),
            "value": pct(latest.satisfaction),
        }
        return Computed(latest.satisfaction, "activity", (latest.id,), (latest.date,), text)
    if kind == RuleKind.DOWNLOADS:
        return _downloads(rule, indicator_id, action_id, logs, start, end)
    contacts = [c for c in logs.contacts if start <= c.date <= end]
    ids = tuple(c.id for c in contacts)
    dates = tuple(c.date for c in contacts)
    if kind == RuleKind.CONTACT_COUNT:
        value = Decimal(len(contacts))
        text = _("Nombre de contacts avec les membres inscrits, %(span)s : %(value)s.") % {
            "span": span,
            "value": num(value),
        }
        return Computed(value, "contact", ids, dates, text)
    organizations = {c.organization_id for c in contacts}
    value = Decimal(len(organizations))
    text = _(
        "Nombre d'organisations distinctes parmi les %(n)s contacts inscrits, %(span)s : %(value)s."
    ) % {"n": len(contacts), "span": span, "value": num(value)}
    return Computed(value, "contact", ids, dates, text)


def _downloads(
    rule: RuleSpec,
    indicator_id: int,
    action_id: int | None,
    logs: Logs,
    start: dt.date,
    end: dt.date,
) -> Computed:
    """Downloads of the resources the action produced or the indicator chose (every resource
    of the plan's actions with the plan scope), robots and repeated clicks already left out."""
    rows = [
        d
        for d in logs.downloads
        if start <= d.day <= end
        and (
            rule.scope == RuleScope.PLAN
            or indicator_id in d.indicator_ids
            or (
                rule.scope == RuleScope.ACTION
                and action_id is not None
                and d.action_id == action_id
            )
        )
    ]
    value = Decimal(sum(d.count for d in rows))
    resources = tuple(sorted({d.resource_id for d in rows}))
    if rule.scope == RuleScope.PLAN:
        which = _("des outils produits par les actions du plan")
    elif rule.scope == RuleScope.INDICATOR:
        which = _("des outils choisis pour cet indicateur")
    else:
        which = _("des outils produits par son action ou choisis pour cet indicateur")
    tools = ngettext("%(n)s outil", "%(n)s outils", len(resources)) % {"n": len(resources)}
    text = _(
        "Téléchargements %(which)s (%(tools)s), %(span)s : %(value)s "
        "(robots et clics répétés en 30 secondes exclus)."
    ) % {"which": which, "tools": tools, "span": _span(start, end), "value": num(value)}
    return Computed(value, "resource", resources, tuple(d.day for d in rows), text)


def _change(
    rule: RuleSpec,
    indicator_id: int,
    action_id: int | None,  # None: an objective's own indicator
    logs: Logs,
    year: PlanYear,
    today: dt.date,
) -> Computed:
    """% change of the base measure against the same span of the previous year."""
    base = rule.base_kind or RuleKind.ACTIVITY_COUNT
    end = min(today, year.end)
    before = previous_year(year)
    before_end = min(before.start + (end - year.start), before.end)
    current = _measure(base, rule, indicator_id, action_id, logs, year.start, end)
    earlier = _measure(base, rule, indicator_id, action_id, logs, before.start, before_end)
    label = str(RuleKind(base).label)
    if current.value is None or earlier.value is None or earlier.value == 0:
        text = _(
            "%(label)s : %(current)s du %(start)s au %(end)s, contre %(earlier)s à la même "
            "période l'année précédente ; la variation ne peut pas être calculée."
        ) % {
            "label": label,
            "current": num(current.value) if current.value is not None else "—",
            "start": day_text(year.start),
            "end": day_text(end),
            "earlier": num(earlier.value) if earlier.value is not None else "—",
        }
        return Computed(None, current.record_type, current.records, current.dates, text, True)
    change = ((current.value - earlier.value) * 100 / earlier.value).quantize(Decimal("0.1"))
    text = _(
        "%(label)s : %(current)s du %(start)s au %(end)s, contre %(earlier)s à la même période "
        "l'année précédente : %(change)s."
    ) % {
        "label": label,
        "current": num(current.value),
        "start": day_text(year.start),
        "end": day_text(end),
        "earlier": num(earlier.value),
        "change": ("+" if change > 0 else "") + pct(change),
    }
    return Computed(change, current.record_type, current.records, current.dates, text, True)


def records_behind(
    rule: RuleSpec, *, indicator_id: int, action_id: int | None, logs: Logs, year: PlanYear
) -> tuple[str, tuple[int, ...]]:
    """The kind and ids of the records a rule reads for a year (for the "records behind" lists)."""
    if rule.kind in SOURCE_RULE_KINDS:
        return "", ()  # a survey's value links to the survey itself (`Computed.url`)
    kind = rule.base_kind if rule.kind == RuleKind.CHANGE else rule.kind
    result = _measure(
        kind or RuleKind.ACTIVITY_COUNT, rule, indicator_id, action_id, logs, year.start, year.end
    )
    return result.record_type, result.records


def _in_scope(
    activity: ActivityRow, rule: RuleSpec, indicator_id: int, action_id: int | None
) -> bool:
    if rule.activity_kinds and activity.kind not in rule.activity_kinds:
        return False
    if rule.scope == RuleScope.PLAN:
        return True
    if indicator_id in activity.indicator_ids:
        return True
    return rule.scope == RuleScope.ACTION and action_id in activity.action_ids


def _kinds_text(kinds: Iterable[str]) -> str:
    labels = []
    for kind in kinds:
        try:
            labels.append(str(ActivityKind(kind).label).lower())
        except ValueError:
            labels.append(kind)
    if not labels:
        return _("de tout type")
    if len(labels) == 1:
        return _("de type %(kind)s") % {"kind": labels[0]}
    return _("de type %(kinds)s ou %(last)s") % {
        "kinds": ", ".join(labels[:-1]),
        "last": labels[-1],
    }


def _scope_text(scope: str) -> str:
    if scope == RuleScope.INDICATOR:
        return _("liées à cet indicateur")
    if scope == RuleScope.PLAN:
        return _("du plan")
    return _("liées à cet indicateur ou à son action")


def _span(start: dt.date, end: dt.date) -> str:
    return _("du %(start)s au %(end)s") % {"start": day_text(start), "end": day_text(end)}

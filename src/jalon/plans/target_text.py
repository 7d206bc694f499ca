"""A structured target in words, in the active language — the one phrase every page prints.

`describe_target(target)` turns the dict `plans.targets.parse_target` returns (or one a person
corrected by hand) into a short phrase: "8 rencontres par année", "au moins 75 %", "+15 % par
année", "15 régions d'ici 2027", "4 fois par année", "jalon : fait ou non". The plan page, the
builder, the follow-up pages and every report use it, so a target reads the same everywhere.

`targets.py` stays pure (no Django); the wording lives here because it is translated with
gettext like every other interface string. Numbers are grouped ("1 500") and "%" follows a
non-breaking space, as French typography wants.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

NBSP = "\u00a0"


def num(value: float | int) -> str:
    """ "1 500", "2,5": grouped, at most two decimals, in the active language."""
    number = Decimal(str(value))
    if number == number.to_integral_value():
        return number_format(number.to_integral_value(), decimal_pos=0, force_grouping=True)
    text = number_format(number.quantize(Decimal("0.01")), decimal_pos=2, force_grouping=True)
    return text.rstrip("0")


def _number(value: object) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if value != value or value in (float("inf"), float("-inf")):
        return None
    return num(value)


def _period(key: object) -> str:
    phrases = {
        "year": _("par année"),
        "semester": _("par semestre"),
        "quarter": _("par trimestre"),
        "month": _("par mois"),
        "week": _("par semaine"),
        "plan": _("sur la durée du plan"),
    }
    return phrases.get(key, "") if isinstance(key, str) else ""


def _join(*parts: str | None) -> str:
    return " ".join(p for p in parts if p)


def _every(count: float, unit: str) -> str:
    if count == 1:
        return {
            "day": _("1 fois chaque jour"),
            "week": _("1 fois chaque semaine"),
            "month": _("1 fois chaque mois"),
            "year": _("1 fois chaque année"),
        }.get(unit, "")
    words = {
        "day": _("1 fois tous les %(n)s jours"),
        "week": _("1 fois toutes les %(n)s semaines"),
        "month": _("1 fois tous les %(n)s mois"),
        "year": _("1 fois tous les %(n)s ans"),
    }.get(unit, "")
    return words % {"n": num(count)} if words else ""


def describe_target(target: Mapping[str, object] | None) -> str:
    """A short phrase for a target: "8 rencontres par année", "au moins 75 %", "qualitatif".

    Accepts any mapping (a person may have corrected the target by hand) and never raises.
    """
    if not isinstance(target, Mapping) or not target:
        return _("cible non reconnue")
    form = target.get("form")
    value = _number(target.get("value"))
    top = _number(target.get("max"))
    out_of = _number(target.get("out_of"))
    raw_unit = target.get("unit")
    unit = raw_unit if isinstance(raw_unit, str) and raw_unit and raw_unit != "%" else ""
    by = target.get("by")
    period = (
        _("d'ici %(year)s") % {"year": by}
        if isinstance(by, int) and not isinstance(by, bool)
        else _period(target.get("period"))
    )
    direction = target.get("direction")
    at_most = _("au plus") if direction == "at_most" else ""
    if form == "count":
        if value is None:
            return _("nombre, sans cible")
        amount = _("%(low)s à %(high)s") % {"low": value, "high": top} if top else value
        of = _("sur %(total)s") % {"total": out_of} if out_of else ""
        return _join(at_most, amount, unit, of, period)
    if form == "rate":
        if value is None:
            return _("taux, sans cible")
        if top:
            amount = _("%(low)s à %(high)s") % {"low": value, "high": top} + NBSP + "%"
            return _join(amount, period)
        bound = at_most or (_("au moins") if direction == "at_least" else "")
        return _join(bound, value + NBSP + "%", period)
    if form == "growth":
        if value is None:
            words = _("en baisse") if direction == "decrease" else _("en hausse")
            return _join(words, period)
        sign = "-" if direction == "decrease" else "+"
        return _join(f"{sign}{value}{NBSP}%", period)
    if form == "frequency":
        every = target.get("every")
        number = target.get("value")
        fractional = isinstance(number, float) and not number.is_integer()
        if isinstance(every, Mapping) and (value is None or fractional):
            count = every.get("count")
            if isinstance(count, int | float) and not isinstance(count, bool) and count > 0:
                phrase = _every(float(count), str(every.get("unit")))
                if phrase:
                    return _join(at_most, phrase)
        if value is None:
            return _("cible non reconnue")
        raw = target.get("value")
        # French puts 0 and 1 in the singular; our French strings have no catalog of their own.
        count = 1 if isinstance(raw, int | float) and abs(raw) < 2 else 2
        times = ngettext("%(n)s fois", "%(n)s fois", count) % {"n": value}
        return _join(at_most, times, period)
    if form == "plain_count":
        if target.get("period") == "year":
            return _("nombre par année, sans cible")
        return _("nombre, sans cible")
    if form == "milestone":
        return _("jalon : fait ou non")
    if form == "qualitative":
        return pgettext("target form", "qualitatif")
    return _("cible non reconnue")

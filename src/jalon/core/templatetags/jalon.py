"""Template filters that write numbers and years the way our users do ("75 %", "2017-2018 (An 1)")."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def percent(value: object, decimals: int = 0) -> str:
    """75 → "75 %" with a non-breaking space, as written in Quebec French and kept in English."""
    if value is None or value == "":
        return ""
    try:
        number = Decimal(str(value))
    except ArithmeticError:
        return str(value)
    return f"{number_format(number, decimal_pos=int(decimals))}\u00a0%"


@register.filter
def number(value: object, decimals: int = 0) -> str:
    if value is None or value == "":
        return ""
    try:
        number = Decimal(str(value))
    except ArithmeticError:
        return str(value)
    return number_format(number, decimal_pos=int(decimals), force_grouping=True)


@register.filter
def minutes(value: object) -> int:
    """A duration (timedelta, or hours as a number) in whole minutes: for "bloquée pendant 15 minutes"."""
    if isinstance(value, timedelta):
        return round(value.total_seconds() / 60)
    if isinstance(value, int | float | Decimal):
        return round(float(value) * 60)
    return 0

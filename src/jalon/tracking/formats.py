"""Numbers and dates written the way our users write them, in the active language.

"1er octobre 2026" (French writes the first of the month as an ordinal), "12,5", "1 250",
"75 %" — with non-breaking spaces where French puts them.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils.formats import date_format, number_format
from django.utils.translation import get_language


def day_text(day: dt.date) -> str:
    text = date_format(day)
    if day.day == 1 and (get_language() or "fr").startswith("fr") and text.startswith("1 "):
        return "1er " + text[2:]
    return text


def num(value: Decimal | float | int) -> str:
    number = Decimal(str(value))
    if number == number.to_integral_value():
        return number_format(number.to_integral_value(), decimal_pos=0, force_grouping=True)
    return number_format(number.quantize(Decimal("0.1")), decimal_pos=1, force_grouping=True)


def french_count(n: int | float | Decimal) -> int:
    """The count to give `ngettext` so French puts 0 and 1 in the singular ("0 action
    complétée"): our French strings are the message ids, with no French catalog behind them,
    so gettext would apply the English rule (singular for 1 only)."""
    count = int(n)
    if (get_language() or "fr").startswith("fr") and abs(count) < 2:
        return 1
    return count


def pct(value: Decimal | float | int | None) -> str:
    return "" if value is None else f"{num(value)}\u00a0%"


# Words that end in "s" in the singular too ("1 mois", "2 fois").
INVARIABLE = {"mois", "fois", "avis", "pays", "processus", "cours", "concours", "temps"}


def quantity(value: Decimal, unit: str) -> str:
    """ "3 rencontres", "1 rencontre": the unit as the target wrote it, singular for 0 and 1."""
    if not unit or unit == "%":
        return num(value)
    words = unit.split(" ")
    first = words[0]
    if abs(value) < 2 and first.endswith("s") and first.casefold() not in INVARIABLE:
        words[0] = first[:-1]
    return f"{num(value)} {' '.join(words)}"

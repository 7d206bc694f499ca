"""Template filters of the plan pages: dates as people write them, and the words of a revision diff."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import template
from django.utils.formats import date_format
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from jalon.plans.diff import ADDED, CHANGED, REMOVED

register = template.Library()

FIELD_LABELS = {
    "title": _("Titre"),
    "code": _("Numéro"),
    "kind": _("Type"),
    "text": _("Texte"),
    "target": _("Cible"),
    "actors": _("Porteurs"),
    "expected_results": _("Résultats attendus"),
    "schedule_years": _("Années du plan"),
    "timing": _("Échéance"),
    "period": _("Période"),
    "fiscal_year_start_month": _("Mois de début de l'exercice"),
    "mission": _("Mission"),
    "vision": _("Vision"),
    "global_objective": _("Objectif général"),
    "values": _("Valeurs"),
    "mandates": _("Mandats"),
    "notes": _("Notes"),
    "glossary": _("Sigles et acronymes"),
}
LEVEL_LABELS = {
    "plan": _("Plan"),
    "orientation": _("Orientation"),
    "objective": _("Objectif"),
    "action": _("Action"),
    "indicator": _("Indicateur"),
}
CHANGE_LABELS = {
    ADDED: pgettext_lazy("revision change", "Ajouté"),
    REMOVED: pgettext_lazy("revision change", "Retiré"),
    CHANGED: pgettext_lazy("revision change", "Modifié"),
}


@register.filter
def plan_date(value: dt.date | None) -> str:
    """3 octobre 2013; 1er juillet 2022 (French writes the first of the month as an ordinal)."""
    if not value:
        return ""
    if (get_language() or "fr").startswith("fr"):
        day = "1er" if value.day == 1 else str(value.day)
        return f"{day} {date_format(value, 'F Y')}"
    return date_format(value, "F j, Y")


@register.filter
def field_label(name: str) -> str:
    return str(FIELD_LABELS.get(name, name))


@register.filter
def level_label(level: str) -> str:
    return str(LEVEL_LABELS.get(level, level))


@register.filter
def change_label(change: str) -> str:
    return str(CHANGE_LABELS.get(change, change))


@register.filter
def diff_value(value: Any, name: str = "") -> str:
    """A snapshot value in words: lists joined, plan years as "An 1, An 2", nothing as a dash."""
    if value is None or value == "" or value == [] or value == {}:
        return "—"
    if name == "schedule_years" and isinstance(value, list):
        return ", ".join(str(_("An %(number)s") % {"number": year}) for year in value)
    if isinstance(value, list):
        return " ; ".join(str(v) for v in value)
    if isinstance(value, dict):
        if set(value) == {"start", "end"}:
            return f"{value.get('start') or '?'} → {value.get('end') or '?'}"
        return " ; ".join(f"{k} : {v}" for k, v in value.items())
    return str(value)


@register.filter
def code_label(code: str) -> str:
    """The code as a list writes it: "P1." and "12." but "1.1.1" (already dotted) as is."""
    if not code:
        return ""
    if "." in code or not code[-1].isalnum():
        return code
    return f"{code}."

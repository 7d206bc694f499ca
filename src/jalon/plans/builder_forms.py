"""Forms of the plan builder: they read what a person typed; the services in builder.py write it."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _

from jalon.network.models import Organization, Theme

from .builder import reason_required
from .enums import IndicatorKind, Numbering, ObjectiveKind, PlanKind
from .models import Plan


class LinesField(forms.CharField):
    """A textarea read as a list: one item per non-empty line."""

    widget = forms.Textarea(attrs={"rows": 3})

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list | tuple):
            return "\n".join(str(v) for v in value)
        return value

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        text = super().to_python(value) or ""
        return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


_GLOSSARY_SEPARATOR = re.compile(r"\s*(?:\t|:|=|\s[–—-]\s)\s*")


class GlossaryField(forms.CharField):
    """One "SIGLE : signification" per line."""

    widget = forms.Textarea(attrs={"rows": 4})

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, dict):
            return "\n".join(f"{k} : {v}" for k, v in value.items())
        return value

    def to_python(self, value: Any) -> dict[str, str]:  # type: ignore[override]
        text = super().to_python(value) or ""
        glossary: dict[str, str] = {}
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            parts = _GLOSSARY_SEPARATOR.split(line.strip(), maxsplit=1)
            if len(parts) != 2 or not parts[0] or not parts[1]:
                raise forms.ValidationError(
                    _(
                        "Ligne %(number)s du glossaire : écrivez le sigle, deux-points, puis sa "
                        "signification (p. ex. « CA : conseil d'administration »)."
                    ),
                    params={"number": number},
                    code="glossary_line",
                )
            glossary[parts[0]] = " ".join(parts[1].split())
        return glossary


def _title_widget(rows: int = 2) -> forms.Textarea:
    # Titles are one line of text, often long: Enter saves (builder.js), the box wraps.
    return forms.Textarea(attrs={"rows": rows, "data-enter-submits": "true"})


class BuilderForm(forms.Form):
    """Base of the builder's item forms: knows the plan, its numbering and whether it is adopted."""

    def __init__(self, *args: Any, plan: Plan, editing: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.plan = plan
        if editing:
            self.fields["version"] = forms.IntegerField(widget=forms.HiddenInput)
        if "code" in self.fields and plan.numbering != Numbering.AS_WRITTEN:
            del self.fields["code"]
        if reason_required(plan):
            self.fields["reason"] = forms.CharField(
                label=_("Raison du changement (réajustement)"),
                max_length=500,
                help_text=_("Ce plan est adopté : chaque changement forme une révision."),
            )


def _code_field() -> forms.CharField:
    return forms.CharField(
        label=_("Code"),
        required=False,
        max_length=30,
        help_text=_("La numérotation du document, p. ex. 1, 1.2, P1."),
        widget=forms.TextInput(attrs={"size": 8}),
    )


class OrientationForm(BuilderForm):
    code = _code_field()
    title = forms.CharField(label=_("Orientation"), widget=_title_widget())


class ObjectiveForm(BuilderForm):
    code = _code_field()
    kind = forms.ChoiceField(
        label=_("Type d'objectif"),
        required=False,
        choices=[("", _("Aucun")), *ObjectiveKind.choices],
    )
    title = forms.CharField(label=_("Objectif"), widget=_title_widget())


class ActionForm(BuilderForm):
    code = _code_field()
    title = forms.CharField(label=_("Action"), widget=_title_widget(3))
    roles = LinesField(
        label=_("Porteurs dans l'organisation"),
        required=False,
        help_text=_("Un rôle par ligne, p. ex. « Coordination », « Agent de liaison »."),
    )
    partners = LinesField(
        label=_("Partenaires"), required=False, help_text=_("Un partenaire par ligne.")
    )
    schedule_years = forms.TypedMultipleChoiceField(
        label=_("Années du plan"),
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )
    timing = forms.CharField(
        label=_("Échéance telle qu'écrite"),
        required=False,
        max_length=255,
        help_text=_("P. ex. « Automne 2013 », « En continu »."),
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Thèmes"),
        required=False,
        queryset=Theme.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, plan=plan, **kwargs)
        years = plan.years
        if years:
            self.fields["schedule_years"].choices = [(y.number, y.label) for y in years]  # type: ignore[attr-defined]
        else:
            del self.fields["schedule_years"]
        themes = Theme.objects.order_by("name")
        if "version" in self.fields and themes.exists():
            self.fields["themes"].queryset = themes  # type: ignore[attr-defined]
        else:
            del self.fields["themes"]


class IndicatorForm(BuilderForm):
    kind = forms.ChoiceField(
        label=_("Type d'indicateur"),
        required=False,
        choices=[
            ("", _("Aucun")),
            (IndicatorKind.MO, _("MO — mise en œuvre")),
            (IndicatorKind.R, _("R — résultat")),
        ],
    )
    text = forms.CharField(
        label=_("Indicateur"),
        widget=_title_widget(),
        help_text=_("Tel qu'écrit, cible comprise : « 8 rencontres annuelles »."),
    )


class ExpectedResultForm(BuilderForm):
    text = forms.CharField(label=_("Résultat attendu"), widget=_title_widget())
    plan_year = forms.TypedChoiceField(
        label=_("Année du plan"), required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, plan=plan, **kwargs)
        self.fields["plan_year"].choices = [  # type: ignore[attr-defined]
            ("", _("Toutes les années")),
            *[(y.number, y.label) for y in plan.years],
        ]


class PasteForm(BuilderForm):
    text = forms.CharField(
        label=_("Actions à ajouter, une par ligne"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Collez une liste : chaque ligne non vide devient une action. La numérotation en "
            "début de ligne (1.2.3, P1, 4)) devient son code ; les puces (-, •) sont retirées."
        ),
    )


class MoveForm(BuilderForm):
    parent = forms.TypedChoiceField(label=_("Nouvel emplacement"), coerce=int)
    position = forms.ChoiceField(
        label=_("Position"),
        choices=[("end", _("À la fin")), ("start", _("Au début"))],
        initial="end",
    )

    def __init__(
        self,
        *args: Any,
        plan: Plan,
        targets: list[tuple[str, list[tuple[int, str]]]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, plan=plan, **kwargs)
        self.fields["parent"].choices = [  # type: ignore[attr-defined]
            (group, [(pk, label) for pk, label in options]) for group, options in targets
        ]


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Raison du changement (réajustement)"), max_length=500)


MONTH_CHOICES = [(number, name) for number, name in MONTHS.items()]


class PlanFrameFields(forms.Form):
    """The frame of a plan: what it is and which years it covers."""

    title = forms.CharField(label=_("Titre du plan"), max_length=500)
    kind = forms.ChoiceField(label=_("Type de plan"), choices=PlanKind.choices)
    period_start = forms.DateField(
        label=_("Début de la période"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    period_end = forms.DateField(
        label=_("Fin de la période"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    fiscal_year_start_month = forms.TypedChoiceField(
        label=_("Mois de début de l'exercice"),
        choices=MONTH_CHOICES,
        coerce=int,
        initial=7,
        help_text=_("Juillet quand l'An 1 va du 1er juillet au 30 juin."),
    )
    numbering = forms.ChoiceField(
        label=_("Numérotation"),
        choices=Numbering.choices,
        initial=Numbering.AS_WRITTEN,
        help_text=_("Automatique : les codes suivent l'ordre de l'arbre après chaque changement."),
    )
    field_order = [
        "organization",
        "title",
        "kind",
        "period_start",
        "period_end",
        "fiscal_year_start_month",
        "numbering",
    ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("La fin de la période doit venir après son début."))
        return data


class PlanFrameForm(BuilderForm, PlanFrameFields):
    pass


class PlanCreateForm(PlanFrameFields):
    organization = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organization.objects.none(), empty_label=None
    )

    def __init__(self, *args: Any, organizations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations  # type: ignore[attr-defined]


class StatementsForm(BuilderForm):
    mission = forms.CharField(label=_("Mission"), required=False, widget=forms.Textarea)
    vision = forms.CharField(label=_("Vision"), required=False, widget=forms.Textarea)
    values = LinesField(label=_("Valeurs"), required=False, help_text=_("Une valeur par ligne."))
    mandates = LinesField(label=_("Mandats"), required=False, help_text=_("Un mandat par ligne."))
    global_objective = forms.CharField(
        label=_("Objectif général"), required=False, widget=forms.Textarea
    )
    glossary = GlossaryField(
        label=_("Glossaire"),
        required=False,
        help_text=_("Un sigle par ligne : « CA : conseil d'administration »."),
    )
    notes = LinesField(
        label=_("Notes"),
        required=False,
        help_text=_("Une note par ligne : définitions, remarques, renvois du document."),
    )

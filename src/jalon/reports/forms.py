"""Options forms of the exporters: the page shows them, the command line and the task reuse them
to validate stored options, so a report is always made from options that passed the same checks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jalon.core import fiscal
from jalon.plans.models import Plan

from . import text
from .enums import ReportFormat


class ExportOptionsForm(forms.Form):
    """Every exporter's form starts with the format; subclasses add their options."""

    format = forms.ChoiceField(label=_("Format"))

    def __init__(
        self,
        *args: Any,
        plan: Plan,
        formats: Sequence[str],
        prefix: str | None = None,
        **kwargs: Any,
    ) -> None:
        kwargs["prefix"] = prefix
        super().__init__(*args, **kwargs)
        self.plan = plan
        field = self.fields["format"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(f, ReportFormat(f).label) for f in formats]
        field.initial = formats[0]

    def options(self) -> dict[str, Any]:
        """The cleaned options as JSON values (dates as YYYY-MM-DD), without the format."""
        out: dict[str, Any] = {}
        for name, value in self.cleaned_data.items():
            if name == "format":
                continue
            out[name] = value.isoformat() if isinstance(value, dt.date) else value
        return out


class PlanDocumentForm(ExportOptionsForm):
    separator = forms.ChoiceField(
        label=_("Séparateur (CSV)"),
        choices=[
            ("semicolon", _("Point-virgule (Excel en français)")),
            ("comma", _("Virgule")),
        ],
        initial="semicolon",
        required=False,
        help_text=_("Seulement pour le format CSV."),
    )


class ProgressOptionsForm(ExportOptionsForm):
    as_of = forms.DateField(
        label=_("État au"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("La date de la mise à jour, imprimée sur le document."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["as_of"].initial = timezone.localdate()


class AnnualOptionsForm(ExportOptionsForm):
    year = forms.TypedChoiceField(label=_("Année du plan"), coerce=int)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["year"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = [(y.number, text.year_label(y)) for y in self.plan.years]
        year = fiscal.default_year(self.plan.years, timezone.localdate())
        field.initial = year.number if year else None


class NarrativeForm(forms.Form):
    """The written parts of a yearly report; `version` is the saved version the writer began from."""

    introduction = forms.CharField(
        label=_("Introduction"), required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    chair_word = forms.CharField(
        label=_("Mot de la présidence"), required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    highlights = forms.CharField(
        label=_("Faits saillants"),
        required=False,
        help_text=_("Un fait par paragraphe."),
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class LessonsForm(forms.Form):
    """What the organization learned over the whole plan, printed in the bilan global."""

    lessons = forms.CharField(
        label=_("Ce que nous avons appris"),
        required=False,
        help_text=_("Un enseignement par paragraphe."),
        widget=forms.Textarea(attrs={"rows": 10}),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class ShareLinkForm(forms.Form):
    """The expiry of a read-only share link (at most a year, checked by the service)."""

    expires_on = forms.DateField(
        label=_("Valable jusqu'au"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

"""Forms of the plan pages: filters, adoption and revisions."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from jalon.network.models import Organization

from .enums import PlanSharing, PlanState
from .models import Objective, Revision
from .queries import FilterChoices, PlanFilters


class _ChoicesForm(forms.Form):
    def _choice(self, name: str) -> forms.ChoiceField:
        return cast(forms.ChoiceField, self.fields[name])


class PlanListFilterForm(_ChoicesForm):
    organisation = forms.ChoiceField(label=_("Organisation"), required=False)
    etat = forms.ChoiceField(label=pgettext_lazy("plan state", "État"), required=False)

    def __init__(self, *args: Any, organizations: list[Organization], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._choice("organisation").choices = [
            ("", _("Toutes les organisations")),
            *((o.slug, str(o)) for o in organizations),
        ]
        self._choice("etat").choices = [("", _("Tous les états")), *PlanState.choices]


class PlanFilterForm(_ChoicesForm):
    """The plan page's filters; values that are not among the choices are ignored."""

    q = forms.CharField(
        label=_("Rechercher"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    porteur = forms.ChoiceField(label=_("Porteur"), required=False)
    annee = forms.TypedChoiceField(
        label=_("Année du plan"), required=False, coerce=int, empty_value=None
    )
    theme = forms.ChoiceField(label=_("Thème"), required=False)

    def __init__(self, *args: Any, choices: FilterChoices, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._choice("porteur").choices = [
            ("", _("Tous les porteurs")),
            *((name, name) for name in choices.actors),
        ]
        self._choice("annee").choices = [
            ("", _("Toutes les années")),
            *((str(y.number), y.label) for y in choices.years),
        ]
        self._choice("theme").choices = [
            ("", _("Tous les thèmes")),
            *((t.slug, t.name) for t in choices.themes),
        ]
        self.show_actor = bool(choices.actors)
        self.show_year = bool(choices.years)
        self.show_theme = bool(choices.themes)

    def filters(self) -> PlanFilters:
        if not self.is_bound:
            return PlanFilters()
        self.is_valid()
        data = self.cleaned_data
        return PlanFilters(
            actor=data.get("porteur") or "",
            year=data.get("annee") or None,
            theme=data.get("theme") or "",
            text=data.get("q") or "",
        )


class AdoptForm(forms.Form):
    adopted_on = forms.DateField(
        label=_("Date d'adoption"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        initial=dt.date.today,
    )
    adopted_by = forms.CharField(
        label=_("Instance qui l'a adopté"),
        max_length=255,
        initial=_("Assemblée générale annuelle"),
        help_text=_("Par exemple : Assemblée générale annuelle, conseil d'administration."),
    )


class SharingForm(forms.Form):
    sharing = forms.ChoiceField(
        label=_("Qui peut lire le plan adopté"),
        choices=PlanSharing.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "Réseau : les éditeurs et administrateurs des réseaux dont votre organisation est "
            "membre le lisent, avec son suivi. Public : tout le monde. Un brouillon n'est "
            "jamais partagé."
        ),
    )


class AlignmentForm(forms.Form):
    """For each objective of a member's plan, the network objectives it contributes to."""

    def __init__(
        self,
        *args: Any,
        objectives: list[Objective],
        network_objectives: list[Objective],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        choices = [
            (o.pk, f"{o.plan.organization.short_name} · {o.code} {o.title}".strip())
            for o in network_objectives
        ]
        self.objectives = objectives
        for objective in objectives:
            self.fields[f"o{objective.pk}"] = forms.TypedMultipleChoiceField(
                label=f"{objective.code} {objective.title}".strip(),
                choices=choices,
                coerce=int,
                required=False,
                widget=forms.SelectMultiple(attrs={"size": min(8, max(3, len(choices)))}),
            )

    def links(self) -> dict[int, list[int]]:
        return {o.pk: self.cleaned_data.get(f"o{o.pk}") or [] for o in self.objectives}


class ActionPlaceForm(forms.Form):
    place = forms.CharField(
        label=_("Lieu"),
        max_length=255,
        required=False,
        help_text=_("Une municipalité ou une adresse."),
    )
    latitude = forms.DecimalField(
        label=_("Latitude"), max_digits=9, decimal_places=6, required=False
    )
    longitude = forms.DecimalField(
        label=_("Longitude"), max_digits=9, decimal_places=6, required=False
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class RevisionForm(forms.Form):
    reason = forms.CharField(
        label=_("Raison du réajustement"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("Par exemple : « Réajustements adoptés par le CA du 12 février »."),
    )


class CompareForm(_ChoicesForm):
    """Which two revisions to compare (by number)."""

    avant = forms.TypedChoiceField(label=_("Révision de départ"), coerce=int)
    apres = forms.TypedChoiceField(label=_("Révision d'arrivée"), coerce=int)

    def __init__(self, *args: Any, revisions: list[Revision], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [
            (str(r.number), _("Révision %(number)s") % {"number": r.number}) for r in revisions
        ]
        self._choice("avant").choices = choices
        self._choice("apres").choices = choices

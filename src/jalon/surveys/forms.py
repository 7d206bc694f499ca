"""Forms of the surveys app: the survey, a question, the invitations, linking an indicator."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from jalon.network.enums import MemberStatus, OrganizationKind
from jalon.tracking.enums import SOURCE_RULE_KINDS, RuleKind

from .enums import DEFAULT_K, MIN_K, QuestionKind


class DateInput(forms.DateInput):
    input_type = "date"


class SurveyForm(forms.Form):
    title_fr = forms.CharField(label=_("Titre (français)"), max_length=300)
    title_en = forms.CharField(label=_("Titre (anglais)"), max_length=300, required=False)
    purpose_fr = forms.CharField(
        label=_("Finalité : à quoi serviront les réponses (français)"), widget=forms.Textarea
    )
    purpose_en = forms.CharField(
        label=_("Finalité (anglais)"), widget=forms.Textarea, required=False
    )
    plan_year = forms.TypedChoiceField(
        label=_("Année du plan"), coerce=int, required=False, empty_value=None
    )
    anonymous = forms.BooleanField(label=_("Sondage anonyme"), required=False, initial=True)
    closes_on = forms.DateField(label=_("Date de fermeture"), widget=DateInput)
    retention_until = forms.DateField(label=_("Conserver les réponses jusqu'au"), widget=DateInput)
    k_threshold = forms.IntegerField(
        label=_("Taille minimale d'un groupe affiché (au moins 3)"),
        min_value=MIN_K,
        initial=DEFAULT_K,
    )
    open_link = forms.BooleanField(label=_("Offrir aussi un lien ouvert"), required=False)
    reminder_days = forms.CharField(
        label=_("Rappels, en jours après le lancement (séparés par des virgules)"),
        initial="7, 14",
        required=False,
    )

    def __init__(self, *args: Any, years: list[tuple[int, str]] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        field = self.fields["plan_year"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = [("", "—"), *(years or [])]

    def clean_reminder_days(self) -> list[int]:
        text = self.cleaned_data.get("reminder_days") or ""
        try:
            days = sorted({int(part) for part in text.replace(";", ",").split(",") if part.strip()})
        except ValueError:
            raise forms.ValidationError(
                _("Écrivez des nombres de jours, par exemple « 7, 14 ».")
            ) from None
        if any(d <= 0 for d in days):
            raise forms.ValidationError(_("Un rappel vient au moins un jour après le lancement."))
        return days


class QuestionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Type de question"), choices=QuestionKind.choices)
    text_fr = forms.CharField(
        label=_("Question (français)"), widget=forms.Textarea(attrs={"rows": 2})
    )
    text_en = forms.CharField(
        label=_("Question (anglais)"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    choices = forms.CharField(
        label=_("Choix, un par ligne ; « français | anglais » (choix unique ou multiple)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
    required = forms.BooleanField(label=_("Réponse obligatoire"), required=False)
    target = forms.ChoiceField(
        label=_("Élément du plan visé (facultatif)"), required=False, choices=[("", "—")]
    )

    def __init__(self, *args: Any, targets: list[tuple[str, str]] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        field = self.fields["target"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", "—"), *(targets or [])]

    def target_ids(self) -> tuple[str, int] | None:
        """("objective" | "action" | "indicator", id) of the item chosen, if any."""
        kind, _sep, pk = (self.cleaned_data.get("target") or "").partition(":")
        return (kind, int(pk)) if kind and pk.isdigit() else None

    def choice_pairs(self) -> list[tuple[str, str]]:
        pairs = []
        for line in (self.cleaned_data.get("choices") or "").splitlines():
            fr, _sep, en = line.partition("|")
            if fr.strip():
                pairs.append((fr.strip(), en.strip()))
        return pairs


class InviteForm(forms.Form):
    regions = forms.MultipleChoiceField(
        label=_("Régions"), required=False, widget=forms.CheckboxSelectMultiple
    )
    kinds = forms.MultipleChoiceField(
        label=_("Types de membre"),
        choices=OrganizationKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    statuses = forms.MultipleChoiceField(
        label=_("Statuts de membre"),
        choices=MemberStatus.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    emails = forms.CharField(
        label=_("Ou des adresses courriel, une par ligne"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

    def __init__(self, *args: Any, regions: list[tuple[int, str]] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        field = self.fields["regions"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = regions or []

    def clean_emails(self) -> list[str]:
        validator = forms.EmailField()
        out = []
        for line in (self.cleaned_data.get("emails") or "").replace(",", "\n").splitlines():
            if line.strip():
                try:
                    out.append(validator.clean(line.strip()))
                except forms.ValidationError:
                    raise forms.ValidationError(
                        _("« %(email)s » n'est pas une adresse courriel.") % {"email": line.strip()}
                    ) from None
        return out


class CopyForm(forms.Form):
    plan_year = forms.TypedChoiceField(
        label=_("Année du plan"), coerce=int, required=False, empty_value=None
    )
    closes_on = forms.DateField(label=_("Date de fermeture"), widget=DateInput)
    retention_until = forms.DateField(label=_("Conserver les réponses jusqu'au"), widget=DateInput)

    def __init__(self, *args: Any, years: list[tuple[int, str]] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        field = self.fields["plan_year"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = [("", "—"), *(years or [])]


class FeedForm(forms.Form):
    indicator = forms.TypedChoiceField(label=_("Indicateur du plan"), coerce=int)
    kind = forms.ChoiceField(
        label=_("Mesure"),
        choices=[(k.value, k.label) for k in RuleKind if k in SOURCE_RULE_KINDS],
    )
    answer = forms.ChoiceField(label=_("Réponse comptée (part répondant X)"), required=False)

    def __init__(
        self,
        *args: Any,
        indicators: list[tuple[int, str]] | None = None,
        options: list[tuple[str, str]] | None = None,
        **kwargs: Any,
    ):
        super().__init__(*args, **kwargs)
        indicator = self.fields["indicator"]
        assert isinstance(indicator, forms.TypedChoiceField)
        indicator.choices = indicators or []
        answer = self.fields["answer"]
        assert isinstance(answer, forms.ChoiceField)
        answer.choices = [("", "—"), *(options or [])]

"""Forms of the follow-up: they parse and check input; services do the writing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from jalon.accounts.models import User
from jalon.core.files import upload_problem
from jalon.core.fiscal import PlanYear
from jalon.network.models import Organization
from jalon.plans.enums import ActionStatus
from jalon.plans.models import Action, Indicator, Plan

from .enums import (
    BASE_RULE_KINDS,
    JUDGEMENTS,
    SOURCE_RULE_KINDS,
    ActivityKind,
    AssessmentStatus,
    ContactChannel,
    RuleKind,
    RuleScope,
)


def plain_decimal(value: Decimal | None) -> Decimal | None:
    """30.00 → 30, 12.50 → 12.5: a stored amount shown without trailing zeros in a form."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.quantize(Decimal("0.01")).normalize()


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def _not_in_future(day: dt.date | None) -> dt.date | None:
    if day is not None and day > timezone.localdate():
        raise forms.ValidationError(
            _("Le %(date)s est dans le futur : inscrivez ce qui a eu lieu, à sa date."),
            params={"date": date_format(day)},
            code="future",
        )
    return day


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile[Any]]:
        items = data if isinstance(data, list | tuple) else ([data] if data else [])
        cleaned = []
        for item in items:
            upload = super().clean(item, initial)
            if upload and upload.size and upload.size > settings.MAX_UPLOAD_BYTES:
                raise forms.ValidationError(
                    _("Le fichier « %(name)s » dépasse %(max)s Mo."),
                    params={"name": upload.name, "max": settings.MAX_UPLOAD_BYTES // (1024 * 1024)},
                    code="too_big",
                )
            if upload:
                _check_kind(upload)
                cleaned.append(upload)
        return cleaned


def _check_kind(upload: UploadedFile[Any]) -> None:
    """Refuses a file whose type Jalon does not keep, or whose content is not what its name says."""
    problem = upload_problem(upload.name or "", upload)
    if problem == "type":
        raise forms.ValidationError(
            _(
                "Le fichier « %(name)s » n'est pas d'un type accepté : PDF, image (PNG, JPEG, "
                "GIF, WebP), Word, Excel, PowerPoint, OpenDocument, texte ou CSV."
            ),
            params={"name": upload.name},
            code="file_type",
        )
    if problem == "content":
        raise forms.ValidationError(
            _(
                "Le contenu du fichier « %(name)s » ne correspond pas à son extension : il n'a "
                "pas été gardé. Enregistrez-le de nouveau depuis le logiciel qui l'a créé."
            ),
            params={"name": upload.name},
            code="file_content",
        )


class StatusForm(forms.Form):
    """One status update: the row of the update round and the form of the action page."""

    status = forms.ChoiceField(label=_("État"), choices=ActionStatus.choices)
    progress = forms.IntegerField(
        label=_("Avancement (%)"), required=False, min_value=0, max_value=100
    )
    date = forms.DateField(label=_("Date"), widget=DateInput())
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Ce qui a été fait, p. ex. « 6 régions visitées »."),
    )
    link = forms.URLField(
        label=_("Lien vers une preuve"), required=False, max_length=500, assume_scheme="https"
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def clean_date(self) -> dt.date | None:
        return _not_in_future(self.cleaned_data.get("date"))


class StatusWithFilesForm(StatusForm):
    attachments = MultipleFileField(label=_("Fichiers justificatifs"), required=False)


class BulkStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Nouvel état"), choices=ActionStatus.choices)
    date = forms.DateField(label=_("Date"), widget=DateInput())
    note = forms.CharField(label=_("Note (la même pour toutes)"), required=False, max_length=4000)

    def clean_date(self) -> dt.date | None:
        return _not_in_future(self.cleaned_data.get("date"))


class EvidenceForm(forms.Form):
    link = forms.URLField(label=_("Lien"), required=False, max_length=500, assume_scheme="https")
    file = forms.FileField(label=_("Fichier"), required=False)

    def clean_file(self) -> UploadedFile[Any] | None:
        upload = self.cleaned_data.get("file")
        if upload and upload.size and upload.size > settings.MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("Le fichier dépasse %(max)s Mo."),
                params={"max": settings.MAX_UPLOAD_BYTES // (1024 * 1024)},
            )
        if upload:
            _check_kind(upload)
        return upload

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("link") and not data.get("file"):
            raise forms.ValidationError(_("Donnez un lien ou un fichier."))
        return data


class LockForm(forms.Form):
    year = forms.IntegerField(widget=forms.HiddenInput)
    note = forms.CharField(
        label=_("Note (p. ex. « Bilan adopté à l'AGA du 12 juin »)"),
        required=False,
        max_length=1000,
    )


class TrackingStartForm(forms.Form):
    tracking_started_on = forms.DateField(
        label=_("Début du suivi dans Jalon"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_(
            "Pour un plan adopté avant Jalon. Laissez vide pour prendre la date de la première "
            "saisie. Les années terminées avant cette date sont « pas de suivi » : ni comptées "
            "à zéro ni jugées."
        ),
    )


class UnlockForm(forms.Form):
    year = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("Raison du déverrouillage"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Donnez la raison du déverrouillage : elle est conservée.")},
    )


def _action_label(action: Action) -> str:
    title = " ".join(action.title.split())
    short = title if len(title) <= 90 else title[:89] + "…"
    return f"{action.code} {short}".strip()


def _indicator_label(indicator: Indicator) -> str:
    text = " ".join(indicator.text.split())
    short = text if len(text) <= 80 else text[:79] + "…"
    owner = indicator.action if indicator.action_id else indicator.objective
    code = owner.code if owner is not None else ""
    kind = f"{indicator.kind} = " if indicator.kind else ""
    return f"{code} · {kind}{short}".strip(" ·")


class ActionChoiceField(forms.ModelMultipleChoiceField[Any]):
    def label_from_instance(self, obj: Any) -> str:
        return _action_label(obj)


class IndicatorChoiceField(forms.ModelMultipleChoiceField[Any]):
    def label_from_instance(self, obj: Any) -> str:
        return _indicator_label(obj)


class OrganizationsField(forms.ModelMultipleChoiceField[Any]):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.short_name if obj.acronym else obj.name)


def plan_actions(plan: Plan) -> Any:
    return (
        Action.objects.filter(plan=plan)
        .only("id", "code", "title")
        .order_by("objective__orientation__order", "objective__order", "order", "id")
    )


def plan_indicators(plan: Plan) -> Any:
    """The plan's indicators as written: an objective's own first, then its actions'."""
    return (
        Indicator.objects.filter(plan=plan)
        .select_related("action", "objective")
        .only("id", "kind", "text", "action__code", "action_id", "objective__code", "objective_id")
        .order_by(
            Coalesce("action__objective__orientation__order", "objective__orientation__order"),
            Coalesce("action__objective__order", "objective__order"),
            Coalesce("action__objective_id", "objective_id"),
            Coalesce("action__order", Value(-1)),
            "order",
            "id",
        )
    )


def plan_members(plan: Plan) -> Any:
    return User.objects.filter(memberships__organization_id=plan.organization_id).order_by(
        "first_name", "last_name", "username"
    )


def other_organizations(plan: Plan) -> Any:
    return Organization.objects.exclude(pk=plan.organization_id).only("id", "name", "acronym")


class ActivityForm(forms.Form):
    kind = forms.ChoiceField(label=_("Type"), choices=ActivityKind.choices)
    date = forms.DateField(label=_("Date"), widget=DateInput())
    title = forms.CharField(label=_("Titre"), max_length=300)
    participants = forms.IntegerField(label=_("Participants"), required=False, min_value=0)
    satisfaction = forms.DecimalField(
        label=_("Taux de satisfaction (%)"),
        required=False,
        min_value=Decimal(0),
        max_value=Decimal(100),
        decimal_places=2,
        localize=True,
        help_text=_("S'il a été mesuré (sondage, fiche d'appréciation)."),
    )
    organizations = OrganizationsField(
        label=_("Organisations présentes"), queryset=Organization.objects.none(), required=False
    )
    actions = ActionChoiceField(
        label=_("Actions liées"), queryset=Action.objects.none(), required=False
    )
    indicators = IndicatorChoiceField(
        label=_("Indicateurs liés"), queryset=Indicator.objects.none(), required=False
    )
    notes = forms.CharField(
        label=_("Notes"), required=False, max_length=10000, widget=forms.Textarea(attrs={"rows": 3})
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["organizations"].queryset = other_organizations(plan)
        fields["actions"].queryset = plan_actions(plan)
        fields["indicators"].queryset = plan_indicators(plan)
        for name in ("organizations", "actions", "indicators"):
            fields[name].widget.attrs["size"] = 6

    def clean_date(self) -> dt.date | None:
        return _not_in_future(self.cleaned_data.get("date"))


class MemberChoiceField(forms.ModelChoiceField[Any]):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj)


class ContactForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DateInput())
    organization = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organization.objects.none()
    )
    channel = forms.ChoiceField(label=_("Moyen"), choices=ContactChannel.choices)
    subject = forms.CharField(label=_("Objet"), max_length=300)
    made_by = MemberChoiceField(
        label=pgettext_lazy("contact made by", "Par"), queryset=User.objects.none(), required=False
    )
    notes = forms.CharField(
        label=_("Notes"), required=False, max_length=10000, widget=forms.Textarea(attrs={"rows": 2})
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["organization"].queryset = other_organizations(plan)
        fields["made_by"].queryset = plan_members(plan)

    def clean_date(self) -> dt.date | None:
        return _not_in_future(self.cleaned_data.get("date"))


def _year_choices(years: list[PlanYear]) -> list[tuple[str, Any]]:
    return [("", _("Toutes les années")), *[(str(y.number), y.label) for y in years]]


class ActivityFilterForm(forms.Form):
    type = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("Tous les types")), *ActivityKind.choices]
    )
    annee = forms.ChoiceField(label=_("Année"), required=False)
    action = forms.TypedChoiceField(label=_("Action"), required=False, coerce=int, empty_value=None)
    indicateur = forms.TypedChoiceField(
        label=_("Indicateur"), required=False, coerce=int, empty_value=None
    )
    organisation = forms.TypedChoiceField(
        label=_("Organisation présente"), required=False, coerce=int, empty_value=None
    )
    q = forms.CharField(label=_("Texte"), required=False, max_length=200)

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["annee"].choices = _year_choices(plan.years)
        fields["action"].choices = [("", _("Toutes les actions"))] + [
            (a.pk, _action_label(a)) for a in plan_actions(plan)
        ]
        fields["indicateur"].choices = [("", _("Tous les indicateurs"))] + [
            (i.pk, _indicator_label(i)) for i in plan_indicators(plan)
        ]
        fields["organisation"].choices = [("", _("Toutes les organisations"))] + [
            (o.pk, o.short_name) for o in other_organizations(plan)
        ]


class ContactFilterForm(forms.Form):
    moyen = forms.ChoiceField(
        label=_("Moyen"),
        required=False,
        choices=[("", _("Tous les moyens")), *ContactChannel.choices],
    )
    annee = forms.ChoiceField(label=_("Année"), required=False)
    organisation = forms.TypedChoiceField(
        label=_("Organisation"), required=False, coerce=int, empty_value=None
    )
    par = forms.TypedChoiceField(
        label=pgettext_lazy("contact made by", "Par"), required=False, coerce=int, empty_value=None
    )
    q = forms.CharField(label=_("Texte"), required=False, max_length=200)

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["annee"].choices = _year_choices(plan.years)
        fields["organisation"].choices = [("", _("Toutes les organisations"))] + [
            (o.pk, o.short_name) for o in other_organizations(plan)
        ]
        fields["par"].choices = [("", _("Tout le monde"))] + [
            (u.pk, str(u)) for u in plan_members(plan)
        ]


class RuleForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Calcul de la valeur"),
        choices=[
            ("", _("Saisie à la main")),
            *[(k.value, k.label) for k in RuleKind if k not in SOURCE_RULE_KINDS],
        ],
        required=False,
    )
    base_kind = forms.ChoiceField(
        label=_("Mesure dont on calcule la variation"),
        choices=[("", "—"), *[(k.value, k.label) for k in BASE_RULE_KINDS]],
        required=False,
    )
    activity_kinds = forms.MultipleChoiceField(
        label=_("Types d'activité comptés (aucun coché : tous)"),
        choices=ActivityKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    scope = forms.ChoiceField(
        label=_("Activités prises en compte"), choices=RuleScope.choices, initial=RuleScope.ACTION
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == RuleKind.CHANGE and not data.get("base_kind"):
            self.add_error("base_kind", _("Choisissez la mesure dont la variation est calculée."))
        return data


DONE_CHOICES: list[tuple[str, Any]] = [
    ("", _("Non précisé")),
    ("yes", _("Oui, réalisé")),
    ("no", _("Non, pas encore")),
]


class ValueForm(forms.Form):
    plan_year = forms.TypedChoiceField(label=_("Année"), coerce=int, widget=forms.HiddenInput)
    value = forms.DecimalField(
        label=_("Valeur"), required=False, max_digits=14, decimal_places=2, localize=True
    )
    done = forms.ChoiceField(label=_("Réalisé ?"), choices=DONE_CHOICES, required=False)
    on_date = forms.DateField(label=_("Date de réalisation"), required=False, widget=DateInput())
    narrative = forms.CharField(
        label=_("Constat"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Ce qui a été observé cette année (indicateurs qualitatifs)."),
    )
    judgement = forms.ChoiceField(
        label=_("Appréciation (indicateurs qualitatifs)"),
        required=False,
        choices=[("", _("Aucune : le constat suffit")), *[(j.value, j.label) for j in JUDGEMENTS]],
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=4000)
    source = forms.CharField(
        label=_("Source"),
        required=False,
        max_length=255,
        help_text=_("D'où vient la valeur : sondage, statistiques du site Web, registre…"),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, years: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["plan_year"].choices = [(str(n), label) for n, label in years]

    def clean_on_date(self) -> dt.date | None:
        return _not_in_future(self.cleaned_data.get("on_date"))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        done = data.get("done")
        data["done"] = True if done == "yes" else False if done == "no" else None
        if (
            data.get("value") is None
            and data["done"] is None
            and not (data.get("narrative") or "").strip()
        ):
            raise forms.ValidationError(
                _("Inscrivez une valeur, une réalisation ou un constat."), code="empty"
            )
        if data.get("judgement") and not (data.get("narrative") or "").strip():
            self.add_error(
                "narrative", _("Une appréciation s'appuie sur un constat : décrivez-le.")
            )
        if data.get("judgement") == AssessmentStatus.NO_DATA:
            data["judgement"] = ""
        return data


class OccurrenceForm(forms.Form):
    on_date = forms.DateField(label=_("Date de l'occurrence"), widget=DateInput())
    note = forms.CharField(label=_("Note"), required=False, max_length=4000)
    source = forms.CharField(label=_("Source"), required=False, max_length=255)

    def clean_on_date(self) -> dt.date | None:
        return _not_in_future(self.cleaned_data.get("on_date"))

"""Forms of the library: the browse/search filters (GET) and a resource's card."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from jalon.core.files import upload_problem
from jalon.network.models import Organization, Region, Theme
from jalon.plans.models import Action, Indicator

from .enums import Language, ResourceKind, Sort, Visibility
from .queries import Filters


class SearchInput(forms.TextInput):
    input_type = "search"


class FilterForm(forms.Form):
    """GET filters of the library. Unknown values are ignored (the field says so)."""

    q = forms.CharField(
        label=_("Rechercher"),
        required=False,
        max_length=200,
        widget=SearchInput(attrs={"placeholder": _("Mots du titre ou de la description")}),
    )
    kind = forms.ChoiceField(label=_("Type"), required=False)
    theme = forms.ChoiceField(label=_("Thème"), required=False)
    region = forms.ChoiceField(label=_("Région"), required=False)
    sort = forms.ChoiceField(label=_("Trier par"), required=False, choices=Sort.choices)

    def __init__(
        self, *args: Any, regions: list[Region], themes: list[Theme], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.regions = {r.slug: r for r in regions}
        self.themes = {t.slug: t for t in themes}
        every = str(_("Tous"))
        self._choices("kind", [("", every), *ResourceKind.choices])
        self._choices("theme", [("", every)] + [(t.slug, t.name) for t in themes])
        self._choices("region", [("", str(_("Toutes")))] + [(r.slug, str(r)) for r in regions])

    def _choices(self, name: str, choices: list[tuple[str, Any]]) -> None:
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField)
        field.choices = choices

    def filters(self) -> Filters:
        """The valid filters (call after is_valid)."""
        data = getattr(self, "cleaned_data", {})
        return Filters(
            text=data.get("q") or "",
            kind=data.get("kind") or "",
            theme=self.themes.get(data.get("theme") or ""),
            region=self.regions.get(data.get("region") or ""),
            sort=data.get("sort") or Sort.NEWEST,
        )


class ResourceForm(forms.Form):
    title = forms.CharField(label=_("Titre"), max_length=255)
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea)
    kind = forms.ChoiceField(label=_("Type"), choices=ResourceKind.choices)
    organization = forms.ModelChoiceField(
        label=_("Organisation autrice"), queryset=Organization.objects.none()
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Thèmes"), queryset=Theme.objects.all(), required=False
    )
    region = forms.ModelChoiceField(
        label=_("Région"), queryset=Region.objects.all(), required=False
    )
    language = forms.ChoiceField(label=_("Langue"), choices=Language.choices)
    published_on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    file = forms.FileField(label=_("Fichier"), required=False)
    link = forms.URLField(label=_("Lien"), required=False, assume_scheme="https")
    visibility = forms.ChoiceField(label=_("Visibilité"), choices=Visibility.choices)
    produced_by = forms.ModelChoiceField(
        label=_("Produit par l'action"), queryset=Action.objects.none(), required=False
    )
    indicators = forms.ModelMultipleChoiceField(
        label=_("Compté par les indicateurs"),
        queryset=Indicator.objects.none(),
        required=False,
        help_text=_(
            "Ses téléchargements comptent aussi pour ces indicateurs (règle « Nombre de "
            "téléchargements »), en plus de ceux de l'action qui l'a produit."
        ),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(
        self,
        *args: Any,
        organizations: QuerySet[Organization],
        actions: QuerySet[Action],
        indicators: QuerySet[Indicator],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        org_field = self.fields["organization"]
        assert isinstance(org_field, forms.ModelChoiceField)
        org_field.queryset = organizations
        action_field = self.fields["produced_by"]
        assert isinstance(action_field, forms.ModelChoiceField)
        action_field.queryset = actions
        indicator_field = self.fields["indicators"]
        assert isinstance(indicator_field, forms.ModelMultipleChoiceField)
        indicator_field.queryset = indicators

    def clean_file(self) -> Any:
        upload = self.cleaned_data.get("file")
        if upload:
            problem = upload_problem(upload.name, upload)
            upload.seek(0)
            if problem == "type":
                raise ValidationError(
                    _(
                        "Ce type de fichier n'est pas accepté : PDF, Word, Excel, PowerPoint, "
                        "OpenDocument, images ou texte ; pour une vidéo ou un balado, donnez un lien."
                    )
                )
            if problem:
                raise ValidationError(_("Le contenu du fichier ne correspond pas à son extension."))
        return upload

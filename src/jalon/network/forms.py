"""Forms of the network pages: the directory's filters, an organization's card."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .enums import Coordination, MemberStatus, OrganizationKind
from .models import Organization, Region, Theme
from .queries import DirectoryFacets, DirectoryFilters
from .services import NetworkDecision, OrganizationFacts, SituationFacts


def _with_count(label: object, counts: dict[Any, int] | None, key: object) -> str:
    """The label and how many organizations the choice shows: "Mauricie (3)" (no count before counting)."""
    return f"{label} ({counts.get(key, 0)})" if counts is not None else str(label)


class SearchInput(forms.TextInput):
    input_type = "search"


class DirectoryFilterForm(forms.Form):
    """GET filters of the directory. Unknown values are reported and ignored."""

    text = forms.CharField(
        label=_("Rechercher"),
        required=False,
        max_length=100,
        widget=SearchInput(attrs={"placeholder": _("Nom, sigle, ville")}),
    )
    region = forms.ChoiceField(label=_("Région"), required=False)
    kind = forms.ChoiceField(label=_("Type"), required=False)
    status = forms.ChoiceField(label=_("Statut de membre"), required=False)
    theme = forms.ChoiceField(label=_("Thème"), required=False)

    def _choice_field(self, name: str) -> forms.ChoiceField:
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField)
        return field

    def __init__(
        self, *args: Any, regions: list[Region], themes: list[Theme], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.regions = {r.slug: r for r in regions}
        self.themes = {t.slug: t for t in themes}
        self.set_counts(None)

    def set_counts(self, facets: DirectoryFacets | None) -> None:
        """Writes, next to each choice, how many organizations it would show."""
        every = str(_("Toutes"))
        self._choice_field("region").choices = [("", every)] + [
            (r.slug, _with_count(r, facets.by_region if facets else None, r.pk))
            for r in self.regions.values()
        ]
        self._choice_field("kind").choices = [("", str(_("Tous")))] + [
            (value, _with_count(label, facets.by_kind if facets else None, value))
            for value, label in OrganizationKind.choices
        ]
        self._choice_field("status").choices = [("", str(_("Tous")))] + [
            (value, _with_count(label, facets.by_status if facets else None, value))
            for value, label in MemberStatus.choices
        ]
        self._choice_field("theme").choices = [("", str(_("Tous")))] + [
            (t.slug, _with_count(t.name, facets.by_theme if facets else None, t.pk))
            for t in self.themes.values()
        ]

    def filters(self) -> DirectoryFilters:
        """The filters to apply: the valid ones (call after is_valid)."""
        data = getattr(self, "cleaned_data", {})
        return DirectoryFilters(
            region=self.regions.get(data.get("region") or ""),
            kind=data.get("kind") or "",
            status=data.get("status") or "",
            theme=self.themes.get(data.get("theme") or ""),
            text=data.get("text") or "",
        )

    def full_clean(self) -> None:
        super().full_clean()
        # Keep what is valid so that one bad parameter does not empty the page.
        if self.is_bound and self.errors:
            self.cleaned_data = {
                name: self.cleaned_data.get(name, "")
                for name in self.fields
                if name not in self.errors
            }

    def is_filtered(self) -> bool:
        return any(
            getattr(self.filters(), name) for name in ("region", "kind", "status", "theme", "text")
        )


class OrganizationForm(forms.ModelForm[Organization]):
    """An organization's card. The network's fields (kind, parent, status) only for its administrators."""

    NETWORK_FIELDS = ("kind", "parent", "member_status")

    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)
    website = forms.URLField(
        label=_("Site Web"),
        required=False,
        max_length=200,
        assume_scheme="https",
        help_text=_("Adresse complète, p. ex. https://www.exemple.org"),
    )

    class Meta:
        model = Organization
        fields = [
            "name",
            "acronym",
            "kind",
            "parent",
            "member_status",
            "region",
            "address",
            "city",
            "postal_code",
            "latitude",
            "longitude",
            "website",
            "email",
            "phone",
            "description",
            "themes",
        ]
        widgets = {
            "themes": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {
            "acronym": _("Le sigle sert aussi à l'adresse de la page de l'organisation."),
            "latitude": _("En degrés décimaux, p. ex. 46.343200 ; sert à la carte des membres."),
            "longitude": _("En degrés décimaux, p. ex. -72.547700."),
        }

    def __init__(
        self,
        *args: Any,
        parents: Any = None,
        network_fields: bool = True,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.network_fields = network_fields
        if network_fields:
            parent = self.fields["parent"]
            assert isinstance(parent, forms.ModelChoiceField)
            parent.queryset = parents
            parent.required = True
            parent.empty_label = None
        else:
            for name in self.NETWORK_FIELDS:
                del self.fields[name]
        region = self.fields["region"]
        assert isinstance(region, forms.ModelChoiceField)
        region.queryset = Region.objects.order_by("code")
        themes = self.fields["themes"]
        assert isinstance(themes, forms.ModelMultipleChoiceField)
        themes.queryset = Theme.objects.order_by("name")
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version

    def clean_name(self) -> str:
        name: str = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(_("Le nom de l'organisation est obligatoire."))
        return name

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        latitude, longitude = cleaned.get("latitude"), cleaned.get("longitude")
        if (latitude is None) != (longitude is None) and not (
            self.has_error("latitude") or self.has_error("longitude")
        ):
            raise forms.ValidationError(
                _("Donnez la latitude et la longitude, ou ni l'une ni l'autre.")
            )
        return cleaned

    def _post_clean(self) -> None:
        # The service saves; the model's own validation is done there and in clean().
        pass

    def facts(self) -> OrganizationFacts:
        data = self.cleaned_data
        return OrganizationFacts(
            name=data["name"],
            acronym=data.get("acronym", ""),
            region=data.get("region"),
            address=data.get("address", ""),
            city=data.get("city", ""),
            postal_code=data.get("postal_code", ""),
            latitude=data.get("latitude"),
            longitude=data.get("longitude"),
            website=data.get("website", ""),
            email=data.get("email", ""),
            phone=data.get("phone", ""),
            description=data.get("description", ""),
            themes=list(data.get("themes") or []),
        )

    def decision(self) -> NetworkDecision | None:
        if not self.network_fields:
            return None
        data = self.cleaned_data
        return NetworkDecision(
            kind=data["kind"], parent=data.get("parent"), member_status=data["member_status"]
        )

    def seen_version(self) -> int | None:
        """The version of the organization the person opened (None: a form without one)."""
        seen = self.cleaned_data.get("version")
        return int(seen) if seen is not None else None


LOGO_MAX_BYTES = 1024 * 1024
LOGO_TYPES = {"PNG": "image/png", "JPEG": "image/jpeg"}


class OrganizationLogoForm(forms.Form):
    """The logo printed on the covers of the organization's reports: PNG or JPEG, up to 1 Mo."""

    logo = forms.ImageField(
        label=_("Logo"),
        required=False,
        help_text=_("PNG ou JPEG, 1 Mo au plus ; imprimé sur la page couverture des rapports."),
    )
    remove = forms.BooleanField(label=_("Retirer le logo actuel"), required=False)

    def clean_logo(self) -> Any:
        logo = self.cleaned_data.get("logo")
        if not logo:
            return logo
        if logo.size > LOGO_MAX_BYTES:
            raise forms.ValidationError(
                _("Le logo pèse %(size)s ko ; 1 024 ko au plus, s'il vous plaît.")
                % {"size": logo.size // 1024}
            )
        image = getattr(logo, "image", None)
        if image is None or image.format not in LOGO_TYPES:
            raise forms.ValidationError(_("Le logo doit être une image PNG ou JPEG."))
        return logo

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not cleaned.get("logo") and not cleaned.get("remove"):
            raise forms.ValidationError(_("Choisissez une image, ou cochez « Retirer le logo »."))
        return cleaned


class SituationForm(forms.Form):
    """The état de situation des démarches: five short answers."""

    structure = forms.CharField(
        label=_("Structure"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        help_text=_("Qui porte la démarche : organisme, comité, personnes en poste."),
    )
    coordination = forms.ChoiceField(
        label=_("Coordination régionale"), choices=Coordination.choices, widget=forms.RadioSelect
    )
    funding = forms.CharField(
        label=_("Financement"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        help_text=_("Sources, montants, échéances."),
    )
    issues = forms.CharField(
        label=_("Principaux enjeux"), widget=forms.Textarea(attrs={"rows": 4}), max_length=4000
    )
    support_needs = forms.CharField(
        label=_("Besoins de soutien"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        required=False,
        help_text=_("Ce que le réseau pourrait faire pour vous."),
    )

    def facts(self) -> SituationFacts:
        data = self.cleaned_data
        return SituationFacts(
            structure=data["structure"],
            coordination=data["coordination"],
            funding=data["funding"],
            issues=data["issues"],
            support_needs=data.get("support_needs") or "",
        )

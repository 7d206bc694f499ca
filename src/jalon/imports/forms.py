"""Forms of the import pages: the upload, and one small form per review change."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _

from jalon.importers import FORMATS
from jalon.network.models import Organization

from .enums import PlaceAs

FORMAT_CHOICES = [
    ("", _("Reconnaître d'après le fichier")),
    ("text", _("Texte")),
    ("pdf", "PDF"),
    ("docx", _("Word (DOCX)")),
    ("xlsx", _("Excel (XLSX)")),
    ("csv", "CSV"),
    ("json", _("JSON jalon-plan/1")),
]
assert {value for value, _label in FORMAT_CHOICES if value} == {*FORMATS, "json"}


def size_label(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} Mo".replace(".", ",").replace(",0 Mo", " Mo")
    if n >= 1024:
        return f"{n / 1024:.0f} Ko"
    return f"{n} o"


class UploadForm(forms.Form):
    organization = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organization.objects.none(),
        help_text=_("Le plan importé appartiendra à cette organisation."),
    )
    file = forms.FileField(
        label=_("Fichier du plan"),
        required=False,
        help_text=_("Texte, PDF, Word (DOCX), Excel (XLSX), CSV ou JSON jalon-plan/1."),
        widget=forms.ClearableFileInput(
            attrs={"accept": ".txt,.text,.md,.pdf,.docx,.xlsx,.xlsm,.csv,.tsv,.json"}
        ),
    )
    text = forms.CharField(
        label=_("… ou collez le texte du plan"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        strip=False,
    )
    format = forms.ChoiceField(label=_("Format"), choices=FORMAT_CHOICES, required=False)

    def __init__(self, *args: Any, organizations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organization"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = organizations
        if organizations.count() == 1:
            self.fields["organization"].initial = organizations.first()
        limit = size_label(settings.MAX_UPLOAD_BYTES)
        self.fields["file"].help_text = _(
            "Texte, PDF, Word (DOCX), Excel (XLSX), CSV ou JSON jalon-plan/1 ; %(limit)s au plus."
        ) % {"limit": limit}

    def clean_file(self) -> Any:
        upload = self.cleaned_data.get("file")
        if upload is not None and upload.size > settings.MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _(
                    "Le fichier « %(name)s » pèse %(size)s, plus que la limite de %(limit)s : "
                    "enregistrez-le sans images ou collez son texte."
                )
                % {
                    "name": upload.name,
                    "size": size_label(upload.size),
                    "limit": size_label(settings.MAX_UPLOAD_BYTES),
                }
            )
        return upload

    def clean_text(self) -> str:
        text: str = self.cleaned_data.get("text") or ""
        if len(text.encode("utf-8")) > settings.MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("Le texte collé dépasse la limite de %(limit)s.")
                % {"limit": size_label(settings.MAX_UPLOAD_BYTES)}
            )
        return text if text.strip() else ""

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        if data.get("file") and data.get("text"):
            raise forms.ValidationError(
                _("Choisissez un fichier ou collez du texte, pas les deux.")
            )
        if not data.get("file") and not data.get("text"):
            raise forms.ValidationError(_("Choisissez le fichier du plan ou collez son texte."))
        return data


class EditForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class ItemForm(EditForm):
    path = forms.CharField(widget=forms.HiddenInput, max_length=40)


class RenameForm(ItemForm):
    code = forms.CharField(label=_("Code"), required=False, max_length=40)
    title = forms.CharField(
        label=_("Titre"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class MoveForm(ItemForm):
    parent = forms.CharField(label=_("Déplacer sous"), max_length=40)


class SplitForm(ItemForm):
    first_part = forms.CharField(
        label=_("Début du titre à garder"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Effacez la fin du titre : elle devient une nouvelle action juste après."),
    )


class KindForm(ItemForm):
    kind = forms.ChoiceField(
        label=_("Type"),
        choices=[("MO", _("MO (moyen)")), ("R", _("R (résultat)")), ("", _("aucun"))],
        required=False,
    )


class PlaceForm(EditForm):
    index = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    place_as = forms.ChoiceField(label=_("Placer comme"), choices=PlaceAs.choices)
    target = forms.CharField(label=_("Dans"), required=False, max_length=40)


class FrameForm(EditForm):
    title = forms.CharField(label=_("Titre du plan"), max_length=500)
    organization = forms.CharField(
        label=_("Nom de l'organisation (tel qu'écrit)"), max_length=300, required=False
    )
    period_start = forms.DateField(
        label=_("Début de la période"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    period_end = forms.DateField(
        label=_("Fin de la période"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    fiscal_year_start_month = forms.TypedChoiceField(
        label=_("Premier mois de l'année financière"),
        choices=[("", "—")] + [(str(m), MONTHS[m]) for m in range(1, 13)],
        coerce=int,
        empty_value=None,
        required=False,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            raise forms.ValidationError(_("La fin de la période précède son début."))
        return data

"""The form of the tokens page."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .enums import TokenScope


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Nom du jeton"),
        max_length=100,
        help_text=_("L'outil qui s'en servira : « Site web », « Infolettre »…"),
    )
    scope = forms.ChoiceField(
        label=_("Portée"),
        choices=TokenScope.choices,
        initial=TokenScope.READ,
        widget=forms.RadioSelect,
    )

"""Forms of the account pages: sign-in, profile, invitations, roles."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, UsernameField
from django.utils.translation import gettext_lazy as _

from .enums import Role
from .models import User
from .queries import user_with_email


class LoginForm(AuthenticationForm):
    """Sign in with the user name or the e-mail address of the account."""

    username = UsernameField(
        label=_("Nom d'utilisateur ou courriel"),
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )
    password = forms.CharField(
        label=_("Mot de passe"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    error_messages = {
        "invalid_login": _(
            "Le nom d'utilisateur (ou le courriel) et le mot de passe ne correspondent pas. "
            "Les majuscules comptent dans le mot de passe."
        ),
        "inactive": _("Ce compte est désactivé."),
    }

    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username") or ""
        if "@" in username:
            user = user_with_email(username)
            if user is not None:
                self.cleaned_data["username"] = user.get_username()
        return super().clean()


class ProfileForm(forms.Form):
    first_name = forms.CharField(label=_("Prénom"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Nom"), max_length=150, required=False)
    email = forms.EmailField(
        label=_("Courriel"),
        required=False,
        help_text=_("Sert à réinitialiser votre mot de passe et à recevoir les invitations."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    language = forms.ChoiceField(label=_("Langue de l'interface"), choices=settings.LANGUAGES)


ROLE_HELP = _(
    "Administrateur : gère les personnes et l'organisation. Éditeur : modifie les plans. "
    "Contributeur : met à jour les actions qu'il porte. Lecteur : consulte."
)


class InvitationForm(forms.Form):
    email = forms.EmailField(
        label=_("Courriel de la personne invitée"),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    role = forms.ChoiceField(
        label=_("Rôle"), choices=Role.choices, initial=Role.READER, help_text=ROLE_HELP
    )
    position = forms.CharField(
        label=_("Poste"),
        max_length=120,
        required=False,
        help_text=_(
            "Tel qu'il est nommé dans les plans, p. ex. « Agent de liaison » ou « Direction »."
        ),
    )


class MembershipForm(forms.Form):
    role = forms.ChoiceField(label=_("Rôle"), choices=Role.choices, help_text=ROLE_HELP)
    position = forms.CharField(
        label=_("Poste"),
        max_length=120,
        required=False,
        help_text=_(
            "Tel qu'il est nommé dans les plans, p. ex. « Agent de liaison » ou « Direction »."
        ),
    )


class NewAccountForm(forms.Form):
    """The account a person creates when accepting an invitation."""

    first_name = forms.CharField(
        label=_("Prénom"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label=_("Nom"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    username = UsernameField(
        label=_("Nom d'utilisateur"),
        max_length=150,
        help_text=_("Lettres, chiffres et les caractères @ . + - _ seulement."),
        widget=forms.TextInput(attrs={"autocomplete": "username"}),
    )
    password1 = forms.CharField(
        label=_("Mot de passe"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Mot de passe (encore)"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args: Any, email: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.email = email

    def clean_username(self) -> str:
        username: str = self.cleaned_data["username"]
        User.username_validator(username)
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(
                _("Le nom d'utilisateur « %(username)s » est déjà pris."),
                params={"username": username},
            )
        return username

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        password1 = cleaned.get("password1")
        password2 = cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("Les deux mots de passe ne sont pas identiques."))
        elif password1:
            candidate = User(
                username=cleaned.get("username", ""),
                email=self.email,
                first_name=cleaned.get("first_name", ""),
                last_name=cleaned.get("last_name", ""),
            )
            try:
                password_validation.validate_password(password1, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned

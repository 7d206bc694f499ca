"""Account pages: sign-in, password reset, profile, the people of an organization, invitations."""

from __future__ import annotations

from typing import Any

from axes.utils import reset as reset_login_failures
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from jalon.core.clientip import client_ip
from jalon.core.moments import moment_text
from jalon.core.ratelimit import allow
from jalon.network.queries import get_organization_to_administer

from . import services
from .enums import Role
from .forms import InvitationForm, LoginForm, MembershipForm, NewAccountForm, ProfileForm
from .language import apply_language
from .models import User
from .queries import (
    get_invitation_to_administer,
    get_membership_to_administer,
    invitation_by_token,
    pending_invitations_of,
    people_of,
    profile_memberships,
    self_granted_memberships,
    user_with_email,
)

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def dashboard(request: HttpRequest) -> HttpResponse:
    """The home page. Signed in: the person's organizations and shortcuts; otherwise what Jalon
    is, and sign in (on a demo site, with the demo accounts' password: demo's context processor)."""
    context: dict[str, object] = {}
    if request.user.is_authenticated:
        memberships = profile_memberships(request.user)
        context = {
            "memberships": memberships,
            "administers": request.user.is_superuser
            or any(m.role == Role.ADMIN for m in memberships),
        }
    return render(request, "accounts/dashboard.html", context)


def _add_errors(form: Form, error: ValidationError) -> None:
    for message in error.messages:
        form.add_error(None, message)


def _too_many(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/too_many_attempts.html", status=429)


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        # The lockout counts failures per account and address; this caps one address guessing
        # many accounts.
        address = client_ip(request) or "?"
        if not allow("login", address, limit=settings.LOGIN_ATTEMPTS_PER_ADDRESS, seconds=900):
            return _too_many(request)
        return super().post(request, *args, **kwargs)


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form: Any) -> HttpResponse:
        address = client_ip(self.request) or "?"
        if not allow(
            "reset-address", address, limit=settings.PASSWORD_RESETS_PER_ADDRESS, seconds=3600
        ):
            return _too_many(self.request)
        email = form.cleaned_data["email"]
        if not allow(
            "reset-account", email, limit=settings.PASSWORD_RESETS_PER_ACCOUNT, seconds=3600
        ):
            # Same answer as a sent e-mail: the page must not tell whether the address has an
            # account, and the mailbox is not flooded.
            return redirect(self.get_success_url())
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        # A new password ends a lockout caused by failed attempts on the old one.
        reset_login_failures(username=form.user.get_username())
        return response


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:profile")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        messages.success(self.request, _("Votre mot de passe a été changé."))
        return response


def switch_language(request: HttpRequest) -> HttpResponse:
    """Django's language switch; a signed-in person's choice is also saved in their profile."""
    response = set_language(request)
    language = request.POST.get("language", "")
    if request.method == "POST" and request.user.is_authenticated:
        assert isinstance(request.user, User)
        services.set_language_preference(user=request.user, language=language)
    return response


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    if request.method == "POST":
        form = ProfileForm(request.POST)
        if form.is_valid():
            try:
                services.update_profile(user=user, **form.cleaned_data)
            except ValidationError as error:
                _add_errors(form, error)
            else:
                apply_language(request, user.language)
                messages.success(request, _("Votre profil est enregistré."))
                return redirect("accounts:profile")
    else:
        form = ProfileForm(
            initial={
                "first_name": user.first_name,
                "last_name": user.last_name,
                "email": user.email or "",
                "language": user.language,
            }
        )
    return render(
        request,
        "accounts/profile.html",
        {"form": form, "memberships": profile_memberships(user)},
    )


@login_required
def organization_people(request: HttpRequest, slug: str) -> HttpResponse:
    """The people of an organization and its pending invitations; the invitation form."""
    organization = get_organization_to_administer(request.user, slug)
    user = request.user
    assert isinstance(user, User)
    if request.method == "POST":
        form = InvitationForm(request.POST)
        if form.is_valid():
            try:
                invitation = services.invite_member(
                    organization=organization,
                    email=form.cleaned_data["email"],
                    role=form.cleaned_data["role"],
                    position=form.cleaned_data["position"],
                    invited_by=user,
                    site_url=request.build_absolute_uri("/"),
                )
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Invitation envoyée à %(email)s. Le lien est valide %(days)s jours.")
                    % {"email": invitation.email, "days": settings.INVITATION_DAYS},
                )
                return redirect("accounts:people", slug=organization.slug)
    else:
        form = InvitationForm()
    return render(
        request,
        "accounts/people.html",
        {
            "organization": organization,
            "memberships": people_of(organization),
            "invitations": list(pending_invitations_of(organization)),
            "self_granted": [
                (record, moment_text(record.history_date))
                for record in self_granted_memberships(organization)
            ],
            "form": form,
            "INVITATION_DAYS": settings.INVITATION_DAYS,
        },
    )


@login_required
def membership_edit(request: HttpRequest, pk: int) -> HttpResponse:
    membership = get_membership_to_administer(request.user, pk)
    user = request.user
    assert isinstance(user, User)
    if request.method == "POST":
        form = MembershipForm(request.POST)
        if form.is_valid():
            try:
                services.set_role(
                    membership=membership,
                    role=form.cleaned_data["role"],
                    position=form.cleaned_data["position"],
                    by=user,
                )
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(
                    request, _("Le rôle de %(name)s est enregistré.") % {"name": membership.user}
                )
                return redirect("accounts:people", slug=membership.organization.slug)
    else:
        form = MembershipForm(initial={"role": membership.role, "position": membership.position})
    return render(
        request, "accounts/membership_edit.html", {"membership": membership, "form": form}
    )


@login_required
@require_POST
def membership_remove(request: HttpRequest, pk: int) -> HttpResponse:
    membership = get_membership_to_administer(request.user, pk)
    user = request.user
    assert isinstance(user, User)
    try:
        services.remove_membership(membership=membership, by=user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("%(name)s ne fait plus partie de %(organization)s.")
            % {"name": membership.user, "organization": membership.organization.name},
        )
    return redirect("accounts:people", slug=membership.organization.slug)


@login_required
@require_POST
def invitation_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    invitation = get_invitation_to_administer(request.user, pk)
    user = request.user
    assert isinstance(user, User)
    try:
        services.revoke_invitation(invitation=invitation, by=user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request, _("L'invitation de %(email)s est annulée.") % {"email": invitation.email}
        )
    return redirect("accounts:people", slug=invitation.organization.slug)


def invitation(request: HttpRequest, token: str) -> HttpResponse:
    """Where the link of an invitation e-mail leads.

    Signed in: one button adds the membership. Anonymous: a form creates the account, unless
    the address already has one (then: sign in first). An unknown, expired or used link says so.
    """
    found = invitation_by_token(token)
    if found is None:
        return render(
            request, "accounts/invitation_invalid.html", {"reason": "unknown"}, status=404
        )
    if found.accepted_at is not None:
        return render(
            request,
            "accounts/invitation_invalid.html",
            {"reason": "used", "invitation": found},
            status=410,
        )
    if found.is_expired:
        return render(
            request,
            "accounts/invitation_invalid.html",
            {"reason": "expired", "invitation": found},
            status=410,
        )
    context: dict[str, Any] = {"invitation": found}
    if request.user.is_authenticated:
        user = request.user
        assert isinstance(user, User)
        if (user.email or "").casefold() != found.email.casefold():
            context["other_account"] = True
            return render(request, "accounts/invitation_accept.html", context, status=403)
        if request.method == "POST":
            try:
                services.accept_invitation(invitation=found, user=user)
            except ValidationError as error:
                for message in error.messages:
                    messages.error(request, message)
                return redirect("accounts:invitation", token=token)
            messages.success(
                request,
                _("Vous faites maintenant partie de %(organization)s.")
                % {"organization": found.organization.name},
            )
            return redirect("home")
        return render(request, "accounts/invitation_accept.html", context)

    if user_with_email(found.email) is not None:
        context["login_url"] = (
            reverse("accounts:login") + "?next=" + reverse("accounts:invitation", args=[token])
        )
        return render(request, "accounts/invitation_accept.html", context)

    language = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    if request.method == "POST":
        form = NewAccountForm(request.POST, email=found.email)
        if form.is_valid():
            try:
                membership = services.accept_invitation(
                    invitation=found,
                    username=form.cleaned_data["username"],
                    password=form.cleaned_data["password1"],
                    first_name=form.cleaned_data["first_name"],
                    last_name=form.cleaned_data["last_name"],
                    language=language,
                )
            except ValidationError as error:
                _add_errors(form, error)
            else:
                login(request, membership.user, backend=MODEL_BACKEND)
                messages.success(
                    request,
                    _(
                        "Bienvenue ! Votre compte est créé et vous faites partie de %(organization)s."
                    )
                    % {"organization": found.organization.name},
                )
                return redirect("home")
    else:
        form = NewAccountForm(email=found.email, initial={"username": found.email.split("@")[0]})
    context["form"] = form
    return render(request, "accounts/invitation_accept.html", context)

"""Writes about accounts: creating them, inviting people, giving roles, the profile.

Every function is keyword-only and atomic; a refusal raises `ValidationError` with a message
written for the person who asked (the views show it as is) and leaves nothing half-written.
Membership changes are kept in the memberships' history (django-simple-history).
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from jalon.core.history import stamp

from .enums import Role
from .models import Invitation, Membership, User
from .queries import SELF_GRANT_REASON, forget_memberships, user_with_email

if TYPE_CHECKING:  # network imports accounts: the model is named for mypy only
    from jalon.network.models import Organization

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


def _check_role(role: str) -> Role:
    try:
        return Role(role)
    except ValueError:
        raise ValidationError(_("Le rôle « %(role)s » n'existe pas.") % {"role": role}) from None


@transaction.atomic
def create_account(
    *,
    username: str,
    email: str,
    password: str,
    first_name: str = "",
    last_name: str = "",
    language: str = "fr-ca",
) -> User:
    """A new user who can sign in; the e-mail address must not belong to another account."""
    email = email.strip().lower()
    if email and user_with_email(email) is not None:
        raise ValidationError(
            _("L'adresse %(email)s est déjà celle d'un autre compte.") % {"email": email}
        )
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError(
            _("Le nom d'utilisateur « %(username)s » est déjà pris.") % {"username": username}
        )
    if language not in LANGUAGE_CODES:
        language = settings.LANGUAGE_CODE
    return User.objects.create_user(
        username,
        email or None,
        password,
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        language=language,
    )


@transaction.atomic
def add_member(
    *,
    organization: Organization,
    user: User,
    role: str,
    position: str = "",
    by: User | None = None,
    reason: str = "",
) -> Membership:
    """Gives the user a role in the organization; an existing membership takes the new role and position."""
    checked = _check_role(role)
    membership = (
        Membership.objects.select_for_update().filter(user=user, organization=organization).first()
    )
    if membership is None:
        membership = Membership(user=user, organization=organization)
    membership.role = checked
    membership.position = position.strip()
    stamp(membership, by=by, reason=reason)
    membership.save()
    forget_memberships(user)
    return membership


def _invitation_link(invitation: Invitation, site_url: str | None) -> str:
    base = (site_url or settings.SITE_URL).rstrip("/")
    return base + reverse("accounts:invitation", kwargs={"token": invitation.token})


@transaction.atomic
def invite_member(
    *,
    organization: Organization,
    email: str,
    role: str,
    position: str = "",
    invited_by: User,
    site_url: str | None = None,
) -> Invitation:
    """Invites someone by e-mail to join the organization with a role.

    A pending invitation for the same address and organization is replaced (its link stops
    working) so that only the newest link is valid. The e-mail is sent before the transaction
    ends: if sending fails, no invitation is left behind.
    """
    email = email.strip().lower()
    checked = _check_role(role)
    if Membership.objects.filter(organization=organization, user__email__iexact=email).exists():
        raise ValidationError(
            _("%(email)s fait déjà partie de %(organization)s.")
            % {"email": email, "organization": organization.name}
        )
    Invitation.objects.filter(
        organization=organization, email__iexact=email, accepted_at__isnull=True
    ).delete()
    invitation = Invitation.objects.create(
        email=email,
        organization=organization,
        role=checked,
        position=position.strip(),
        invited_by=invited_by,
        expires_at=timezone.now() + timedelta(days=settings.INVITATION_DAYS),
    )
    context = {
        "invitation": invitation,
        "organization": organization,
        "role": checked.label,
        "inviter": invited_by,
        "link": _invitation_link(invitation, site_url),
        "days": settings.INVITATION_DAYS,
    }
    subject = render_to_string("accounts/email/invitation_subject.txt", context).strip()
    body = render_to_string("accounts/email/invitation.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [email])
    return invitation


@transaction.atomic
def accept_invitation(
    *,
    invitation: Invitation,
    user: User | None = None,
    username: str = "",
    password: str = "",
    first_name: str = "",
    last_name: str = "",
    language: str = "fr-ca",
) -> Membership:
    """Uses the invitation: adds the membership to `user`, or creates the account first.

    The invitation is locked while it is used, so two clicks on the same link give one
    membership and a clear refusal for the second.
    """
    locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if locked.accepted_at is not None:
        raise ValidationError(_("Cette invitation a déjà été utilisée."))
    if locked.is_expired:
        raise ValidationError(_("Cette invitation a expiré."))
    if user is not None and (user.email or "").casefold() != locked.email.casefold():
        # The link was sent to one address: whoever else opens it (a forwarded e-mail, a shared
        # computer) must not gain the role with their own account.
        raise ValidationError(
            _(
                "Cette invitation a été envoyée à %(email)s : elle ne peut être acceptée qu'avec "
                "le compte de cette adresse."
            )
            % {"email": locked.email}
        )
    if user is None:
        user = create_account(
            username=username,
            email=locked.email,
            password=password,
            first_name=first_name,
            last_name=last_name,
            language=language,
        )
    # An administrator of the parent network who invited themself gains the member's drafts:
    # that is recorded on the membership and told to the organization's own administrators.
    self_granted = locked.invited_by_id is not None and locked.invited_by_id == user.pk
    membership = add_member(
        organization=locked.organization,
        user=user,
        role=locked.role,
        position=locked.position,
        by=locked.invited_by,
        reason=SELF_GRANT_REASON if self_granted else "",
    )
    if self_granted:
        _tell_administrators_of_self_grant(membership)
    locked.accepted_at = timezone.now()
    locked.accepted_by = user
    locked.save(update_fields=["accepted_at", "accepted_by"])
    invitation.accepted_at = locked.accepted_at
    invitation.accepted_by = user
    return membership


def _tell_administrators_of_self_grant(membership: Membership) -> None:
    """E-mail the organization's administrators that a network administrator joined by themself."""
    organization = membership.organization
    admins = Membership.objects.filter(
        organization=organization, role=Role.ADMIN, user__is_active=True
    ).exclude(user=membership.user)
    for admin in admins.select_related("user"):
        if not admin.user.email:
            continue
        with translation.override(admin.user.language or settings.LANGUAGE_CODE):
            subject = _("[Jalon] %(name)s s'est donné accès à %(organization)s") % {
                "name": membership.user,
                "organization": organization.name,
            }
            body = _(
                "%(name)s, administrateur du réseau, s'est donné le rôle « %(role)s » dans "
                "%(organization)s : cette personne voit maintenant vos plans, brouillons "
                "compris. Si ce n'était pas convenu, retirez-la de la page Personnes :\n%(url)s\n"
            ) % {
                "name": membership.user,
                "role": Role(membership.role).label,
                "organization": organization.name,
                "url": settings.SITE_URL
                + reverse("accounts:people", kwargs={"slug": organization.slug}),
            }
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [admin.user.email])


@transaction.atomic
def revoke_invitation(*, invitation: Invitation, by: User) -> None:
    """Cancels a pending invitation: its link then answers that it is not valid."""
    if invitation.accepted_at is not None:
        raise ValidationError(
            _("Cette invitation a déjà été acceptée ; elle ne peut plus être annulée.")
        )
    invitation.delete()


def _administrators_left(organization: Organization, without: Membership) -> int:
    return (
        Membership.objects.select_for_update()
        .filter(organization=organization, role=Role.ADMIN)
        .exclude(pk=without.pk)
        .count()
    )


@transaction.atomic
def set_role(*, membership: Membership, role: str, position: str, by: User) -> Membership:
    """Changes a member's role and position. The last administrator cannot be demoted."""
    checked = _check_role(role)
    current = Membership.objects.select_for_update().get(pk=membership.pk)
    if (
        current.role == Role.ADMIN
        and checked != Role.ADMIN
        and _administrators_left(current.organization, current) == 0
    ):
        raise ValidationError(
            _(
                "%(name)s est la seule personne qui administre %(organization)s : "
                "nommez d'abord un autre administrateur."
            )
            % {"name": current.user, "organization": current.organization.name}
        )
    current.role = checked
    current.position = position.strip()
    stamp(current, by=by)
    current.save()
    forget_memberships(current.user)
    forget_memberships(by)
    return current


@transaction.atomic
def remove_membership(*, membership: Membership, by: User) -> None:
    """Takes a person out of an organization. The last administrator cannot be removed."""
    current = Membership.objects.select_for_update().get(pk=membership.pk)
    if current.role == Role.ADMIN and _administrators_left(current.organization, current) == 0:
        raise ValidationError(
            _(
                "%(name)s est la seule personne qui administre %(organization)s : "
                "nommez d'abord un autre administrateur."
            )
            % {"name": current.user, "organization": current.organization.name}
        )
    stamp(current, by=by)
    current.delete()
    forget_memberships(current.user)
    forget_memberships(by)


@transaction.atomic
def update_profile(
    *, user: User, first_name: str, last_name: str, email: str, language: str
) -> User:
    """Saves what a person says about themself: name, e-mail address, language."""
    email = email.strip().lower()
    other = user_with_email(email)
    if other is not None and other.pk != user.pk:
        raise ValidationError(
            _("L'adresse %(email)s est déjà celle d'un autre compte.") % {"email": email}
        )
    if language not in LANGUAGE_CODES:
        raise ValidationError(
            _("La langue « %(language)s » n'est pas offerte.") % {"language": language}
        )
    user.first_name = first_name.strip()
    user.last_name = last_name.strip()
    user.email = email or None
    user.language = language
    user.save(update_fields=["first_name", "last_name", "email", "language"])
    return user


@transaction.atomic
def set_language_preference(*, user: User, language: str) -> None:
    """Remembers the language a signed-in person chose with the language switch."""
    if language in LANGUAGE_CODES and user.language != language:
        user.language = language
        user.save(update_fields=["language"])

"""Invitations: sent by an administrator, accepted once, before they expire."""

from __future__ import annotations

import re
from datetime import timedelta
from html import unescape

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from jalon.accounts import services
from jalon.accounts.enums import Role
from jalon.accounts.models import Invitation, Membership, User

from ..factories import PASSWORD, UserFactory


def text(response) -> str:
    """The page as a person reads it (HTML entities decoded)."""
    return unescape(response.content.decode())


NEW_ACCOUNT = {
    "first_name": "Karine",
    "last_name": "Ouellet",
    "username": "kouellet",
    "password1": "Un-mot-de-passe-solide-42",
    "password2": "Un-mot-de-passe-solide-42",
}


def _invite(client, org, **data):
    payload = {
        "email": "karine@exemple.org",
        "role": Role.CONTRIBUTOR,
        "position": "Agent de liaison",
    }
    payload.update(data)
    return client.post(f"/comptes/organisations/{org.slug}/personnes/", payload)


def _link(message) -> str:
    match = re.search(r"http://testserver(/comptes/invitation/[^\s]+/)", message.body)
    assert match, message.body
    return match.group(1)


def test_admin_invites_by_email_with_role_position_and_expiry(cast, org_a, login, settings):
    response = _invite(login(cast["admin_a"]), org_a)
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert (invitation.email, invitation.role, invitation.position) == (
        "karine@exemple.org",
        Role.CONTRIBUTOR,
        "Agent de liaison",
    )
    assert invitation.invited_by == cast["admin_a"]
    assert abs(
        invitation.expires_at - (timezone.now() + timedelta(days=settings.INVITATION_DAYS))
    ) < timedelta(minutes=1)
    message = mail.outbox[0]
    assert message.to == ["karine@exemple.org"]
    assert message.subject == "Invitation à rejoindre Consortium A dans Jalon"
    assert "Votre rôle : Contributeur" in message.body
    assert "Votre poste : Agent de liaison" in message.body
    assert f"Le lien est valide {settings.INVITATION_DAYS} jours" in message.body
    assert _link(message) == f"/comptes/invitation/{invitation.token}/"


def test_network_admin_invites_into_a_member_organization(org_a, network, login):
    coordinator = UserFactory()
    services.add_member(organization=network, user=coordinator, role=Role.ADMIN)
    response = _invite(login(coordinator), org_a)
    assert response.status_code == 302
    assert Invitation.objects.get().organization == org_a


def test_accepting_creates_the_account_signs_in_and_adds_the_membership(cast, org_a, client, login):
    _invite(login(cast["admin_a"]), org_a)
    link = _link(mail.outbox[0])
    client.logout()
    page = client.get(link)
    assert page.status_code == 200
    assert "Rejoindre Consortium A" in text(page)
    response = client.post(link, NEW_ACCOUNT)
    assert response.status_code == 302
    user = User.objects.get(username="kouellet")
    assert user.email == "karine@exemple.org"
    membership = Membership.objects.get(user=user)
    assert (membership.organization, membership.role, membership.position) == (
        org_a,
        Role.CONTRIBUTOR,
        "Agent de liaison",
    )
    assert client.get("/").context["user"] == user
    assert Invitation.objects.get().accepted_by == user


def test_accepting_refuses_a_weak_or_mismatched_password_and_creates_nothing(
    cast, org_a, client, login
):
    _invite(login(cast["admin_a"]), org_a)
    link = _link(mail.outbox[0])
    client.logout()
    response = client.post(link, {**NEW_ACCOUNT, "password1": "123", "password2": "123"})
    assert response.status_code == 200
    assert response.context["form"].errors["password1"]
    response = client.post(link, {**NEW_ACCOUNT, "password2": "autre-chose-encore-42"})
    assert response.context["form"].errors["password2"] == [
        "Les deux mots de passe ne sont pas identiques."
    ]
    assert not User.objects.filter(username="kouellet").exists()
    assert Invitation.objects.get().accepted_at is None


def test_accepting_refuses_a_username_already_taken(cast, org_a, client, login):
    _invite(login(cast["admin_a"]), org_a)
    link = _link(mail.outbox[0])
    client.logout()
    response = client.post(link, {**NEW_ACCOUNT, "username": "READER_A"})
    assert response.context["form"].errors["username"] == [
        "Le nom d'utilisateur « READER_A » est déjà pris."
    ]


def test_signed_in_person_accepts_with_one_button(cast, org_a, login):
    invitation = services.invite_member(
        organization=org_a,
        email=cast["member_b"].email,
        role=Role.READER,
        invited_by=cast["admin_a"],
    )
    client = login(cast["member_b"])
    assert "Accepter l'invitation" in text(client.get(f"/comptes/invitation/{invitation.token}/"))
    response = client.post(f"/comptes/invitation/{invitation.token}/")
    assert response.status_code == 302
    assert Membership.objects.get(user=cast["member_b"], organization=org_a).role == Role.READER


def test_an_existing_account_is_asked_to_sign_in_first(cast, org_a, client):
    invitation = services.invite_member(
        organization=org_a,
        email=cast["member_b"].email,
        role=Role.READER,
        invited_by=cast["admin_a"],
    )
    page = text(client.get(f"/comptes/invitation/{invitation.token}/"))
    assert "Un compte existe déjà avec l'adresse member_b@exemple.org" in page
    assert f"/comptes/connexion/?next=/comptes/invitation/{invitation.token}/" in page
    response = client.post(
        f"/comptes/connexion/?next=/comptes/invitation/{invitation.token}/",
        {
            "username": "member_b",
            "password": PASSWORD,
            "next": f"/comptes/invitation/{invitation.token}/",
        },
    )
    assert response["Location"] == f"/comptes/invitation/{invitation.token}/"


def test_a_used_invitation_is_refused_with_a_clear_message(cast, org_a, client):
    invitation = services.invite_member(
        organization=org_a, email="karine@exemple.org", role=Role.READER, invited_by=cast["admin_a"]
    )
    client.post(f"/comptes/invitation/{invitation.token}/", NEW_ACCOUNT)
    client.logout()
    response = client.get(f"/comptes/invitation/{invitation.token}/")
    assert response.status_code == 410
    assert "Cette invitation a déjà été utilisée" in text(response)
    response = client.post(
        f"/comptes/invitation/{invitation.token}/", {**NEW_ACCOUNT, "username": "autre"}
    )
    assert response.status_code == 410
    assert not User.objects.filter(username="autre").exists()


def test_the_service_refuses_a_second_use(cast, org_a):
    invitation = services.invite_member(
        organization=org_a,
        email=cast["member_b"].email,
        role=Role.READER,
        invited_by=cast["admin_a"],
    )
    services.accept_invitation(invitation=invitation, user=cast["member_b"])
    stale = Invitation.objects.get(pk=invitation.pk)
    stale.accepted_at = None  # as another request would still see it
    with pytest.raises(ValidationError, match="déjà été utilisée"):
        services.accept_invitation(invitation=stale, user=cast["reader_a"])
    assert (
        not Membership.objects.filter(user=cast["reader_a"], organization=org_a, role=Role.READER)
        .exclude(pk=cast["reader_a"].memberships.get().pk)
        .exists()
    )


def test_an_expired_invitation_is_refused_with_its_date(cast, org_a, client):
    invitation = services.invite_member(
        organization=org_a, email="karine@exemple.org", role=Role.READER, invited_by=cast["admin_a"]
    )
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.make_aware(timezone.datetime(2024, 10, 3, 12, 0))
    )
    response = client.get(f"/comptes/invitation/{invitation.token}/")
    assert response.status_code == 410
    page = text(response)
    assert "Cette invitation a expiré" in page
    assert "valide jusqu'au 3 octobre 2024" in page
    response = client.post(f"/comptes/invitation/{invitation.token}/", NEW_ACCOUNT)
    assert response.status_code == 410
    assert not User.objects.filter(username="kouellet").exists()


def test_an_unknown_link_says_it_is_not_valid(client, db):
    response = client.get("/comptes/invitation/nimporte-quoi/")
    assert response.status_code == 404
    assert "Lien d'invitation non valide" in text(response)


def test_inviting_again_replaces_the_previous_link(cast, org_a):
    first = services.invite_member(
        organization=org_a, email="karine@exemple.org", role=Role.READER, invited_by=cast["admin_a"]
    )
    second = services.invite_member(
        organization=org_a, email="Karine@exemple.org", role=Role.EDITOR, invited_by=cast["admin_a"]
    )
    assert list(Invitation.objects.values_list("pk", flat=True)) == [second.pk]
    assert first.token != second.token


def test_inviting_a_current_member_is_refused(cast, org_a, login):
    response = _invite(login(cast["admin_a"]), org_a, email="reader_a@exemple.org")
    assert response.status_code == 200
    assert "reader_a@exemple.org fait déjà partie de Consortium A." in text(response)
    assert not Invitation.objects.exists()
    assert mail.outbox == []


def test_a_failed_email_leaves_no_invitation(cast, org_a, monkeypatch):
    def broken(*args, **kwargs):
        raise OSError("serveur de courriel injoignable")

    monkeypatch.setattr("jalon.accounts.services.send_mail", broken)
    with pytest.raises(OSError):
        services.invite_member(
            organization=org_a,
            email="karine@exemple.org",
            role=Role.READER,
            invited_by=cast["admin_a"],
        )
    assert not Invitation.objects.exists()


def test_admin_cancels_a_pending_invitation(cast, org_a, login, client):
    invitation = services.invite_member(
        organization=org_a, email="karine@exemple.org", role=Role.READER, invited_by=cast["admin_a"]
    )
    response = login(cast["admin_a"]).post(f"/comptes/invitations/{invitation.pk}/annuler/")
    assert response.status_code == 302
    assert not Invitation.objects.exists()
    client.logout()
    assert client.get(f"/comptes/invitation/{invitation.token}/").status_code == 404


def test_people_page_lists_members_and_pending_invitations(cast, org_a, login):
    services.invite_member(
        organization=org_a, email="karine@exemple.org", role=Role.READER, invited_by=cast["admin_a"]
    )
    page = text(login(cast["admin_a"]).get(f"/comptes/organisations/{org_a.slug}/personnes/"))
    assert "4 personnes" in page
    assert "karine@exemple.org" in page
    assert "Agent de liaison" in page


def test_an_invitation_opened_by_another_signed_in_account_is_refused(cast, org_a, login):
    invitation = services.invite_member(
        organization=org_a, email="karine@exemple.org", role=Role.EDITOR, invited_by=cast["admin_a"]
    )
    client = login(cast["member_b"])
    page = client.get(f"/comptes/invitation/{invitation.token}/")
    assert page.status_code == 403
    assert "Cette invitation a été envoyée à karine@exemple.org" in text(page)
    assert "Accepter l'invitation" not in text(page)
    response = client.post(f"/comptes/invitation/{invitation.token}/")
    assert response.status_code == 403
    assert not Membership.objects.filter(user=cast["member_b"], organization=org_a).exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_the_service_refuses_an_account_of_another_address(cast, org_a):
    invitation = services.invite_member(
        organization=org_a, email="karine@exemple.org", role=Role.EDITOR, invited_by=cast["admin_a"]
    )
    with pytest.raises(ValidationError, match=r"karine@exemple\.org"):
        services.accept_invitation(invitation=invitation, user=cast["member_b"])
    assert not Membership.objects.filter(user=cast["member_b"], organization=org_a).exists()


def test_a_network_admin_who_joins_a_member_by_themself_is_recorded_and_shown(
    cast, org_a, network, login, client
):
    coordinator = UserFactory(email="coordination@reseau.example")
    services.add_member(organization=network, user=coordinator, role=Role.ADMIN)
    coordinator_client = login(coordinator)
    _invite(coordinator_client, org_a, email=coordinator.email, role=Role.READER, position="")
    link = _link(mail.outbox[0])
    mail.outbox.clear()
    assert coordinator_client.post(link).status_code == 302
    membership = Membership.objects.get(user=coordinator, organization=org_a)
    record = membership.history.get()
    assert record.history_user == coordinator
    assert record.history_change_reason == "Accès que s'est donné un administrateur du réseau"
    assert [m.to for m in mail.outbox] == [[cast["admin_a"].email]]
    assert f"{coordinator} s'est donné accès à Consortium A" in mail.outbox[0].subject
    page = text(login(cast["admin_a"]).get(f"/comptes/organisations/{org_a.slug}/personnes/"))
    assert "Accès que des administrateurs du réseau se sont donnés" in page
    assert f"{coordinator} s'est donné le rôle « Lecteur » le " in page


def test_an_invitation_accepted_by_the_invited_person_is_not_a_self_grant(cast, org_a, login):
    _invite(login(cast["admin_a"]), org_a)
    invitation = Invitation.objects.get()
    user = UserFactory(email="karine@exemple.org")
    mail.outbox.clear()
    services.accept_invitation(invitation=invitation, user=user)
    assert Membership.objects.get(user=user).history.get().history_change_reason in ("", None)
    assert mail.outbox == []

"""Every page of the accounts and network apps, tried by each member of the cast.

The expected answer of each page for each person is written out in one table, so that a change
of rule shows up here as a change of this table. "login" means: sent to the sign-in page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.utils import timezone

from jalon.accounts.enums import Role
from jalon.accounts.models import Invitation, Membership

from ..conftest import CAST
from ..factories import MembershipFactory, UserFactory

LOGIN = "login"
PUBLIC = dict.fromkeys(CAST, 200)


def only(allowed: dict[str, int | str], others: int = 403) -> dict[str, int | str]:
    answers: dict[str, int | str] = dict.fromkeys(CAST, others)
    answers["anonymous"] = LOGIN
    answers.update(allowed)
    return answers


@dataclass(frozen=True)
class Page:
    name: str
    method: str
    url: str  # formatted with the objects of the `world` fixture
    answers: dict[str, int | str]


SIGNED_IN = only({name: 200 for name in CAST if name != "anonymous"})

PAGES = [
    # accounts
    Page("login", "get", "/comptes/connexion/", {**dict.fromkeys(CAST, 302), "anonymous": 200}),
    Page("logout", "post", "/comptes/deconnexion/", dict.fromkeys(CAST, 302)),
    Page("password reset", "get", "/comptes/mot-de-passe/oublie/", PUBLIC),
    Page("password reset sent", "get", "/comptes/mot-de-passe/oublie/envoye/", PUBLIC),
    Page("password reset link", "get", "/comptes/mot-de-passe/nouveau/MQ/mauvais-jeton/", PUBLIC),
    Page("password reset done", "get", "/comptes/mot-de-passe/nouveau/termine/", PUBLIC),
    Page("password change", "get", "/comptes/mot-de-passe/changer/", SIGNED_IN),
    Page("profile", "get", "/comptes/profil/", SIGNED_IN),
    Page(
        "people of A",
        "get",
        "/comptes/organisations/{org_a.slug}/personnes/",
        only({"admin_a": 200}),
    ),
    Page("people of B", "get", "/comptes/organisations/{org_b.slug}/personnes/", only({})),
    Page(
        "people of unknown",
        "get",
        "/comptes/organisations/inconnue/personnes/",
        only({}, others=404),
    ),
    Page("role edit", "get", "/comptes/appartenances/{extra.pk}/", only({"admin_a": 200})),
    Page("role save", "post", "/comptes/appartenances/{extra.pk}/", only({"admin_a": 302})),
    Page(
        "role remove", "post", "/comptes/appartenances/{extra.pk}/retirer/", only({"admin_a": 302})
    ),
    Page(
        "invitation cancel",
        "post",
        "/comptes/invitations/{pending.pk}/annuler/",
        only({"admin_a": 302}),
    ),
    # The invitation was sent to an address none of the cast has: only a visitor may use it
    # (to create the account); a signed-in account of another address is refused.
    Page(
        "invitation link",
        "get",
        "/comptes/invitation/{pending.token}/",
        {**dict.fromkeys(CAST, 403), "anonymous": 200},
    ),
    Page(
        "invitation link unknown", "get", "/comptes/invitation/inconnu/", dict.fromkeys(CAST, 404)
    ),
    Page("language switch", "post", "/i18n/setlang/", dict.fromkeys(CAST, 302)),
    # network
    Page("directory", "get", "/reseau/", PUBLIC),
    Page(
        "directory filtered",
        "get",
        "/reseau/?region=04-mauricie&kind=regional&status=member",
        PUBLIC,
    ),
    Page("regions", "get", "/reseau/regions/", PUBLIC),
    Page("region", "get", "/reseau/regions/04-mauricie/", PUBLIC),
    Page("region unknown", "get", "/reseau/regions/99-nulle-part/", dict.fromkeys(CAST, 404)),
    Page("organization", "get", "/reseau/organisations/{org_a.slug}/", PUBLIC),
    Page("network", "get", "/reseau/organisations/{network.slug}/", PUBLIC),
    Page(
        "organization unknown", "get", "/reseau/organisations/inconnue/", dict.fromkeys(CAST, 404)
    ),
    Page(
        "organization edit",
        "get",
        "/reseau/organisations/{org_a.slug}/modifier/",
        only({"admin_a": 200}),
    ),
    Page("organization edit B", "get", "/reseau/organisations/{org_b.slug}/modifier/", only({})),
    Page("manage", "get", "/reseau/gestion/", only({"admin_a": 200})),
    Page(
        "organization create",
        "get",
        "/reseau/gestion/nouvelle-organisation/",
        only({"admin_a": 200}),
    ),
    # core
    Page("home", "get", "/", PUBLIC),
]


pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def world(module_db, module_cast):
    """The cast and the objects the pages name, built once for the module's 188 cases."""
    with module_db():
        org_a = module_cast["org_a"]
        extra = MembershipFactory(organization=org_a, user=UserFactory(), role=Role.READER)
        pending = Invitation.objects.create(
            email="invitee@exemple.org",
            organization=org_a,
            role=Role.CONTRIBUTOR,
            expires_at=timezone.now() + timedelta(days=3),
        )
    return {**module_cast, "extra": extra, "pending": pending}


@pytest.fixture
def cast(world):
    return world["cast"]


@pytest.mark.parametrize("who", CAST)
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_page_answers_each_cast_member_as_written(page, who, world, cast, login):
    client = login(cast[who])
    url = page.url.format(**world)
    data = {"role": Role.EDITOR, "position": "Direction", "language": "en", "next": "/"}
    response = getattr(client, page.method)(url, data) if page.method == "post" else client.get(url)
    expected = page.answers[who]
    if expected == LOGIN:
        assert response.status_code == 302
        assert response["Location"].startswith("/comptes/connexion/?next=")
    else:
        assert response.status_code == expected, response.content[:300]


def test_refused_writes_change_nothing(cast, world, login):
    client = login(cast["editor_a"])
    client.post(f"/comptes/appartenances/{world['extra'].pk}/retirer/")
    client.post(
        f"/comptes/appartenances/{world['extra'].pk}/", {"role": Role.ADMIN, "position": ""}
    )
    client.post(f"/comptes/invitations/{world['pending'].pk}/annuler/")
    world["extra"].refresh_from_db()
    assert world["extra"].role == Role.READER
    assert Membership.objects.filter(pk=world["extra"].pk).exists()
    assert Invitation.objects.filter(pk=world["pending"].pk).exists()

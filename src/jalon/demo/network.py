"""Demo step 1: the national network, its regional and local members, a funder, and people in each role."""

from __future__ import annotations

from .build import DEMO_PASSWORD, NETWORK_SLUG, DemoAccount

ACCOUNTS: list[DemoAccount] = [
    DemoAccount("coordination", DEMO_PASSWORD, "administratrice du réseau national"),
]


def wipe() -> None:
    from jalon.accounts.models import User
    from jalon.network.models import Organization

    User.objects.filter(username__in=[a.username for a in ACCOUNTS]).delete()
    Organization.objects.filter(slug=NETWORK_SLUG).delete()


def build() -> None:
    from jalon.accounts.enums import Role
    from jalon.accounts.models import Membership, User
    from jalon.network.enums import MemberStatus, OrganizationKind
    from jalon.network.models import Organization

    national = Organization.objects.create(
        name="Réseau québécois de développement social (démo)",
        acronym="RQDS-D",
        slug=NETWORK_SLUG,
        kind=OrganizationKind.NATIONAL,
        member_status=MemberStatus.NON_MEMBER,
    )
    user = User.objects.create_user(
        "coordination",
        "coordination@demo.jalon.test",
        DEMO_PASSWORD,
        first_name="Josée",
        last_name="Tremblay",
    )
    Membership.objects.create(
        user=user, organization=national, role=Role.ADMIN, position="Coordination"
    )

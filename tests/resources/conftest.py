"""The library's world: the cast (tests/conftest.py), a member of another region of the same
network (`member_c`, Montréal), someone of another network (`outsider`), and one resource of
organization A per visibility."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from jalon.accounts.enums import Role
from jalon.network.enums import OrganizationKind
from jalon.resources.enums import ResourceKind, Visibility
from jalon.resources.services import share_resource
from tests.factories import (
    MembershipFactory,
    OrganizationFactory,
    ThemeFactory,
    UserFactory,
    region,
)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36"


def pdf(name: str = "guide.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


@pytest.fixture
def world(cast: dict[str, Any], org_a: Any, network: Any, settings: Any, tmp_path: Any) -> Any:
    settings.MEDIA_ROOT = tmp_path
    org_c = OrganizationFactory(name="Table C", acronym="TC-C", parent=network, region=region("06"))
    member_c = UserFactory(username="member_c")
    MembershipFactory(user=member_c, organization=org_c, role=Role.EDITOR)
    other = OrganizationFactory(name="Autre réseau", acronym="AR", kind=OrganizationKind.NATIONAL)
    outsider = UserFactory(username="outsider")
    MembershipFactory(user=outsider, organization=other, role=Role.ADMIN)
    food = ThemeFactory(name="Sécurité alimentaire", slug="securite-alimentaire")
    resources = {
        visibility: share_resource(
            by=cast["editor_a"],
            title=f"Guide {visibility}",
            kind=ResourceKind.GUIDE,
            organization=org_a,
            published_on=dt.date(2024, 3, 1),
            themes=[food],
            file=pdf(),
            visibility=visibility,
        )
        for visibility in Visibility.values
    }
    people = {**cast, "member_c": member_c, "outsider": outsider}
    return {"people": people, "resources": resources, "food": food, "org_a": org_a}

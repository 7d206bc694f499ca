"""Published reports and share links, tried by the whole cast: who sees a bilan before and after
an editor publishes it, and what a share link opens for someone without an account."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from jalon.accounts.enums import Role
from jalon.network.enums import MemberStatus, OrganizationKind
from jalon.reports import services
from jalon.reports.models import GeneratedReport, ReportShareLink

from ..factories import MembershipFactory, OrganizationFactory, UserFactory
from .plan_builder import build_plan

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _person(org, role, username):
    user = UserFactory(username=username)
    MembershipFactory(user=user, organization=org, role=role)
    return user


@pytest.fixture
def people(network, org_a):
    """The network's own plan is what its members and its funder follow."""
    funder = OrganizationFactory(
        name="Fondation test",
        acronym="FT",
        kind=OrganizationKind.PARTNER,
        member_status=MemberStatus.NON_MEMBER,
        parent=network,
    )
    elsewhere = OrganizationFactory(name="Autre réseau", acronym="AR", parent=None)
    return {
        "editor": _person(network, Role.EDITOR, "editor"),
        "contributor": _person(network, Role.CONTRIBUTOR, "contributor"),
        "board": _person(network, Role.READER, "board"),
        "member": _person(org_a, Role.EDITOR, "member"),
        "funder": _person(funder, Role.READER, "funder"),
        "outsider": _person(elsewhere, Role.ADMIN, "outsider"),
        "anonymous": None,
    }


@pytest.fixture
def bilan(network, people):
    plan = build_plan(network, actions=6)
    report = GeneratedReport.objects.create(
        plan=plan, kind="annual", format="pdf", options={"year": 1}, created_by=people["editor"]
    )
    return services.generate_report(report_id=report.pk)


def _download(login, who, report):
    return login(who).get(reverse("reports:download", args=[report.pk]))


ORGANIZATION = ["editor", "contributor", "board"]
NETWORK_AND_FUNDER = ["member", "funder"]
NOBODY_ELSE = ["outsider"]


@pytest.mark.parametrize("who", ORGANIZATION + NETWORK_AND_FUNDER + NOBODY_ELSE)
def test_an_unpublished_bilan_stays_with_the_organization(people, login, bilan, who):
    response = _download(login, people[who], bilan)
    assert response.status_code == (200 if who in ORGANIZATION else 404)


@pytest.mark.parametrize("who", ORGANIZATION + NETWORK_AND_FUNDER + NOBODY_ELSE)
def test_a_published_bilan_reaches_the_network_and_the_funder(people, login, bilan, who):
    services.publish_report(report=bilan, by=people["editor"])
    response = _download(login, people[who], bilan)
    assert response.status_code == (404 if who in NOBODY_ELSE else 200)
    if response.status_code == 200:
        assert b"".join(response.streaming_content).startswith(b"%PDF")


@pytest.mark.parametrize("who", NETWORK_AND_FUNDER)
def test_the_reports_page_lists_published_bilans_to_the_network(people, login, bilan, who):
    page = login(people[who]).get(reverse("reports:plan", args=[bilan.plan_id]))
    assert reverse("reports:download", args=[bilan.pk]) not in page.content.decode()
    services.publish_report(report=bilan, by=people["editor"])
    page = login(people[who]).get(reverse("reports:plan", args=[bilan.plan_id]))
    html = page.content.decode()
    assert reverse("reports:download", args=[bilan.pk]) in html
    assert f"Publié le {timezone.localdate().day}" in html
    assert "Publier cette version" not in html and "Créer un lien de partage" not in html


def test_anonymous_visitors_are_sent_to_sign_in(people, login, bilan):
    services.publish_report(report=bilan, by=people["editor"])
    response = _download(login, None, bilan)
    assert response.status_code == 302 and "next=" in response["Location"]


def test_an_editor_publishes_through_the_page_and_the_date_is_kept(people, login, bilan):
    client = login(people["editor"])
    page = client.get(reverse("reports:plan", args=[bilan.plan_id])).content.decode()
    assert "Publier cette version" in page
    response = client.post(reverse("reports:publish", args=[bilan.pk]))
    assert response.status_code == 302
    bilan.refresh_from_db()
    assert bilan.published_at is not None and bilan.published_by == people["editor"]
    first = bilan.published_at
    client.post(reverse("reports:publish", args=[bilan.pk]))  # publishing again changes nothing
    bilan.refresh_from_db()
    assert bilan.published_at == first
    client.post(reverse("reports:publish", args=[bilan.pk]), {"withdraw": "1"})
    bilan.refresh_from_db()
    assert bilan.published_at is None


@pytest.mark.parametrize("who", ["contributor", "board", "member", "funder", "outsider"])
def test_only_editors_publish(people, login, bilan, who):
    response = login(people[who]).post(reverse("reports:publish", args=[bilan.pk]))
    assert response.status_code == 404
    bilan.refresh_from_db()
    assert bilan.published_at is None
    with pytest.raises(PermissionDenied):
        services.publish_report(report=bilan, by=people[who])


def test_a_failed_report_cannot_be_published(people, network):
    plan = build_plan(network, actions=2)
    failed = GeneratedReport.objects.create(
        plan=plan, kind="annual", format="pdf", options={"year": 9}, created_by=people["editor"]
    )
    failed = services.generate_report(report_id=failed.pk)
    assert failed.status == "failed"
    with pytest.raises(ValidationError, match="Seul un document terminé"):
        services.publish_report(report=failed, by=people["editor"])


def test_a_share_link_opens_the_published_file_until_it_expires(people, login, bilan, client):
    today = timezone.localdate()
    with pytest.raises(ValidationError, match="Publiez le document"):
        services.create_share_link(
            report=bilan, expires_on=today + dt.timedelta(days=30), by=people["editor"]
        )
    services.publish_report(report=bilan, by=people["editor"])
    login(people["editor"]).post(
        reverse("reports:share", args=[bilan.pk]),
        {"expires_on": (today + dt.timedelta(days=30)).isoformat()},
    )
    link = ReportShareLink.objects.get(report=bilan)
    assert link.expires_on == today + dt.timedelta(days=30) and len(link.token) >= 40
    client.logout()
    holder = client.get(reverse("reports:shared", args=[link.token]))
    assert holder.status_code == 200
    assert b"".join(holder.streaming_content).startswith(b"%PDF")
    assert holder["Content-Disposition"].startswith("attachment;")
    assert client.get(reverse("reports:shared", args=[link.token + "x"])).status_code == 404

    ReportShareLink.objects.filter(pk=link.pk).update(expires_on=today - dt.timedelta(days=1))
    assert client.get(reverse("reports:shared", args=[link.token])).status_code == 404


def test_a_revoked_link_or_a_withdrawn_report_opens_nothing(people, login, bilan, client):
    services.publish_report(report=bilan, by=people["editor"])
    today = timezone.localdate()
    kept = services.create_share_link(
        report=bilan, expires_on=today + dt.timedelta(days=10), by=people["editor"]
    )
    revoked = services.create_share_link(
        report=bilan, expires_on=today + dt.timedelta(days=10), by=people["editor"]
    )
    login(people["editor"]).post(reverse("reports:share", args=[bilan.pk]), {"revoke": revoked.pk})
    client.logout()
    assert client.get(reverse("reports:shared", args=[revoked.token])).status_code == 404
    assert client.get(reverse("reports:shared", args=[kept.token])).status_code == 200
    services.withdraw_report(report=bilan, by=people["editor"])
    assert client.get(reverse("reports:shared", args=[kept.token])).status_code == 404


@pytest.mark.parametrize("days", [-1, 367])
def test_a_share_link_lasts_from_today_to_a_year_at_most(people, bilan, days):
    services.publish_report(report=bilan, by=people["editor"])
    with pytest.raises(ValidationError):
        services.create_share_link(
            report=bilan,
            expires_on=timezone.localdate() + dt.timedelta(days=days),
            by=people["editor"],
        )


@pytest.mark.parametrize("who", ["contributor", "board", "member", "funder"])
def test_only_editors_create_share_links(people, login, bilan, who):
    services.publish_report(report=bilan, by=people["editor"])
    response = login(people[who]).post(
        reverse("reports:share", args=[bilan.pk]),
        {"expires_on": (timezone.localdate() + dt.timedelta(days=5)).isoformat()},
    )
    assert response.status_code == 404
    assert not ReportShareLink.objects.exists()

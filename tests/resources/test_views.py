"""Every page of the library tried by the whole cast, the download's access check and count."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from jalon.resources.enums import Visibility
from jalon.resources.models import DownloadDay, Resource
from tests.factories import ActionFactory, PlanFactory

from .conftest import BROWSER

pytestmark = pytest.mark.django_db

# Who sees which resource of organization A.
SEES = {
    "admin_a": {"public", "members", "organization"},
    "editor_a": {"public", "members", "organization"},
    "contributor_a": {"public", "members", "organization"},
    "reader_a": {"public", "members", "organization"},
    "member_b": {"public", "members"},
    "member_c": {"public", "members"},
    "outsider": {"public"},
    "anonymous": {"public"},
}


@pytest.mark.parametrize("who", list(SEES))
def test_library_lists_what_each_person_may_see(world: Any, login: Any, who: str) -> None:
    client = login(world["people"][who])
    response = client.get(reverse("resources:library"))
    assert response.status_code == 200
    shown = {r.visibility for r in response.context["resources"]}
    assert shown == SEES[who]


@pytest.mark.parametrize("who", list(SEES))
@pytest.mark.parametrize("visibility", Visibility.values)
def test_detail_page_opens_only_for_those_who_may_see(
    world: Any, login: Any, who: str, visibility: str
) -> None:
    resource = world["resources"][visibility]
    response = login(world["people"][who]).get(resource.get_absolute_url())
    if visibility in SEES[who]:
        assert response.status_code == 200
    else:  # signed out: asked to sign in; signed in without access: not there
        assert response.status_code == (302 if who == "anonymous" else 404)


@pytest.mark.parametrize("who", list(SEES))
@pytest.mark.parametrize("visibility", Visibility.values)
def test_download_is_refused_without_access_and_the_count_stays(
    world: Any, login: Any, who: str, visibility: str
) -> None:
    resource = world["resources"][visibility]
    url = reverse("resources:download", args=[resource.pk])
    response = login(world["people"][who]).get(url, headers={"user-agent": BROWSER})
    resource.refresh_from_db()
    if visibility in SEES[who]:
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment")
        assert resource.downloads == 1
        assert DownloadDay.objects.get(resource=resource).count == 1
    else:
        assert response.status_code == (302 if who == "anonymous" else 404)
        assert resource.downloads == 0
        assert not DownloadDay.objects.filter(resource=resource).exists()


def test_second_click_within_30_seconds_is_not_counted(world: Any, login: Any) -> None:
    resource = world["resources"]["public"]
    client = login(world["people"]["reader_a"])
    url = reverse("resources:download", args=[resource.pk])
    client.get(url, headers={"user-agent": BROWSER})
    client.get(url, headers={"user-agent": BROWSER})
    resource.refresh_from_db()
    assert resource.downloads == 1


def test_robot_downloads_are_not_counted(world: Any, login: Any) -> None:
    resource = world["resources"]["public"]
    client = login(None)
    url = reverse("resources:download", args=[resource.pk])
    response = client.get(
        url, headers={"user-agent": "Googlebot/2.1 (+http://www.google.com/bot.html)"}
    )
    assert response.status_code == 200
    client.get(url, headers={"user-agent": "python-requests/2.31"})
    resource.refresh_from_db()
    assert resource.downloads == 0


def test_anonymous_browsers_are_told_apart_by_address(world: Any, client: Any) -> None:
    resource = world["resources"]["public"]
    url = reverse("resources:download", args=[resource.pk])
    client.get(url, headers={"user-agent": BROWSER}, REMOTE_ADDR="10.0.0.1")
    client.get(url, headers={"user-agent": BROWSER}, REMOTE_ADDR="10.0.0.1")
    client.get(url, headers={"user-agent": BROWSER}, REMOTE_ADDR="10.0.0.2")
    resource.refresh_from_db()
    assert resource.downloads == 2


SHARERS = {"admin_a", "editor_a", "contributor_a", "member_b", "member_c", "outsider"}


@pytest.mark.parametrize("who", list(SEES))
def test_share_page_is_for_contributors_and_up(world: Any, login: Any, who: str) -> None:
    response = login(world["people"][who]).get(reverse("resources:share"))
    if who == "anonymous":
        assert response.status_code == 302
    else:
        assert response.status_code == (200 if who in SHARERS else 404)


def test_sharing_a_resource_records_it_with_its_author(world: Any, login: Any) -> None:
    client = login(world["people"]["contributor_a"])
    response = client.post(
        reverse("resources:share"),
        {
            "title": "Gabarit de bilan",
            "kind": "template",
            "organization": world["org_a"].pk,
            "themes": [world["food"].pk],
            "language": "fr",
            "published_on": "2025-05-02",
            "link": "https://exemple.org/gabarit",
            "visibility": "members",
        },
    )
    resource = Resource.objects.get(title="Gabarit de bilan")
    assert response.status_code == 302
    assert response["Location"] == resource.get_absolute_url()
    assert resource.history.get().history_user == world["people"]["contributor_a"]


def test_sharing_without_file_nor_link_says_so(world: Any, login: Any) -> None:
    client = login(world["people"]["editor_a"])
    response = client.post(
        reverse("resources:share"),
        {
            "title": "Sans contenu",
            "kind": "guide",
            "organization": world["org_a"].pk,
            "language": "fr",
            "published_on": "2025-05-02",
            "visibility": "public",
        },
    )
    assert response.status_code == 400
    assert "Joignez un fichier ou donnez un lien." in response.content.decode()
    assert not Resource.objects.filter(title="Sans contenu").exists()


EDITORS = {"admin_a", "editor_a"}


@pytest.mark.parametrize("who", list(SEES))
def test_edit_page_is_for_the_author_organizations_editors(
    world: Any, login: Any, who: str
) -> None:
    resource = world["resources"]["public"]
    response = login(world["people"][who]).get(reverse("resources:edit", args=[resource.pk]))
    if who == "anonymous":
        assert response.status_code == 302
    else:
        assert response.status_code == (200 if who in EDITORS else 404)


def test_editing_at_an_old_version_changes_nothing(world: Any, login: Any) -> None:
    resource = world["resources"]["public"]
    client = login(world["people"]["editor_a"])
    data = {
        "title": "Nouveau titre",
        "kind": "guide",
        "organization": world["org_a"].pk,
        "language": "fr",
        "published_on": "2024-03-01",
        "visibility": "public",
        "version": resource.version - 1,
    }
    response = client.post(reverse("resources:edit", args=[resource.pk]), data)
    assert response.status_code == 400
    resource.refresh_from_db()
    assert resource.title == "Guide public"
    data["version"] = resource.version
    response = client.post(reverse("resources:edit", args=[resource.pk]), data)
    assert response.status_code == 302
    resource.refresh_from_db()
    assert (resource.title, resource.version) == ("Nouveau titre", 2)


# Who reads organization A's draft plan (its own members) — the action's tools follow the plan.
READS_PLAN = {"admin_a", "editor_a", "contributor_a", "reader_a"}


@pytest.mark.parametrize("who", list(SEES))
def test_action_tools_follow_the_plan_and_the_resources_visibility(
    world: Any, login: Any, who: str
) -> None:
    plan = PlanFactory(organization=world["org_a"])
    action = ActionFactory(objective__orientation__plan=plan)
    for resource in world["resources"].values():
        Resource.objects.filter(pk=resource.pk).update(produced_by=action)
    url = reverse("resources:for_action", args=[plan.pk, action.pk])
    response = login(world["people"][who]).get(url)
    if who not in READS_PLAN:
        assert response.status_code == 404
        return
    assert response.status_code == 200
    assert {r.visibility for r in response.context["resources"]} == SEES[who]
    detail = login(world["people"][who]).get(world["resources"]["organization"].get_absolute_url())
    assert action.get_absolute_url() in detail.content.decode()


def test_action_page_loads_its_tools(world: Any, login: Any) -> None:
    plan = PlanFactory(organization=world["org_a"])
    action = ActionFactory(objective__orientation__plan=plan)
    page = login(world["people"]["reader_a"]).get(action.get_absolute_url())
    assert reverse("resources:for_action", args=[plan.pk, action.pk]) in page.content.decode()


def test_a_resource_that_does_not_exist_is_404_for_everyone(world: Any, login: Any) -> None:
    assert login(None).get(reverse("resources:detail", args=[999999])).status_code == 404
    assert login(None).get(reverse("resources:download", args=[999999])).status_code == 404

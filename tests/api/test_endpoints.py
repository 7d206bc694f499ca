"""The read endpoints: each person sees through the API exactly what the pages show them."""

from __future__ import annotations

import pytest

from jalon.tracking.services import (
    log_activity,
    log_contact,
    record_indicator_value,
    update_action_status,
)
from tests.factories import IndicatorFactory
from tests.tracking.conftest import make_actions, make_plan

pytestmark = pytest.mark.django_db

# Who reads A's plans (adopted or draft) and their contacts log: A's members only. The
# network's adopted plan is read by every member of the network (B's editor too).
READS_INSIDE_A = {"admin_a", "editor_a", "contributor_a", "reader_a"}


def ids(response):
    return sorted(row["id"] for row in response.json()["results"])


@pytest.mark.parametrize("who", ["admin_a", "editor_a", "contributor_a", "reader_a", "member_b"])
def test_plans_list_shows_what_the_plans_page_shows(api, cast, plan, draft_plan, network_plan, who):
    response = api(cast[who]).get("plans/")
    assert response.status_code == 200
    expected = [network_plan.pk] + ([plan.pk, draft_plan.pk] if who in READS_INSIDE_A else [])
    assert ids(response) == sorted(expected)


def test_anonymous_is_asked_to_sign_in_as_a_problem(api, plan):
    response = api(None).get("plans/")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response["WWW-Authenticate"] == "Bearer"
    body = response.json()
    assert body["status"] == 401
    assert body["title"] == "Authentification requise"
    assert body["type"] == "about:blank"


def test_problem_details_speak_english_when_asked(api, client, plan):
    response = api(None, **{"Accept-Language": "en-CA,en;q=0.9"}).get("plans/")
    assert response.json()["title"] == "Authentication required"
    assert response["Content-Language"] == "en"
    anonymous = api(None)  # signing out empties the client's cookies: set the cookie after
    client.cookies["jalon_language"] = "en"
    assert anonymous.get("plans/").json()["title"] == "Authentication required"


def test_the_language_cookie_wins_over_accept_language(api, client, plan):
    anonymous = api(None, **{"Accept-Language": "en"})
    client.cookies["jalon_language"] = "fr-ca"
    response = anonymous.get("plans/")
    assert response.json()["title"] == "Authentification requise"


@pytest.mark.parametrize("who", ["admin_a", "editor_a", "contributor_a", "reader_a", "member_b"])
def test_plan_detail_answers_404_to_those_who_do_not_read_it(
    api, cast, draft_plan, network_plan, who
):
    assert api(cast[who]).get(f"plans/{network_plan.pk}/").json()["title"] == "Plan du réseau"
    response = api(cast[who]).get(f"plans/{draft_plan.pk}/")
    if who in READS_INSIDE_A:
        assert response.status_code == 200
        assert response.json()["title"] == "Plan en préparation"
    else:
        assert response.status_code == 404
        assert response.json()["detail"] == (
            "Cette ressource n'existe pas ou vous n'y avez pas accès."
        )


def test_plan_detail_nests_the_tree_with_structured_targets(api, cast, plan, carried):
    body = api(cast["reader_a"]).get(f"plans/{plan.pk}/").json()
    [orientation] = body["orientations"]
    [objective] = orientation["objectives"]
    [action] = objective["actions"]
    assert action["id"] == carried.pk
    assert action["actors"] == [{"name": "Agent de liaison", "kind": "role"}]
    [indicator] = action["indicators"]
    assert indicator["text"] == "8 rencontres annuelles"
    assert indicator["target"]["form"] == "count"
    assert indicator["target"]["value"] == 8
    assert indicator["target_label"] == "8 rencontres par année"


@pytest.mark.parametrize(
    "path", ["orientations/", "objectives/", "actions/", "indicators/", "status-updates/"]
)
@pytest.mark.parametrize("who", ["admin_a", "editor_a", "contributor_a", "reader_a", "member_b"])
def test_flat_lists_keep_to_the_plans_one_reads(
    api, cast, plan, carried, draft_plan, network_plan, path, who
):
    update_action_status(
        action=carried, user=cast["editor_a"], status="in_progress", on_date=plan.period_start
    )
    draft_action = draft_plan.actions.get()
    update_action_status(
        action=draft_action,
        user=cast["editor_a"],
        status="in_progress",
        on_date=draft_plan.period_start,
    )
    network_action = network_plan.actions.get()
    update_action_status(
        action=network_action, user=None, status="in_progress", on_date=plan.period_start
    )
    IndicatorFactory(action=draft_action, plan=draft_plan)
    IndicatorFactory(action=network_action, plan=network_plan)
    rows = api(cast[who]).get(path).json()["results"]
    plans = {row["plan"] for row in rows}
    inside = {plan.pk, draft_plan.pk} if who in READS_INSIDE_A else set()
    assert plans == {network_plan.pk, *inside}


@pytest.mark.parametrize("who", ["admin_a", "editor_a", "contributor_a", "reader_a", "member_b"])
def test_contacts_stay_inside_the_organization(api, cast, contact, who):
    rows = api(cast[who]).get("contacts/").json()["results"]
    assert [r["id"] for r in rows] == ([contact.pk] if who in READS_INSIDE_A else [])
    detail = api(cast[who]).get(f"contacts/{contact.pk}/")
    assert detail.status_code == (200 if who in READS_INSIDE_A else 404)


def test_contact_shows_who_made_it_by_name(api, cast, contact):
    body = api(cast["reader_a"]).get(f"contacts/{contact.pk}/").json()
    assert body["subject"] == "Arrimage des calendriers"
    assert body["made_by_name"] == cast["editor_a"].get_full_name()
    assert "made_by" not in body


def test_the_directory_is_public_as_its_page_is(api, org_a, org_b):
    response = api(None).get("organizations/?parent=" + str(org_a.parent_id))
    assert response.status_code == 200
    assert [r["name"] for r in response.json()["results"]] == ["Consortium A", "Table B"]
    assert api(None).get("regions/").status_code == 200


def test_filters_narrow_a_list(api, cast, plan, carried, other_action):
    update_action_status(
        action=carried, user=cast["editor_a"], status="in_progress", on_date=plan.period_start
    )
    reader = api(cast["reader_a"])
    assert ids(reader.get("actions/?status=in_progress")) == [carried.pk]
    assert ids(reader.get(f"actions/?plan={plan.pk}")) == sorted([carried.pk, other_action.pk])
    bad = reader.get("actions/?status=nope")
    assert bad.status_code == 400
    assert bad["Content-Type"] == "application/problem+json"
    assert "status" in bad.json()["errors"]


def test_cursor_pagination_walks_every_row_once(api, cast, plan):
    actions = make_actions(plan, 7)
    reader = api(cast["reader_a"])
    seen = []
    url = "actions/?page_size=3"
    pages = 0
    while url:
        body = reader.get(url).json()
        seen += [row["id"] for row in body["results"]]
        pages += 1
        url = (body["next"] or "").replace("http://testserver/api/v1/", "")
    assert pages == 3
    assert seen == sorted(a.pk for a in actions)


def test_etag_answers_304_until_the_rows_change(api, cast, plan, carried):
    reader = api(cast["reader_a"])
    first = reader.get(f"actions/{carried.pk}/")
    etag = first["ETag"]
    again = reader.get(f"actions/{carried.pk}/", **{"If-None-Match": etag})
    assert again.status_code == 304
    assert again["ETag"] == etag
    assert again.content == b""
    update_action_status(
        action=carried, user=cast["editor_a"], status="completed", on_date=plan.period_start
    )
    changed = reader.get(f"actions/{carried.pk}/", **{"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed.json()["status"] == "completed"
    assert changed["ETag"] != etag


def test_activities_list_their_links(api, cast, plan, carried):
    activity = log_activity(
        plan=plan,
        user=cast["contributor_a"],
        kind="newsletter",
        date=plan.period_start,
        title="Infolettre de juillet",
        participants=412,
        actions=[carried],
    )
    assert api(cast["member_b"]).get("activities/").json()["results"] == []
    [row] = api(cast["reader_a"]).get("activities/").json()["results"]
    assert row["id"] == activity.pk
    assert row["participants"] == 412
    assert row["actions"] == [carried.pk]


# --- Bounded queries: the same count for 1 and 20 rows ---------------------------------------

LIST_QUERIES = {
    # session + user + memberships, then the page and its prefetches
    "plans/": 4,
    "orientations/": 4,
    "objectives/": 4,
    "actions/": 7,
    "indicators/": 4,
    "indicator-values/": 4,
    "status-updates/": 4,
    "activities/": 7,
    "contacts/": 4,
    "organizations/": 4,  # no session needed: the page and its themes
}


def _fill(plan, cast, count):
    """`count` actions, each with a status, an indicator and its value, an activity, a contact."""
    actions = make_actions(plan, count)
    for action in actions:
        update_action_status(
            action=action, user=cast["editor_a"], status="in_progress", on_date=plan.period_start
        )
        indicator = IndicatorFactory(action=action, plan=plan)
        record_indicator_value(indicator=indicator, user=cast["editor_a"], plan_year=1, value=3)
        log_activity(
            plan=plan,
            user=cast["editor_a"],
            kind="meeting",
            date=plan.period_start,
            title="Rencontre",
            organizations=[plan.organization],
            actions=[action],
            indicators=[indicator],
        )
        log_contact(
            plan=plan,
            user=cast["editor_a"],
            date=plan.period_start,
            channel="phone",
            subject="Suivi",
            organization=plan.organization,
            made_by=cast["editor_a"],
        )
    return actions


@pytest.mark.parametrize("path", sorted(LIST_QUERIES))
@pytest.mark.parametrize("count", [1, 20])
def test_list_queries_are_bounded(api, cast, org_a, today, path, count, django_assert_num_queries):
    for _ in range(count if path == "plans/" else 1):
        plan = make_plan(org_a, today)
    _fill(plan, cast, count)
    reader = api(cast["reader_a"])
    with django_assert_num_queries(LIST_QUERIES[path]):
        response = reader.get(path)
    assert response.status_code == 200
    rows = len(response.json()["results"])
    if path in {"orientations/", "objectives/"}:
        assert rows == 1  # one orientation and one objective carry the actions
    elif path == "organizations/":
        assert rows == 3  # the network, A and B
    else:
        assert rows == count


@pytest.mark.parametrize("count", [1, 20])
def test_plan_detail_queries_are_bounded(api, cast, plan, count, django_assert_num_queries):
    _fill(plan, cast, count)
    reader = api(cast["reader_a"])
    # session, user, plan, memberships, the tree's seven queries
    with django_assert_num_queries(11):
        response = reader.get(f"plans/{plan.pk}/")
    assert response.status_code == 200


@pytest.mark.parametrize("who", ["admin_a", "editor_a", "contributor_a", "reader_a", "member_b"])
def test_the_plan_comes_as_jalon_plan_1_to_those_who_read_it(api, cast, plan, carried, who):
    response = api(cast[who]).get(f"plans/{plan.pk}/jalon-plan/")
    if who not in READS_INSIDE_A:
        assert response.status_code == 404
        return
    document = response.json()
    assert document["format"] == "jalon-plan/1"
    assert document["title"] == plan.title
    [orientation] = document["orientations"]
    [action] = orientation["objectives"][0]["actions"]
    assert action["title"] == carried.title
    assert action["indicators"][0]["text"] == "8 rencontres annuelles"


def test_an_unknown_address_is_a_problem_too(api, cast):
    response = api(cast["reader_a"]).get("nothing-here/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert "/api/v1/schema/" in response.json()["detail"]

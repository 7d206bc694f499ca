"""The writes integrations need, for every member of the cast and every token scope.

Each goes through the service the pages use, with the acting person; a refused write (no right,
read-only token, stale or missing If-Match, bad input) leaves the database exactly as it was.
"""

from __future__ import annotations

import pytest
from django.test import Client

from jalon.api.enums import TokenScope
from jalon.api.services import create_token
from jalon.plans.models import Action
from jalon.tracking.models import Activity, IndicatorValue, StatusUpdate

from .conftest import Api

pytestmark = pytest.mark.django_db

# Who may change the carried action (the contributor carries it by position) and log activities.
WRITERS = {"admin_a", "editor_a", "contributor_a"}
CAST = ["admin_a", "editor_a", "contributor_a", "reader_a", "member_b", "anonymous"]
# The answer to everyone else: a reader is refused, a stranger does not see the plan at all.
REFUSAL = {"reader_a": 403, "member_b": 404, "anonymous": 401}


def db_state():
    """Everything the writes could change, with the history records."""
    return (
        list(StatusUpdate.objects.values_list("id", "status")),
        list(IndicatorValue.objects.values_list("id", "value", "version")),
        list(Activity.objects.values_list("id", "title")),
        list(Action.objects.values_list("id", "status", "version")),
        Action.history.count(),
        IndicatorValue.history.count(),
        Activity.history.count(),
    )


def caller(kind, who, cast, client, login):
    """The cast member through a session, or through a token of the given scope."""
    user = cast[who]
    if kind == "session" or user is None:
        return Api(login(user))
    client.logout()
    scope = TokenScope.WRITE if kind == "write-token" else TokenScope.READ
    return Api(client, token=create_token(user=user, name="Intégration", scope=scope).key)


def status_write(api, plan, carried, indicator, version=None):
    version = carried.version if version is None else version
    body = {"status": "in_progress", "on_date": str(plan.period_start), "note": "Lancée"}
    return api.post(f"actions/{carried.pk}/status/", body, **{"If-Match": f'"{version}"'})


def value_write(api, plan, carried, indicator, version=0):
    body = {"plan_year": 1, "value": "412", "source": "Mailchimp", "note": "taux d'ouverture"}
    return api.post(f"indicators/{indicator.pk}/values/", body, **{"If-Match": f'"{version}"'})


def activity_write(api, plan, carried, indicator, version=None):
    body = {
        "plan": plan.pk,
        "kind": "newsletter",
        "date": str(plan.period_start),
        "title": "Infolettre de juillet",
        "participants": 412,
        "actions": [carried.pk],
        "indicators": [indicator.pk],
    }
    return api.post("activities/", body)


WRITES = {"status": status_write, "value": value_write, "activity": activity_write}


@pytest.mark.parametrize("write", sorted(WRITES))
@pytest.mark.parametrize("kind", ["session", "read-token", "write-token"])
@pytest.mark.parametrize("who", CAST)
def test_writes_follow_the_pages_rules(
    client, login, cast, plan, carried, indicator, write, kind, who
):
    api = caller(kind, who, cast, client, login)
    before = db_state()
    response = WRITES[write](api, plan, carried, indicator)
    if who in WRITERS and kind != "read-token":
        assert response.status_code in {200, 201}, response.content
        assert db_state() != before
    else:
        # A read-only token is refused before anything is looked up (no plan is revealed).
        expected = 403 if kind == "read-token" and who != "anonymous" else REFUSAL[who]
        assert response.status_code == expected, response.content
        assert response["Content-Type"] == "application/problem+json"
        assert db_state() == before


def test_a_status_update_records_its_author_and_bumps_the_version(
    client, login, cast, plan, carried, indicator
):
    api = Api(login(cast["contributor_a"]))
    response = status_write(api, plan, carried, indicator)
    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "in_progress"
    assert body["author_name"] == cast["contributor_a"].get_full_name()
    carried.refresh_from_db()
    assert carried.status == "in_progress"
    assert body["action_version"] == carried.version == 2
    assert carried.history.latest().history_user == cast["contributor_a"]


def test_a_value_from_a_newsletter_tool_is_recorded_with_its_source(
    client, cast, plan, carried, indicator
):
    key = create_token(user=cast["contributor_a"], name="Mailchimp", scope=TokenScope.WRITE).key
    response = value_write(Api(client, token=key), plan, carried, indicator)
    assert response.status_code == 200
    entry = IndicatorValue.objects.get()
    assert (entry.plan_year, str(entry.value), entry.source, entry.note) == (
        1,
        "412.00",
        "Mailchimp",
        "taux d'ouverture",
    )
    assert entry.entered_by == cast["contributor_a"]
    assert response.json()["version"] == entry.version == 1


def test_an_activity_is_logged_with_its_links(client, login, cast, plan, carried, indicator):
    response = activity_write(Api(login(cast["editor_a"])), plan, carried, indicator)
    assert response.status_code == 201
    activity = Activity.objects.get()
    assert response.json()["id"] == activity.pk
    assert list(activity.actions.all()) == [carried]
    assert list(activity.indicators.all()) == [indicator]
    assert activity.created_by == cast["editor_a"]


@pytest.mark.parametrize("write", ["status", "value"])
def test_a_stale_if_match_is_refused_with_412_and_nothing_changes(
    client, login, cast, plan, carried, indicator, write
):
    api = Api(login(cast["editor_a"]))
    assert WRITES[write](api, plan, carried, indicator).status_code in {200, 201}
    carried.refresh_from_db()
    before = db_state()
    stale = 1 if write == "status" else 0  # what the first writer read
    response = WRITES[write](api, plan, carried, indicator, stale)
    assert response.status_code == 412
    body = response.json()
    assert body["title"] == "Version périmée"
    current = 2 if write == "status" else 1  # the version the first write made
    assert f'If-Match: "{current}"' in body["detail"]
    assert body["current_version"] == current
    assert db_state() == before


@pytest.mark.parametrize("path", ["actions/{action}/status/", "indicators/{indicator}/values/"])
def test_a_write_without_if_match_is_refused_with_428(login, cast, plan, carried, indicator, path):
    api = Api(login(cast["editor_a"]))
    before = db_state()
    url = path.format(action=carried.pk, indicator=indicator.pk)
    response = api.post(
        url, {"status": "completed", "on_date": str(plan.period_start), "plan_year": 1}
    )
    assert response.status_code == 428
    assert response.json()["title"] == "En-tête If-Match requis"
    assert db_state() == before


def test_bad_input_answers_400_with_the_fields_and_nothing_changes(
    login, cast, plan, carried, indicator
):
    api = Api(login(cast["editor_a"]))
    before = db_state()
    response = api.post(
        f"actions/{carried.pk}/status/",
        {"status": "fini", "on_date": "hier"},
        **{"If-Match": f'"{carried.version}"'},
    )
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"status", "on_date"}
    assert db_state() == before


def test_an_activity_linking_another_plans_action_is_refused(
    login, cast, plan, carried, indicator, draft_plan
):
    api = Api(login(cast["editor_a"]))
    before = db_state()
    foreign = draft_plan.actions.get()
    response = api.post(
        "activities/",
        {
            "plan": plan.pk,
            "kind": "meeting",
            "date": str(plan.period_start),
            "title": "Rencontre",
            "actions": [foreign.pk],
        },
    )
    assert response.status_code == 400
    assert response.json()["errors"] == {"actions": [f"Pas dans ce plan : {foreign.pk}."]}
    assert db_state() == before


def test_a_session_write_needs_the_csrf_token(cast, plan, carried, indicator):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(cast["editor_a"], backend="django.contrib.auth.backends.ModelBackend")
    before = db_state()
    response = status_write(Api(strict), plan, carried, indicator)
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]
    assert db_state() == before

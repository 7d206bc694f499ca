"""Who may open and use every follow-up page: the cast of tests/conftest.py against each view.

Organization A's plan: its members read it, contributors update the actions they carry and log,
editors and administrators change everything, a member of B sees nothing (404), anonymous
visitors are sent to the login page. A refused write leaves the database exactly as it was
(every row of the follow-up's tables compared, not only the status code); an accepted one
changes it.
"""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from jalon.tracking import services
from jalon.tracking.enums import ActivityKind
from tests.factories import ActionActorFactory

from .conftest import make_actions
from .snapshot import changed_tables, database_state

pytestmark = pytest.mark.django_db

READERS = {"admin_a": 200, "editor_a": 200, "contributor_a": 200, "reader_a": 200, "member_b": 404}
LOGGERS = {"admin_a": 200, "editor_a": 200, "contributor_a": 200, "reader_a": 403, "member_b": 404}
EDITORS = {"admin_a": 200, "editor_a": 200, "contributor_a": 403, "reader_a": 403, "member_b": 404}


@pytest.fixture
def world(settings, tmp_path, cast, plan, carried, other_action, org_b, today):
    settings.MEDIA_ROOT = tmp_path
    editor = cast["editor_a"]
    indicator = carried.indicators.get()
    update = services.update_action_status(
        action=carried,
        user=editor,
        status="in_progress",
        on_date=today,
        files=[SimpleUploadedFile("compte-rendu.txt", b"Rencontre du 3 octobre")],
    )
    activity = services.log_activity(
        plan=plan, user=editor, kind=ActivityKind.MEETING, date=today, title="Rencontre régionale"
    )
    contact = services.log_contact(
        plan=plan, user=editor, date=today, channel="phone", subject="Relance", organization=org_b
    )
    entry = services.add_occurrence(indicator=indicator, user=editor, on_date=today)
    return {
        "pk": plan.pk,
        "action": carried.pk,
        "other": other_action.pk,
        "indicator": indicator.pk,
        "update": update.pk,
        "evidence": update.evidence.get().pk,
        "activity": activity.pk,
        "contact": contact.pk,
        "entry": entry.pk,
        "org_b": org_b.pk,
        "today": today.isoformat(),
    }


GET_CASES = [
    ("tracking:dashboard", ["pk"], READERS),
    ("tracking:progress", ["pk"], READERS),
    ("tracking:indicators", ["pk"], READERS),
    ("tracking:indicator", ["pk", "indicator"], READERS),
    ("tracking:action", ["pk", "action"], READERS),
    ("tracking:activities", ["pk"], READERS),
    ("tracking:activities_csv", ["pk"], READERS),
    ("tracking:evidence", ["pk", "evidence"], READERS),
    ("tracking:contacts", ["pk"], {**READERS}),
    ("tracking:contacts_csv", ["pk"], {**READERS}),
    ("tracking:round", ["pk"], LOGGERS),
    ("tracking:activity", ["pk", "activity"], EDITORS),
    ("tracking:contact", ["pk", "contact"], EDITORS),
]
NAMES = {
    "pk": "pk",
    "action": "action_pk",
    "other": "action_pk",
    "indicator": "indicator_pk",
    "update": "update_pk",
    "evidence": "evidence_pk",
    "activity": "activity_pk",
    "contact": "contact_pk",
    "entry": "value_pk",
}


def _url(name, keys, world):
    return reverse(name, kwargs={NAMES[k]: world[k] for k in keys})


@pytest.mark.parametrize(
    "who", ["admin_a", "editor_a", "contributor_a", "reader_a", "member_b", "anonymous"]
)
@pytest.mark.parametrize(("name", "keys", "expected"), GET_CASES, ids=[c[0] for c in GET_CASES])
def test_get_pages_answer_each_member_of_the_cast(login, cast, world, who, name, keys, expected):
    response = login(cast[who]).get(_url(name, keys, world))
    if who == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
    else:
        assert response.status_code == expected[who]


def _post_data(world):
    today = world["today"]
    return {
        "round_save": {
            f"a{world['action']}-status": "completed",
            f"a{world['action']}-date": today,
            f"a{world['action']}-version": 2,
        },
        "round_save_other": {
            f"a{world['other']}-status": "completed",
            f"a{world['other']}-date": today,
            f"a{world['other']}-version": 1,
        },
        "round_bulk": {
            "actions": [world["action"]],
            f"version-{world['action']}": 2,
            "status": "completed",
            "date": today,
        },
        "action": {"status": "completed", "date": today, "version": 2},
        "follow": {},
        "delete_update": {},
        "add_evidence": {"link": "https://exemple.org/preuve"},
        "indicator_value": {"plan_year": 2, "value": "3", "version": 0},
        "indicator_rule": {"kind": "activity_count", "scope": "action", "version": 0},
        "indicator_occurrence": {"on_date": today},
        "indicator_value_delete": {},
        "activities": {"kind": "meeting", "date": today, "title": "Rencontre"},
        "activity": {"kind": "meeting", "date": today, "title": "Rencontre modifiée", "version": 1},
        "activity_delete": {},
        "contacts": {
            "date": today,
            "organization": world["org_b"],
            "channel": "email",
            "subject": "Suivi",
        },
        "contact": {
            "date": today,
            "organization": world["org_b"],
            "channel": "email",
            "subject": "Suivi",
            "version": 1,
        },
        "contact_delete": {},
        "lock": {"do": "lock", "year": 1},
    }


DONE = {"admin_a": 302, "editor_a": 302}
POST_CASES = [
    (
        "round_save",
        "tracking:round_save",
        ["pk", "action"],
        {**DONE, "contributor_a": 302, "reader_a": 403, "member_b": 404},
    ),
    (
        "round_save_other",
        "tracking:round_save",
        ["pk", "other"],
        {**DONE, "contributor_a": 403, "reader_a": 403, "member_b": 404},
    ),
    (
        "round_bulk",
        "tracking:round_bulk",
        ["pk"],
        {**DONE, "contributor_a": 302, "reader_a": 403, "member_b": 404},
    ),
    (
        "action",
        "tracking:action",
        ["pk", "action"],
        {**DONE, "contributor_a": 302, "reader_a": 403, "member_b": 404},
    ),
    (
        "follow",
        "tracking:follow",
        ["pk", "action"],
        {**DONE, "contributor_a": 302, "reader_a": 302, "member_b": 404},
    ),
    (
        "delete_update",
        "tracking:delete_update",
        ["pk", "update"],
        {**DONE, "contributor_a": 403, "reader_a": 403, "member_b": 404},
    ),
    (
        "add_evidence",
        "tracking:add_evidence",
        ["pk", "update"],
        {**DONE, "contributor_a": 302, "reader_a": 403, "member_b": 404},
    ),
    (
        "indicator_value",
        "tracking:indicator_value",
        ["pk", "indicator"],
        {**DONE, "contributor_a": 302, "reader_a": 403, "member_b": 404},
    ),
    (
        "indicator_rule",
        "tracking:indicator_rule",
        ["pk", "indicator"],
        {**DONE, "contributor_a": 403, "reader_a": 403, "member_b": 404},
    ),
    (
        "indicator_occurrence",
        "tracking:indicator_occurrence",
        ["pk", "indicator"],
        {**DONE, "contributor_a": 302, "reader_a": 403, "member_b": 404},
    ),
    (
        "indicator_value_delete",
        "tracking:indicator_value_delete",
        ["pk", "indicator", "entry"],
        {**DONE, "contributor_a": 302, "reader_a": 403, "member_b": 404},
    ),
    (
        "activities",
        "tracking:activities",
        ["pk"],
        {**DONE, "contributor_a": 302, "reader_a": 403, "member_b": 404},
    ),
    (
        "activity",
        "tracking:activity",
        ["pk", "activity"],
        {**DONE, "contributor_a": 403, "reader_a": 403, "member_b": 404},
    ),
    (
        "activity_delete",
        "tracking:activity_delete",
        ["pk", "activity"],
        {**DONE, "contributor_a": 403, "reader_a": 403, "member_b": 404},
    ),
    (
        "contacts",
        "tracking:contacts",
        ["pk"],
        {**DONE, "contributor_a": 302, "reader_a": 403, "member_b": 404},
    ),
    (
        "contact",
        "tracking:contact",
        ["pk", "contact"],
        {**DONE, "contributor_a": 403, "reader_a": 403, "member_b": 404},
    ),
    (
        "contact_delete",
        "tracking:contact_delete",
        ["pk", "contact"],
        {**DONE, "contributor_a": 403, "reader_a": 403, "member_b": 404},
    ),
    (
        "lock",
        "tracking:lock",
        ["pk"],
        {**DONE, "contributor_a": 403, "reader_a": 403, "member_b": 404},
    ),
]


@pytest.mark.parametrize(
    "who", ["admin_a", "editor_a", "contributor_a", "reader_a", "member_b", "anonymous"]
)
@pytest.mark.parametrize(
    ("case", "name", "keys", "expected"), POST_CASES, ids=[c[0] for c in POST_CASES]
)
def test_post_actions_answer_each_member_of_the_cast(
    login, cast, world, who, case, name, keys, expected
):
    client = login(cast[who])
    before = database_state()
    response = client.post(_url(name, keys, world), _post_data(world)[case])
    if who == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
        assert changed_tables(before) == []
    elif expected[who] == 302:
        assert response.status_code == 302, response.content[:500]
        assert changed_tables(before) != []
    else:
        assert response.status_code == expected[who], response.content[:500]
        assert changed_tables(before) == []


def test_a_contributor_changes_only_the_entries_they_logged(login, cast, plan, today):
    contributor = cast["contributor_a"]
    activity = services.log_activity(
        plan=plan, user=contributor, kind="meeting", date=today, title="La mienne"
    )
    client = login(contributor)
    assert client.get(reverse("tracking:activity", args=[plan.pk, activity.pk])).status_code == 200
    response = client.post(reverse("tracking:activity_delete", args=[plan.pk, activity.pk]))
    assert response.status_code == 302


def test_a_contributor_deletes_their_own_status_update(login, cast, carried, plan, today):
    update = services.update_action_status(
        action=carried, user=cast["contributor_a"], status="in_progress", on_date=today
    )
    response = login(cast["contributor_a"]).post(
        reverse("tracking:delete_update", args=[plan.pk, update.pk])
    )
    assert response.status_code == 302
    carried.refresh_from_db()
    assert carried.status == ""


@pytest.mark.parametrize(
    ("who", "expected"),
    [("member_b", 200), ("reader_a", 200), ("editor_a", 200)],
)
def test_members_of_the_network_read_its_adopted_plan(login, cast, network_plan, who, expected):
    url = reverse("tracking:dashboard", args=[network_plan.pk])
    assert login(cast[who]).get(url).status_code == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("tracking:round", 403),
        ("tracking:contacts", 403),
        ("tracking:contacts_csv", 403),
        ("tracking:indicators", 200),
        ("tracking:activities", 200),
    ],
)
def test_network_members_read_but_neither_update_nor_see_contacts(
    login, cast, network_plan, name, expected
):
    url = reverse(name, args=[network_plan.pk])
    assert login(cast["member_b"]).get(url).status_code == expected


def test_members_of_the_network_do_not_see_its_draft_plan(login, cast, network_plan):
    network_plan.state = "draft"
    network_plan.save()
    url = reverse("tracking:dashboard", args=[network_plan.pk])
    assert login(cast["member_b"]).get(url).status_code == 404


def test_network_members_cannot_write_to_its_plan(login, cast, network_plan, today):
    action = network_plan.actions.get()
    client = login(cast["member_b"])
    url = reverse("tracking:round_save", args=[network_plan.pk, action.pk])
    data = {
        f"a{action.pk}-status": "completed",
        f"a{action.pk}-date": today.isoformat(),
        f"a{action.pk}-version": 1,
    }
    assert client.post(url, data).status_code == 403
    assert (
        client.post(reverse("tracking:activities", args=[network_plan.pk]), {}).status_code == 403
    )
    assert (
        client.post(reverse("tracking:lock", args=[network_plan.pk]), {"year": 1}).status_code
        == 403
    )


def test_notifications_need_a_signed_in_person(login, cast):
    assert login(None).get(reverse("tracking:notifications")).status_code == 302
    assert login(cast["member_b"]).get(reverse("tracking:notifications")).status_code == 200
    count = login(None).get(reverse("tracking:notifications_count"))
    assert count.status_code == 302


def test_indicator_values_of_an_action_not_carried_are_refused_to_a_contributor(
    login, cast, plan, other_action
):
    from tests.factories import IndicatorFactory

    indicator = IndicatorFactory(action=other_action, plan=plan)
    response = login(cast["contributor_a"]).post(
        reverse("tracking:indicator_value", args=[plan.pk, indicator.pk]),
        {"plan_year": 1, "value": "3", "version": 0},
    )
    assert response.status_code == 403
    assert not indicator.values.exists()


def test_a_position_that_is_only_part_of_the_actors_name_does_not_carry_the_action(
    login, cast, plan, carried, today
):
    # "Agent de liaison" does not carry the actions of "Agent de liaison principal".
    (action,) = make_actions(plan, 1, actor="Agent de liaison principal")
    ActionActorFactory(action=action, name="Liaison")
    client = login(cast["contributor_a"])
    before = database_state()
    response = client.post(
        reverse("tracking:round_save", args=[plan.pk, action.pk]),
        {
            f"a{action.pk}-status": "completed",
            f"a{action.pk}-date": today.isoformat(),
            f"a{action.pk}-version": action.version,
        },
    )
    assert response.status_code == 403
    assert changed_tables(before) == []
    rows = client.get(reverse("tracking:round", args=[plan.pk]) + "?tout=1").context["rows"]
    assert [r["action"].pk for r in rows] == [carried.pk]

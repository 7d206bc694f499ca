"""The follow-up pages at work: the update round with htmx, conflicts, logs, exports, values."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from jalon.plans.models import Action
from jalon.tracking import services
from jalon.tracking.models import Activity, Contact, Evidence, IndicatorValue, StatusUpdate
from tests.factories import IndicatorFactory

from .conftest import count_target, make_actions

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


def row_data(action, today, **values):
    data = {
        f"a{action.pk}-status": "in_progress",
        f"a{action.pk}-progress": "",
        f"a{action.pk}-note": "",
        f"a{action.pk}-date": today.isoformat(),
        f"a{action.pk}-version": action.version,
    }
    data.update({f"a{action.pk}-{k}": v for k, v in values.items()})
    return data


def test_round_lists_the_actions_the_person_carries_this_year(
    login, cast, plan, carried, other_action
):
    response = login(cast["contributor_a"]).get(reverse("tracking:round", args=[plan.pk]))
    assert [r["action"].pk for r in response.context["rows"]] == [carried.pk]
    everything = login(cast["contributor_a"]).get(
        reverse("tracking:round", args=[plan.pk]) + "?tout=1"
    )
    assert [r["action"].pk for r in everything.context["rows"]] == [carried.pk]
    editor_all = login(cast["editor_a"]).get(reverse("tracking:round", args=[plan.pk]) + "?tout=1")
    assert [r["action"].pk for r in editor_all.context["rows"]] == [carried.pk, other_action.pk]


def test_round_leaves_out_actions_not_planned_this_year(login, cast, plan, carried):
    Action.objects.filter(pk=carried.pk).update(schedule_years=[2, 3])
    response = login(cast["contributor_a"]).get(reverse("tracking:round", args=[plan.pk]))
    assert response.context["rows"] == []
    assert "Vous ne portez aucune action prévue en" in response.content.decode()


def test_round_row_saves_with_htmx_and_announces_it(login, cast, plan, carried, today):
    client = login(cast["contributor_a"])
    url = reverse("tracking:round_save", args=[plan.pk, carried.pk])
    response = client.post(
        url, row_data(carried, today, progress="60", note="6 régions visitées"), **HTMX
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<li class="round-row" id="row-{carried.pk}" data-saved data-updated-today>' in html
    assert 'id="round-announce" role="status" aria-live="polite" hx-swap-oob="true"' in html
    assert f"Action {carried.code} enregistrée : En cours," in html
    carried.refresh_from_db()
    assert (carried.status, carried.progress_note, carried.version) == (
        "in_progress",
        "6 régions visitées",
        2,
    )
    assert StatusUpdate.objects.get(action=carried).progress == 60
    assert f'name="a{carried.pk}-version" value="2"' in html


def test_round_row_refuses_a_stale_save_and_shows_the_other_change(
    login, cast, plan, carried, today
):
    seen = row_data(carried, today, status="completed")
    services.update_action_status(
        action=carried,
        user=cast["editor_a"],
        status="postponed",
        on_date=today,
        note="Reporté à l'automne",
    )
    response = login(cast["contributor_a"]).post(
        reverse("tracking:round_save", args=[plan.pk, carried.pk]), seen, **HTMX
    )
    html = response.content.decode()
    assert "data-error" in html
    assert f"Entre-temps, {cast['editor_a']} a inscrit l&#x27;état « Reporté »" in html
    assert "Reporté à l&#x27;automne" in html
    assert f'name="a{carried.pk}-version" value="2"' in html
    carried.refresh_from_db()
    assert carried.status == "postponed"
    again = login(cast["contributor_a"]).post(
        reverse("tracking:round_save", args=[plan.pk, carried.pk]),
        {**seen, f"a{carried.pk}-version": 2},
        **HTMX,
    )
    assert "data-saved" in again.content.decode()
    carried.refresh_from_db()
    assert carried.status == "completed"


def test_round_row_refuses_a_date_in_a_locked_year(login, cast, plan, carried, today):
    services.lock_year(plan=plan, year=1, user=cast["editor_a"])
    response = login(cast["contributor_a"]).post(
        reverse("tracking:round_save", args=[plan.pk, carried.pk]), row_data(carried, today), **HTMX
    )
    assert "est verrouillée depuis le" in response.content.decode()
    assert not StatusUpdate.objects.exists()


def test_round_row_refuses_a_date_in_the_future(login, cast, plan, carried, today):
    later = today + dt.timedelta(days=3)
    response = login(cast["contributor_a"]).post(
        reverse("tracking:round_save", args=[plan.pk, carried.pk]),
        row_data(carried, today, date=later.isoformat()),
        **HTMX,
    )
    assert "est dans le futur : inscrivez ce qui a eu lieu, à sa date." in response.content.decode()
    assert not StatusUpdate.objects.exists()


def test_round_row_without_javascript_comes_back_to_the_page(login, cast, plan, carried, today):
    response = login(cast["contributor_a"]).post(
        reverse("tracking:round_save", args=[plan.pk, carried.pk]), row_data(carried, today)
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("tracking:round", args=[plan.pk]) + f"#row-{carried.pk}"


def test_bulk_change_applies_to_the_selection(login, cast, plan, today):
    first, second, third = make_actions(plan, 3)
    client = login(cast["contributor_a"])
    response = client.post(
        reverse("tracking:round_bulk", args=[plan.pk]),
        {
            "actions": [first.pk, second.pk],
            f"version-{first.pk}": first.version,
            f"version-{second.pk}": second.version,
            "status": "completed",
            "date": today.isoformat(),
            "note": "Fait à l'AGA",
        },
        follow=True,
    )
    assert "2 action(s) mises à jour : Complété." in response.content.decode()
    statuses = dict(Action.objects.filter(plan=plan).values_list("pk", "status"))
    assert statuses == {first.pk: "completed", second.pk: "completed", third.pk: ""}


def test_bulk_change_on_a_stale_selection_changes_nothing(login, cast, plan, today):
    first, second = make_actions(plan, 2)
    services.update_action_status(action=second, user=None, status="in_progress", on_date=today)
    response = login(cast["contributor_a"]).post(
        reverse("tracking:round_bulk", args=[plan.pk]),
        {
            "actions": [first.pk, second.pk],
            f"version-{first.pk}": 1,
            f"version-{second.pk}": 1,
            "status": "completed",
            "date": today.isoformat(),
        },
        follow=True,
    )
    assert (
        f"Entre-temps, quelqu&#x27;un a modifié les actions {second.code}"
        in response.content.decode()
    )
    assert not Action.objects.filter(status="completed").exists()


def test_action_page_records_an_update_with_files_and_serves_them(
    settings, tmp_path, login, cast, plan, carried, today
):
    settings.MEDIA_ROOT = tmp_path
    client = login(cast["contributor_a"])
    url = reverse("tracking:action", args=[plan.pk, carried.pk])
    response = client.post(
        url,
        {
            "status": "completed",
            "date": today.isoformat(),
            "note": "Cadre de référence adopté",
            "version": carried.version,
            "link": "https://exemple.org/cadre",
            "attachments": [
                SimpleUploadedFile("procès-verbal.txt", "Adopté à l'unanimité".encode())
            ],
        },
    )
    assert response.status_code == 302
    evidence = list(Evidence.objects.order_by("pk"))
    assert [e.url for e in evidence] == ["https://exemple.org/cadre", ""]
    download = login(cast["reader_a"]).get(
        reverse("tracking:evidence", args=[plan.pk, evidence[1].pk])
    )
    assert b"".join(download.streaming_content).decode() == "Adopté à l'unanimité"
    assert (
        "procès-verbal.txt" in download["Content-Disposition"]
        or "proc" in download["Content-Disposition"]
    )
    page = client.get(url).content.decode()
    assert "Cadre de référence adopté" in page


def test_following_an_action_from_its_page(login, cast, plan, carried):
    client = login(cast["reader_a"])
    client.post(reverse("tracking:follow", args=[plan.pk, carried.pk]))
    assert carried.followers.filter(user=cast["reader_a"]).exists()
    client.post(reverse("tracking:follow", args=[plan.pk, carried.pk]), {"do": "unfollow"})
    assert not carried.followers.exists()


def test_notifications_count_and_list(login, cast, plan, carried, today):
    reader = cast["reader_a"]
    services.follow_action(user=reader, action=carried)
    services.update_action_status(
        action=carried, user=cast["contributor_a"], status="completed", on_date=today
    )
    client = login(reader)
    count = client.get(reverse("tracking:notifications_count")).content.decode()
    assert '<span class="badge" aria-hidden="true">1</span>' in count
    page = client.get(reverse("tracking:notifications")).content.decode()
    assert f"a fait passer l'action {carried.code} de « Sans état » à « Complété »" in page
    client.post(reverse("tracking:notifications_read"))
    assert "badge" not in client.get(reverse("tracking:notifications_count")).content.decode()


def test_quick_activity_entry_then_filters_and_csv(login, cast, plan, carried, org_b, today):
    client = login(cast["contributor_a"])
    url = reverse("tracking:activities", args=[plan.pk])
    response = client.post(
        url,
        {
            "kind": "webinar",
            "date": today.isoformat(),
            "title": "Webinaire : sécurité alimentaire",
            "participants": "42",
            "satisfaction": "87.5",
            "organizations": [org_b.pk],
            "actions": [carried.pk],
            "notes": "Très appréciée",
        },
    )
    assert response.status_code == 302
    services.log_activity(plan=plan, user=None, kind="meeting", date=today, title="Rencontre du CA")
    assert [a.title for a in client.get(url + "?type=webinar").context["page"].object_list] == [
        "Webinaire : sécurité alimentaire"
    ]
    assert client.get(url + "?q=CA").context["page"].paginator.count == 1
    exported = client.get(reverse("tracking:activities_csv", args=[plan.pk]) + "?type=webinar")
    body = exported.content.decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))
    assert rows[0][:3] == ["Date", "Type", "Titre"]
    assert rows[1][:6] == [
        today.isoformat(),
        "Webinaire",
        "Webinaire : sécurité alimentaire",
        "42",
        "87.5",
        "TB-B",
    ]
    assert rows[1][6] == carried.code
    assert len(rows) == 2


def test_activity_entry_refuses_bad_input_with_clear_messages(login, cast, plan):
    response = login(cast["contributor_a"]).post(
        reverse("tracking:activities", args=[plan.pk]),
        {"kind": "meeting", "date": "2026-13-40", "title": "", "satisfaction": "140"},
    )
    assert response.status_code == 400
    form = response.context["form"]
    assert set(form.errors) == {"date", "title", "satisfaction"}
    assert not Activity.objects.exists()


def test_activity_edit_conflict_shows_the_other_change(login, cast, plan, today):
    activity = services.log_activity(
        plan=plan, user=cast["editor_a"], kind="meeting", date=today, title="Rencontre A"
    )
    services.update_activity(
        activity=activity,
        user=cast["admin_a"],
        expected_version=1,
        kind="meeting",
        date=today,
        title="Rencontre B",
    )
    response = login(cast["editor_a"]).post(
        reverse("tracking:activity", args=[plan.pk, activity.pk]),
        {"kind": "meeting", "date": today.isoformat(), "title": "Rencontre C", "version": 1},
    )
    assert response.status_code == 409
    assert "titre « Rencontre B »" in response.content.decode()
    activity.refresh_from_db()
    assert activity.title == "Rencontre B"


def test_contact_entry_and_csv(login, cast, plan, org_b, today):
    client = login(cast["contributor_a"])
    client.post(
        reverse("tracking:contacts", args=[plan.pk]),
        {
            "date": today.isoformat(),
            "organization": org_b.pk,
            "channel": "phone",
            "subject": "Préparation de la rencontre régionale",
            "made_by": cast["contributor_a"].pk,
        },
    )
    contact = Contact.objects.get()
    assert (contact.made_by, contact.created_by) == (cast["contributor_a"], cast["contributor_a"])
    url = reverse("tracking:contacts", args=[plan.pk])
    assert client.get(url + f"?par={cast['contributor_a'].pk}").context["page"].paginator.count == 1
    assert client.get(url + f"?par={cast['editor_a'].pk}").context["page"].paginator.count == 0
    body = client.get(reverse("tracking:contacts_csv", args=[plan.pk])).content.decode()
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))
    assert rows[1][:4] == [
        today.isoformat(),
        "Table B",
        "Téléphone",
        "Préparation de la rencontre régionale",
    ]


def test_log_exports_carry_no_live_formula(login, cast, plan, carried, org_b, today):
    """A contributor's '=HYPERLINK(...)' reaches the CSV as text, not as a formula."""
    planted = '=HYPERLINK("https://exemple.org/piege","Ouvrir")'
    services.log_activity(
        plan=plan,
        user=cast["contributor_a"],
        kind="meeting",
        date=today,
        title=planted,
        participants=12,
        notes="@SUM(A1:A9)",
    )
    services.log_contact(
        plan=plan,
        user=cast["contributor_a"],
        date=today,
        channel="phone",
        subject="-2+3",
        organization=org_b,
        notes="+cmd",
    )
    client = login(cast["editor_a"])
    body = client.get(reverse("tracking:activities_csv", args=[plan.pk])).content.decode()
    activity = list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))[1]
    assert activity[2] == "'" + planted
    assert activity[3] == "12"
    assert activity[8] == "'@SUM(A1:A9)"
    body = client.get(reverse("tracking:contacts_csv", args=[plan.pk])).content.decode()
    contact = list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))[1]
    assert (contact[3], contact[5]) == ("'-2+3", "'+cmd")


def test_computed_values_follow_the_logs_and_open_onto_their_records(
    login, cast, plan, carried, today
):
    indicator = carried.indicators.get()
    services.set_indicator_rule(
        indicator=indicator, user=None, kind="activity_count", activity_kinds=["meeting"]
    )
    first = services.log_activity(
        plan=plan, user=None, kind="meeting", date=today, title="Rencontre 1", actions=[carried]
    )
    services.log_activity(
        plan=plan, user=None, kind="webinar", date=today, title="Webinaire", actions=[carried]
    )
    services.log_activity(plan=plan, user=None, kind="meeting", date=today, title="Autre action")
    client = login(cast["reader_a"])
    page = client.get(reverse("tracking:indicator", args=[plan.pk, indicator.pk]))
    row = page.context["row"]
    assert row.for_year(1).value == Decimal(1)
    assert "Voir l'activité derrière cette valeur" in page.content.decode()
    behind = client.get(
        reverse("tracking:activities", args=[plan.pk]) + f"?derriere={indicator.pk}&annee=1"
    )
    assert [a.title for a in behind.context["page"].object_list] == ["Rencontre 1"]
    services.delete_activity(activity=first, user=None)
    assert (
        client.get(reverse("tracking:indicator", args=[plan.pk, indicator.pk]))
        .context["row"]
        .for_year(1)
        .value
        == 0
    )


def test_indicator_value_entry_and_conflict(login, cast, plan, carried):
    indicator = carried.indicators.get()
    url = reverse("tracking:indicator_value", args=[plan.pk, indicator.pk])
    editor = login(cast["editor_a"])
    editor.post(url, {"plan_year": 1, "value": "5", "source": "Registre", "version": 0})
    response = login(cast["contributor_a"]).post(url, {"plan_year": 1, "value": "4", "version": 0})
    assert response.status_code == 409
    html = response.content.decode()
    assert f"Entre-temps, {cast['editor_a']} a inscrit pour cette année : valeur 5" in html
    assert 'name="version" value="1"' in html
    assert IndicatorValue.objects.get().value == Decimal(5)


@pytest.fixture
def objective_indicator(plan, carried):
    """The carried action's objective measured by an indicator of its own: 8 meetings a year."""
    return IndicatorFactory(
        action=None,
        objective=carried.objective,
        plan=plan,
        kind="R",
        text="8 rencontres régionales par année",
        target=count_target(8),
    )


def test_objective_indicator_takes_values_from_its_editors_only(
    login, cast, plan, objective_indicator
):
    url = reverse("tracking:indicator_value", args=[plan.pk, objective_indicator.pk])
    refused = login(cast["contributor_a"]).post(url, {"plan_year": 1, "value": "2", "version": 0})
    assert refused.status_code == 403
    login(cast["editor_a"]).post(url, {"plan_year": 1, "value": "4", "version": 0})
    assert IndicatorValue.objects.get(indicator=objective_indicator).value == Decimal(4)

    page = login(cast["reader_a"]).get(
        reverse("tracking:indicator", args=[plan.pk, objective_indicator.pk])
    )
    assert page.status_code == 200
    html = page.content.decode()
    objective = objective_indicator.objective
    assert f"{objective.code} {objective.title}" in html
    assert "(indicateur de l'objectif lui-même)" in html
    assert page.context["row"].for_year(1).value == Decimal(4)


def test_objective_indicator_is_computed_from_the_activities_linked_to_it(
    login, cast, plan, carried, objective_indicator, today
):
    services.set_indicator_rule(
        indicator=objective_indicator, user=None, kind="activity_count", scope="action"
    )
    services.log_activity(
        plan=plan,
        user=None,
        kind="meeting",
        date=today,
        title="Rencontre régionale",
        indicators=[objective_indicator],
    )
    # an activity of one of the objective's actions is that action's, not the objective's own
    services.log_activity(
        plan=plan, user=None, kind="meeting", date=today, title="Comité", actions=[carried]
    )
    page = login(cast["reader_a"]).get(
        reverse("tracking:indicator", args=[plan.pk, objective_indicator.pk])
    )
    assert page.context["row"].for_year(1).value == Decimal(1)


def test_indicators_page_lists_an_objectives_own_indicator_before_its_actions(
    login, cast, plan, carried, objective_indicator
):
    page = login(cast["reader_a"]).get(reverse("tracking:indicators", args=[plan.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    objective_row = html.index("8 rencontres régionales par année")
    action_row = html.index("8 rencontres annuelles")
    assert objective_row < action_row
    assert f"Objectif {carried.objective.code}" in html
    dashboard = login(cast["reader_a"]).get(reverse("tracking:dashboard", args=[plan.pk]))
    assert dashboard.status_code == 200


def test_indicator_values_are_typed_with_a_decimal_comma(login, cast, plan, carried):
    indicator = carried.indicators.get()
    login(cast["editor_a"]).post(
        reverse("tracking:indicator_value", args=[plan.pk, indicator.pk]),
        {"plan_year": 1, "value": "12,5", "version": 0},
    )
    assert IndicatorValue.objects.get().value == Decimal("12.5")
    page = login(cast["editor_a"]).get(
        reverse("tracking:indicator", args=[plan.pk, indicator.pk]) + "?saisie=1"
    )
    assert 'name="value" value="12,5"' in page.content.decode()


def test_indicator_value_needs_something_to_record(login, cast, plan, carried):
    indicator = carried.indicators.get()
    response = login(cast["editor_a"]).post(
        reverse("tracking:indicator_value", args=[plan.pk, indicator.pk]),
        {"plan_year": 1, "version": 0},
    )
    assert response.status_code == 400
    assert "Inscrivez une valeur, une réalisation ou un constat." in response.content.decode()


def test_status_at_a_date_gives_each_actions_state_then(plan, today):
    from jalon.tracking.queries import status_at

    first, second = make_actions(plan, 2)
    services.update_action_status(
        action=first, user=None, status="in_preparation", on_date=today - dt.timedelta(days=30)
    )
    services.update_action_status(action=first, user=None, status="completed", on_date=today)
    services.update_action_status(action=second, user=None, status="in_progress", on_date=today)
    then = status_at(plan, today - dt.timedelta(days=1))
    assert {pk: u.status for pk, u in then.items()} == {first.pk: "in_preparation"}


def test_dashboard_tells_the_story_of_the_year(login, cast, plan, carried, other_action, today):
    services.update_action_status(
        action=carried, user=None, status="in_progress", on_date=today - dt.timedelta(days=45)
    )
    services.record_indicator_value(
        indicator=carried.indicators.get(), user=None, plan_year=1, value=Decimal(0)
    )
    page = login(cast["reader_a"]).get(reverse("tracking:dashboard", args=[plan.pk]))
    late = [a.pk for a, _days in page.context["late"]]
    assert late == [carried.pk, other_action.pk]
    html = page.content.decode()
    assert "45 jours" in html and "jamais" in html
    assert "8 rencontres annuelles" in html
    assert page.context["total"].total == 2


def test_unlocking_from_the_dashboard_needs_a_reason(login, cast, plan):
    services.lock_year(plan=plan, year=1, user=cast["editor_a"])
    client = login(cast["editor_a"])
    url = reverse("tracking:lock", args=[plan.pk])
    response = client.post(url, {"do": "unlock", "year": 1, "reason": ""}, follow=True)
    assert "Donnez la raison du déverrouillage : elle est conservée." in response.content.decode()
    client.post(url, {"do": "unlock", "year": 1, "reason": "Erreur dans une date"})
    assert plan.year_locks.get().unlock_reason == "Erreur dans une date"
    page = client.get(reverse("tracking:dashboard", args=[plan.pk])).content.decode()
    assert "déverrouillée le" in page and "« Erreur dans une date »" in page


def test_pages_follow_the_english_interface(login, cast, plan, carried, today):
    # Follow-up has started (one update): an indicator without a value is missing data.
    services.update_action_status(action=carried, user=None, status="in_progress", on_date=today)
    client = login(cast["reader_a"])
    client.cookies["jalon_language"] = "en"
    html = client.get(reverse("tracking:dashboard", args=[plan.pk])).content.decode()
    assert "<h1>Dashboard" in html
    assert "Actions of the year by status" in html
    assert "No value for " in html


def test_a_plan_without_period_still_opens_its_pages(login, cast, plan, carried):
    plan.period_start = None
    plan.period_end = None
    plan.save()
    client = login(cast["editor_a"])
    indicator = carried.indicators.get()
    for url in [
        reverse("tracking:dashboard", args=[plan.pk]),
        reverse("tracking:round", args=[plan.pk]),
        reverse("tracking:indicators", args=[plan.pk]),
        reverse("tracking:indicator", args=[plan.pk, indicator.pk]),
        reverse("tracking:activities", args=[plan.pk]),
        reverse("tracking:progress", args=[plan.pk]),
    ]:
        assert client.get(url).status_code == 200, url
    dashboard = client.get(reverse("tracking:dashboard", args=[plan.pk])).content.decode()
    assert "Ce plan n'a pas de période : indiquez ses dates pour suivre ses années." in dashboard


def test_the_plan_page_links_to_the_follow_up_pages_each_person_may_open(login, cast, plan):
    page_url = reverse("plans:detail", args=[plan.pk])
    reader = login(cast["reader_a"]).get(page_url).content.decode()
    assert f'href="{reverse("tracking:dashboard", args=[plan.pk])}"' in reader
    assert f'href="{reverse("tracking:contacts", args=[plan.pk])}"' in reader
    assert reverse("tracking:round", args=[plan.pk]) not in reader
    contributor = login(cast["contributor_a"]).get(page_url).content.decode()
    assert f'href="{reverse("tracking:round", args=[plan.pk])}"' in contributor

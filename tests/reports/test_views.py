"""The reports page, generation, status, download and preview, for each member of the cast."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from jalon.reports import text
from jalon.reports.enums import GenerationStatus
from jalon.reports.models import GeneratedReport
from jalon.reports.services import request_report

from .plan_builder import build_plan

READERS = ["admin_a", "editor_a", "contributor_a", "reader_a"]
OUTSIDERS = ["member_b"]


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _generate(login, user, plan, identifier="plan", data=None, **headers):
    client = login(user)
    url = reverse("reports:generate", args=[plan.pk, identifier])
    return client.post(url, data or {f"{identifier}-format": "docx"}, **headers)


@pytest.mark.parametrize("who", READERS)
def test_reports_page_lists_exporters_for_members_of_the_organization(cast, login, plan, who):
    response = login(cast[who]).get(reverse("reports:plan", args=[plan.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Plan d&#x27;action" in html and "Mise à jour" in html and "Bilan annuel" in html
    assert 'name="progress-as_of"' in html


@pytest.mark.parametrize("who", OUTSIDERS)
def test_reports_page_is_hidden_from_other_organizations(cast, login, plan, who):
    assert login(cast[who]).get(reverse("reports:plan", args=[plan.pk])).status_code == 404


def test_reports_page_sends_anonymous_visitors_to_login(login, plan):
    response = login(None).get(reverse("reports:plan", args=[plan.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("who", READERS)
def test_members_generate_a_document_and_download_it(
    cast, login, plan, who, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _generate(login, cast[who], plan)
    assert response.status_code == 302
    report = GeneratedReport.objects.get()
    assert report.status == GenerationStatus.DONE
    assert report.created_by == cast[who]
    assert report.filename == "plan-daction-2017-2022.docx"

    download = login(cast[who]).get(reverse("reports:download", args=[report.pk]))
    assert download.status_code == 200
    assert download["Content-Disposition"] == 'attachment; filename="plan-daction-2017-2022.docx"'
    assert download["Cache-Control"] == "private, no-store"
    assert b"".join(download.streaming_content)[:2] == b"PK"


def test_generation_with_htmx_answers_the_new_row(
    cast, login, plan, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _generate(
            login,
            cast["editor_a"],
            plan,
            "progress",
            {"progress-format": "pdf", "progress-as_of": "2013-10-03"},
            HTTP_HX_REQUEST="true",
        )
    assert response.status_code == 200
    html = response.content.decode()
    report = GeneratedReport.objects.get()
    assert f'id="report-{report.pk}"' in html
    assert "état au 3 octobre 2013" in html
    assert 'hx-swap-oob="delete"' in html
    assert report.options == {"as_of": "2013-10-03"}


def test_invalid_options_come_back_with_a_message_and_nothing_recorded(cast, login, plan):
    response = _generate(
        login,
        cast["editor_a"],
        plan,
        "progress",
        {"progress-format": "docx", "progress-as_of": "hier"},
    )
    assert response.status_code == 400
    assert "Saisissez une date valide." in response.content.decode()
    assert not GeneratedReport.objects.exists()


def test_invalid_options_with_htmx_replace_the_form(cast, login, plan):
    response = _generate(
        login,
        cast["editor_a"],
        plan,
        "progress",
        {"progress-format": "docx", "progress-as_of": ""},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert response["HX-Retarget"] == "#export-progress"
    assert response["HX-Reswap"] == "outerHTML"
    assert "Ce champ est obligatoire." in response.content.decode()


@pytest.mark.parametrize("who", OUTSIDERS)
def test_outsiders_cannot_generate(cast, login, plan, who):
    assert _generate(login, cast[who], plan).status_code == 404
    assert not GeneratedReport.objects.exists()


def test_anonymous_cannot_generate(login, plan):
    assert _generate(login, None, plan).status_code == 302
    assert not GeneratedReport.objects.exists()


def test_network_member_cannot_run_the_annual_report_of_the_network(cast, login, network):
    network_plan = build_plan(network, actions=2)
    response = _generate(
        login,
        cast["member_b"],
        network_plan,
        "annual",
        {"annual-format": "docx", "annual-year": "1"},
    )
    assert response.status_code == 404


def _done_report(plan, user, django_capture_on_commit_callbacks, kind="plan"):
    with django_capture_on_commit_callbacks(execute=True):
        report = request_report(
            plan=plan,
            kind=kind,
            fmt="docx",
            options={"year": 1} if kind == "annual" else {},
            user=user,
            language="fr-ca",
        )
    report.refresh_from_db()
    return report


@pytest.mark.parametrize("who", OUTSIDERS)
def test_outsiders_cannot_download_or_poll(
    cast, login, plan, who, django_capture_on_commit_callbacks
):
    report = _done_report(plan, cast["editor_a"], django_capture_on_commit_callbacks)
    client = login(cast[who])
    assert client.get(reverse("reports:download", args=[report.pk])).status_code == 404
    assert client.get(reverse("reports:status", args=[report.pk])).status_code == 404


def test_anonymous_cannot_download(login, cast, plan, django_capture_on_commit_callbacks):
    report = _done_report(plan, cast["editor_a"], django_capture_on_commit_callbacks)
    response = login(None).get(reverse("reports:download", args=[report.pk]))
    assert response.status_code == 302


def test_status_fragment_polls_until_the_file_is_ready(cast, login, plan):
    pending = request_report(
        plan=plan, kind="plan", fmt="docx", options={}, user=cast["editor_a"], language="fr-ca"
    )
    response = login(cast["reader_a"]).get(reverse("reports:status", args=[pending.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'hx-trigger="every 2s"' in html
    assert "En attente" in html
    assert (
        login(cast["reader_a"]).get(reverse("reports:download", args=[pending.pk])).status_code
        == 404
    )


def test_failed_generation_says_why(cast, login, plan, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        report = request_report(
            plan=plan,
            kind="progress",
            fmt="docx",
            options={"as_of": "pas une date"},
            user=cast["editor_a"],
            language="fr-ca",
        )
    report.refresh_from_db()
    assert report.status == GenerationStatus.FAILED
    assert report.error.startswith("État au")
    html = login(cast["editor_a"]).get(reverse("reports:plan", args=[plan.pk])).content.decode()
    assert "Échec" in html


@pytest.mark.parametrize("count", [1, 6])
def test_reports_page_runs_a_constant_number_of_queries(
    cast, login, plan, count, django_assert_num_queries, django_capture_on_commit_callbacks
):
    for _ in range(count):
        GeneratedReport.objects.create(
            plan=plan, kind="plan", format="docx", created_by=cast["editor_a"]
        )
    client = login(cast["editor_a"])
    # session, user, memberships, plan, reports; for an editor the reports' share links, and
    # the pre-flight list (actions without a status this year, indicators without a value)
    with django_assert_num_queries(8):
        response = client.get(reverse("reports:plan", args=[plan.pk]))
    assert response.status_code == 200


@pytest.mark.parametrize("who", READERS)
def test_preview_shows_the_document_on_screen(cast, login, plan, who):
    response = login(cast[who]).get(
        reverse("reports:preview", args=[plan.pk, "progress"]), {"as_of": "2018-03-15"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Mise à jour" in html and "15 mars 2018" in html
    assert 'href="/static/reports/css/document.css"' in html


def test_preview_button_posts_the_chosen_date_and_lands_on_the_document(cast, login, plan):
    client = login(cast["editor_a"])
    page = client.get(reverse("reports:plan", args=[plan.pk])).content.decode()
    preview_url = reverse("reports:preview", args=[plan.pk, "progress"])
    assert f'formaction="{preview_url}"' in page
    response = client.post(
        preview_url, {"progress-format": "docx", "progress-as_of": "2018-03-15"}, follow=True
    )
    assert response.redirect_chain == [(f"{preview_url}?progress-as_of=2018-03-15", 302)]
    html = response.content.decode()
    assert "15 mars 2018" in html
    assert "Ce champ est obligatoire" not in html


def test_preview_button_of_the_bilan_annuel_keeps_the_chosen_year(cast, login, plan):
    client = login(cast["editor_a"])
    preview_url = reverse("reports:preview", args=[plan.pk, "annual"])
    response = client.post(preview_url, {"annual-format": "pdf", "annual-year": "2"}, follow=True)
    assert response.redirect_chain == [(f"{preview_url}?annual-year=2", 302)]
    assert "Bilan annuel 2018-2019 (An 2)" in response.content.decode()


def test_preview_button_through_htmx_redirects_the_browser(cast, login, plan):
    preview_url = reverse("reports:preview", args=[plan.pk, "annual"])
    response = login(cast["editor_a"]).post(
        preview_url, {"annual-format": "pdf", "annual-year": "3"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert response["HX-Redirect"] == f"{preview_url}?annual-year=3"


def test_preview_without_options_shows_today_and_the_year_in_course(cast, login, plan):
    client = login(cast["editor_a"])
    progress = client.get(reverse("reports:preview", args=[plan.pk, "progress"]))
    assert progress.status_code == 200
    assert text.long_date(timezone.localdate()) in progress.content.decode()
    annual = client.get(reverse("reports:preview", args=[plan.pk, "annual"]))
    assert annual.status_code == 200
    assert "Ce champ est obligatoire" not in annual.content.decode()


def test_preview_with_a_year_the_plan_lacks_says_so(cast, login, plan):
    response = login(cast["editor_a"]).post(
        reverse("reports:preview", args=[plan.pk, "annual"]),
        {"annual-format": "pdf", "annual-year": "9"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("reports:plan", args=[plan.pk])
    assert "Année du plan" in response.content.decode()


def test_preview_is_hidden_from_outsiders(cast, login, plan):
    assert (
        login(cast["member_b"]).get(reverse("reports:preview", args=[plan.pk, "plan"])).status_code
        == 404
    )


def test_preview_of_an_unknown_document_is_not_found(cast, login, plan):
    assert (
        login(cast["editor_a"]).get(reverse("reports:preview", args=[plan.pk, "bilan"])).status_code
        == 404
    )


def test_plan_page_links_to_its_documents_page(cast, login, plan):
    client = login(cast["editor_a"])
    page = client.get(reverse("plans:detail", args=[plan.pk])).content.decode()
    documents_url = reverse("reports:plan", args=[plan.pk])

    assert f'href="{documents_url}"' in page
    assert client.get(documents_url).status_code == 200


def test_reports_page_lists_what_the_bilan_lacks_with_links_to_fix_it(cast, login, plan):
    from jalon.plans.models import Indicator
    from jalon.tracking.models import IndicatorValue, StatusUpdate

    today = dt.date(2017, 11, 1)  # in An 1 (2017-2018): all 8 actions run that year or not
    scheduled = [a for a in plan.actions.all() if 1 in (a.schedule_years or [1])]
    StatusUpdate.objects.create(
        plan=plan, action=scheduled[0], date=dt.date(2017, 10, 2), status="in_progress"
    )
    indicators = list(Indicator.objects.filter(plan=plan))
    IndicatorValue.objects.create(indicator=indicators[0], plan_year=1, value=3)
    from jalon.reports.queries import preflight

    items = preflight(plan, today)
    assert [i.message for i in items] == [
        f"{len(scheduled) - 1} actions sans état pour 2017-2018 (An 1)",
        f"{len(indicators) - 1} indicateurs sans valeur pour 2017-2018 (An 1)",
    ]
    assert items[0].url == reverse("tracking:round", args=[plan.pk])
    assert items[1].url == reverse("tracking:indicators", args=[plan.pk])
    page = login(cast["editor_a"]).get(reverse("reports:plan", args=[plan.pk])).content.decode()
    assert "Avant d'imprimer le bilan" in page
    assert (
        login(cast["reader_a"])
        .get(reverse("reports:plan", args=[plan.pk]))
        .content.decode()
        .count("Avant d'imprimer le bilan")
        == 0
    )

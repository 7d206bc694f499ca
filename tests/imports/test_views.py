"""The import pages for the cast: editors import and review; the others get nothing."""

from __future__ import annotations

import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from jalon.imports.enums import ImportStatus
from jalon.imports.models import ImportJob
from jalon.plans.models import Action, Plan

from .conftest import corrupt_docx, json_upload, plan_document, start

pytestmark = pytest.mark.django_db

HX = {"HTTP_HX_REQUEST": "true"}


def edit_url(job, op):
    return reverse("imports:edit", kwargs={"pk": job.pk, "op": op})


def post_edit(client, job, op, **data):
    data.setdefault("version", job.version)
    return client.post(edit_url(job, op), data, **HX)


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("admin_a", 200),
        ("editor_a", 200),
        ("contributor_a", 403),
        ("reader_a", 403),
        ("anonymous", 302),
    ],
)
def test_upload_page_is_for_editors(login, cast, who, status):
    response = login(cast[who]).get(reverse("imports:upload"))
    assert response.status_code == status


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("editor_a", 200),
        ("admin_a", 200),
        ("contributor_a", 404),
        ("reader_a", 404),
        ("member_b", 404),
        ("anonymous", 302),
    ],
)
def test_review_and_edits_are_for_editors_of_the_organization(login, cast, ready_job, who, status):
    client = login(cast[who])
    assert client.get(reverse("imports:job", kwargs={"pk": ready_job.pk})).status_code == status
    response = post_edit(client, ready_job, "supprimer", path="0")
    assert response.status_code == status
    response = client.post(reverse("imports:save", kwargs={"pk": ready_job.pk}))
    assert response.status_code == (302 if status == 200 else status)
    expected_plans = 1 if status == 200 else 0
    assert Plan.objects.count() == expected_plans


def test_member_b_cannot_import_into_organization_a(login, cast, org_a):
    response = login(cast["member_b"]).post(
        reverse("imports:upload"), {"organization": org_a.pk, "text": "Plan\n1. Orientation"}
    )
    assert response.status_code == 400
    assert "organization" in response.context["form"].errors
    assert ImportJob.objects.count() == 0


def test_upload_text_goes_to_the_review(login, cast, org_a, django_capture_on_commit_callbacks):
    client = login(cast["editor_a"])
    text = "Plan d'action 2022\n\n1. Agir ensemble\n1.1 Se concerter\n1.1.1 Tenir un forum\n"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("imports:upload"), {"organization": org_a.pk, "text": text})
    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("imports:job", kwargs={"pk": job.pk})
    assert job.status == ImportStatus.READY
    page = client.get(response["Location"])
    assert page.templates[0].name == "imports/review.html"
    assert "Tenir un forum" in page.content.decode()


def test_upload_too_large_is_refused_before_reading(login, cast, org_a, settings):
    settings.MAX_UPLOAD_BYTES = 1024
    response = login(cast["editor_a"]).post(
        reverse("imports:upload"),
        {"organization": org_a.pk, "file": SimpleUploadedFile("gros.txt", b"x" * 2048)},
    )
    assert response.status_code == 400
    assert response.context["form"].errors["file"] == [
        "Le fichier « gros.txt » pèse 2 Ko, plus que la limite de 1 Ko : enregistrez-le sans "
        "images ou collez son texte."
    ]
    assert ImportJob.objects.count() == 0


def test_upload_needs_a_file_or_text(login, cast, org_a):
    response = login(cast["editor_a"]).post(reverse("imports:upload"), {"organization": org_a.pk})
    assert response.status_code == 400
    assert response.context["form"].non_field_errors() == [
        "Choisissez le fichier du plan ou collez son texte."
    ]


def test_corrupt_docx_shows_its_error_in_french_and_in_english(
    login, cast, org_a, django_capture_on_commit_callbacks
):
    client = login(cast["editor_a"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("imports:upload"),
            {"organization": org_a.pk, "file": SimpleUploadedFile("plan.docx", corrupt_docx())},
        )
    response = client.get(response["Location"])
    body = response.content.decode()
    assert "Ce document n'a pas pu être lu." in body
    assert "word/document.xml : Le fichier DOCX est endommagé" in body
    assert Plan.objects.count() == 0
    client.cookies["jalon_language"] = "en"
    body = client.get(response.wsgi_request.path).content.decode()
    assert "word/document.xml: The DOCX file is damaged" in body


def test_status_fragment_polls_while_running_then_redirects(login, cast, ready_job):
    client = login(cast["editor_a"])
    url = reverse("imports:status", kwargs={"pk": ready_job.pk})
    ImportJob.objects.filter(pk=ready_job.pk).update(status=ImportStatus.READING, progress=10)
    running = client.get(url, **HX)
    assert running.status_code == 200
    assert "HX-Redirect" not in running
    assert 'value="10"' in running.content.decode()
    page = client.get(reverse("imports:job", kwargs={"pk": ready_job.pk})).content.decode()
    assert 'hx-trigger="every 1s"' in page
    assert 'aria-live="polite"' in page
    ImportJob.objects.filter(pk=ready_job.pk).update(status=ImportStatus.READY, progress=100)
    done = client.get(url, **HX)
    assert done["HX-Redirect"] == reverse("imports:job", kwargs={"pk": ready_job.pk})


def test_status_fragment_tells_which_scanned_page_is_being_read(login, cast, ready_job):
    client = login(cast["editor_a"])
    url = reverse("imports:status", kwargs={"pk": ready_job.pk})
    ImportJob.objects.filter(pk=ready_job.pk).update(
        status=ImportStatus.READING, progress=36, ocr_done=1, ocr_total=3, ocr_page=4
    )
    body = client.get(url, **HX).content.decode()
    assert "Reconnaissance de caractères (OCR) de la page 4 : page numérisée 2 sur 3…" in body
    assert 'value="36"' in body
    ImportJob.objects.filter(pk=ready_job.pk).update(ocr_done=3, progress=90)
    body = client.get(url, **HX).content.decode()
    assert "3 pages numérisées lues ; reconnaissance du plan en cours…" in body
    client.cookies["jalon_language"] = "en"
    ImportJob.objects.filter(pk=ready_job.pk).update(ocr_done=1)
    body = client.get(url, **HX).content.decode()
    assert "Optical character recognition (OCR) of page 4: scanned page 2 of 3…" in body


def test_review_lists_the_ocrd_pages_with_their_confidence(login, cast, ready_job):
    draft = ready_job.draft
    draft["import_report"]["ocr"] = [
        {"page": 1, "mean_confidence": 93.4, "words": 1210, "seconds": 2.51},
        {"page": 2, "mean_confidence": 61.0, "words": 88, "seconds": 1.2},
    ]
    ImportJob.objects.filter(pk=ready_job.pk).update(draft=draft)
    html = login(cast["editor_a"]).get(reverse("imports:job", kwargs={"pk": ready_job.pk}))
    body = re.sub(r"[ \t\n]+", " ", html.content.decode())  # keeps the non-breaking spaces
    assert "2 pages numérisées lues par reconnaissance de caractères (OCR)" in body
    assert '<th scope="row">1</th> <td>93,4\u00a0%</td> <td>1\u00a0210</td> <td>2,5 s</td>' in body
    assert (
        '<tr class="review-ocr__low"> <th scope="row">2</th> <td>61,0\u00a0% — faible, à vérifier</td>'
        in body
    )


def test_review_shows_an_objectives_own_indicators_with_their_tools(login, cast, ready_job):
    draft = ready_job.draft
    draft["orientations"][0]["objectives"][1]["indicators"] = [
        {"kind": "R", "text": "Taux de 75 % de satisfaction des membres"}
    ]
    ImportJob.objects.filter(pk=ready_job.pk).update(draft=draft)
    html = login(cast["editor_a"]).get(reverse("imports:job", kwargs={"pk": ready_job.pk}))
    body = html.content.decode()
    assert "Indicateurs de l'objectif" in body
    assert "Taux de 75 % de satisfaction des membres" in body
    assert 'name="path" value="0.1.i0"' in body
    assert "<strong>2</strong> indicateurs" in body  # the action's and the objective's


def test_review_shows_tree_source_links_warnings_and_unplaced(login, cast, ready_job):
    body = login(cast["editor_a"]).get(reverse("imports:job", kwargs={"pk": ready_job.pk}))
    html = body.content.decode()
    assert 'id="item-0-0-0"' in html
    assert 'href="#src-5" data-lines="5 6"' in html
    assert 'href="#item-0-0-0" data-item="item-0-0-0"' in html  # source line 5 → its action
    assert "2 lignes non placées" in html
    assert "1 avertissement" in html
    assert "ligne 13 : colonne sans en-tête" in html
    assert "Une ligne restée de côté" in html


def _draft(job):
    return ImportJob.objects.get(pk=job.pk).draft


def test_edit_rename(login, cast, ready_job):
    response = post_edit(
        login(cast["editor_a"]), ready_job, "renommer", path="0.0", title="Animer", code="A"
    )
    assert response.status_code == 200
    assert json.loads(response["HX-Trigger-After-Settle"]) == {
        "imports:focus": "item-0-0",
        "imports:said": "Titre modifié : « A Animer ».",
    }
    objective = _draft(ready_job)["orientations"][0]["objectives"][0]
    assert (objective["code"], objective["title"]) == ("A", "Animer")


def test_edit_move(login, cast, ready_job):
    post_edit(login(cast["editor_a"]), ready_job, "deplacer", path="0.0.1", parent="1.0")
    actions = _draft(ready_job)["orientations"][1]["objectives"][0]["actions"]
    assert [a["code"] for a in actions] == ["2.1.1", "1.1.2"]


def test_edit_merge_and_split(login, cast, ready_job):
    client = login(cast["editor_a"])
    post_edit(client, ready_job, "fusionner", path="0.0.1")
    assert len(_draft(ready_job)["orientations"][0]["objectives"][0]["actions"]) == 1
    ready_job.refresh_from_db()
    post_edit(
        client, ready_job, "diviser", path="0.0.0", first_part="Tenir les rencontres du comité"
    )
    titles = [a["title"] for a in _draft(ready_job)["orientations"][0]["objectives"][0]["actions"]]
    assert titles == [
        "Tenir les rencontres du comité",
        "Et publier un bulletin Rédiger le rapport annuel",
    ]


def test_edit_indicator_kind_and_delete(login, cast, ready_job):
    client = login(cast["editor_a"])
    post_edit(client, ready_job, "type", path="0.0.0.i0", kind="MO")
    ready_job.refresh_from_db()
    assert (
        ready_job.draft["orientations"][0]["objectives"][0]["actions"][0]["indicators"][0]["kind"]
        == "MO"
    )
    post_edit(client, ready_job, "supprimer", path="1")
    assert [o["code"] for o in _draft(ready_job)["orientations"]] == ["1"]


def test_edit_place_unplaced_line(login, cast, ready_job):
    post_edit(
        login(cast["editor_a"]), ready_job, "placer", index=1, place_as="indicator", target="1.0.0"
    )
    draft = _draft(ready_job)
    assert draft["orientations"][1]["objectives"][0]["actions"][0]["indicators"] == [
        {"kind": None, "text": "Nombre de visites du site"}
    ]
    assert draft["import_report"]["unplaced"] == ["Une ligne restée de côté"]


def test_edit_frame(login, cast, ready_job):
    post_edit(
        login(cast["editor_a"]),
        ready_job,
        "cadre",
        title="Plan 2020-2025",
        organization="Autre nom",
        period_start="2020-04-01",
        period_end="2025-03-31",
        fiscal_year_start_month="4",
    )
    draft = _draft(ready_job)
    assert (draft["title"], draft["organization"], draft["fiscal_year_start_month"]) == (
        "Plan 2020-2025",
        "Autre nom",
        4,
    )
    assert draft["period"] == {"start": "2020-04-01", "end": "2025-03-31"}


def test_invalid_edit_says_why_and_changes_nothing(login, cast, ready_job):
    response = post_edit(login(cast["editor_a"]), ready_job, "fusionner", path="0.0.0")
    assert "Cette action est la première de son objectif" in response.content.decode()
    assert ImportJob.objects.get(pk=ready_job.pk).version == 0


def test_stale_edit_is_refused_with_the_other_change_shown(login, cast, ready_job):
    post_edit(login(cast["admin_a"]), ready_job, "renommer", path="0", title="Version de l'admin")
    response = post_edit(
        login(cast["editor_a"]), ready_job, "renommer", path="0", title="Version de l'éditeur"
    )
    html = response.content.decode()
    assert "Votre modification n&#x27;a pas été appliquée" in html
    assert "Titre modifié : « Version de l&#x27;admin »" in html
    assert "<q>Version de l&#x27;éditeur</q>" in html  # the refused text, to redo it
    assert _draft(ready_job)["orientations"][0]["title"] == "Version de l'admin"


def test_save_redirects_to_the_plan_and_a_second_save_links_to_it(login, cast, ready_job):
    client = login(cast["editor_a"])
    url = reverse("imports:save", kwargs={"pk": ready_job.pk})
    response = client.post(url, {"version": 0})
    plan = Plan.objects.get()
    assert response["Location"] == plan.get_absolute_url()
    assert Action.objects.filter(plan=plan).count() == 4
    again = client.post(url, {"version": 1}, follow=True)
    assert again.redirect_chain[-1][0] == plan.get_absolute_url()
    assert "Cette importation est déjà enregistrée comme plan." in again.content.decode()
    assert Plan.objects.count() == 1
    assert post_edit(client, ready_job, "supprimer", path="0")["HX-Redirect"] == (
        plan.get_absolute_url()
    )


def test_plan_list_links_to_the_import_for_editors(login, cast, ready_job):
    import_url = reverse("imports:upload")
    assert import_url in login(cast["editor_a"]).get(reverse("plans:list")).content.decode()
    assert import_url not in login(cast["reader_a"]).get(reverse("plans:list")).content.decode()


@pytest.mark.parametrize("size", [1, 60])
def test_review_page_runs_a_fixed_number_of_queries(
    login, cast, org_a, size, django_assert_num_queries
):
    job = start(org_a, cast["editor_a"], upload=json_upload(plan_document(size)))
    client = login(cast["editor_a"])
    url = reverse("imports:job", kwargs={"pk": job.pk})
    with django_assert_num_queries(4):
        response = client.get(url)
    assert response.status_code == 200
    with django_assert_num_queries(10):
        post_edit(client, job, "renommer", path="0", title="Autre titre")

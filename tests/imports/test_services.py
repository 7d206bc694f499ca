"""Imports from the document to the saved plan: reading, failures, locked edits, the one save."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from jalon.imports import edits
from jalon.imports.enums import ImportStatus
from jalon.imports.models import ImportJob
from jalon.imports.services import AlreadySaved, StaleDraft, edit_draft, save_import_as_plan
from jalon.plans.models import Action, Indicator, Objective, Orientation, Plan

from .conftest import corrupt_docx, json_upload, scanned_pdf, start

pytestmark = pytest.mark.django_db

PASTED = """Plan d'action 2021-2024

1. Orientation : Rassembler les acteurs
1.1 Objectif : Tenir la concertation vivante
1.1.1 Organiser deux forums régionaux
1.1.2 Produire un portrait du territoire
"""


def test_read_json_keeps_the_draft_and_numbers_its_lines(ready_job):
    assert ready_job.progress == 100
    assert ready_job.draft["title"] == "Plan d'action 2020-2023"
    assert ready_job.source_lines[0] == {"number": 1, "where": "ligne 1", "text": "{"}
    assert ready_job.version == 0


def test_read_pasted_text_gives_a_draft_and_its_source(cast, org_a):
    job = start(org_a, cast["editor_a"], text=PASTED)
    assert job.status == ImportStatus.READY
    assert job.draft["orientations"], job.draft
    assert [line["text"] for line in job.source_lines[:1]] == ["Plan d'action 2021-2024"]
    assert job.source_lines[4]["number"] == 5


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("plan.docx", corrupt_docx(), "DOCX est endommagé"),
        ("scan.pdf", scanned_pdf(), "OCR"),
        ("plan.json", b'{"format": "jalon-plan/1", "orientations": 3}', "jalon-plan/1"),
    ],
)
def test_bad_files_fail_the_import_with_their_message_and_create_no_plan(
    cast, org_a, name, data, words
):
    job = start(org_a, cast["editor_a"], upload=SimpleUploadedFile(name, data))
    assert job.status == ImportStatus.FAILED
    assert words in job.error_message
    assert job.error_message_en
    assert job.draft is None
    assert Plan.objects.count() == 0


def test_edit_applies_on_the_version_it_was_made_on(ready_job, cast):
    job = edit_draft(
        job=ready_job,
        version=0,
        user=cast["editor_a"],
        change=lambda d: edits.rename(
            d, edits.parse_path("1"), title="Communiquer mieux", code="2"
        ),
    )
    assert job.version == 1
    assert job.draft["orientations"][1]["title"] == "Communiquer mieux"
    assert job.last_change == "Titre modifié : « 2 Communiquer mieux »."
    assert job.last_changed_by == cast["editor_a"]


def test_stale_edit_is_refused_and_keeps_the_other_change(ready_job, cast):
    edit_draft(
        job=ready_job,
        version=0,
        user=cast["admin_a"],
        change=lambda d: edits.rename(d, edits.parse_path("0"), title="Titre de l'admin"),
    )
    with pytest.raises(StaleDraft) as refused:
        edit_draft(
            job=ready_job,
            version=0,
            user=cast["editor_a"],
            change=lambda d: edits.rename(d, edits.parse_path("0"), title="Titre de l'éditeur"),
        )
    assert refused.value.job.last_changed_by == cast["admin_a"]
    job = ImportJob.objects.get(pk=ready_job.pk)
    assert (job.version, job.draft["orientations"][0]["title"]) == (1, "Titre de l'admin")


def test_an_edit_error_writes_nothing(ready_job, cast):
    with pytest.raises(edits.EditError):
        edit_draft(
            job=ready_job,
            version=0,
            user=cast["editor_a"],
            change=lambda d: edits.merge_with_previous(d, edits.parse_path("0.0.0")),
        )
    job = ImportJob.objects.get(pk=ready_job.pk)
    assert job.version == 0
    assert len(job.draft["orientations"][0]["objectives"][0]["actions"]) == 2


def test_save_creates_the_plan_once(ready_job, cast, org_a):
    plan = save_import_as_plan(job=ready_job, user=cast["editor_a"], version=0)
    assert (plan.organization, plan.title, plan.state) == (
        org_a,
        "Plan d'action 2020-2023",
        "draft",
    )
    assert Orientation.objects.filter(plan=plan).count() == 2
    assert Objective.objects.filter(plan=plan).count() == 3
    assert Action.objects.filter(plan=plan).count() == 4
    assert Indicator.objects.filter(plan=plan).count() == 1
    job = ImportJob.objects.get(pk=ready_job.pk)
    assert (job.status, job.plan) == (ImportStatus.SAVED, plan)
    with pytest.raises(AlreadySaved):
        save_import_as_plan(job=job, user=cast["editor_a"])
    assert Plan.objects.count() == 1


def test_save_refuses_a_stale_version(ready_job, cast):
    with pytest.raises(StaleDraft):
        save_import_as_plan(job=ready_job, user=cast["editor_a"], version=7)
    assert Plan.objects.count() == 0


def test_uploaded_file_is_kept_under_imports(ready_job, settings):
    assert ready_job.file.name.startswith(f"imports/{ready_job.organization_id}/")
    assert ready_job.file.name.endswith("/plan.json")
    assert (settings.MEDIA_ROOT / ready_job.file.name).is_file()


def test_upload_of_json_named_otherwise_is_recognized(cast, org_a):
    job = start(org_a, cast["editor_a"], upload=json_upload(name="export"))
    assert job.status == ImportStatus.READY


SCANNED_PLAN = """<!doctype html><html lang="fr"><head><meta charset="utf-8"><style>
body { font-family: "DejaVu Sans", sans-serif; font-size: 12pt; } p { margin: 0 0 6pt; }
</style></head><body><h1>Plan d'action 2024-2027</h1>
<p>Orientation 1 : Renforcer la concertation régionale</p>
<p>Objectif 1.1 : Mobiliser les partenaires du territoire</p>
<p>1.1.1 Organiser deux rencontres annuelles des membres</p>
<p>1.1.2 Publier un bulletin d'information trimestriel</p></body></html>"""
SCANNED_PAGE_2 = SCANNED_PLAN.split("<h1>")[0] + (
    "<p>Orientation 2 : Agir sur la sécurité alimentaire</p>"
    "<p>Objectif 2.1 : Soutenir les cuisines collectives</p>"
    "<p>2.1.1 Financer six groupes de cuisine par année</p></body></html>"
)


def test_scanned_pdf_is_read_by_ocr_in_the_task_and_its_pages_reported(cast, org_a):
    from tests.importers.builders import scanned_pdf

    upload = SimpleUploadedFile("scan.pdf", scanned_pdf([SCANNED_PLAN, SCANNED_PAGE_2]))
    job = start(org_a, cast["editor_a"], upload=upload)

    assert job.status == ImportStatus.READY, job.error_message
    assert (job.ocr_done, job.ocr_total, job.ocr_page) == (2, 2, 2)
    assert job.draft["title"] == "Plan d'action 2024-2027"
    assert [
        (a["code"], a["title"])
        for o in job.draft["orientations"]
        for ob in o["objectives"]
        for a in ob["actions"]
    ] == [
        ("1.1.1", "Organiser deux rencontres annuelles des membres"),
        ("1.1.2", "Publier un bulletin d'information trimestriel"),
        ("2.1.1", "Financer six groupes de cuisine par année"),
    ]
    pages = job.draft["import_report"]["ocr"]
    assert [p["page"] for p in pages] == [1, 2]
    assert all(p["mean_confidence"] >= 85 and p["seconds"] <= 10 for p in pages)
    # the source beside the review is the OCR'd text, read once with the draft
    assert "Orientation 1 : Renforcer la concertation régionale" in [
        line["text"].strip() for line in job.source_lines
    ]

    plan = save_import_as_plan(job=job, user=cast["editor_a"])
    assert [p["page"] for p in plan.import_report["ocr"]] == [1, 2]


def test_ocr_limits_come_from_the_settings(cast, org_a, settings):
    from tests.importers.builders import scanned_pdf

    settings.IMPORT_OCR_MAX_PAGES = 1
    upload = SimpleUploadedFile("scan.pdf", scanned_pdf([SCANNED_PLAN, SCANNED_PLAN]))
    job = start(org_a, cast["editor_a"], upload=upload)

    assert job.status == ImportStatus.FAILED
    assert job.error_message.startswith("ce PDF compte 2 pages numérisées (sans texte)")
    assert job.error_message_en.startswith("this PDF has 2 scanned pages (without text)")
    assert Plan.objects.count() == 0

"""Fixtures of the import tests: files kept in a temporary media folder, a known draft as JSON.

Most tests import a `jalon-plan/1` JSON file built here, so that what they check does not hang
on how the recognizers read a given text (that is tested in tests/importers).
"""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from jalon.imports import services
from jalon.imports.models import ImportJob


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def action(code: str, title: str, lines: list[int], **more: Any) -> dict[str, Any]:
    return {"code": code, "title": title, "source_lines": lines, **more}


def plan_document(actions_per_objective: int = 2) -> dict[str, Any]:
    """Two orientations, three objectives; indicators, results and two unplaced lines."""
    first = [
        action(
            "1.1.1",
            "Tenir les rencontres du comité et publier un bulletin",
            [5, 6],
            actors=["Coordination"],
            expected_results=["An 1 : quatre rencontres"],
            indicators=[{"kind": "R", "text": "Nombre de rencontres"}],
            schedule_years=[1, 2],
            timing="Automne",
            status="in_progress",
            progress_note="Deux rencontres faites",
        ),
        action("1.1.2", "Rédiger le rapport annuel", [7]),
    ]
    first += [
        action(f"1.1.{n}", f"Action supplémentaire {n}", [7])
        for n in range(3, actions_per_objective + 1)
    ]
    return {
        "format": "jalon-plan/1",
        "organization": "Organisme témoin",
        "title": "Plan d'action 2020-2023",
        "period": {"start": "2020-07-01", "end": "2023-06-30"},
        "fiscal_year_start_month": 7,
        "orientations": [
            {
                "code": "1",
                "title": "Renforcer la concertation",
                "source_lines": [3],
                "objectives": [
                    {
                        "code": "1.1",
                        "title": "Animer le réseau",
                        "source_lines": [4],
                        "actions": first,
                    },
                    {
                        "code": "1.2",
                        "title": "Soutenir les membres",
                        "source_lines": [8],
                        "actions": [action("1.2.1", "Offrir un accompagnement", [9])],
                    },
                ],
            },
            {
                "code": "2",
                "title": "Mieux communiquer",
                "source_lines": [10],
                "objectives": [
                    {
                        "code": "2.1",
                        "title": "Faire connaître le réseau",
                        "source_lines": [11],
                        "actions": [action("2.1.1", "Refaire le site web", [12])],
                    }
                ],
            },
        ],
        "import_report": {
            "format_detected": "test",
            "warnings": ["ligne 13 : colonne sans en-tête"],
            "unplaced": ["Une ligne restée de côté", "Nombre de visites du site"],
        },
    }


def json_upload(
    document: dict[str, Any] | None = None, name: str = "plan.json"
) -> SimpleUploadedFile:
    data = json.dumps(document or plan_document(), ensure_ascii=False, indent=1).encode()
    return SimpleUploadedFile(name, data, content_type="application/json")


def corrupt_docx() -> bytes:
    """A ZIP that claims to be a Word document but whose XML is cut short."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        archive.writestr("word/document.xml", "<w:document xmlns:w='urn:x'><w:body><w:p>")
    return buffer.getvalue()


def scanned_pdf(pages: int = 2) -> bytes:
    """A PDF whose pages hold only a drawn rectangle: no text layer, as a scan would have."""
    objects: list[bytes] = []
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(pages))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode())
    stream = b"0.5 g 50 50 500 700 re f"
    for i in range(pages):
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {4 + 2 * i} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def start(org, user, **source: Any) -> ImportJob:
    """Start an import the way the upload view does; the immediate backend reads it at once."""
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        job = services.start_import(organization=org, user=user, **source)
    job.refresh_from_db()
    return job


@pytest.fixture
def ready_job(cast, org_a) -> ImportJob:
    """An import of org_a, read and ready to review."""
    job = start(org_a, cast["editor_a"], upload=json_upload())
    assert job.status == "ready", job.error_message
    return job

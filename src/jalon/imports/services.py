"""Writes of imports: record a document, read it in the background, apply review edits, save.

Every change to a draft names the version it was made on; when someone else changed the draft
in between, `StaleDraft` is raised and nothing is written, so no change is lost silently.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from jalon.importers import DocumentError, Limits, read_document, recognize_document
from jalon.importers.readers.pdf import OcrProgress
from jalon.importers.source import SourceLine, document_lines, text_lines
from jalon.network.models import Organization
from jalon.plans.interchange import InterchangeError, draft_from_dict, draft_to_dict, loads
from jalon.plans.models import Plan
from jalon.plans.services import create_plan_from_draft

from . import edits
from .enums import ImportStatus, SourceKind
from .models import ImportJob

logger = logging.getLogger(__name__)

JSON_FORMAT = "json"


class StaleDraft(Exception):
    """The draft changed since the reviewer loaded it; `job` is the current state."""

    def __init__(self, job: ImportJob) -> None:
        self.job = job
        super().__init__(f"import {job.pk} is at version {job.version}")


class AlreadySaved(Exception):
    """The import has already become a plan."""

    def __init__(self, job: ImportJob) -> None:
        self.job = job
        super().__init__(f"import {job.pk} already saved")


class NotReady(Exception):
    """The import has no draft to change (still reading, failed or saved)."""


def _user(user: Any) -> Any:
    return user if getattr(user, "is_authenticated", False) else None


@transaction.atomic
def start_import(
    *,
    organization: Organization,
    user: Any,
    upload: UploadedFile[bytes] | None = None,
    text: str = "",
    fmt: str = "",
) -> ImportJob:
    """Record the document (a file or pasted text) and hand its reading to the task backend."""
    from .tasks import read_import_task

    job = ImportJob(organization=organization, created_by=_user(user), format=fmt)
    if upload is not None:
        job.source_kind = SourceKind.FILE
        job.filename = (upload.name or "document").rsplit("/", 1)[-1][:200]
        job.save()
        job.file.save(job.filename, upload, save=True)
    else:
        job.source_kind = SourceKind.TEXT
        job.filename = ""
        job.pasted_text = text
        job.save()
    # The row must be committed before a worker of the database backend looks for it.
    transaction.on_commit(lambda: read_import_task.enqueue(job.pk))
    return job


def _is_json(data: bytes, filename: str, fmt: str) -> bool:
    if fmt:
        return fmt == JSON_FORMAT
    if filename.lower().endswith(".json"):
        return True
    return data.lstrip()[:1] == b"{" and b'"orientations"' in data[:200_000]


def import_limits() -> Limits:
    """The bounds of one import, from the settings (JALON_IMPORT_MAX_PAGES, JALON_OCR_*)."""
    return Limits(
        max_bytes=settings.MAX_UPLOAD_BYTES,
        max_pages=settings.IMPORT_MAX_PAGES,
        ocr=settings.IMPORT_OCR,
        ocr_max_pages=settings.IMPORT_OCR_MAX_PAGES,
        ocr_page_seconds=float(settings.IMPORT_OCR_PAGE_SECONDS),
        ocr_total_seconds=float(settings.IMPORT_OCR_TOTAL_SECONDS),
    )


def _read(
    data: bytes, filename: str, fmt: str, progress: OcrProgress | None = None
) -> tuple[dict[str, Any], list[SourceLine]]:
    """The draft (as JSON) and the numbered source lines; DocumentError when unusable.

    The document is read once: a scanned PDF's OCR is far too slow to run twice.
    """
    if _is_json(data, filename, fmt):
        try:
            draft = loads(data)
        except InterchangeError as exc:
            raise DocumentError(
                f"ce fichier JSON n'est pas un plan jalon-plan/1 : {exc.message}",
                f"this JSON file is not a jalon-plan/1 plan: {exc.message_en}",
                exc.path,
            ) from None
        text = data.decode("utf-8", errors="replace")
        return draft_to_dict(draft), text_lines(text)
    doc = read_document(data, filename, fmt=fmt or None, limits=import_limits(), progress=progress)
    draft = recognize_document(doc, filename)
    return draft_to_dict(draft), document_lines(doc)


def _progress(job_id: int, status: str, progress: int) -> None:
    ImportJob.objects.filter(pk=job_id).update(status=status, progress=progress)


def _ocr_progress(job_id: int) -> OcrProgress:
    """What the PDF reader tells before each scanned page: saved for the polled fragment."""

    def told(done: int, total: int, page: int) -> None:
        # reading takes 10 %, recognition 10 → 90 %, recognizing the plan the rest
        ImportJob.objects.filter(pk=job_id).update(
            progress=10 + (80 * done) // max(1, total),
            ocr_done=done,
            ocr_total=total,
            ocr_page=page,
        )

    return told


def read_import(*, job_id: int) -> ImportJob:
    """Read the document of an import into its draft; a bad document fails the import only."""
    job = ImportJob.objects.get(pk=job_id)
    if not job.is_running:
        return job
    _progress(job.pk, ImportStatus.READING, 10)
    try:
        if job.source_kind == SourceKind.TEXT:
            data = job.pasted_text.encode("utf-8")
            name = "texte.txt"
        else:
            with job.file.open("rb") as handle:
                data = handle.read()
            name = job.filename
        draft, lines = _read(data, name, job.format, _ocr_progress(job.pk))
    except DocumentError as exc:
        ImportJob.objects.filter(pk=job.pk).update(
            status=ImportStatus.FAILED,
            progress=100,
            error_message=exc.message,
            error_message_en=exc.message_en,
            error_where=exc.where[:200],
        )
    except OSError as exc:
        logger.warning("import %s: the stored file cannot be read: %r", job.pk, exc)
        ImportJob.objects.filter(pk=job.pk).update(
            status=ImportStatus.FAILED,
            progress=100,
            error_message="le fichier téléversé est introuvable sur le serveur",
            error_message_en="the uploaded file cannot be found on the server",
        )
    else:
        ImportJob.objects.filter(pk=job.pk).update(
            status=ImportStatus.READY,
            progress=100,
            draft=draft,
            source_lines=[asdict(line) for line in lines],
        )
    job.refresh_from_db()
    return job


@transaction.atomic
def edit_draft(
    *,
    job: ImportJob,
    version: int,
    user: Any,
    change: Callable[[dict[str, Any]], str],
) -> ImportJob:
    """Apply one review change to the draft if it is still at `version`; raises otherwise.

    Raises StaleDraft (someone changed it first), NotReady, or edits.EditError (the change
    makes no sense); in each case nothing is written.
    """
    current = ImportJob.objects.select_for_update().get(pk=job.pk)
    if current.status == ImportStatus.SAVED:
        raise AlreadySaved(current)
    if current.status != ImportStatus.READY or current.draft is None:
        raise NotReady
    if current.version != version:
        raise StaleDraft(current)
    draft = current.draft
    said = change(draft)
    try:
        draft_from_dict(draft)
    except InterchangeError as exc:
        raise edits.EditError(str(exc)) from None
    updated = ImportJob.objects.filter(pk=current.pk, version=version).update(
        draft=draft,
        version=F("version") + 1,
        last_change=said[:300],
        last_changed_by=_user(user),
    )
    if not updated:  # unreachable under the row lock; kept for databases without it
        raise StaleDraft(current)
    current.refresh_from_db()
    return current


@transaction.atomic
def save_import_as_plan(*, job: ImportJob, user: Any, version: int | None = None) -> Plan:
    """Create the draft plan from the reviewed import, once; raises AlreadySaved the second time.

    Raises StaleDraft when `version` is given and the draft changed since, InterchangeError
    when the draft does not make a valid plan (nothing written).
    """
    current = ImportJob.objects.select_for_update().select_related("organization").get(pk=job.pk)
    if current.status == ImportStatus.SAVED:
        raise AlreadySaved(current)
    if current.status != ImportStatus.READY or current.draft is None:
        raise NotReady
    if version is not None and current.version != version:
        raise StaleDraft(current)
    draft = draft_from_dict(current.draft)
    if not draft.title.strip():
        raise InterchangeError(
            "title",
            _("Donnez un titre au plan avant de l'enregistrer."),
            "Give the plan a title before saving it.",
        )
    if not draft.source and current.filename:
        draft.source = current.filename
    plan = create_plan_from_draft(draft=draft, organization=current.organization, user=_user(user))
    current.status = ImportStatus.SAVED
    current.plan = plan
    current.version += 1
    current.save(update_fields=["status", "plan", "version", "updated_at"])
    return plan

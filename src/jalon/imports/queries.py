"""Reads of imports, with their access rule: an import is seen by the editors of its organization.

The rule follows the plans' (builder_queries.editable_organizations): whoever may create a plan
for an organization may import one for it, see its imports and review them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils.dates import MONTHS

from jalon.network.models import Organization
from jalon.plans.builder_queries import editable_organizations
from jalon.plans.enums import ActionStatus
from jalon.plans.interchange import ocr_pages_of

from .edits import path_of, unplaced_lines
from .models import ImportJob

__all__ = ["editable_organizations", "get_job_for_user", "recent_jobs", "review_of"]


def get_job_for_user(user: Any, pk: int) -> ImportJob:
    """The import if the user may review it; 404 otherwise (its existence is not revealed)."""
    job = (
        ImportJob.objects.select_related("organization", "plan", "last_changed_by")
        .filter(pk=pk, organization__in=editable_organizations(user))
        .first()
    )
    if job is None:
        raise Http404
    return job


def recent_jobs(user: Any, *, limit: int = 10) -> QuerySet[ImportJob]:
    """The latest imports of the organizations the user may import into."""
    return (
        ImportJob.objects.filter(organization__in=editable_organizations(user))
        .select_related("organization", "created_by", "plan")
        .defer("draft", "source_lines", "pasted_text")[:limit]
    )


@dataclass
class ReviewItem:
    """One orientation, objective or action of the draft as the review screen shows it."""

    kind: str
    path: str
    anchor: str
    data: dict[str, Any]
    lines: list[int]
    children: list[ReviewItem] = field(default_factory=list)
    parent_path: str = ""
    previous: bool = False  # an action with an action before it in its objective (may merge)
    indicators: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    results: list[tuple[str, str]] = field(default_factory=list)

    @property
    def status_label(self) -> str:
        status = self.data.get("status")
        return (
            str(ActionStatus(status).label) if status in ActionStatus.values else str(status or "")
        )

    @property
    def line_range(self) -> str:
        if not self.lines:
            return ""
        first, last = min(self.lines), max(self.lines)
        return str(first) if first == last else f"{first}–{last}"


@dataclass
class Choice:
    path: str
    label: str


@dataclass
class Unplaced:
    index: int
    text: str
    number: int | None  # the source line it most likely is, to show it there


@dataclass
class Review:
    tree: list[ReviewItem]
    source: list[dict[str, Any]]  # {"number", "where", "text", "anchor"}: the item it belongs to
    orientations: list[Choice]
    objectives: list[Choice]
    actions: list[Choice]
    unplaced: list[Unplaced]
    warnings: list[str]
    counts: dict[str, int]
    frame: dict[str, Any]
    # Pages of a scan read by OCR: {"page", "mean_confidence", "words", "seconds", "low"}
    ocr: list[dict[str, Any]] = field(default_factory=list)
    months: list[tuple[int, str]] = field(
        default_factory=lambda: [(m, str(MONTHS[m])) for m in range(1, 13)]
    )


def _anchor(path: str) -> str:
    return "item-" + path.replace(".", "-")


def _label(data: dict[str, Any], width: int = 70) -> str:
    text = " ".join(filter(None, [data.get("code") or "", data.get("title") or ""]))
    return text if len(text) <= width else text[: width - 1] + "…"


def review_of(job: ImportJob) -> Review:
    """The draft of an import shaped for the review screen: no query (all in the job's JSON)."""
    draft: dict[str, Any] = job.draft or {}
    tree: list[ReviewItem] = []
    orientations: list[Choice] = []
    objectives: list[Choice] = []
    actions: list[Choice] = []
    owner: dict[int, str] = {}  # source line -> anchor of the most precise item from it
    counts = {"orientations": 0, "objectives": 0, "actions": 0, "indicators": 0, "results": 0}

    def lines_of(data: dict[str, Any], anchor: str) -> list[int]:
        lines = [n for n in data.get("source_lines") or [] if isinstance(n, int)]
        for n in lines:
            owner[n] = anchor
        return lines

    for oi, orientation in enumerate(draft.get("orientations") or []):
        path = path_of(oi)
        o_item = ReviewItem("orientation", path, _anchor(path), orientation, [])
        o_item.lines = lines_of(orientation, o_item.anchor)
        orientations.append(Choice(path, _label(orientation)))
        counts["orientations"] += 1
        for bi, objective in enumerate(orientation.get("objectives") or []):
            path = path_of(oi, bi)
            b_item = ReviewItem(
                "objective", path, _anchor(path), objective, [], parent_path=path_of(oi)
            )
            b_item.lines = lines_of(objective, b_item.anchor)
            b_item.indicators = [  # the objective's own
                (path_of(oi, bi, ii, sub="i"), ind)
                for ii, ind in enumerate(objective.get("indicators") or [])
            ]
            counts["indicators"] += len(b_item.indicators)
            objectives.append(Choice(path, _label(objective)))
            counts["objectives"] += 1
            for ai, action in enumerate(objective.get("actions") or []):
                path = path_of(oi, bi, ai)
                a_item = ReviewItem(
                    "action",
                    path,
                    _anchor(path),
                    action,
                    [],
                    parent_path=path_of(oi, bi),
                    previous=ai > 0,
                )
                a_item.lines = lines_of(action, a_item.anchor)
                a_item.indicators = [
                    (path_of(oi, bi, ai, ii, sub="i"), ind)
                    for ii, ind in enumerate(action.get("indicators") or [])
                ]
                a_item.results = [
                    (path_of(oi, bi, ai, ri, sub="r"), str(res))
                    for ri, res in enumerate(action.get("expected_results") or [])
                ]
                actions.append(Choice(path, _label(action)))
                counts["actions"] += 1
                counts["indicators"] += len(a_item.indicators)
                counts["results"] += len(a_item.results)
                b_item.children.append(a_item)
            o_item.children.append(b_item)
        tree.append(o_item)

    source: list[dict[str, Any]] = []
    previous_where = ""
    for line in job.source_lines or []:
        number = line.get("number")
        where = str(line.get("where") or "")
        marker = ""
        if where and where != f"ligne {number}" and where != previous_where:
            marker = where.split(",")[0] if where.startswith("page") else where
            if marker == previous_where.split(",")[0]:
                marker = ""
        previous_where = where
        source.append(
            {
                "number": number,
                "where": where,
                "text": str(line.get("text") or ""),
                "anchor": owner.get(number, "") if isinstance(number, int) else "",
                "marker": marker,
            }
        )
    report = draft.get("import_report") or {}
    period = draft.get("period") or {}
    unplaced = [
        Unplaced(index, text, _line_of(text, source))
        for index, text in enumerate(unplaced_lines(draft))
    ]
    warnings = [str(w) for w in report.get("warnings") or []]
    counts["unplaced"] = len(unplaced)
    counts["warnings"] = len(warnings)
    ocr = [
        {
            "page": p.page,
            "mean_confidence": p.mean_confidence,
            "words": p.words,
            "seconds": p.seconds,
            # below this, Tesseract's reading of a page usually needs many corrections
            "low": p.mean_confidence is None or p.mean_confidence < OCR_LOW_CONFIDENCE,
        }
        for p in ocr_pages_of(report.get("ocr"))
    ]
    return Review(
        ocr=ocr,
        tree=tree,
        source=source,
        orientations=orientations,
        objectives=objectives,
        actions=actions,
        unplaced=unplaced,
        warnings=warnings,
        counts=counts,
        frame={
            "title": draft.get("title") or "",
            "organization": draft.get("organization") or "",
            "period_start": period.get("start"),
            "period_end": period.get("end"),
            "start": _date(period.get("start")),
            "end": _date(period.get("end")),
            "fiscal_year_start_month": draft.get("fiscal_year_start_month"),
            "month_label": str(MONTHS.get(draft.get("fiscal_year_start_month") or 0, "")),
            "format_detected": report.get("format_detected") or "",
        },
    )


OCR_LOW_CONFIDENCE = 80.0  # mean word confidence (0–100) under which a page is flagged


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _line_of(text: str, source: list[dict[str, Any]]) -> int | None:
    """The first source line the unplaced text starts on (texts are compared without spaces)."""
    head = "".join(text.split())[:40]
    if not head:
        return None
    for line in source:
        squeezed = "".join(line["text"].split())
        if squeezed and (head.startswith(squeezed[:40]) or squeezed.find(head) >= 0):
            return int(line["number"])
    return None


def organization_choices(user: Any) -> QuerySet[Organization]:
    return editable_organizations(user)

"""The `jalon-plan/1` interchange format as typed dataclasses, and its JSON.

One JSON document holds one plan (see docs/plan-format.md). Every importer produces a
`PlanDraft`, the JSON export writes one, and `plans.services.create_plan_from_draft` is the
one way a draft becomes a plan. This module is pure Python: it knows nothing of Django.

Reading is strict where it matters and lenient elsewhere: unknown keys are ignored (so a
producer may add its own), while a missing title or a value of the wrong type raises
`InterchangeError` naming the place (`orientations[2].objectives[0].actions[5].title`).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from .vocabulary import ActionStatus, IndicatorKind, ObjectiveKind

FORMAT = "jalon-plan/1"

STATUSES: tuple[str, ...] = tuple(ActionStatus)
INDICATOR_KINDS: tuple[str, ...] = tuple(IndicatorKind)
OBJECTIVE_KINDS: tuple[str, ...] = tuple(ObjectiveKind)


class InterchangeError(ValueError):
    """A document that is not valid `jalon-plan/1`; `path` names the place."""

    def __init__(self, path: str, message: str, message_en: str | None = None) -> None:
        self.path = path
        self.message = message
        self.message_en = message_en or message
        where = f"{path} : " if path else ""
        super().__init__(f"{where}{message}")


@dataclass
class IndicatorDraft:
    text: str
    kind: str | None = None  # an IndicatorKind or None
    target: dict[str, Any] | None = None  # structured target (project extension)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class ActionDraft:
    title: str
    code: str | None = None
    actors: list[str] = field(default_factory=list)
    expected_results: list[str] = field(default_factory=list)
    indicators: list[IndicatorDraft] = field(default_factory=list)
    schedule_years: list[int] | None = None
    timing: str | None = None
    status: str | None = None
    progress_note: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class ObjectiveDraft:
    title: str
    code: str | None = None
    kind: str | None = None  # an ObjectiveKind or None
    actions: list[ActionDraft] = field(default_factory=list)
    # Indicators of the objective itself: plans whose objectives carry indicators and targets,
    # with or without actions (government-style plans).
    indicators: list[IndicatorDraft] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class OrientationDraft:
    title: str
    code: str | None = None
    objectives: list[ObjectiveDraft] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class OcrPage:
    """A page read by optical character recognition (a scan), and how sure the reading is."""

    page: int  # 1-based page number in the PDF
    mean_confidence: float | None  # mean of the engine's word confidences, 0–100; None: no word
    words: int  # words recognized on the page
    seconds: float  # time the recognition took


@dataclass
class ImportReport:
    format_detected: str | None = None
    warnings: list[str] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)
    ocr: list[OcrPage] = field(default_factory=list)  # pages without a text layer, read by OCR


@dataclass
class PlanDraft:
    organization: str = ""
    title: str = ""
    source: str | None = None
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    fiscal_year_start_month: int | None = None
    updated_on: dt.date | None = None
    mission: str | None = None
    vision: str | None = None
    global_objective: str | None = None
    values: list[str] = field(default_factory=list)
    mandates: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    glossary: dict[str, str] = field(default_factory=dict)
    orientations: list[OrientationDraft] = field(default_factory=list)
    import_report: ImportReport | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def iter_actions(self) -> list[ActionDraft]:
        return [a for o in self.orientations for ob in o.objectives for a in ob.actions]


# --- Writing ------------------------------------------------------------------------------


def _date_out(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _with_extra(data: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    for key, value in extra.items():
        data.setdefault(key, value)
    return data


def indicator_to_dict(ind: IndicatorDraft) -> dict[str, Any]:
    data: dict[str, Any] = {"kind": ind.kind, "text": ind.text}
    if ind.target is not None:
        # Sorted keys: a JSON column may not keep insertion order (PostgreSQL's jsonb does not),
        # and an export must not depend on the database it came from.
        data["target"] = {key: ind.target[key] for key in sorted(ind.target)}
    return _with_extra(data, ind.extra)


def action_to_dict(action: ActionDraft) -> dict[str, Any]:
    data: dict[str, Any] = {
        "code": action.code,
        "title": action.title,
        "actors": list(action.actors),
        "expected_results": list(action.expected_results),
        "indicators": [indicator_to_dict(i) for i in action.indicators],
        "schedule_years": list(action.schedule_years)
        if action.schedule_years is not None
        else None,
        "timing": action.timing,
        "status": action.status,
        "progress_note": action.progress_note,
    }
    return _with_extra(data, action.extra)


def draft_to_dict(draft: PlanDraft) -> dict[str, Any]:
    data: dict[str, Any] = {
        "format": FORMAT,
        "source": draft.source,
        "organization": draft.organization,
        "title": draft.title,
        "period": {"start": _date_out(draft.period_start), "end": _date_out(draft.period_end)},
        "fiscal_year_start_month": draft.fiscal_year_start_month,
        "updated_on": _date_out(draft.updated_on),
        "mission": draft.mission,
        "vision": draft.vision,
        "global_objective": draft.global_objective,
        "values": list(draft.values),
        "mandates": list(draft.mandates),
        "notes": list(draft.notes),
        "glossary": {key: draft.glossary[key] for key in sorted(draft.glossary, key=str.casefold)},
        "orientations": [
            _with_extra(
                {
                    "code": o.code,
                    "title": o.title,
                    "objectives": [
                        _with_extra(
                            {
                                "code": ob.code,
                                "kind": ob.kind,
                                "title": ob.title,
                                "actions": [action_to_dict(a) for a in ob.actions],
                                # Written only when present, so that plans without
                                # objective-level indicators export as they always have.
                                **(
                                    {"indicators": [indicator_to_dict(i) for i in ob.indicators]}
                                    if ob.indicators
                                    else {}
                                ),
                            },
                            ob.extra,
                        )
                        for ob in o.objectives
                    ],
                },
                o.extra,
            )
            for o in draft.orientations
        ],
    }
    if draft.import_report is not None:
        data["import_report"] = {
            "format_detected": draft.import_report.format_detected,
            "warnings": list(draft.import_report.warnings),
            "unplaced": list(draft.import_report.unplaced),
        }
        if draft.import_report.ocr:  # written only when pages were OCR'd
            data["import_report"]["ocr"] = [
                {
                    "page": p.page,
                    "mean_confidence": p.mean_confidence,
                    "words": p.words,
                    "seconds": p.seconds,
                }
                for p in draft.import_report.ocr
            ]
    return _with_extra(data, draft.extra)


def dumps(draft: PlanDraft, *, indent: int | None = 2) -> str:
    return json.dumps(draft_to_dict(draft), ensure_ascii=False, indent=indent)


# --- Reading ------------------------------------------------------------------------------

_EN_TYPES = {"texte": "text", "liste": "list", "objet": "object", "nombre entier": "integer"}


def _expect(value: Any, kind: type | tuple[type, ...], path: str, what: str) -> Any:
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise InterchangeError(
            path, f"doit être {what}", f"must be {_EN_TYPES.get(what.split()[-1], what)}"
        )
    return value


def _opt_str(obj: dict[str, Any], key: str, path: str) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return str(_expect(value, str, f"{path}.{key}" if path else key, "du texte"))


def _req_str(obj: dict[str, Any], key: str, path: str) -> str:
    where = f"{path}.{key}" if path else key
    if key not in obj or obj[key] is None:
        raise InterchangeError(where, "est obligatoire et manque", "is required and missing")
    value = _expect(obj[key], str, where, "du texte")
    if not value.strip():
        raise InterchangeError(where, "ne peut pas être vide", "cannot be empty")
    return str(value)


def _str_list(obj: dict[str, Any], key: str, path: str) -> list[str]:
    where = f"{path}.{key}" if path else key
    value = obj.get(key)
    if value is None:
        return []
    _expect(value, list, where, "une liste")
    out = []
    for i, item in enumerate(value):
        out.append(str(_expect(item, str, f"{where}[{i}]", "du texte")))
    return out


def _date_in(value: Any, path: str) -> dt.date | None:
    if value is None or value == "":
        return None
    _expect(value, str, path, "du texte")
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise InterchangeError(
            path,
            f"« {value} » n'est pas une date AAAA-MM-JJ",
            f"{value!r} is not a YYYY-MM-DD date",
        ) from None


def _extra(obj: dict[str, Any], known: set[str]) -> dict[str, Any]:
    return {k: v for k, v in obj.items() if k not in known}


_IND_KEYS = {"kind", "text", "target"}
_ACTION_KEYS = {
    "code",
    "title",
    "actors",
    "expected_results",
    "indicators",
    "schedule_years",
    "timing",
    "status",
    "progress_note",
}
_OBJ_KEYS = {"code", "kind", "title", "actions", "indicators"}
_ORI_KEYS = {"code", "title", "objectives"}
_PLAN_KEYS = {
    "format",
    "source",
    "organization",
    "title",
    "period",
    "fiscal_year_start_month",
    "updated_on",
    "mission",
    "vision",
    "global_objective",
    "values",
    "mandates",
    "notes",
    "glossary",
    "orientations",
    "import_report",
}


def ocr_pages_of(raw: Any) -> list[OcrPage]:
    """The OCR'd pages of an import report; what does not look like one is ignored (a report)."""
    pages: list[OcrPage] = []
    for item in raw if isinstance(raw, list) else []:
        if not isinstance(item, dict) or not isinstance(item.get("page"), int):
            continue
        conf = item.get("mean_confidence")
        words = item.get("words")
        seconds = item.get("seconds")
        pages.append(
            OcrPage(
                page=item["page"],
                mean_confidence=float(conf) if isinstance(conf, (int, float)) else None,
                words=words if isinstance(words, int) else 0,
                seconds=float(seconds) if isinstance(seconds, (int, float)) else 0.0,
            )
        )
    return pages


def _indicator(obj: Any, path: str) -> IndicatorDraft:
    if isinstance(obj, str):
        return IndicatorDraft(text=obj)
    _expect(obj, dict, path, "un objet")
    kind = obj.get("kind")
    if kind is not None and kind not in INDICATOR_KINDS:
        raise InterchangeError(
            f"{path}.kind",
            f"« {kind} » : attendu MO, R ou null",
            f"{kind!r}: expected MO, R or null",
        )
    target = obj.get("target")
    if target is not None:
        _expect(target, dict, f"{path}.target", "un objet")
    return IndicatorDraft(
        text=_req_str(obj, "text", path), kind=kind, target=target, extra=_extra(obj, _IND_KEYS)
    )


def _action(obj: Any, path: str) -> ActionDraft:
    _expect(obj, dict, path, "un objet")
    years_raw = obj.get("schedule_years")
    years: list[int] | None = None
    if years_raw is not None:
        _expect(years_raw, list, f"{path}.schedule_years", "une liste")
        years = []
        for i, y in enumerate(years_raw):
            _expect(y, int, f"{path}.schedule_years[{i}]", "un nombre entier")
            if y < 1 or y > 50:
                raise InterchangeError(
                    f"{path}.schedule_years[{i}]",
                    "doit être une année du plan entre 1 et 50",
                    "must be a plan year between 1 and 50",
                )
            years.append(y)
    status = obj.get("status")
    if status is not None and status not in STATUSES:
        raise InterchangeError(
            f"{path}.status",
            f"« {status} » n'est pas un état connu ({', '.join(STATUSES)})",
            f"{status!r} is not a known status",
        )
    indicators_raw = obj.get("indicators") or []
    _expect(indicators_raw, list, f"{path}.indicators", "une liste")
    return ActionDraft(
        title=_req_str(obj, "title", path),
        code=_opt_str(obj, "code", path),
        actors=_str_list(obj, "actors", path),
        expected_results=_str_list(obj, "expected_results", path),
        indicators=[_indicator(x, f"{path}.indicators[{i}]") for i, x in enumerate(indicators_raw)],
        schedule_years=years,
        timing=_opt_str(obj, "timing", path),
        status=status,
        progress_note=_opt_str(obj, "progress_note", path),
        extra=_extra(obj, _ACTION_KEYS),
    )


def _objective(obj: Any, path: str) -> ObjectiveDraft:
    _expect(obj, dict, path, "un objet")
    kind = obj.get("kind")
    if kind is not None and kind not in OBJECTIVE_KINDS:
        raise InterchangeError(
            f"{path}.kind",
            f"« {kind} » : attendu principal, secondary ou null",
            f"{kind!r}: expected principal, secondary or null",
        )
    actions = obj.get("actions") or []
    _expect(actions, list, f"{path}.actions", "une liste")
    indicators_raw = obj.get("indicators") or []
    _expect(indicators_raw, list, f"{path}.indicators", "une liste")
    return ObjectiveDraft(
        title=_req_str(obj, "title", path),
        code=_opt_str(obj, "code", path),
        kind=kind,
        actions=[_action(a, f"{path}.actions[{i}]") for i, a in enumerate(actions)],
        indicators=[_indicator(x, f"{path}.indicators[{i}]") for i, x in enumerate(indicators_raw)],
        extra=_extra(obj, _OBJ_KEYS),
    )


def _orientation(obj: Any, path: str) -> OrientationDraft:
    _expect(obj, dict, path, "un objet")
    objectives = obj.get("objectives") or []
    _expect(objectives, list, f"{path}.objectives", "une liste")
    return OrientationDraft(
        title=_req_str(obj, "title", path),
        code=_opt_str(obj, "code", path),
        objectives=[_objective(o, f"{path}.objectives[{i}]") for i, o in enumerate(objectives)],
        extra=_extra(obj, _ORI_KEYS),
    )


def draft_from_dict(data: Any, *, require_format: bool = False) -> PlanDraft:
    """Read a parsed JSON document; raises InterchangeError naming the first bad place."""
    _expect(data, dict, "", "un objet")
    fmt = data.get("format")
    if fmt is None and require_format:
        raise InterchangeError(
            "format", f"manque : attendu « {FORMAT} »", f"missing: expected {FORMAT!r}"
        )
    if fmt is not None and fmt != FORMAT:
        raise InterchangeError(
            "format",
            f"version « {fmt} » inconnue : Jalon lit « {FORMAT} »",
            f"unknown version {fmt!r}: Jalon reads {FORMAT!r}",
        )
    period = data.get("period") or {}
    _expect(period, dict, "period", "un objet")
    fy = data.get("fiscal_year_start_month")
    if fy is not None:
        _expect(fy, int, "fiscal_year_start_month", "un nombre entier")
        if not 1 <= fy <= 12:
            raise InterchangeError(
                "fiscal_year_start_month",
                "doit être un mois de 1 à 12",
                "must be a month from 1 to 12",
            )
    glossary = data.get("glossary") or {}
    _expect(glossary, dict, "glossary", "un objet")
    for key, value in glossary.items():
        _expect(value, str, f"glossary.{key}", "du texte")
    orientations = data.get("orientations")
    if orientations is None:
        raise InterchangeError(
            "orientations", "est obligatoire et manque", "is required and missing"
        )
    _expect(orientations, list, "orientations", "une liste")
    report_raw = data.get("import_report")
    report = None
    if isinstance(report_raw, dict):
        report = ImportReport(
            format_detected=_opt_str(report_raw, "format_detected", "import_report"),
            warnings=_str_list(report_raw, "warnings", "import_report"),
            unplaced=_str_list(report_raw, "unplaced", "import_report"),
            ocr=ocr_pages_of(report_raw.get("ocr")),
        )
    organization = data.get("organization")
    title = data.get("title")
    return PlanDraft(
        organization=str(_expect(organization, str, "organization", "du texte"))
        if organization is not None
        else "",
        title=str(_expect(title, str, "title", "du texte")) if title is not None else "",
        source=_opt_str(data, "source", ""),
        period_start=_date_in(period.get("start"), "period.start"),
        period_end=_date_in(period.get("end"), "period.end"),
        fiscal_year_start_month=fy,
        updated_on=_date_in(data.get("updated_on"), "updated_on"),
        mission=_opt_str(data, "mission", ""),
        vision=_opt_str(data, "vision", ""),
        global_objective=_opt_str(data, "global_objective", ""),
        values=_str_list(data, "values", ""),
        mandates=_str_list(data, "mandates", ""),
        notes=_str_list(data, "notes", ""),
        glossary={str(k): str(v) for k, v in glossary.items()},
        orientations=[_orientation(o, f"orientations[{i}]") for i, o in enumerate(orientations)],
        import_report=report,
        extra=_extra(data, _PLAN_KEYS),
    )


def loads(text: str | bytes, *, require_format: bool = False) -> PlanDraft:
    """Parse JSON text into a PlanDraft; malformed JSON raises InterchangeError with line and column."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InterchangeError(
            f"ligne {exc.lineno}, colonne {exc.colno}",
            f"JSON mal formé : {exc.msg}",
            f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}",
        ) from None
    except UnicodeDecodeError:
        raise InterchangeError(
            "", "le fichier n'est pas du texte UTF-8", "the file is not UTF-8 text"
        ) from None
    return draft_from_dict(data, require_format=require_format)

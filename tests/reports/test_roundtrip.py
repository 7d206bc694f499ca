"""Issue 6 item 8: the plan documents Jalon writes import back as the same plan.

Each seed's truth file becomes a plan (`create_plan_from_draft`), the plan is written as DOCX,
XLSX and PDF by the reports renderers, each file goes through the importer (what
`jalon import --dry-run --json` runs), and the shared scorer compares the result with the
truth file: at least 0.98.
"""

from __future__ import annotations

import importlib.util
import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from jalon.plans.interchange import loads
from jalon.plans.services import create_plan_from_draft
from jalon.reports.registry import export_plan

REPO = Path(__file__).resolve().parents[2]
SHARED = next(
    (
        p
        for p in (REPO.parent / "shared", REPO.parent.parent / "shared", Path("/work/shared"))
        if p.is_dir()
    ),
    None,
)
TRUTHS = sorted((SHARED / "seeds").glob("*.truth.json")) if SHARED else []
MIN_SCORE = 0.98


def _scorer():
    assert SHARED is not None
    spec = importlib.util.spec_from_file_location(
        "score_import", SHARED / "scripts" / "score_import.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not TRUTHS, reason="the shared seeds are not on this machine")
@pytest.mark.parametrize("fmt", ["docx", "xlsx", "pdf"])
@pytest.mark.parametrize("truth_path", TRUTHS, ids=lambda p: p.name.split(".")[0])
def test_plan_document_imports_back_as_the_same_plan(org_a, truth_path, fmt, tmp_path):
    truth_text = truth_path.read_text("utf-8")
    plan = create_plan_from_draft(draft=loads(truth_text), organization=org_a)
    rendered = export_plan(plan, fmt)
    document = tmp_path / rendered.filename
    document.write_bytes(rendered.content)

    out = io.StringIO()
    call_command("import", str(document), "--dry-run", "--json", stdout=out)

    result = _scorer().score(json.loads(out.getvalue()), json.loads(truth_text))
    metrics = {k: v for k, v in result.items() if not k.startswith("_")}
    assert result["score"] >= MIN_SCORE, metrics

"""Plans written by a reviewer in layouts the importer was not built on (fictional
organizations, hand-written truths): each must keep at least the score it reached, so a
change that helps one layout cannot silently break another."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from jalon.importers import import_document
from jalon.plans.interchange import dumps

from .conftest import FIXTURES

UNSEEN = FIXTURES / "unseen"

# the score each plan reached, rounded down to 0.05
FLOORS = {
    "r01_sommaire.txt": 0.95,
    "r02_ocr.txt": 1.00,
    "r03_axes.txt": 0.95,
    "r04_tableau.txt": 1.00,
    "r05_moyens.txt": 1.00,
    "r06_enjeux.txt": 0.95,
    "r07_tableur.csv": 1.00,
    "r08_docx.docx": 0.95,
    "r09_romains.txt": 1.00,
    "r10_blocs.txt": 0.95,
    "r11_pdf.pdf": 1.00,
    "r11_pdf_layout.txt": 0.95,
    "r11_pdf_raw.txt": 0.40,
    "r12_excel.xlsx": 1.00,
}


def _truth(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        path.with_name(path.name.rsplit(".", 1)[0] + ".truth.json").read_text("utf-8")
    )
    return data


def test_unseen_fixtures_all_have_a_floor() -> None:
    names = {p.name for p in UNSEEN.iterdir() if not p.name.endswith(".truth.json")}

    assert names == set(FLOORS)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_unseen_plan_keeps_its_score(name: str, scorer: ModuleType) -> None:
    path = UNSEEN / name

    draft = import_document(path.read_bytes(), path.name)

    metrics = scorer.score(json.loads(dumps(draft)), _truth(path))
    assert metrics["score"] >= FLOORS[name] - 1e-9, (
        round(metrics["score"], 3),
        metrics["_missed_actions"],
        metrics["_extra_actions"],
    )

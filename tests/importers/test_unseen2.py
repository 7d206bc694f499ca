"""A second reviewer's plans (fictional, hand-written truths) in layouts the importer was
not built on: DOCX/PDF tables with rows spanning the table, a "mise à jour" with a dated
state column, prose bullets with a parenthetical, lettered actions, `pdftotext -layout`
text, Windows-1252 text, a `;` CSV. Each keeps at least the score it reached, and no line
of any of them may vanish from the import."""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from jalon.importers import import_document
from jalon.importers.limits import Limits
from jalon.importers.pipeline import _read, detect_format
from jalon.importers.recognize.columns import _HEADER_FILLER as HEADER_WORDS
from jalon.importers.recognize.columns import role_of_header
from jalon.importers.textutil import fold
from jalon.plans.interchange import draft_to_dict, dumps

from .conftest import FIXTURES

UNSEEN2 = FIXTURES / "unseen2"

# the score each plan reached, rounded down to 0.05
FLOORS = {
    "A_docx_table.docx": 1.00,
    "A_layout.txt": 1.00,
    "A_pdf_table.pdf": 0.85,
    "B_prose_bullets.txt": 1.00,
    "C_xlsx_sheets.xlsx": 1.00,
    "D_docx_indicators.docx": 1.00,
    "E_miseajour.pdf": 1.00,
    "F_two_level.txt": 0.90,
    "G_axe_orientation.txt": 1.00,
    "H_years_columns.docx": 1.00,
    "I_cp1252_crlf.txt": 1.00,
    "J_semicolon.csv": 1.00,
}


def _truth(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        path.with_name(path.name.rsplit(".", 1)[0] + ".truth.json").read_text("utf-8")
    )
    return data


def _strings(value: object, out: list[str]) -> None:
    if isinstance(value, str):
        out.append(value)
    elif isinstance(value, dict):
        for k, v in value.items():
            if k != "warnings":  # a warning is no place for the plan's own text
                _strings(k, out)
                _strings(v, out)
    elif isinstance(value, list):
        for v in value:
            _strings(v, out)


_READ_AWAY = {
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
    "liste",
    "acronymes",
    "sigles",
    "glossaire",
    "lexique",
}


def _words(text: str) -> set[str]:
    """The words of a line that must be found again: header and label wording and month
    names are read into roles and dates, not copied."""
    return {
        w
        for w in re.findall(r"[a-z]{4,}", fold(text))
        if w not in _READ_AWAY and role_of_header(w) is None and w not in HEADER_WORDS
    }


def test_unseen2_fixtures_all_have_a_floor() -> None:
    names = {p.name for p in UNSEEN2.iterdir() if not p.name.endswith(".truth.json")}

    assert names == set(FLOORS)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_unseen2_plan_keeps_its_score(name: str, scorer: ModuleType) -> None:
    path = UNSEEN2 / name

    draft = import_document(path.read_bytes(), path.name)

    metrics = scorer.score(json.loads(dumps(draft)), _truth(path))
    assert metrics["score"] >= FLOORS[name] - 1e-9, (
        round(metrics["score"], 3),
        metrics["_missed_actions"],
        metrics["_extra_actions"],
    )


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_unseen2_plan_loses_no_line(name: str) -> None:
    """Every word read lands in an item, the plan's fields, its notes or the unplaced lines."""
    data = (UNSEEN2 / name).read_bytes()
    doc = _read(detect_format(data, name), data, Limits())
    draft = import_document(data, name)
    kept: list[str] = []
    _strings(draft_to_dict(draft), kept)
    found = _words(" ".join(kept))

    lost = []
    for line in doc.lines:
        text = line.text if line.cells is None else " ".join(line.cells)
        read = _words(text)
        missing = read - found
        # status words are read, not copied: a line is lost when most of its words are nowhere
        if len(missing) * 2 > len(read):
            lost.append((text, sorted(missing)))

    assert lost == []

"""Fixtures for the importer tests: the plans written for them and our scorer.

Everything the tests read is in this repository: tests/fixtures/plans holds plans written for
the suite, the fixtures folder here holds plans written by the team and by reviewers (fictional organizations, hand-written truths), and scoring.py
measures an import against a truth. The seed plans (other people's documents) stay outside
the repository; bench/score_seeds.py evaluates the importer on them.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from . import scoring

FIXTURES = Path(__file__).resolve().parent / "fixtures"
# The jalon-plan/1 files written for the whole suite; builders.py lays them out as documents.
PLAN_FILES = sorted((Path(__file__).resolve().parents[1] / "fixtures" / "plans").glob("*.json"))


def plan_of(name: str) -> dict[str, Any]:
    """One of the suite's plan files (tests/fixtures/plans/NAME.jalon.json), as a dict."""
    data: dict[str, Any] = json.loads(
        (PLAN_FILES[0].parent / f"{name}.jalon.json").read_text("utf-8")
    )
    return data


def truth_of(path: Path) -> dict[str, Any]:
    """The hand-written truth next to a fixture: `plan.txt` → `plan.truth.json`."""
    data: dict[str, Any] = json.loads(
        path.with_name(path.name.rsplit(".", 1)[0] + ".truth.json").read_text("utf-8")
    )
    return data


@pytest.fixture(scope="session")
def scorer() -> ModuleType:
    """Our scorer (tests/importers/scoring.py): `scorer.score(predicted, truth)["score"]`."""
    return scoring

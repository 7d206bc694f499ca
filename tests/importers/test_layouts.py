"""Plans in layouts the seeds do not show (written for these tests, fictional organizations)
import as well: a one-page summary of outcomes, OCR text with "e"/"o" bullets and labelled
fields, numbered levels with labels and MO/R indicators, an English plan, text laid out in
columns, a spreadsheet exported as CSV with semicolons."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

from jalon.importers import import_document
from jalon.plans.interchange import dumps

from .conftest import FIXTURES, truth_of

MIN_SCORE = 0.95
PLANS = sorted(p for p in FIXTURES.iterdir() if p.is_file() and not p.name.endswith(".truth.json"))


@pytest.mark.parametrize("path", PLANS, ids=[p.name for p in PLANS])
def test_plan_in_another_layout_scores_at_least_095(path: Path, scorer: ModuleType) -> None:
    truth = truth_of(path)

    draft = import_document(path.read_bytes(), path.name)

    metrics = scorer.score(json.loads(dumps(draft)), truth)
    assert metrics["score"] >= MIN_SCORE, (metrics["missed_actions"], metrics["extra_actions"])
    for field in ("status_accuracy", "schedule_years_accuracy", "timing_accuracy"):
        assert metrics[field] in (None, 1.0), field


@pytest.mark.parametrize("path", PLANS, ids=[p.name for p in PLANS])
def test_plan_in_another_layout_finds_its_frame(path: Path) -> None:
    truth = truth_of(path)

    draft = import_document(path.read_bytes(), path.name)

    for key in ("title", "organization", "mission", "vision"):
        if truth.get(key):
            assert getattr(draft, key) == truth[key], key
    if truth.get("values"):
        assert draft.values == truth["values"]
    if truth.get("updated_on"):
        assert draft.updated_on is not None and draft.updated_on.isoformat() == truth["updated_on"]


def test_summary_reads_orientation_labels_written_after_their_objectives() -> None:
    text = (
        "Réduire les délais d'attente\n"
        " Ouvrir une clinique sans rendez-vous\n"
        " Former des bénévoles accompagnateurs\n"
        "Rejoindre les familles isolées\n"
        " Visiter les nouveaux arrivants\n"
        "1. Accès aux services\n\n"
        "Soutenir les comités de quartier\n"
        " Financer trois comités\n"
        "2. Vie de quartier\n"
    )

    draft = import_document(text.encode(), "resume.txt")

    assert [o.title for o in draft.orientations] == ["Accès aux services", "Vie de quartier"]
    assert [ob.title for ob in draft.orientations[0].objectives] == [
        "Réduire les délais d'attente",
        "Rejoindre les familles isolées",
    ]
    assert [a.title for a in draft.orientations[1].objectives[0].actions] == [
        "Financer trois comités"
    ]
    assert draft.import_report is not None
    assert draft.import_report.format_detected == "outline-summary"

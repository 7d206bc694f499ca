"""Each seed plan, imported from its text, scores 0.95 or more against its hand-checked truth."""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import ModuleType

import pytest

from jalon.importers import import_document
from jalon.importers.readers.text import strip_html
from jalon.importers.recognize.columns import header_line_roles
from jalon.importers.recognize.frame import GLOSSARY_HEAD
from jalon.importers.textutil import fold, status_of
from jalon.plans.interchange import draft_to_dict, dumps, loads

from .conftest import seed_names, truth_of

MIN_SCORE = 0.95


@pytest.mark.parametrize("name", seed_names())
def test_seed_import_scores_at_least_095(name: str, seeds_dir: Path, scorer: ModuleType) -> None:
    data = (seeds_dir / f"{name}.txt").read_bytes()

    draft = import_document(data, f"{name}.txt")

    predicted = json.loads(dumps(draft))
    metrics = scorer.score(predicted, truth_of(name))
    assert metrics["score"] >= MIN_SCORE, (metrics["_missed_actions"], metrics["_extra_actions"])


@pytest.mark.parametrize("name", seed_names())
def test_seed_import_is_valid_interchange(name: str, seeds_dir: Path) -> None:
    draft = import_document((seeds_dir / f"{name}.txt").read_bytes(), f"{name}.txt")

    again = loads(dumps(draft), require_format=True)

    assert draft_to_dict(again) == draft_to_dict(draft)
    assert draft.import_report is not None
    assert draft.import_report.format_detected
    assert draft.source == f"{name}.txt"


@pytest.mark.parametrize("name", seed_names())
def test_seed_import_places_every_line(name: str, seeds_dir: Path) -> None:
    """Every line of the seed ends in an item, the notes or the unplaced lines: its words are
    all in the draft. Structure aside: column headings, labels ("ORIENTATION 2 :"), HTML
    tags, status words (turned into status codes)."""
    raw = (seeds_dir / f"{name}.txt").read_text(encoding="utf-8")
    draft = import_document(raw.encode("utf-8"), f"{name}.txt")
    found = set(_words(json.dumps(draft_to_dict(draft), ensure_ascii=False)))
    missing = []
    for line in strip_html(raw).splitlines():
        if header_line_roles(line) is not None or GLOSSARY_HEAD.match(line):
            continue
        # a label ("ORIENTATION 2 :", "Mise à jour :") is structure, not content
        content = re.sub(r"^[^:]{0,40}:", "", line)
        lost = [w for w in _words(content) if w not in found and not status_of(w)]
        if lost:
            missing.append((line.strip(), lost))
    assert missing == []


def _words(text: str) -> list[str]:
    return [fold(w) for w in re.findall(r"[^\W\d_]{4,}", text)]

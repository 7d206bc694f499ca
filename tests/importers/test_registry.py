"""Recognizers as plug-ins: one protocol, one registry, forced by exact name, and no
recognizer reaching into another's private helpers."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from jalon.importers import DocumentError, import_document
from jalon.importers.limits import Limits
from jalon.importers.readers.text import read_text
from jalon.importers.recognize import registry
from jalon.importers.recognize.view import make_view

OUTLINE = (
    "Plan d'action 2024-2026\n\nOrientation 1 : Mobiliser\nObjectif 1.1 Animer la concertation\n"
    "- Tenir quatre rencontres par année\n"
).encode()

TAB_TABLE = (
    "Objectifs\tActions\tResponsables\n"
    "Animer la concertation\tTenir quatre rencontres par année\tCoordination\n"
).encode()


def test_registry_lists_each_recognizer_once_by_name() -> None:
    assert registry.NAMES == ("tables", "flow", "columns", "two-columns", "outline")
    assert [r.prefers_known_cells for r in registry.RECOGNIZERS] == [2.5, 2.0, 2.5, 0.0, 0.0]


def test_recognizer_applies_only_to_what_it_can_read() -> None:
    doc = read_text(OUTLINE, Limits())
    view = make_view(doc.lines, doc.format)
    applies = [r.name for r in registry.RECOGNIZERS if r.applies(view)]
    assert applies == ["columns", "two-columns", "outline"]


def test_recognizer_forced_by_its_exact_name() -> None:
    best = import_document(TAB_TABLE, "plan.txt")
    forced = import_document(TAB_TABLE, "plan.txt", recognizer="outline")
    assert best.import_report is not None and forced.import_report is not None
    assert best.import_report.format_detected == "text-table"
    assert forced.import_report.format_detected == "outline"


def test_forcing_a_recognizer_that_reads_nothing_keeps_the_best_and_says_so() -> None:
    draft = import_document(OUTLINE, "plan.txt", recognizer="tables")
    assert draft.import_report is not None
    assert draft.import_report.format_detected == "outline"
    assert draft.import_report.warnings[0] == (
        "La reconnaissance « tables » ne s'applique pas à ce document : "
        "la meilleure lecture est gardée"
    )


def test_unknown_recognizer_name_is_refused_even_as_a_prefix() -> None:
    with pytest.raises(DocumentError) as err:
        import_document(OUTLINE, "plan.txt", recognizer="table")
    assert err.value.message_en == (
        "unknown recognizer 'table': choose among tables, flow, columns, two-columns, outline"
    )


def test_no_recognizer_imports_another_modules_private_names() -> None:
    package = Path(registry.__file__).parent
    offenders: list[str] = []
    for path in sorted(package.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level >= 1:
                offenders.extend(
                    f"{path.name}: {node.module}.{a.name}"
                    for a in node.names
                    if a.name.startswith("_")
                )
    assert offenders == []

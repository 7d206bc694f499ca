import io

import pytest
from django.core.management import CommandError, call_command
from docx import Document


def test_report_command_writes_the_mise_a_jour(plan, tmp_path):
    target = tmp_path / "maj.docx"
    call_command(
        "report",
        str(plan.pk),
        "--kind",
        "progress",
        "--date",
        "2013-10-03",
        "--format",
        "docx",
        "-o",
        str(target),
        stderr=io.StringIO(),
    )
    document = Document(str(target))
    assert "Mise à jour\u00a0: 3 octobre 2013" in [p.text for p in document.paragraphs]


def test_report_command_writes_the_annual_report(plan, tmp_path):
    target = tmp_path / "bilan.html"
    call_command(
        "report",
        str(plan.pk),
        "--kind",
        "annual",
        "--year",
        "2",
        "--format",
        "html",
        "-o",
        str(target),
        stderr=io.StringIO(),
    )
    assert "Bilan annuel 2018-2019 (An 2)" in target.read_text("utf-8")


def test_report_command_asks_for_the_year_of_an_annual_report(plan):
    with pytest.raises(
        CommandError,
        match=r"--year est obligatoire pour le bilan annuel \(années : 1, 2, 3, 4, 5\)",
    ):
        call_command("report", str(plan.pk), "--kind", "annual", "--format", "pdf")


def test_report_command_rejects_a_bad_date(plan):
    with pytest.raises(CommandError, match="attendu une date AAAA-MM-JJ"):
        call_command(
            "report", str(plan.pk), "--kind", "progress", "--date", "03/10/2013", "--format", "pdf"
        )


def test_report_command_names_an_unknown_plan(db):
    with pytest.raises(CommandError, match="Aucun plan n° 999"):
        call_command("report", "999", "--kind", "progress", "--format", "pdf")


def test_report_command_writes_the_global_report(plan, tmp_path):
    target = tmp_path / "global.xlsx"
    call_command("report", str(plan.pk), "--kind", "global", "--format", "xlsx", "-o", str(target))

    assert target.read_bytes()[:2] == b"PK"


def test_report_command_writes_the_annual_workbook(plan, tmp_path):
    import openpyxl

    target = tmp_path / "bilan.xlsx"
    call_command(
        "report",
        str(plan.pk),
        "--kind",
        "annual",
        "--year",
        "1",
        "--format",
        "xlsx",
        "-o",
        str(target),
        stderr=io.StringIO(),
    )
    sheet = openpyxl.load_workbook(target).worksheets[0]
    assert sheet.title == "Actions et indicateurs"
    assert sheet["C1"].value == "Moyen d'action"

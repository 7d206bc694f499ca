"""`jalon export PLAN_ID --format {docx,xlsx,pdf,csv}` writes the reports' plan document."""

import io

import openpyxl
import pytest
from django.core.management import CommandError, call_command
from docx import Document


def test_export_command_writes_the_plan_as_docx(plan, tmp_path):
    target = tmp_path / "plan.docx"
    err = io.StringIO()
    call_command("export", str(plan.pk), "--format", "docx", "-o", str(target), stderr=err)

    document = Document(str(target))
    header = [c.text for c in document.tables[0].rows[0].cells]
    assert header[:3] == ["Objectifs", "Moyens d'action", "Acteurs"]
    assert header[3:8] == ["An 1", "An 2", "An 3", "An 4", "An 5"]
    assert f"{target} écrit" in err.getvalue()


def test_export_command_writes_the_plan_as_xlsx(plan, tmp_path):
    target = tmp_path / "plan.xlsx"
    call_command(
        "export", str(plan.pk), "--format", "xlsx", "-o", str(target), stderr=io.StringIO()
    )

    sheet = openpyxl.load_workbook(target)["Plan d'action"]
    assert sheet["A1"].value == plan.title


def test_export_command_writes_the_plan_as_pdf(plan, tmp_path):
    target = tmp_path / "plan.pdf"
    call_command("export", str(plan.pk), "--format", "pdf", "-o", str(target), stderr=io.StringIO())

    assert target.read_bytes()[:5] == b"%PDF-"


def test_export_command_prints_csv_on_standard_output(plan):
    out = io.StringIO()
    call_command("export", str(plan.pk), "--format", "csv", stdout=out)

    first_line = out.getvalue().lstrip("\ufeff").splitlines()[0]
    assert first_line.startswith("N° orientation;Orientation;N° objectif;Objectif;N° action")


def test_export_command_asks_for_a_file_for_binary_formats(plan):
    with pytest.raises(
        CommandError, match="Le format pdf est binaire : indiquez un fichier avec -o"
    ):
        call_command("export", str(plan.pk), "--format", "pdf")


def test_export_command_lists_the_known_formats(plan):
    with pytest.raises(CommandError, match="Formats possibles : csv, docx, json, pdf, xlsx"):
        call_command("export", str(plan.pk), "--format", "odt")

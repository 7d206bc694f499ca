"""Reports of a plan followed with the tracking app: dated statuses, measured indicators with
their assessment and reason, activities counted by kind, satisfaction."""

import datetime as dt
import io

import pdfplumber
import pytest
from docx import Document

from jalon.reports.data import load_plan_report
from jalon.reports.facts import facts_source
from jalon.reports.registry import BY_IDENTIFIER, load_annual_report, load_progress_report

from .plan_builder import build_plan, follow_plan


@pytest.fixture
def followed(org_a):
    plan = build_plan(org_a, actions=6)
    follow_plan(plan)
    return plan


def _pdf_text(content: bytes) -> str:
    with pdfplumber.open(io.BytesIO(content)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def test_progress_report_at_a_date_uses_the_status_of_that_date(followed):
    before = load_progress_report(followed, dt.date(2018, 3, 15))
    after = load_progress_report(followed, dt.date(2018, 6, 1))

    assert before.summary.count("in_preparation") == 6
    assert before.summary.count("completed") == 0
    assert after.summary.count("completed") == 3
    assert after.summary.count("in_preparation") == 3


def test_progress_report_before_any_update_has_no_status(followed):
    report = load_progress_report(followed, dt.date(2017, 8, 1))

    assert report.summary.count("") == 6


def test_annual_report_carries_target_value_assessment_and_reason(followed):
    report = load_annual_report(followed, 1)
    lines = [
        line
        for o in report.orientations
        for ob in o.objectives
        for a in ob.actions
        for line in a.indicators
    ]

    assert len(lines) == report.indicator_count
    assert all(line.result is not None for line in lines)
    meetings = next(line for line in lines if line.indicator.text == "8 rencontres annuelles")
    assert meetings.result.target_text
    assert meetings.result.value_text.startswith(str(int(meetings.result.value)))
    # Year 1 (2017-2018) is over: a final verdict, not a provisional one.
    assert meetings.result.assessment == "not_achieved"
    assert meetings.result.provisional is False
    assert meetings.result.reason
    assert sum(c.count for c in report.assessments) == report.indicator_count


def test_annual_report_counts_each_activity_once_by_kind(followed):
    report = load_annual_report(followed, 1)

    assert report.activity_summary is not None
    assert report.activity_summary.count == 2
    assert report.activity_summary.participants == 64
    assert [(k.label, k.count, k.participants) for k in report.activity_summary.by_kind] == [
        ("Rencontre", 1, 24),
        ("Webinaire", 1, 40),
    ]
    assert [(s.rate, s.respondents) for s in report.satisfaction] == [(82.0, 24)]


def test_annual_pdf_shows_reasons_targets_and_activities(followed):
    report = load_annual_report(followed, 1)
    content = BY_IDENTIFIER["annual"].render(followed, {"year": 1}, "pdf").content
    flat = " ".join(_pdf_text(content).split())

    reasons = {
        line.result.reason
        for o in report.orientations
        for ob in o.objectives
        for a in ob.actions
        for line in a.indicators
        if line.result and line.result.reason
    }
    assert reasons
    for reason in reasons:
        assert " ".join(reason.split()) in flat
    assert "Atteint" in flat or "Hors cible" in flat
    assert "Webinaire 1 40" in flat
    assert "Cible" in flat


def test_annual_docx_shows_reasons_and_activities_by_kind(followed):
    report = load_annual_report(followed, 1)
    content = BY_IDENTIFIER["annual"].render(followed, {"year": 1}, "docx").content
    document = Document(io.BytesIO(content))
    body = "\n".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    )

    first = next(
        line.result
        for o in report.orientations
        for ob in o.objectives
        for a in ob.actions
        for line in a.indicators
        if line.result
    )
    assert first.reason.replace(" ", "\u00a0")[:20] in body.replace(" ", "\u00a0")
    assert "Webinaire" in body
    assert "Rencontre des porteurs" in body


def test_facts_source_reads_the_tracking_app(followed):
    report = load_plan_report(followed.pk)
    states = facts_source().states_at(report, dt.date(2018, 6, 1))

    assert sorted(s.status for s in states.values()) == ["completed"] * 3 + ["in_preparation"] * 3


def test_annual_html_charts_have_title_desc_and_a_data_table(followed):
    content = BY_IDENTIFIER["annual"].render(followed, {"year": 2}, "html").content.decode()

    assert content.count("<svg") == 3  # statuses, assessments, trends
    assert content.count("<title>") == 4  # the page's own, and one per chart
    assert content.count("<desc>") == 3
    assert "Évolution des indicateurs d&#x27;une année à l&#x27;autre" in content
    assert "Valeurs des indicateurs par année" in content
    assert 'role="img"' in content


def test_annual_docx_charts_are_images_with_alternative_text(followed):
    content = BY_IDENTIFIER["annual"].render(followed, {"year": 2}, "docx").content
    document = Document(io.BytesIO(content))
    pictures = document.inline_shapes

    assert len(pictures) == 3
    descriptions = [shape._inline.docPr.get("descr") for shape in pictures]
    assert all(descriptions)
    assert "8 rencontres annuelles" in descriptions[2]
    assert "an 1" in descriptions[2] and "an 2" in descriptions[2]
    blobs = [part.blob for part in document.part.package.parts if part.partname.ext == "png"]
    assert len(blobs) == 3
    assert all(blob[:8] == b"\x89PNG\r\n\x1a\n" for blob in blobs)


def test_global_report_follows_each_indicator_across_years(followed):
    from jalon.reports.registry import load_global_report

    report = load_global_report(followed, today=dt.date(2018, 9, 1))

    assert report.as_of == dt.date(2018, 9, 1)
    assert report.summary.total == 6
    assert report.summary.count("completed") == 3
    assert report.completion_rate == 50.0
    assert len(report.trends) == sum(len(a.indicators) for a in report.plan.iter_actions())
    meetings = next(t for t in report.trends if t.indicator.text == "8 rencontres annuelles")
    assert [p.year for p in meetings.points] == [1, 2]
    assert meetings.direction == "up"
    # On 1 September 2018 An 2 has just begun: its verdict is provisional, so the final
    # appraisal is the last closed year's (An 1), not a provisional "en bonne voie".
    assert meetings.points[-1].provisional is True
    assert meetings.final is not None and meetings.final.year == 1
    assert meetings.final.assessment == "not_achieved"
    assert [(y.number, a.count) for y, a in report.activities] == [(1, 2), (2, 0)]


def test_global_documents_open_in_libreoffice_and_carry_the_reasons(
    followed, tmp_path, soffice_convert
):
    from jalon.reports.models import ReportNarrative
    from jalon.reports.registry import load_global_report

    ReportNarrative.objects.create(
        plan=followed, kind="global", year=0, lessons="Les rencontres régionales ont porté fruit."
    )
    exporter = BY_IDENTIFIER["global"]
    pdf = exporter.render(followed, {}, "pdf")
    flat = " ".join(_pdf_text(pdf.content).split())
    # The reason wraps inside the last column ("Appréciation finale"): read that column alone,
    # so its lines are not interleaved with the other columns' lines.
    with pdfplumber.open(io.BytesIO(pdf.content)) as opened:
        last_column = " ".join(
            (
                page.crop((page.width * 0.70, 0, page.width, page.height)).extract_text() or ""
            ).replace("-\n", "")
            for page in opened.pages
        )
    last_column = " ".join(last_column.split())
    report = load_global_report(followed)
    for trend in report.trends:
        final = trend.final
        assert final is not None
        assert " ".join(final.reason.split()) in last_column
    assert "Ce que nous avons appris" in flat
    assert "Les rencontres régionales ont porté fruit." in flat
    assert "Taux de réalisation" in flat

    paths = []
    for fmt in ("docx", "xlsx"):
        rendered = exporter.render(followed, {}, fmt)
        assert rendered.filename == f"plan-daction-2017-2022-bilan-global.{fmt}"
        path = tmp_path / f"global-{fmt}.{fmt}"
        path.write_bytes(rendered.content)
        paths.append(path)
    converted = soffice_convert(paths)
    docx_text = " ".join(_pdf_text(converted[paths[0]].read_bytes()).split())
    assert "Ce que nous avons appris" in docx_text
    assert "8 rencontres annuelles" in docx_text
    xlsx_text = _pdf_text(converted[paths[1]].read_bytes())
    assert "8 rencontres annuelles" in xlsx_text


def test_global_xlsx_keeps_values_as_numbers(followed):
    import openpyxl

    content = BY_IDENTIFIER["global"].render(followed, {}, "xlsx").content
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    sheet = workbook.worksheets[0]
    headers = [c.value for c in sheet[1]]
    assert headers[:4] == ["Orientation", "Moyen d'action", "Indicateur", "Cible"]
    assert headers[-3:] == ["Tendance", "Appréciation finale", "Raison"]
    row = next(
        r for r in sheet.iter_rows(min_row=2, values_only=True) if r[2] == "8 rencontres annuelles"
    )
    assert isinstance(row[4], int | float)
    assert row[-3] == "En hausse"
    assert [ws.title for ws in workbook.worksheets][:3] == [
        "Indicateurs",
        "Orientations",
        "Activités",
    ]

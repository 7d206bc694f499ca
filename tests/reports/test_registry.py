import pytest

from jalon.plans.enums import PlanState
from jalon.reports.registry import (
    BY_IDENTIFIER,
    EXPORTERS,
    PLAN_EXPORT_FORMATS,
    ExportError,
    export_plan,
    exporters_for,
)

from .plan_builder import build_plan

EXPORT_QUERIES = 7  # the plan, then one query per level of its tree


def test_registry_lists_each_exporter_once_with_its_formats():
    assert [e.identifier for e in EXPORTERS] == ["plan", "progress", "annual", "global"]
    assert BY_IDENTIFIER["plan"].formats == ("docx", "pdf", "xlsx", "csv", "html")
    assert str(BY_IDENTIFIER["progress"].name) == "Mise à jour"
    assert set(PLAN_EXPORT_FORMATS) <= set(BY_IDENTIFIER["plan"].formats)


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("admin_a", ["plan", "progress", "annual", "global"]),
        ("editor_a", ["plan", "progress", "annual", "global"]),
        ("contributor_a", ["plan", "progress", "annual", "global"]),
        ("reader_a", ["plan", "progress", "annual", "global"]),
        ("member_b", []),
        ("anonymous", []),
    ],
)
def test_exporters_for_follows_who_may_read_the_plan(cast, plan, who, expected):
    from django.contrib.auth.models import AnonymousUser

    user = cast[who] or AnonymousUser()
    assert [e.identifier for e in exporters_for(user, plan)] == expected


def test_network_members_get_the_public_documents_of_the_network_adopted_plan(cast, network):
    plan = build_plan(network, actions=2)
    assert [e.identifier for e in exporters_for(cast["member_b"], plan)] == ["plan", "progress"]


def test_network_members_get_nothing_from_a_draft_network_plan(cast, network):
    plan = build_plan(network, actions=2, state=PlanState.DRAFT)
    assert exporters_for(cast["member_b"], plan) == []


def test_annual_report_is_not_offered_for_a_plan_without_period(cast, plan):
    plan.period_start = None
    plan.save()
    assert [e.identifier for e in exporters_for(cast["editor_a"], plan)] == ["plan", "progress"]


def test_export_plan_refuses_a_format_it_does_not_make(plan):
    with pytest.raises(ExportError) as caught:
        export_plan(plan, "odt")
    assert "n'existe pas en format odt" in str(caught.value)
    assert "docx, pdf, xlsx, csv, html" in str(caught.value)


def test_progress_refuses_a_date_it_cannot_read(plan):
    with pytest.raises(ExportError) as caught:
        BY_IDENTIFIER["progress"].render(plan, {"as_of": "15/03/2018"}, "docx")
    assert str(caught.value).startswith("État au\u00a0: ")


def test_annual_refuses_a_year_outside_the_plan(plan):
    with pytest.raises(ExportError) as caught:
        BY_IDENTIFIER["annual"].render(plan, {"year": 9}, "docx")
    assert "Année du plan" in str(caught.value)


def test_export_plan_names_file_and_type(plan):
    rendered = export_plan(plan, "xlsx")
    assert rendered.filename == "plan-daction-2017-2022.xlsx"
    assert rendered.content_type == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert rendered.content[:2] == b"PK"


CASES = [
    ("plan", {}, "docx"),
    ("plan", {}, "xlsx"),
    ("plan", {}, "csv"),
    ("plan", {}, "html"),
    ("progress", {"as_of": "2018-03-15"}, "docx"),
    ("progress", {"as_of": "2018-03-15"}, "xlsx"),
    ("progress", {"as_of": "2018-03-15"}, "html"),
    ("annual", {"year": 1}, "docx"),
    ("annual", {"year": 1}, "xlsx"),
    ("annual", {"year": 1}, "html"),
    ("global", {}, "docx"),
    ("global", {}, "xlsx"),
    ("global", {}, "html"),
]


# Beyond the plan tree: the mise à jour reads the dated status updates (1); the bilan annuel
# reads them (1) and, twice (the year's facts, then the history of every year for the trends),
# the plan, the logs (4), indicators, rules, values and locks (2 × 10); when follow-up started
# (the first update and the first dated occurrence, 2); the notes of the year's updates (1)
# and its written texts (1).
# The bilan global reads the plan, the logs (4), indicators, rules, values, locks, when
# follow-up started (2), the status updates (1) and its written texts (1).
EXTRA_QUERIES = {"progress": 1, "annual": 23, "global": 13}
# What the printed documents (not the spreadsheets) say about themselves: the organization's
# logo (1), and for a bilan annuel the year's lock and its AGA note (1). Every format of the
# bilan annuel also reads the notes typed with the year's indicator values (1).
FRAME_QUERIES = {"annual": 2}
NOTES_QUERIES = {"annual": 1}


@pytest.mark.parametrize("size", [5, 200])
@pytest.mark.parametrize(("identifier", "options", "fmt"), CASES)
def test_exporters_run_a_constant_number_of_queries(
    org_a, size, identifier, options, fmt, django_assert_num_queries
):
    plan = build_plan(org_a, actions=size)
    exporter = BY_IDENTIFIER[identifier]
    expected = EXPORT_QUERIES + EXTRA_QUERIES.get(identifier, 0)
    if fmt not in ("xlsx", "csv"):
        expected += FRAME_QUERIES.get(identifier, 1)
    expected += NOTES_QUERIES.get(identifier, 0)
    with django_assert_num_queries(expected):
        rendered = exporter.render(plan, options, fmt)
    assert rendered.content

"""Results computed by hand, small groups never shown, and the indicators a survey feeds."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from jalon.network.enums import OrganizationKind
from jalon.surveys import queries, services
from jalon.surveys.enums import QuestionKind, SurveyState
from jalon.tracking.enums import AssessmentStatus, RuleKind
from jalon.tracking.queries import indicator_rows

from .conftest import TODAY, answer_all, make_members, open_survey


def _launched(cast, plan, org_a, groups, **kwargs):
    """groups: [(region code, kind, scores)]; one member per score, each answers it."""
    survey = open_survey(cast, plan, **kwargs)
    pairs = []
    for n, (code, kind, scores) in enumerate(groups):
        members = make_members(org_a, len(scores), code=code, kind=kind, prefix=f"g{n}x")
        emails = {m.email for m in members}
        created = services.invite_members(by=cast["editor_a"], survey=survey).created
        mine = [inv for inv, _t in created if inv.email in emails]
        pairs += list(zip(mine, scores, strict=True))
    survey.state = SurveyState.OPEN
    survey.launched_on = TODAY
    survey.save()
    answer_all(survey, pairs)
    return survey


def test_results_give_distribution_mean_rate_n_and_response_rate(cast, plan, org_a):
    survey = _launched(
        cast, plan, org_a, [("04", OrganizationKind.LOCAL, ["5", "4", "4", "3", "2", "5"])]
    )
    make_members(org_a, 2, code="04", prefix="late")
    services.invite_members(by=cast["editor_a"], survey=survey)  # 2 more, who do not answer
    results = queries.survey_results(survey, with_texts=True)
    satisfaction = results.questions[0]
    # 6 answers: 5,4,4,3,2,5 → mean 23/6 = 3.83; 4 of 6 satisfied = 66.7 %
    assert satisfaction.figures.n == 6
    assert satisfaction.figures.mean == Decimal("3.83")
    assert satisfaction.figures.satisfaction_rate == Decimal("66.7")
    assert satisfaction.rows == [
        ("Très insatisfait", 0, Decimal("0.0")),
        ("Insatisfait", 1, Decimal("16.7")),
        ("Ni satisfait ni insatisfait", 1, Decimal("16.7")),
        ("Satisfait", 2, Decimal("33.3")),
        ("Très satisfait", 2, Decimal("33.3")),
    ]
    assert (results.invited, results.responded, results.response_rate) == (8, 6, Decimal("75.0"))
    assert results.questions[1].figures.yes_rate == Decimal("66.7")


def test_re_identifying_one_answer_from_the_breakdowns_fails(cast, plan, org_a):
    # The only member of Capitale-Nationale (03) answers 1; the attacker knows she answered
    # (her invitation says so) and reads every breakdown and the total.
    survey = _launched(
        cast,
        plan,
        org_a,
        [
            ("03", OrganizationKind.REGIONAL, ["1"]),
            ("04", OrganizationKind.LOCAL, ["5", "5", "4", "4", "5", "4"]),
            ("05", OrganizationKind.LOCAL, ["4", "5", "5", "4", "3", "4", "5"]),
        ],
    )
    results = queries.survey_results(survey, with_texts=False)
    question = results.questions[0]
    total = question.figures
    for dim, cells in question.breakdowns.items():
        shown = [c for c in cells if not c.hidden]
        hidden = [c for c in cells if c.hidden]
        for cell in shown:
            assert cell.figures.n >= 5, (dim, cell.group)
        if hidden:
            # What the total minus the shown groups leaves: a group of k or more answers.
            left = total.n - sum(c.figures.n for c in shown)
            assert len(hidden) >= 2 and left >= 5
    region_cells = {c.group: c.hidden for c in question.breakdowns["region"]}
    assert region_cells["Capitale-Nationale"] is True
    assert list(region_cells.values()).count(True) == 2
    # Her kind (regional) is alone too: hidden with the local members, so nothing is shown.
    assert all(c.hidden for c in question.breakdowns["member_kind"])


def test_a_question_with_fewer_than_k_answers_shows_nothing_in_an_anonymous_survey(
    cast, plan, org_a
):
    survey = _launched(cast, plan, org_a, [("04", OrganizationKind.LOCAL, ["5", "4", "1"])])
    assert queries.survey_results(survey, with_texts=True).questions[0].figures is None


def test_free_text_is_for_editors_only_and_never_broken_down(cast, plan, org_a):
    survey = _launched(cast, plan, org_a, [("04", OrganizationKind.LOCAL, ["5"] * 5)])
    text_q = survey.questions.get(kind=QuestionKind.LONG_TEXT)
    sat_q = survey.questions.get(kind=QuestionKind.SATISFACTION)
    services.submit(
        survey=survey, answers={str(sat_q.pk): "4", str(text_q.pk): "Bravo"}, today=TODAY
    )
    editors = queries.survey_results(survey, with_texts=True).questions[2]
    readers = queries.survey_results(survey, with_texts=False).questions[2]
    assert editors.texts == ["Bravo"] and readers.texts == []
    assert editors.breakdowns == {}


@pytest.mark.parametrize(
    ("kind", "answer", "value"),
    [
        (RuleKind.SURVEY_SATISFACTION, "", Decimal("80.0")),
        (RuleKind.SURVEY_MEAN, "", Decimal("4.20")),
        (RuleKind.SURVEY_RESPONSE_RATE, "", Decimal("100.0")),
        (RuleKind.SURVEY_SHARE, "5", Decimal("40.0")),
    ],
)
def test_an_indicator_reads_its_value_from_the_survey(
    cast, plan, org_a, indicator, kind, answer, value
):
    survey = _launched(
        cast, plan, org_a, [("04", OrganizationKind.LOCAL, ["5", "4", "4", "3", "5"])]
    )
    question = survey.questions.get(kind=QuestionKind.SATISFACTION)
    services.feed_indicator(
        by=cast["editor_a"], question=question, indicator_id=indicator.pk, kind=kind, answer=answer
    )
    [row] = indicator_rows(plan, dt.date(2018, 8, 1), up_to=1)
    year = row.for_year(1)
    assert year.value == value
    assert year.computed.n == 5
    assert year.computed.url == f"/sondages/{survey.pk}/resultats/"


def test_a_satisfaction_indicator_is_assessed_against_its_target(cast, plan, org_a, indicator):
    # "Taux de 75 % de satisfaction": 4 of 5 satisfied = 80 % ≥ 75 % → achieved once the year is over.
    survey = _launched(
        cast, plan, org_a, [("04", OrganizationKind.LOCAL, ["5", "4", "4", "3", "5"])]
    )
    question = survey.questions.get(kind=QuestionKind.SATISFACTION)
    services.feed_indicator(
        by=cast["editor_a"],
        question=question,
        indicator_id=indicator.pk,
        kind=RuleKind.SURVEY_SATISFACTION,
    )
    [row] = indicator_rows(plan, dt.date(2018, 8, 1), up_to=2)
    assert row.for_year(1).assessment.status == AssessmentStatus.ACHIEVED
    assert "n = 5" in row.for_year(1).computed.explanation
    assert row.for_year(2).value is None  # no survey of the series for year 2 yet


def test_a_copied_survey_feeds_the_same_indicator_the_next_year(cast, plan, org_a, indicator):
    survey = _launched(
        cast, plan, org_a, [("04", OrganizationKind.LOCAL, ["5", "4", "4", "3", "5"])]
    )
    question = survey.questions.get(kind=QuestionKind.SATISFACTION)
    services.feed_indicator(
        by=cast["editor_a"],
        question=question,
        indicator_id=indicator.pk,
        kind=RuleKind.SURVEY_SATISFACTION,
    )
    copy = services.copy_survey(
        by=cast["editor_a"],
        survey=survey,
        plan_year=2,
        closes_on=dt.date(2019, 4, 1),
        retention_until=dt.date(2020, 6, 30),
    )
    copy.state = SurveyState.OPEN
    copy.save()
    sat = copy.questions.get(kind=QuestionKind.SATISFACTION)
    for score in ["2", "3", "4", "2", "1"]:
        services.submit(survey=copy, answers={str(sat.pk): score}, today=dt.date(2019, 3, 1))
    [row] = indicator_rows(plan, dt.date(2019, 8, 1), up_to=2)
    assert [row.for_year(1).value, row.for_year(2).value] == [Decimal("80.0"), Decimal("20.0")]
    results = queries.survey_results(copy, with_texts=False)
    assert results.questions[0].previous.satisfaction_rate == Decimal("80.0")


@pytest.mark.parametrize("size", [10, 200])
def test_results_run_a_fixed_number_of_queries(cast, plan, org_a, size, django_assert_num_queries):
    scores = (["5", "4", "3", "2", "1"] * 40)[:size]
    survey = _launched(cast, plan, org_a, [("04", OrganizationKind.LOCAL, scores)])
    # invitations per region, questions, responses, answers (the year before: one more)
    with django_assert_num_queries(4):
        queries.survey_results(survey, with_texts=True)


def test_breakdown_groups_are_named_as_people_read_them(cast, plan, org_a):
    survey = _launched(cast, plan, org_a, [("04", OrganizationKind.LOCAL, ["5"] * 5)])
    question = queries.survey_results(survey, with_texts=False).questions[0]
    names = {by: [label for label, _cell in cells] for by, cells in question.labelled_breakdowns}
    assert names == {
        "Région": ["Mauricie"],
        "Type de membre": ["Comité local"],
        "Statut de membre": ["Membre"],
    }

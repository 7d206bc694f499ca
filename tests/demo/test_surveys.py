"""The demo's member surveys: two years on the national plan, feeding three indicators."""

from __future__ import annotations

from jalon.plans.models import Plan
from jalon.surveys.enums import SurveyState
from jalon.surveys.models import Survey
from jalon.tracking.enums import SOURCE_RULE_KINDS
from jalon.tracking.models import IndicatorRule
from jalon.tracking.queries import indicator_rows


def test_the_demo_has_last_years_and_this_years_member_survey(built, today):
    surveys = list(Survey.objects.filter(organization=built).order_by("plan_year"))
    assert [s.state for s in surveys] == [SurveyState.CLOSED, SurveyState.OPEN]
    assert surveys[1].copied_from_id == surveys[0].pk
    assert all(s.responses.count() >= 5 for s in surveys)
    assert all(s.anonymous for s in surveys)


def test_three_indicators_of_the_national_plan_read_the_survey(built, today):
    plan = Plan.objects.filter(organization=built).order_by("pk").first()
    rules = IndicatorRule.objects.filter(indicator__plan=plan, kind__in=list(SOURCE_RULE_KINDS))
    assert rules.count() == 3
    fed = {r.indicator_id for r in rules}
    survey = Survey.objects.filter(organization=built).order_by("plan_year").first()
    rows = [r for r in indicator_rows(plan, today) if r.indicator.pk in fed]
    for row in rows:
        last_year = row.for_year(survey.plan_year)
        assert last_year.value is not None, row.indicator.text
        assert last_year.computed.url == f"/sondages/{survey.pk}/resultats/"

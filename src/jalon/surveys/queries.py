"""Reads of the surveys app and its access rules.

Who sees what: the editors of the survey's organization build it, invite, close and read every
result, free-text answers included (never broken down); its other members read the aggregated
results; an invitee reaches one survey through the link of their invitation, nothing else.
Results load in a fixed number of queries whatever the number of invitations and responses.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from jalon.accounts.enums import Role
from jalon.accounts.queries import has_role, memberships_of, role_in
from jalon.core.fiscal import PlanYear
from jalon.network.enums import MemberStatus, OrganizationKind
from jalon.plans.models import Action, Indicator, Objective, Plan
from jalon.plans.queries import can_edit_plan, visible_plans
from jalon.tracking.enums import RuleKind
from jalon.tracking.formats import num, pct
from jalon.tracking.rules import Computed
from jalon.tracking.sources import SourceRule

from .enums import BREAKDOWNS, MIN_K, TEXT_KINDS, QuestionKind, SurveyState
from .models import Answer, Invitation, Question, Response, Survey
from .stats import Figures, GroupCell, breakdown, figures, hidden_groups, percent

# --- tokens --------------------------------------------------------------------------------------


def token_for(nonce: str) -> str:
    """The invitation's link token, derived from its nonce (so reminders can send it again);
    only its hash is stored, and looked up."""
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"survey-invitation:{nonce}".encode(), hashlib.sha256
    ).hexdigest()
    return digest[:40]


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_by_token(token: str) -> Invitation:
    """The invitation of a link, with its survey and questions; 404 for an unknown token."""
    invitation = (
        Invitation.objects.select_related("survey")
        .filter(token_hash=token_hash(token or ""))
        .first()
    )
    if invitation is None:
        raise Http404
    return invitation


def survey_by_open_key(key: str) -> Survey:
    survey = Survey.objects.filter(open_key=key).exclude(open_key="").first() if key else None
    if survey is None:
        raise Http404
    return survey


# --- access --------------------------------------------------------------------------------------


def can_edit_survey(user: Any, survey: Survey) -> bool:
    return has_role(user, survey.organization_id, Role.EDITOR)


def can_read_results(user: Any, survey: Survey) -> bool:
    return role_in(user, survey.organization_id) is not None


def get_survey_for_user(user: Any, pk: int, *, write: bool = False) -> Survey:
    """The survey if the user may read its results (or edit it, write=True); 404 otherwise."""
    survey = Survey.objects.select_related("organization", "plan").filter(pk=pk).first()
    if survey is None or not can_read_results(user, survey):
        raise Http404
    if write and not can_edit_survey(user, survey):
        raise Http404
    return survey


def surveys_for(user: Any) -> QuerySet[Survey]:
    if not getattr(user, "is_authenticated", False):
        return Survey.objects.none()
    return (
        Survey.objects.filter(organization_id__in=list(memberships_of(user)))
        .select_related("organization", "plan")
        .annotate(
            invited=Count("invitations", distinct=True),
            answered=Count("responses", distinct=True),
        )
    )


def plan_targets(survey: Survey) -> list[tuple[str, str]]:
    """The objectives, actions and indicators a question of the survey may name (3 queries)."""
    plan = survey.plan
    if plan is None:
        return []
    out = [
        (
            f"objective:{o.pk}",
            _("Objectif %(code)s — %(title)s") % {"code": o.code, "title": o.title[:80]},
        )
        for o in Objective.objects.filter(plan=plan).order_by("orientation__order", "order", "id")
    ]
    out += [
        (
            f"action:{a.pk}",
            _("Action %(code)s — %(title)s") % {"code": a.code, "title": a.title[:80]},
        )
        for a in Action.objects.filter(plan=plan).order_by(
            "objective__orientation__order", "objective__order", "order", "id"
        )
    ]
    out += [
        (f"indicator:{i.pk}", _("Indicateur — %(text)s") % {"text": i.text[:80]})
        for i in Indicator.objects.filter(plan=plan).order_by("id")
    ]
    return out


def plan_objective(survey: Survey, pk: int | None) -> Objective | None:
    """An objective of the survey's plan (None when not asked or not in it)."""
    if pk is None or survey.plan_id is None:
        return None
    return Objective.objects.filter(plan_id=survey.plan_id, pk=pk).first()


def plan_action(survey: Survey, pk: int | None) -> Action | None:
    if pk is None or survey.plan_id is None:
        return None
    return Action.objects.filter(plan_id=survey.plan_id, pk=pk).first()


def plans_for_new_surveys(user: Any) -> list[Plan]:
    """The plans the user edits: a survey is created from one of them."""
    return [
        p
        for p in visible_plans(user).select_related("organization").order_by("title")
        if can_edit_plan(user, p)
    ]


def is_open(survey: Survey, today: dt.date) -> bool:
    return survey.state == SurveyState.OPEN and today <= survey.closes_on


def questions_of(survey: Survey) -> list[Question]:
    return list(survey.questions.order_by("order", "id"))


# --- results -------------------------------------------------------------------------------------


@dataclass
class RateRow:
    group: str
    invited: int
    responded: int

    @property
    def rate(self) -> Decimal | None:
        return percent(self.responded, self.invited)


@dataclass
class QuestionResult:
    question: Question
    figures: Figures | None  # None: fewer than k responses in an anonymous survey
    options: list[tuple[str, str]]
    breakdowns: dict[str, list[GroupCell]] = field(default_factory=dict)
    texts: list[str] = field(default_factory=list)  # free text: editors only
    previous: Figures | None = None  # the same question in the survey it was copied from
    chart: str = ""  # the SVG the results page draws (set by the view)

    @property
    def labelled_breakdowns(self) -> list[tuple[str, list[tuple[str, GroupCell]]]]:
        """Each breakdown's name and its groups, named in the reader's language."""
        return [
            (str(BREAKDOWNS[dim]), [(group_label(dim, c.group), c) for c in cells])
            for dim, cells in self.breakdowns.items()
        ]

    @property
    def rows(self) -> list[tuple[str, int, Decimal | None]]:
        """(label, count, share of n) for the table beside the chart."""
        if self.figures is None:
            return []
        labels = dict(self.options)
        return [
            (labels.get(value, value), count, percent(count, self.figures.n))
            for value, count in self.figures.distribution
        ]


def group_label(dim: str, value: str) -> str:
    """A group as people read it: "Comité local", not "local"; empty is "Non précisé"."""
    if not value:
        return _("Non précisé")
    choices = {"member_kind": OrganizationKind, "member_status": MemberStatus}.get(dim)
    if choices is not None and value in choices.values:
        return str(choices(value).label)
    return value


@dataclass
class SurveyResults:
    survey: Survey
    invited: int
    responded: int  # invitations answered
    responses: int  # responses received (open link included)
    by_region: list[RateRow]
    questions: list[QuestionResult]
    hidden: dict[str, frozenset[str]]
    k: int

    @property
    def response_rate(self) -> Decimal | None:
        return percent(self.responded, self.invited)


def response_counts(survey: Survey) -> tuple[int, int, list[RateRow]]:
    """Invited, responded, and the response rate per region (one query)."""
    rows = (
        Invitation.objects.filter(survey=survey)
        .values("region")
        .annotate(invited=Count("id"), responded=Count("id", filter=Q(responded=True)))
        .order_by("region")
    )
    by_region = [
        RateRow(r["region"] or _("Non précisée"), r["invited"], r["responded"]) for r in rows
    ]
    invited = sum(r.invited for r in by_region)
    responded = sum(r.responded for r in by_region)
    if survey.invited_at_purge is not None and not by_region:
        invited = survey.invited_at_purge
        responded = survey.responses.count()
    return invited, responded, by_region


def _answer_value(question: Question, answer: Answer) -> object:
    if question.kind == QuestionKind.MULTIPLE:
        return list(answer.choices or [])
    if question.kind == QuestionKind.NUMBER:
        return answer.number
    if question.kind in TEXT_KINDS:
        return answer.text
    return answer.choice


def _answered(question: Question, answer: Answer) -> bool:
    if question.kind == QuestionKind.MULTIPLE:
        return bool(answer.choices)
    if question.kind == QuestionKind.NUMBER:
        return answer.number is not None
    if question.kind in TEXT_KINDS:
        return bool(answer.text.strip())
    return bool(answer.choice)


def survey_results(survey: Survey, *, with_texts: bool) -> SurveyResults:
    """Every question's figures and breakdowns, in four queries whatever the survey's size
    (five for a copied survey: the year before's answers)."""
    k = max(survey.k_threshold, MIN_K)
    invited, responded, by_region = response_counts(survey)
    questions = questions_of(survey)
    responses: dict[Any, dict[str, str]] = {
        pk: {"region": region, "member_kind": kind, "member_status": status}
        for pk, region, kind, status in Response.objects.filter(survey=survey).values_list(
            "id", "region", "member_kind", "member_status"
        )
    }
    answers: dict[int, list[Answer]] = defaultdict(list)
    for answer in Answer.objects.filter(response__survey=survey).only(
        "question_id", "response_id", "choice", "choices", "number", "text"
    ):
        answers[answer.question_id].append(answer)
    hidden = {dim: hidden_groups(_sizes(responses.values(), dim), k) for dim in BREAKDOWNS}
    previous = _previous_figures(survey, questions)
    results = []
    for question in questions:
        options = question.options()
        given = [a for a in answers.get(question.pk, []) if _answered(question, a)]
        result = QuestionResult(question=question, figures=None, options=options)
        if question.kind in TEXT_KINDS:
            # Free text: never broken down, never counted into figures, editors only.
            result.texts = sorted(a.text for a in given) if with_texts else []
            result.figures = Figures(len(given), (), None, None)
            results.append(result)
            continue
        values = [_answer_value(question, a) for a in given]
        if survey.anonymous and len(given) < k:
            results.append(result)  # too few answers to show anything
            continue
        result.figures = figures(question.kind, [v for v, _label in options], values)
        result.previous = previous.get(question.series or 0)
        if question.kind in {QuestionKind.SATISFACTION, QuestionKind.NUMBER, QuestionKind.YES_NO}:
            for dim in BREAKDOWNS:
                grouped: dict[str, list[object]] = defaultdict(list)
                for answer, value in zip(given, values, strict=True):
                    group = responses[answer.response_id][dim] or ""
                    grouped[group].append(value)
                result.breakdowns[dim] = breakdown(
                    question.kind, [v for v, _label in options], grouped, hidden[dim]
                )
        results.append(result)
    return SurveyResults(
        survey=survey,
        invited=invited,
        responded=responded,
        responses=len(responses),
        by_region=by_region,
        questions=results,
        hidden=hidden,
        k=k,
    )


def _sizes(responses: Any, dim: str) -> dict[str, int]:
    sizes: dict[str, int] = defaultdict(int)
    for response in responses:
        sizes[response[dim] or ""] += 1
    return dict(sizes)


def _previous_figures(survey: Survey, questions: Sequence[Question]) -> dict[int, Figures]:
    """The figures of the same questions in the survey this one was copied from (one query or
    none), for the year-over-year column; an anonymous survey's small questions stay hidden."""
    if survey.copied_from_id is None:
        return {}
    series = [q.series for q in questions if q.series]
    k = max(survey.k_threshold, MIN_K)
    by_series: dict[int, tuple[Question, list[object]]] = {}
    for answer in Answer.objects.filter(
        response__survey_id=survey.copied_from_id, question__series__in=series
    ).select_related("question"):
        question = answer.question
        if question.kind in TEXT_KINDS or not _answered(question, answer):
            continue
        by_series.setdefault(question.series or 0, (question, []))[1].append(
            _answer_value(question, answer)
        )
    out = {}
    for key, (question, values) in by_series.items():
        if len(values) >= k or not survey.anonymous:
            out[key] = figures(question.kind, [v for v, _l in question.options()], values)
    return out


# --- indicators ----------------------------------------------------------------------------------


def indicator_values(
    rules: Sequence[SourceRule], years: Sequence[PlanYear]
) -> dict[tuple[int, int], Computed]:
    """tracking's provider: each rule's value per plan year, from the survey of its question's
    series held for that year (four queries for all the rules of a page)."""
    ids = [r.question_id for r in rules if r.question_id]
    pointed = {q.pk: q for q in Question.objects.filter(pk__in=ids).select_related("survey")}
    series = {q.series or q.pk for q in pointed.values()}
    plan_ids = {q.survey.plan_id for q in pointed.values() if q.survey.plan_id is not None}
    questions = list(
        Question.objects.filter(series__in=series, survey__plan_id__in=plan_ids)
        .exclude(survey__state=SurveyState.DRAFT)
        .select_related("survey")
    )
    survey_ids = {q.survey_id for q in questions}
    rates = {
        row["survey_id"]: (row["invited"], row["responded"])
        for row in Invitation.objects.filter(survey_id__in=survey_ids)
        .values("survey_id")
        .annotate(invited=Count("id"), responded=Count("id", filter=Q(responded=True)))
    }
    answers: dict[int, list[Answer]] = defaultdict(list)
    for answer in Answer.objects.filter(question__in=questions).only(
        "question_id", "choice", "choices", "number", "text"
    ):
        answers[answer.question_id].append(answer)
    by_year: dict[tuple[int, int], Question] = {}
    for question in questions:
        if question.survey.plan_year is not None:
            by_year[(question.series or question.pk, question.survey.plan_year)] = question
    out: dict[tuple[int, int], Computed] = {}
    for rule in rules:
        origin = pointed.get(rule.question_id or 0)
        if origin is None:
            continue
        for year in years:
            held = by_year.get((origin.series or origin.pk, year.number))
            if held is not None:
                out[(rule.indicator_id, year.number)] = _indicator_value(
                    rule, held, answers.get(held.pk, []), rates.get(held.survey_id)
                )
    return out


def _indicator_value(
    rule: SourceRule, question: Question, given: list[Answer], rate: tuple[int, int] | None
) -> Computed:
    survey = question.survey
    url = reverse("surveys:results", kwargs={"pk": survey.pk})
    values = [_answer_value(question, a) for a in given if _answered(question, a)]
    n = len(values)
    where = _("« %(question)s », sondage « %(survey)s »") % {
        "question": question.text_fr,
        "survey": survey.title_fr,
    }
    k = max(survey.k_threshold, MIN_K)
    if rule.kind == RuleKind.SURVEY_RESPONSE_RATE:
        invited, responded = rate or (survey.invited_at_purge or 0, 0)
        value = percent(responded, invited)
        text = _(
            "Taux de réponse du sondage « %(survey)s » : %(responded)s réponses sur %(invited)s invitations (%(rate)s)."
        ) % {
            "survey": survey.title_fr,
            "responded": num(Decimal(responded)),
            "invited": num(Decimal(invited)),
            "rate": pct(value) if value is not None else "—",
        }
        return Computed(value, "survey", (survey.pk,), (), text, url=url, n=invited)
    if survey.anonymous and n < k:
        text = _(
            "%(where)s : %(n)s réponses, moins que le minimum de %(k)s pour afficher un résultat."
        ) % {"where": where, "n": n, "k": k}
        return Computed(None, "survey", (survey.pk,), (), text, url=url, n=n)
    options = [v for v, _l in question.options()]
    result = figures(question.kind, options, values)
    if rule.kind == RuleKind.SURVEY_SATISFACTION:
        value = result.satisfaction_rate
        text = _("Taux de satisfaction (réponses 4 et 5 sur 5) à %(where)s : %(value)s, n = %(n)s.")
    elif rule.kind == RuleKind.SURVEY_MEAN:
        value = result.mean
        text = _("Score moyen à %(where)s : %(value)s, n = %(n)s.")
    else:
        count = dict(result.distribution).get(rule.answer, 0)
        value = percent(count, n)
        labels = dict(question.options())
        where = _("« %(answer)s » à %(where)s") % {
            "answer": labels.get(rule.answer, rule.answer),
            "where": where,
        }
        text = _("Part des répondants ayant choisi %(where)s : %(value)s, n = %(n)s.")
    shown = (
        "—" if value is None else (num(value) if rule.kind == RuleKind.SURVEY_MEAN else pct(value))
    )
    return Computed(
        value,
        "survey",
        (survey.pk,),
        (),
        text % {"where": where, "value": shown, "n": n},
        url=url,
        n=n,
    )


def answer_rows(survey: Survey) -> list[list[str]]:
    """Raw answers, one row per response: only for a survey that is not anonymous."""
    if survey.anonymous:
        raise Http404
    questions = questions_of(survey)
    by_response: dict[Any, dict[int, Answer]] = defaultdict(dict)
    for answer in Answer.objects.filter(response__survey=survey):
        by_response[answer.response_id][answer.question_id] = answer
    rows = [[_("Courriel"), _("Soumis le"), *[q.text for q in questions]]]
    for response in (
        Response.objects.filter(survey=survey)
        .select_related("invitation")
        .order_by("submitted_on", "id")
    ):
        given = by_response.get(response.id, {})
        cells = []
        for question in questions:
            found = given.get(question.pk)
            value = _answer_value(question, found) if found is not None else ""
            cells.append(
                " ; ".join(value)
                if isinstance(value, list)
                else ("" if value is None else str(value))
            )
        email = response.invitation.email if response.invitation else ""
        rows.append([email, response.submitted_on.isoformat(), *cells])
    return rows


def result_rows(results: SurveyResults) -> list[list[str]]:
    """The aggregated results as CSV rows: per question and answer the count and share, then
    the breakdowns with hidden groups written "masqué" (never a free-text answer)."""
    rows = [
        [
            _("Question"),
            _("Groupe"),
            _("Réponse"),
            _("Nombre"),
            _("Part (%)"),
            _("n"),
            _("Moyenne"),
            _("Taux de satisfaction (%)"),
        ]
    ]
    hidden_word = _("masqué (moins de %(k)s réponses)") % {"k": results.k}
    for result in results.questions:
        question = result.question.text
        if result.question.kind in TEXT_KINDS:
            continue
        f = result.figures
        if f is None:
            rows.append([question, _("Ensemble"), "", hidden_word, "", "", "", ""])
            continue
        mean = "" if f.mean is None else str(f.mean)
        rate = "" if f.satisfaction_rate is None else str(f.satisfaction_rate)
        rows.append([question, _("Ensemble"), "", "", "", str(f.n), mean, rate])
        for label, count, share in result.rows:
            rows.append(
                [
                    question,
                    _("Ensemble"),
                    label,
                    str(count),
                    "" if share is None else str(share),
                    str(f.n),
                    "",
                    "",
                ]
            )
        for dim, cells in result.breakdowns.items():
            for cell in cells:
                group = f"{BREAKDOWNS[dim]} : {group_label(dim, cell.group)}"
                if cell.figures is None:
                    rows.append([question, group, "", hidden_word, "", "", "", ""])
                else:
                    g = cell.figures
                    rows.append(
                        [
                            question,
                            group,
                            _("Oui") if g.yes_rate is not None else "",
                            "",
                            "" if g.yes_rate is None else str(g.yes_rate),
                            str(g.n),
                            "" if g.mean is None else str(g.mean),
                            "" if g.satisfaction_rate is None else str(g.satisfaction_rate),
                        ]
                    )
    return rows

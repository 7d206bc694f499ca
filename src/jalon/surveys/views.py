"""Survey pages: thin views over the queries (reads, access) and services (writes).

Answering needs no account and no JavaScript: the invitation's link is the key, the form is
plain HTML with one fieldset per question, and "Enregistrer et continuer plus tard" keeps the
answers on the same link.
"""

from __future__ import annotations

import csv
import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jalon.core.concurrency import StaleVersion
from jalon.core.http import AuthenticatedHttpRequest
from jalon.network.queries import all_regions
from jalon.plans.models import Plan
from jalon.plans.queries import get_plan_for_user

from . import queries, services
from .enums import TEXT_KINDS, QuestionKind, SurveyState
from .forms import CopyForm, FeedForm, InviteForm, QuestionForm, SurveyForm
from .models import Invitation, Question, Survey
from .stats import percent
from .svg import bar_chart


def _today() -> dt.date:
    return timezone.localdate()


def _years(plan: Plan | None) -> list[tuple[int, str]]:
    return [(y.number, y.label) for y in plan.years] if plan else []


# --- editors -------------------------------------------------------------------------------------


@login_required
def survey_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(
        request,
        "surveys/list.html",
        {
            "surveys": list(queries.surveys_for(request.user)),
            "plans": queries.plans_for_new_surveys(request.user),
        },
    )


@login_required
def survey_new(request: AuthenticatedHttpRequest, plan_pk: int) -> HttpResponse:
    plan = get_plan_for_user(request.user, plan_pk, write=True)
    form = SurveyForm(request.POST or None, years=_years(plan))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            survey = services.create_survey(
                by=request.user,
                organization=plan.organization,
                plan=plan,
                plan_year=data["plan_year"],
                title_fr=data["title_fr"],
                title_en=data["title_en"],
                purpose_fr=data["purpose_fr"],
                purpose_en=data["purpose_en"],
                anonymous=data["anonymous"],
                closes_on=data["closes_on"],
                retention_until=data["retention_until"],
                k_threshold=data["k_threshold"],
                open_link=data["open_link"],
                reminder_days=data["reminder_days"],
            )
        except services.SurveyError as error:
            form.add_error(None, str(error))
        else:
            return redirect(survey)
    return render(request, "surveys/form.html", {"form": form, "plan": plan, "survey": None})


@login_required
@require_POST
def annual_template(request: AuthenticatedHttpRequest, plan_pk: int) -> HttpResponse:
    plan = get_plan_for_user(request.user, plan_pk, write=True)
    today = _today()
    year = next(
        (y for y in plan.years if y.contains(today)), plan.years[-1] if plan.years else None
    )
    if year is None:
        raise Http404
    try:
        survey = services.annual_member_survey(
            by=request.user,
            plan=plan,
            plan_year=year.number,
            closes_on=today + dt.timedelta(days=30),
            # Kept a year after the plan year (for the bilan), and never less than a year.
            retention_until=max(year.end, today + dt.timedelta(days=30)) + dt.timedelta(days=365),
        )
    except services.SurveyError as error:
        messages.error(request, str(error))
        return redirect("plans:detail", pk=plan.pk)
    return redirect(survey)


@login_required
def detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    survey = queries.get_survey_for_user(request.user, pk)
    editor = queries.can_edit_survey(request.user, survey)
    invited, responded, by_region = queries.response_counts(survey)
    context: dict[str, Any] = {
        "survey": survey,
        "editor": editor,
        "questions": queries.questions_of(survey),
        "invited": invited,
        "responded": responded,
        "by_region": by_region,
        "rate": percent(responded, invited),
        "is_open": queries.is_open(survey, _today()),
        "question_form": QuestionForm(targets=queries.plan_targets(survey) if editor else []),
        "invite_form": InviteForm(regions=[(r.pk, r.name) for r in all_regions()]),
        "copy_form": CopyForm(years=_years(survey.plan)),
        "open_url": reverse("surveys:answer_open", kwargs={"key": survey.open_key})
        if survey.open_key
        else "",
    }
    return render(request, "surveys/detail.html", context)


@login_required
def edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    survey = queries.get_survey_for_user(request.user, pk, write=True)
    initial = {
        "title_fr": survey.title_fr,
        "title_en": survey.title_en,
        "purpose_fr": survey.purpose_fr,
        "purpose_en": survey.purpose_en,
        "plan_year": survey.plan_year,
        "anonymous": survey.anonymous,
        "closes_on": survey.closes_on,
        "retention_until": survey.retention_until,
        "k_threshold": survey.k_threshold,
        "open_link": bool(survey.open_key),
        "reminder_days": ", ".join(str(d) for d in survey.reminder_days),
    }
    form = SurveyForm(request.POST or None, initial=initial, years=_years(survey.plan))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.update_survey(
                by=request.user,
                survey=survey,
                expected_version=int(request.POST.get("version") or 0),
                **{
                    k: data[k]
                    for k in (
                        "title_fr",
                        "title_en",
                        "purpose_fr",
                        "purpose_en",
                        "closes_on",
                        "retention_until",
                        "k_threshold",
                        "anonymous",
                        "reminder_days",
                    )
                },
            )
        except StaleVersion:
            form.add_error(
                None,
                _(
                    "Quelqu'un a modifié ce sondage entre-temps : relisez-le et enregistrez de nouveau."
                ),
            )
        except services.SurveyError as error:
            form.add_error(None, str(error))
        else:
            return redirect(survey)
    return render(
        request, "surveys/form.html", {"form": form, "plan": survey.plan, "survey": survey}
    )


@login_required
@require_POST
def question_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    survey = queries.get_survey_for_user(request.user, pk, write=True)
    form = QuestionForm(request.POST, targets=queries.plan_targets(survey))
    if form.is_valid():
        target = form.target_ids()
        named: dict[str, int | None] = {"objective": None, "action": None, "indicator": None}
        if target is not None:
            named[target[0]] = target[1]
        try:
            services.add_question(
                by=request.user,
                survey=survey,
                kind=form.cleaned_data["kind"],
                text_fr=form.cleaned_data["text_fr"],
                text_en=form.cleaned_data["text_en"],
                choices=form.choice_pairs(),
                required=form.cleaned_data["required"],
                objective=queries.plan_objective(survey, named["objective"]),
                action=queries.plan_action(survey, named["action"]),
                indicator_id=named["indicator"],
            )
        except services.SurveyError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Question ajoutée."))
    else:
        messages.error(request, _("La question n'a pas été ajoutée : vérifiez le formulaire."))
    return redirect(survey)


@login_required
@require_POST
def question_delete(request: AuthenticatedHttpRequest, pk: int, question_pk: int) -> HttpResponse:
    survey = queries.get_survey_for_user(request.user, pk, write=True)
    question = survey.questions.filter(pk=question_pk).first()
    if question is None:
        raise Http404
    try:
        services.delete_question(by=request.user, question=question)
    except services.SurveyError as error:
        messages.error(request, str(error))
    return redirect(survey)


@login_required
@require_POST
def invite(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    survey = queries.get_survey_for_user(request.user, pk, write=True)
    form = InviteForm(request.POST, regions=[(r.pk, r.name) for r in all_regions()])
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(str(e) for e in errors))
        return redirect(survey)
    try:
        result = services.invite_members(
            by=request.user,
            survey=survey,
            regions=[int(r) for r in form.cleaned_data["regions"]],
            kinds=form.cleaned_data["kinds"],
            statuses=form.cleaned_data["statuses"],
            emails=form.cleaned_data["emails"],
        )
    except services.SurveyError as error:
        messages.error(request, str(error))
        return redirect(survey)
    messages.success(
        request,
        _(
            "%(n)s invitations ajoutées ; %(skipped)s laissées de côté (déjà invitées ou sans courriel)."
        )
        % {"n": len(result.created), "skipped": len(result.skipped)},
    )
    if survey.state == SurveyState.OPEN and result.created:
        services.enqueue_invitations(survey=survey)
    return redirect(survey)


@login_required
@require_POST
def launch(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    survey = queries.get_survey_for_user(request.user, pk, write=True)
    try:
        services.launch(by=request.user, survey=survey)
    except services.SurveyError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Sondage lancé : les invitations partent par courriel."))
    return redirect(survey)


@login_required
@require_POST
def remind(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    survey = queries.get_survey_for_user(request.user, pk, write=True)
    if survey.state != SurveyState.OPEN:
        messages.error(request, _("Seul un sondage ouvert envoie des rappels."))
    else:
        sent = services.send_invitations(survey_id=survey.pk, reminder=True)
        messages.success(
            request, _("%(n)s rappels envoyés aux personnes qui n'ont pas répondu.") % {"n": sent}
        )
    return redirect(survey)


@login_required
@require_POST
def close(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    survey = queries.get_survey_for_user(request.user, pk, write=True)
    services.close_survey(by=request.user, survey=survey)
    messages.success(request, _("Sondage fermé."))
    return redirect(survey)


@login_required
@require_POST
def copy(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    survey = queries.get_survey_for_user(request.user, pk, write=True)
    form = CopyForm(request.POST, years=_years(survey.plan))
    if not form.is_valid():
        messages.error(request, _("Choisissez les dates du nouveau sondage."))
        return redirect(survey)
    try:
        new = services.copy_survey(by=request.user, survey=survey, **form.cleaned_data)
    except services.SurveyError as error:
        messages.error(request, str(error))
        return redirect(survey)
    return redirect(new)


# --- results -------------------------------------------------------------------------------------


@login_required
def results(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    survey = queries.get_survey_for_user(request.user, pk)
    editor = queries.can_edit_survey(request.user, survey)
    data = queries.survey_results(survey, with_texts=editor)
    for result in data.questions:
        if result.figures is not None and result.rows:
            result.chart = bar_chart(result.question.text, result.rows)
    indicators = (
        [(i.pk, f"{i.text[:90]}") for i in survey.plan.indicators.order_by("id")]
        if editor and survey.plan
        else []
    )
    return render(
        request,
        "surveys/results.html",
        {
            "survey": survey,
            "data": data,
            "editor": editor,
            "text_kinds": TEXT_KINDS,
            "indicators": indicators,
            "feed_kinds": FeedForm.base_fields["kind"].choices,  # type: ignore[attr-defined]
        },
    )


def neutral(value: object) -> str:
    """A CSV cell a spreadsheet will not run: a leading = + - @ tab or CR gets an apostrophe."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in {"=", "+", "-", "@", "\t", "\r"} else text


def _csv(name: str, rows: list[list[str]]) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response.write("\ufeff")
    writer = csv.writer(response)
    for row in rows:
        writer.writerow([neutral(cell) for cell in row])
    return response


@login_required
def results_csv(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    survey = queries.get_survey_for_user(request.user, pk)
    data = queries.survey_results(survey, with_texts=False)
    return _csv(f"sondage-{survey.pk}-resultats.csv", queries.result_rows(data))


@login_required
def answers_csv(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    survey = queries.get_survey_for_user(request.user, pk, write=True)
    return _csv(f"sondage-{survey.pk}-reponses.csv", queries.answer_rows(survey))


@login_required
@require_POST
def feed(request: AuthenticatedHttpRequest, pk: int, question_pk: int) -> HttpResponse:
    survey = queries.get_survey_for_user(request.user, pk, write=True)
    question = survey.questions.filter(pk=question_pk).first()
    if question is None or survey.plan is None:
        raise Http404
    form = FeedForm(
        request.POST,
        indicators=[(i.pk, i.text) for i in survey.plan.indicators.all()],
        options=question.options(),
    )
    if not form.is_valid():
        messages.error(request, _("Choisissez l'indicateur et la mesure."))
    else:
        try:
            services.feed_indicator(
                by=request.user,
                question=question,
                indicator_id=form.cleaned_data["indicator"],
                kind=form.cleaned_data["kind"],
                answer=form.cleaned_data["answer"],
            )
        except services.SurveyError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("L'indicateur lit désormais sa valeur de cette question."))
    return redirect("surveys:results", pk=survey.pk)


# --- answering -----------------------------------------------------------------------------------


def _posted(request: HttpRequest, questions: list[Question]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for question in questions:
        key = str(question.pk)
        data[key] = (
            request.POST.getlist(key)
            if question.kind == QuestionKind.MULTIPLE
            else request.POST.get(key, "")
        )
    return data


def _answer_page(
    request: HttpRequest,
    survey: Survey,
    *,
    invitation: Invitation | None,
    action: str,
) -> HttpResponse:
    today = _today()
    questions = queries.questions_of(survey)
    given: dict[str, Any] = dict(invitation.draft) if invitation else {}
    error = ""
    if invitation is not None and invitation.responded:
        return render(request, "surveys/thanks.html", {"survey": survey, "already": True})
    if not queries.is_open(survey, today):
        status = 410 if survey.state != SurveyState.DRAFT else 404
        return render(request, "surveys/closed.html", {"survey": survey}, status=status)
    if request.method == "POST":
        try:
            given = services.clean_answers(questions, _posted(request, questions))
            if request.POST.get("save") and invitation is not None:
                services.save_draft(invitation=invitation, answers=given, today=today)
                return render(
                    request,
                    "surveys/answer.html",
                    _answer_context(survey, questions, given, action, invitation, saved=True),
                )
            services.submit(survey=survey, answers=given, invitation=invitation, today=today)
        except services.SurveyError as exc:
            error = str(exc)
        else:
            return render(request, "surveys/thanks.html", {"survey": survey, "already": False})
    return render(
        request,
        "surveys/answer.html",
        _answer_context(survey, questions, given, action, invitation, error=error),
        status=400 if error else 200,
    )


def _answer_context(
    survey: Survey,
    questions: list[Question],
    given: dict[str, Any],
    action: str,
    invitation: Invitation | None,
    *,
    saved: bool = False,
    error: str = "",
) -> dict[str, Any]:
    items = []
    for question in questions:
        value = given.get(str(question.pk), [] if question.kind == QuestionKind.MULTIPLE else "")
        items.append(
            {
                "question": question,
                "options": question.options(),
                "value": value,
                "values": value if isinstance(value, list) else [value],
            }
        )
    return {
        "survey": survey,
        "items": items,
        "action": action,
        "can_save": invitation is not None,
        "saved": saved,
        "error": error,
    }


def answer(request: HttpRequest, token: str) -> HttpResponse:
    invitation = queries.invitation_by_token(token)
    return _answer_page(
        request,
        invitation.survey,
        invitation=invitation,
        action=reverse("surveys:answer", kwargs={"token": token}),
    )


def answer_open(request: HttpRequest, key: str) -> HttpResponse:
    survey = queries.survey_by_open_key(key)
    return _answer_page(
        request, survey, invitation=None, action=reverse("surveys:answer_open", kwargs={"key": key})
    )

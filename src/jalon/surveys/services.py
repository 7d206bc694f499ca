"""Writes of the surveys app: build a survey, invite, answer, remind, close, purge.

Keyword-only, typed, atomic; the acting person is explicit (`by=`, None for the system) and
recorded in the history of surveys and questions. Invitations, responses and answers keep no
history (see models: a record would carry the time of an answer).
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from jalon.core.concurrency import locked_at_version
from jalon.core.history import stamp
from jalon.network.models import Organization
from jalon.network.queries import members_of_network
from jalon.plans.enums import ActionStatus
from jalon.plans.models import Action, Objective, Plan
from jalon.tracking.enums import SOURCE_RULE_KINDS, RuleKind
from jalon.tracking.queries import indicators_reading
from jalon.tracking.services import remove_indicator_rule, set_indicator_rule

from .enums import CHOICE_KINDS, DEFAULT_K, MIN_K, TEXT_KINDS, QuestionKind, SurveyState
from .models import Answer, Invitation, Question, Response, Survey
from .queries import token_for, token_hash


class SurveyError(Exception):
    """A refused change, with the French (then English, through the catalogue) message."""


# --- building ------------------------------------------------------------------------------------


@transaction.atomic
def create_survey(
    *,
    by: Any,
    organization: Organization,
    title_fr: str,
    purpose_fr: str,
    closes_on: dt.date,
    retention_until: dt.date,
    plan: Plan | None = None,
    plan_year: int | None = None,
    title_en: str = "",
    purpose_en: str = "",
    anonymous: bool = True,
    k_threshold: int = DEFAULT_K,
    open_link: bool = False,
    reminder_days: Sequence[int] = (7, 14),
) -> Survey:
    _check(title_fr, purpose_fr, closes_on, retention_until, k_threshold)
    if plan is not None and plan.organization_id != organization.pk:
        raise SurveyError(_("Le plan n'appartient pas à cette organisation."))
    if plan is not None and plan_year not in {y.number for y in plan.years}:
        raise SurveyError(_("Choisissez une année du plan."))
    survey = Survey(
        organization=organization,
        plan=plan,
        plan_year=plan_year if plan is not None else None,
        title_fr=title_fr.strip(),
        title_en=title_en.strip(),
        purpose_fr=purpose_fr.strip(),
        purpose_en=purpose_en.strip(),
        anonymous=anonymous,
        closes_on=closes_on,
        retention_until=retention_until,
        k_threshold=k_threshold,
        open_key=secrets.token_urlsafe(16) if open_link else "",
        reminder_days=sorted({int(d) for d in reminder_days if int(d) > 0}),
        created_by=by if getattr(by, "is_authenticated", False) else None,
    )
    stamp(survey, by=by, reason=_("Création du sondage"))
    survey.save()
    survey.series = survey.pk
    survey.save(update_fields=["series"])
    return survey


def _check(
    title_fr: str, purpose_fr: str, closes_on: dt.date, retention_until: dt.date, k: int
) -> None:
    if not title_fr.strip():
        raise SurveyError(_("Donnez un titre au sondage."))
    if not purpose_fr.strip():
        raise SurveyError(_("Dites à quoi servent les réponses : la finalité est obligatoire."))
    if retention_until < closes_on:
        raise SurveyError(_("Les réponses doivent être conservées au moins jusqu'à la fermeture."))
    if k < MIN_K:
        raise SurveyError(
            _("Un groupe affiché compte au moins %(k)s réponses : choisissez %(k)s ou plus.")
            % {"k": MIN_K}
        )


@transaction.atomic
def update_survey(*, by: Any, survey: Survey, expected_version: int, **fields: Any) -> Survey:
    """Change the survey's wording and dates (the form's fields); refused once it is closed."""
    survey = locked_at_version(survey, expected_version)
    if survey.state == SurveyState.CLOSED:
        raise SurveyError(_("Ce sondage est fermé : il ne peut plus être modifié."))
    allowed = {
        "title_fr",
        "title_en",
        "purpose_fr",
        "purpose_en",
        "closes_on",
        "retention_until",
        "k_threshold",
        "anonymous",
        "reminder_days",
    }
    for name, value in fields.items():
        if name not in allowed:
            raise TypeError(name)
        if name == "anonymous" and survey.state != SurveyState.DRAFT and value != survey.anonymous:
            raise SurveyError(_("L'anonymat ne change plus une fois le sondage lancé."))
        setattr(survey, name, value)
    _check(
        survey.title_fr,
        survey.purpose_fr,
        survey.closes_on,
        survey.retention_until,
        survey.k_threshold,
    )
    survey.version += 1
    stamp(survey, by=by)
    survey.save()
    return survey


@transaction.atomic
def add_question(
    *,
    by: Any,
    survey: Survey,
    kind: str,
    text_fr: str,
    text_en: str = "",
    choices: Sequence[tuple[str, str]] = (),
    required: bool = False,
    objective: Objective | None = None,
    action: Action | None = None,
    indicator_id: int | None = None,
) -> Question:
    """A question at the end of the survey; choices as (French, English) pairs."""
    if survey.state != SurveyState.DRAFT:
        raise SurveyError(_("Les questions ne changent plus une fois le sondage lancé."))
    if kind not in QuestionKind.values:
        raise SurveyError(_("Type de question inconnu."))
    if not text_fr.strip():
        raise SurveyError(_("Écrivez la question en français."))
    clean = [(fr.strip(), en.strip()) for fr, en in choices if fr.strip()]
    if kind in CHOICE_KINDS and len(clean) < 2:
        raise SurveyError(_("Une question à choix offre au moins deux choix."))
    if indicator_id is not None and (
        survey.plan is None or not survey.plan.indicators.filter(pk=indicator_id).exists()
    ):
        raise SurveyError(_("La question ne peut viser qu'un élément du plan du sondage."))
    for item in (objective, action):
        if item is not None and item.plan_id != survey.plan_id:
            raise SurveyError(_("La question ne peut viser qu'un élément du plan du sondage."))
    order = survey.questions.count() + 1
    question = Question(
        survey=survey,
        order=order,
        kind=kind,
        text_fr=text_fr.strip(),
        text_en=text_en.strip(),
        choices=[{"value": str(i), "fr": fr, "en": en} for i, (fr, en) in enumerate(clean, start=1)]
        if kind in CHOICE_KINDS
        else [],
        required=required,
        objective=objective,
        action=action,
        indicator_id=indicator_id,
    )
    stamp(question, by=by)
    question.save()
    question.series = question.pk
    question.save(update_fields=["series"])
    return question


@transaction.atomic
def delete_question(*, by: Any, question: Question) -> None:
    if question.survey.state != SurveyState.DRAFT:
        raise SurveyError(_("Les questions ne changent plus une fois le sondage lancé."))
    # An indicator reading the question goes back to hand entry (tracking keeps a plain id).
    for indicator in indicators_reading(question.pk):
        remove_indicator_rule(indicator=indicator, user=by)
    stamp(question, by=by)
    question.delete()


@transaction.atomic
def copy_survey(
    *,
    by: Any,
    survey: Survey,
    plan_year: int | None,
    closes_on: dt.date,
    retention_until: dt.date,
) -> Survey:
    """Next year's survey: the same wording and questions, in the same series (so an indicator
    reading a question follows it year by year, and results compare with the year before)."""
    title_fr, title_en = survey.title_fr, survey.title_en
    labels = {y.number: y.label for y in (survey.plan.years if survey.plan else [])}
    old, new = labels.get(survey.plan_year or 0), labels.get(plan_year or 0)
    if old and new:  # "Satisfaction annuelle des membres 2017-2018 (An 1)" names its year
        title_fr = title_fr.replace(old, new)
        title_en = title_en.replace(old.replace("An ", "Year "), new.replace("An ", "Year "))
    copy = create_survey(
        by=by,
        organization=survey.organization,
        plan=survey.plan,
        plan_year=plan_year,
        title_fr=title_fr,
        title_en=title_en,
        purpose_fr=survey.purpose_fr,
        purpose_en=survey.purpose_en,
        anonymous=survey.anonymous,
        k_threshold=survey.k_threshold,
        closes_on=closes_on,
        retention_until=retention_until,
        open_link=bool(survey.open_key),
        reminder_days=survey.reminder_days,
    )
    copy.copied_from = survey
    copy.series = survey.series or survey.pk
    copy.save(update_fields=["copied_from", "series"])
    for question in survey.questions.order_by("order", "id"):
        copied = Question(
            survey=copy,
            order=question.order,
            kind=question.kind,
            text_fr=question.text_fr,
            text_en=question.text_en,
            choices=question.choices,
            required=question.required,
            objective_id=question.objective_id,
            action_id=question.action_id,
            indicator_id=question.indicator_id,
            series=question.series or question.pk,
        )
        stamp(copied, by=by, reason=_("Copie du sondage de l'année précédente"))
        copied.save()
    return copy


@transaction.atomic
def annual_member_survey(
    *,
    by: Any,
    plan: Plan,
    plan_year: int,
    closes_on: dt.date,
    retention_until: dt.date,
) -> Survey:
    """The "satisfaction annuelle des membres" survey, generated from the plan: one
    satisfaction question per objective, one per action carried out this year (in progress or
    completed, planned this year), and a general question with a comment box."""
    year = next((y for y in plan.years if y.number == plan_year), None)
    if year is None:
        raise SurveyError(_("Choisissez une année du plan."))
    survey = create_survey(
        by=by,
        organization=plan.organization,
        plan=plan,
        plan_year=plan_year,
        title_fr=_("Satisfaction annuelle des membres %(year)s") % {"year": year.label},
        title_en=f"Annual member satisfaction {year.label.replace('An ', 'Year ')}",
        purpose_fr=_(
            "Mesurer la satisfaction des membres à l'égard de l'atteinte des objectifs et des "
            "actions du plan, pour en rendre compte dans le bilan annuel."
        ),
        purpose_en=(
            "To measure the members' satisfaction with the achievement of the plan's objectives "
            "and actions, and report it in the annual review."
        ),
        closes_on=closes_on,
        retention_until=retention_until,
    )
    objectives = Objective.objects.filter(orientation__plan=plan).order_by(
        "orientation__order", "order", "id"
    )
    for objective in objectives:
        add_question(
            by=by,
            survey=survey,
            kind=QuestionKind.SATISFACTION,
            text_fr=_("Êtes-vous satisfait de l'atteinte de l'objectif « %(title)s » ?")
            % {"title": objective.title},
            text_en=f"How satisfied are you with the achievement of the objective “{objective.title}”?",
            objective=objective,
        )
    carried = [ActionStatus.IN_PROGRESS, ActionStatus.COMPLETED]
    for action in Action.objects.filter(plan=plan, status__in=carried).order_by(
        "objective__orientation__order", "objective__order", "order", "id"
    ):
        years = [str(y) for y in (action.schedule_years or [])]
        if years and str(plan_year) not in years:
            continue
        add_question(
            by=by,
            survey=survey,
            kind=QuestionKind.SATISFACTION,
            text_fr=_("Êtes-vous satisfait de l'action « %(title)s » ?") % {"title": action.title},
            text_en=f"How satisfied are you with the action “{action.title}”?",
            action=action,
        )
    add_question(
        by=by,
        survey=survey,
        kind=QuestionKind.SATISFACTION,
        text_fr=_("Dans l'ensemble, êtes-vous satisfait du travail du réseau cette année ?"),
        text_en="Overall, how satisfied are you with the network's work this year?",
    )
    add_question(
        by=by,
        survey=survey,
        kind=QuestionKind.LONG_TEXT,
        text_fr=_("Commentaires et suggestions"),
        text_en="Comments and suggestions",
    )
    return survey


# --- inviting ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Invited:
    created: list[tuple[Invitation, str]]  # with the token of its link
    skipped: list[str]  # already invited, or no e-mail address


def _new_invitation(
    survey: Survey, email: str, organization: Organization | None
) -> tuple[Invitation, str]:
    nonce = secrets.token_hex(16)
    token = token_for(nonce)
    invitation = Invitation(
        survey=survey,
        email=email.strip().lower(),
        organization=organization,
        region=organization.region.name if organization and organization.region else "",
        member_kind=organization.kind if organization else "",
        member_status=organization.member_status if organization else "",
        nonce=nonce,
        token_hash=token_hash(token),
    )
    return invitation, token


@transaction.atomic
def invite_members(
    *,
    by: Any,
    survey: Survey,
    regions: Iterable[int] = (),
    kinds: Iterable[str] = (),
    statuses: Iterable[str] = (),
    emails: Iterable[str] = (),
) -> Invited:
    """Invite the network's members matching the filters (none: all), and/or e-mail addresses."""
    if survey.state == SurveyState.CLOSED:
        raise SurveyError(_("Ce sondage est fermé."))
    regions, kinds, statuses = set(regions), set(kinds), set(statuses)
    known = set(survey.invitations.values_list("email", flat=True))
    created: list[tuple[Invitation, str]] = []
    skipped: list[str] = []
    targets: list[tuple[str, Organization | None]] = []
    if regions or kinds or statuses or not emails:
        for member in members_of_network(survey.organization):
            if regions and member.region_id not in regions:
                continue
            if kinds and member.kind not in kinds:
                continue
            if statuses and member.member_status not in statuses:
                continue
            if not member.email:
                skipped.append(member.name)
                continue
            targets.append((member.email, member))
    targets += [(e, None) for e in emails if e.strip()]
    for email, organization in targets:
        address = email.strip().lower()
        if address in known:
            skipped.append(address)
            continue
        known.add(address)
        created.append(_new_invitation(survey, address, organization))
    Invitation.objects.bulk_create([i for i, _t in created])
    return Invited(created=created, skipped=skipped)


@transaction.atomic
def launch(*, by: Any, survey: Survey, today: dt.date | None = None, send: bool = True) -> Survey:
    """Open the survey and send the invitations (through the task queue, once committed;
    `send=False` for the demo, whose addresses are fictional)."""
    today = today or timezone.localdate()
    if survey.state != SurveyState.DRAFT:
        raise SurveyError(_("Ce sondage est déjà lancé."))
    if not survey.questions.exists():
        raise SurveyError(_("Ajoutez au moins une question avant de lancer le sondage."))
    if survey.closes_on < today:
        raise SurveyError(_("La date de fermeture est passée : choisissez-en une autre."))
    survey.state = SurveyState.OPEN
    survey.launched_on = today
    survey.version += 1
    stamp(survey, by=by, reason=_("Lancement du sondage"))
    survey.save()
    if send:
        enqueue_invitations(survey=survey)
    return survey


def enqueue_invitations(*, survey: Survey) -> None:
    """Send the invitations not yet sent through the task queue, once the change is committed."""
    from .tasks import send_invitations_task  # noqa: PLC0415 (task)

    survey_id = survey.pk
    transaction.on_commit(lambda: send_invitations_task.enqueue(survey_id))


def _link(token: str) -> str:
    base = getattr(settings, "SITE_URL", "") or ""
    return base.rstrip("/") + reverse("surveys:answer", kwargs={"token": token})


def send_invitations(
    *, survey_id: int, reminder: bool = False, now: dt.datetime | None = None
) -> int:
    """E-mail every invitation not yet sent (or, as a reminder, every one not answered)."""
    now = now or timezone.now()
    survey = Survey.objects.get(pk=survey_id)
    pending = survey.invitations.filter(responded=False)
    if not reminder:
        pending = pending.filter(sent_at__isnull=True)
    sent = 0
    for invitation in pending:
        link = _link(token_for(invitation.nonce))
        subject = (_("Rappel : %(title)s") if reminder else "%(title)s") % {
            "title": survey.title_fr
        }
        body = _(
            "Bonjour,\n\n%(org)s vous invite à répondre au sondage « %(title)s » d'ici le "
            "%(closes)s.\n\nPourquoi : %(purpose)s\n\nRépondre : %(link)s\n\nCe lien vous est "
            "personnel ; vous pouvez enregistrer vos réponses et revenir plus tard."
        ) % {
            "org": survey.organization.name,
            "title": survey.title_fr,
            "closes": survey.closes_on.isoformat(),
            "purpose": survey.purpose_fr,
            "link": link,
        }
        send_mail(subject, body, None, [invitation.email])
        if reminder:
            invitation.reminded_at = now
            invitation.reminders_sent += 1
            invitation.save(update_fields=["reminded_at", "reminders_sent"])
        else:
            invitation.sent_at = now
            invitation.save(update_fields=["sent_at"])
        sent += 1
    return sent


def due_reminders(*, today: dt.date | None = None) -> int:
    """Send the reminders due today (dates chosen at launch: days after it) for every open survey,
    to non-respondents only; a reminder goes out once per date. Returns e-mails sent."""
    today = today or timezone.localdate()
    sent = 0
    for survey in Survey.objects.filter(state=SurveyState.OPEN, launched_on__isnull=False):
        if today > survey.closes_on or survey.launched_on is None:
            continue
        due = sum(
            1
            for d in survey.reminder_days
            if survey.launched_on + dt.timedelta(days=int(d)) <= today
        )
        if due == 0:
            continue
        behind = survey.invitations.filter(responded=False, reminders_sent__lt=due)
        if behind.exists():
            sent += send_invitations(survey_id=survey.pk, reminder=True)
    return sent


# --- answering -----------------------------------------------------------------------------------


def clean_answers(questions: Sequence[Question], data: Mapping[str, Any]) -> dict[str, Any]:
    """The answers of a form as stored values keyed by question id; raises SurveyError with the
    first refusal (a number that is not one, a choice not offered)."""
    answers: dict[str, Any] = {}
    for question in questions:
        key = str(question.pk)
        raw = data.get(key)
        offered = {v for v, _l in question.options()}
        if question.kind == QuestionKind.MULTIPLE:
            picked = [str(v) for v in (raw or []) if str(v) in offered]
            if picked:
                answers[key] = picked
        elif question.kind == QuestionKind.NUMBER:
            text = str(raw or "").strip().replace(",", ".").replace(" ", "").replace(" ", "")
            if text:
                try:
                    number = Decimal(text)
                except InvalidOperation:
                    raise SurveyError(
                        _("« %(text)s » n'est pas un nombre (question « %(q)s »).")
                        % {"text": raw, "q": question.text}
                    ) from None
                if not number.is_finite() or abs(number) >= Decimal("1e12"):
                    raise SurveyError(_("Ce nombre est trop grand."))
                answers[key] = str(number)
        elif question.kind in TEXT_KINDS:
            text = str(raw or "").strip()
            if text:
                answers[key] = text[:5000]
        else:
            value = str(raw or "")
            if value in offered:
                answers[key] = value
    return answers


def missing_required(questions: Sequence[Question], answers: Mapping[str, Any]) -> list[Question]:
    return [q for q in questions if q.required and str(q.pk) not in answers]


def save_draft(
    *, invitation: Invitation, answers: Mapping[str, Any], today: dt.date | None = None
) -> None:
    """Keep the answers given so far on the invitation, to resume on the same link."""
    _check_open(invitation.survey, today)
    if invitation.responded:
        raise SurveyError(_("Vous avez déjà répondu à ce sondage. Merci !"))
    invitation.draft = dict(answers)
    invitation.save(update_fields=["draft"])


def _check_open(survey: Survey, today: dt.date | None) -> None:
    today = today or timezone.localdate()
    if survey.state == SurveyState.DRAFT:
        raise SurveyError(_("Ce sondage n'est pas encore ouvert."))
    if survey.state == SurveyState.CLOSED or today > survey.closes_on:
        raise SurveyError(
            _(
                "Ce sondage est fermé depuis le %(day)s : il n'accepte plus de réponses. Merci de "
                "votre intérêt."
            )
            % {"day": survey.closes_on.isoformat()}
        )


@transaction.atomic
def submit(
    *,
    survey: Survey,
    answers: Mapping[str, Any],
    invitation: Invitation | None = None,
    today: dt.date | None = None,
) -> Response:
    """Record a response. Through an invitation of an anonymous survey, only the breakdown
    attributes are copied; the invitation gets `responded = True` and loses its draft."""
    today = today or timezone.localdate()
    _check_open(survey, today)
    questions = list(survey.questions.all())
    missing = missing_required(questions, answers)
    if missing:
        raise SurveyError(
            _("Répondez à la question « %(q)s », elle est obligatoire.") % {"q": missing[0].text}
        )
    if invitation is not None:
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.responded:
            raise SurveyError(_("Vous avez déjà répondu à ce sondage. Merci !"))
    response = Response(
        survey=survey,
        submitted_on=today,
        region=invitation.region if invitation else "",
        member_kind=invitation.member_kind if invitation else "",
        member_status=invitation.member_status if invitation else "",
        invitation=invitation if invitation is not None and not survey.anonymous else None,
    )
    response.save()
    by_id = {str(q.pk): q for q in questions}
    rows = []
    for key, value in answers.items():
        question = by_id.get(key)
        if question is None:
            continue
        answer = Answer(response=response, question=question)
        if question.kind == QuestionKind.MULTIPLE:
            answer.choices = list(value)
        elif question.kind == QuestionKind.NUMBER:
            answer.number = Decimal(str(value))
        elif question.kind in TEXT_KINDS:
            answer.text = str(value)
        else:
            answer.choice = str(value)
        rows.append(answer)
    Answer.objects.bulk_create(rows)
    if invitation is not None:
        invitation.responded = True
        invitation.draft = {}
        invitation.save(update_fields=["responded", "draft"])
    return response


@transaction.atomic
def close_survey(*, by: Any, survey: Survey, today: dt.date | None = None) -> Survey:
    if survey.state == SurveyState.CLOSED:
        return survey
    survey.state = SurveyState.CLOSED
    survey.closed_on = today or timezone.localdate()
    survey.version += 1
    stamp(survey, by=by, reason=_("Fermeture du sondage"))
    survey.save()
    # Answers in progress are not answers: they go with the closing.
    survey.invitations.exclude(draft={}).update(draft={})
    if survey.anonymous:
        generalize_responses(survey=survey)
    return survey


BREAKDOWN_FIELDS = ("region", "member_kind", "member_status")


def generalize_responses(*, survey: Survey) -> int:
    """Blank the breakdown attributes a response shares with fewer than k others.

    A response's (region, kind, status) is matched against the invitations that say
    "responded": a combination only one respondent has would name their invitation. Once the
    survey is closed, every combination held by fewer than k responses loses, one at a time,
    its rarest attribute, until each combination left is shared by k responses or more (or is
    blank). The breakdowns hid those groups anyway. Returns how many responses changed.
    """
    k = max(survey.k_threshold, MIN_K)
    rows = {
        pk: list(values)
        for pk, *values in Response.objects.filter(survey=survey).values_list(
            "id", *BREAKDOWN_FIELDS
        )
    }
    original = {pk: tuple(v) for pk, v in rows.items()}
    while True:
        combos = Counter(tuple(v) for v in rows.values())
        small = [v for v in rows.values() if any(v) and combos[tuple(v)] < k]
        if not small:
            break
        per_value = [Counter(v[i] for v in rows.values()) for i in range(len(BREAKDOWN_FIELDS))]
        for values in small:
            kept = [i for i, value in enumerate(values) if value]
            rarest = min(kept, key=lambda i: (per_value[i][values[i]], i))
            values[rarest] = ""
    changed = [pk for pk, v in rows.items() if tuple(v) != original[pk]]
    for pk in changed:
        Response.objects.filter(pk=pk).update(**dict(zip(BREAKDOWN_FIELDS, rows[pk], strict=True)))
    return len(changed)


@transaction.atomic
def purge_expired(*, today: dt.date | None = None) -> int:
    """Past their retention date, surveys lose their free-text answers and their invitations
    (who was asked); the aggregates stay: responses with their choices and numbers, and the
    number of invitations for the response rate. Returns how many surveys were purged."""
    today = today or timezone.localdate()
    purged = 0
    for survey in Survey.objects.select_for_update().filter(
        retention_until__lt=today, purged_on__isnull=True
    ):
        Answer.objects.filter(response__survey=survey, question__kind__in=list(TEXT_KINDS)).update(
            text=""
        )
        Response.objects.filter(survey=survey).update(invitation=None)
        survey.invited_at_purge = survey.invitations.count()
        survey.invitations.all().delete()
        if survey.state != SurveyState.CLOSED:
            survey.state = SurveyState.CLOSED
            survey.closed_on = today
        survey.purged_on = today
        stamp(survey, by=None, reason=_("Purge après la date de conservation"))
        survey.save()
        purged += 1
    return purged


# --- indicators ----------------------------------------------------------------------------------


def feed_indicator(
    *, by: Any, question: Question, indicator_id: int, kind: str, answer: str = ""
) -> None:
    """Make a plan indicator read its value from this question (and its series, year by year)."""
    if kind not in SOURCE_RULE_KINDS:
        raise SurveyError(_("Choisissez une mesure de sondage."))
    plan = question.survey.plan
    if plan is None:
        raise SurveyError(_("Ce sondage n'est lié à aucun plan."))
    indicator = plan.indicators.filter(pk=indicator_id).first()
    if indicator is None:
        raise SurveyError(_("Cet indicateur n'est pas dans le plan du sondage."))
    if kind == RuleKind.SURVEY_SATISFACTION and question.kind != QuestionKind.SATISFACTION:
        raise SurveyError(_("Le taux de satisfaction se lit d'une question de satisfaction."))
    if kind == RuleKind.SURVEY_SHARE and answer not in {v for v, _l in question.options()}:
        raise SurveyError(_("Choisissez la réponse dont on compte la part."))
    try:
        set_indicator_rule(
            indicator=indicator,
            user=by,
            kind=kind,
            source_question=question.pk,
            source_answer=answer,
        )
    except IntegrityError:  # pragma: no cover - the one-to-one is replaced, not duplicated
        raise SurveyError(_("Réessayez.")) from None

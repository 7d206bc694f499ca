"""Surveys, their questions, invitations, responses and answers.

Anonymity is structural: in an anonymous survey a `Response` holds no foreign key, id or
timestamp finer than the day that ties it to its `Invitation`. Answers in progress wait on the
invitation (`draft`) and move to a new response at submission, when the draft is cleared and
the invitation only keeps `responded = True`. Responses have random ids (UUID), so their order
in the table says nothing of who answered when; invitations and responses keep no history
records (a history row would carry the submission's time). The response keeps the breakdown
attributes (region, member kind, status) copied from the invitation at submission.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .enums import (
    DEFAULT_K,
    MIN_K,
    SATISFACTION_POINTS,
    YES_NO_POINTS,
    QuestionKind,
    SurveyState,
)


def _default_reminders() -> list[int]:
    return [7, 14]


def _empty_list() -> list[Any]:
    return []


def _empty_dict() -> dict[str, Any]:
    return {}


class Survey(models.Model):
    organization = models.ForeignKey(
        "network.Organization",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="surveys",
    )
    plan = models.ForeignKey(
        "plans.Plan",
        verbose_name=_("plan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="surveys",
    )
    plan_year = models.PositiveSmallIntegerField(_("année du plan"), null=True, blank=True)
    title_fr = models.CharField(_("titre (français)"), max_length=300)
    title_en = models.CharField(_("titre (anglais)"), max_length=300, blank=True)
    purpose_fr = models.TextField(_("finalité (français)"))
    purpose_en = models.TextField(_("finalité (anglais)"), blank=True)
    anonymous = models.BooleanField(_("anonyme"), default=True)
    state = models.CharField(
        _("état"), max_length=10, choices=SurveyState.choices, default=SurveyState.DRAFT
    )
    closes_on = models.DateField(_("date de fermeture"))
    retention_until = models.DateField(_("conservation des réponses jusqu'au"))
    k_threshold = models.PositiveSmallIntegerField(
        _("taille minimale d'un groupe affiché"),
        default=DEFAULT_K,
        validators=[MinValueValidator(MIN_K)],
    )
    open_key = models.CharField(_("clé du lien ouvert"), max_length=40, blank=True)
    reminder_days = models.JSONField(
        _("rappels (jours après le lancement)"), default=_default_reminders
    )
    launched_on = models.DateField(_("lancé le"), null=True, blank=True)
    closed_on = models.DateField(_("fermé le"), null=True, blank=True)
    purged_on = models.DateField(_("purgé le"), null=True, blank=True)
    # After the purge, the invitations are gone: the response rate reads this count.
    invited_at_purge = models.PositiveIntegerField(null=True, blank=True)
    copied_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="copies"
    )
    # The id of the first survey of a chain of copies: an indicator follows the series year by year.
    series = models.PositiveIntegerField(null=True, blank=True, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-plan_year", "-id"]
        verbose_name = _("sondage")
        verbose_name_plural = _("sondages")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(k_threshold__gte=MIN_K), name="survey_k_at_least_3"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("surveys:detail", kwargs={"pk": self.pk})

    @property
    def title(self) -> str:
        return _in_language(self.title_fr, self.title_en)

    @property
    def purpose(self) -> str:
        return _in_language(self.purpose_fr, self.purpose_en)


class Question(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    order = models.PositiveIntegerField(_("ordre"), default=0)
    kind = models.CharField(_("type"), max_length=20, choices=QuestionKind.choices)
    text_fr = models.TextField(_("question (français)"))
    text_en = models.TextField(_("question (anglais)"), blank=True)
    # Single and multiple choice: [{"value": "a", "fr": "…", "en": "…"}, …]
    choices = models.JSONField(_("choix"), default=_empty_list, blank=True)
    required = models.BooleanField(_("réponse obligatoire"), default=False)
    objective = models.ForeignKey(
        "plans.Objective", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.ForeignKey(
        "plans.Action", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    indicator = models.ForeignKey(
        "plans.Indicator", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The id of the question it was first copied from (itself for an original).
    series = models.PositiveIntegerField(null=True, blank=True, db_index=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.text

    @property
    def text(self) -> str:
        return _in_language(self.text_fr, self.text_en)

    def options(self) -> list[tuple[str, str]]:
        """The answers offered, as (value, label in the reader's language)."""
        if self.kind == QuestionKind.SATISFACTION:
            return [(v, str(label)) for v, label in SATISFACTION_POINTS]
        if self.kind == QuestionKind.YES_NO:
            return [(v, str(label)) for v, label in YES_NO_POINTS]
        return [
            (str(c["value"]), _in_language(str(c.get("fr", "")), str(c.get("en", ""))))
            for c in self.choices or []
        ]


class Invitation(models.Model):
    """Who was asked. No history: a history record would carry the time of the answer."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("courriel"))
    organization = models.ForeignKey(
        "network.Organization", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Snapshots at the invitation, copied into the response at submission (breakdowns).
    region = models.CharField(_("région"), max_length=120, blank=True)
    member_kind = models.CharField(_("type de membre"), max_length=20, blank=True)
    member_status = models.CharField(_("statut de membre"), max_length=20, blank=True)
    nonce = models.CharField(max_length=32)
    token_hash = models.CharField(max_length=64, unique=True)
    responded = models.BooleanField(_("a répondu"), default=False)
    sent_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    reminders_sent = models.PositiveSmallIntegerField(default=0)
    # Answers saved but not yet submitted; cleared at submission.
    draft = models.JSONField(default=_empty_dict, blank=True)

    class Meta:
        ordering = ["email", "id"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(fields=["survey", "email"], name="survey_invitation_once")
        ]

    def __str__(self) -> str:
        return self.email


class Response(models.Model):
    """A submitted response: in an anonymous survey, nothing ties it to an invitation."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    submitted_on = models.DateField(_("soumis le"))  # the day only, never the time
    region = models.CharField(_("région"), max_length=120, blank=True)
    member_kind = models.CharField(_("type de membre"), max_length=20, blank=True)
    member_status = models.CharField(_("statut de membre"), max_length=20, blank=True)
    # Only in a survey that is not anonymous.
    invitation = models.OneToOneField(
        Invitation, null=True, blank=True, on_delete=models.SET_NULL, related_name="response"
    )

    class Meta:
        verbose_name = _("réponse")
        verbose_name_plural = _("réponses")

    def __str__(self) -> str:
        return str(self.id)


class Answer(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    choice = models.CharField(max_length=100, blank=True)  # satisfaction, single, yes/no
    choices = models.JSONField(default=_empty_list, blank=True)  # multiple choice
    number = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    text = models.TextField(blank=True)

    class Meta:
        verbose_name = _("réponse à une question")
        verbose_name_plural = _("réponses aux questions")
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="survey_answer_once")
        ]

    def __str__(self) -> str:
        return f"{self.question_id}: {self.choice or self.number or self.text[:20]}"


def _in_language(fr: str, en: str) -> str:
    """The English wording for an English reader when there is one, else the French."""
    if en and (translation.get_language() or "fr").startswith("en"):
        return en
    return fr

"""What happens to a plan during the year: dated status updates, logs, indicator values, locks.

- `StatusUpdate`: one dated state of an action (status, progress %, note, evidence). The
  action's current state is its latest update (by date, then by entry); `Action.status`,
  `progress_note` and `status_changed_on` are kept in step by `services` in the same transaction.
- `Activity` and `Contact`: the logs an organization keeps anyway (meetings, webinars,
  newsletters… and contacts with member organizations). Computed indicator values are read
  from them.
- `IndicatorRule` says how an indicator's value is computed from the logs; `IndicatorValue`
  holds what people enter by hand (a year's value, a baseline in year 0, dated occurrences
  for frequency targets, a milestone done, a narrative).
- `YearLock`: once a year's report is adopted, nothing dated in that year changes any more,
  unless an editor unlocks it with a reason (kept on the lock row).
- `Follow`, `Notification`, `ReminderLog`: who hears about what, and when they were reminded.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from jalon.plans.enums import ActionStatus

from .enums import (
    ActivityKind,
    AssessmentStatus,
    ContactChannel,
    NotificationKind,
    RuleKind,
    RuleScope,
)


def _empty_list() -> list[str]:
    return []


def _empty_dict() -> dict[str, str]:
    return {}


class StatusUpdate(models.Model):
    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="status_updates")
    action = models.ForeignKey(
        "plans.Action", on_delete=models.CASCADE, related_name="status_updates"
    )
    date = models.DateField(_("date"), db_index=True)
    status = models.CharField(_("état"), max_length=20, choices=ActionStatus.choices, blank=True)
    progress = models.PositiveSmallIntegerField(
        _("avancement (%)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    note = models.TextField(_("note"), blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("auteur"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_initial = models.BooleanField(_("tiré du document importé"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("mise à jour d'état")
        verbose_name_plural = _("mises à jour d'état")
        indexes = [
            models.Index(fields=["action", "date"]),
            models.Index(fields=["plan", "created_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.action_id} {self.date} {self.status}"


class Evidence(models.Model):
    """A link or a file that shows what a status update says."""

    update = models.ForeignKey(StatusUpdate, on_delete=models.CASCADE, related_name="evidence")
    url = models.URLField(_("lien"), max_length=500, blank=True)
    file = models.FileField(_("fichier"), upload_to="tracking/preuves/%Y/%m/", blank=True)
    name = models.CharField(_("nom"), max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["update", "id"]
        verbose_name = _("pièce justificative")
        verbose_name_plural = _("pièces justificatives")
        constraints = [
            models.CheckConstraint(
                condition=~Q(url="") | ~Q(file=""), name="evidence_has_link_or_file"
            )
        ]

    def __str__(self) -> str:
        return self.name or self.url or self.file.name or ""


class YearLock(models.Model):
    """A plan year closed by the adoption of its report. Unlocking keeps the row, with its reason."""

    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="year_locks")
    year = models.PositiveSmallIntegerField(_("année du plan"))
    note = models.TextField(_("note"), blank=True)
    locked_at = models.DateTimeField(_("verrouillée le"))
    locked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    unlocked_at = models.DateTimeField(_("déverrouillée le"), null=True, blank=True)
    unlocked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    unlock_reason = models.TextField(_("raison du déverrouillage"), blank=True)

    class Meta:
        ordering = ["plan", "year", "-locked_at"]
        verbose_name = _("verrou d'année")
        verbose_name_plural = _("verrous d'année")
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "year"],
                condition=Q(unlocked_at__isnull=True),
                name="one_open_lock_per_plan_year",
            )
        ]

    def __str__(self) -> str:
        return f"{self.plan_id} An {self.year}"


class Activity(models.Model):
    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="activities")
    kind = models.CharField(_("type"), max_length=20, choices=ActivityKind.choices)
    date = models.DateField(_("date"))
    title = models.CharField(_("titre"), max_length=300)
    participants = models.PositiveIntegerField(_("participants"), null=True, blank=True)
    organizations = models.ManyToManyField(
        "network.Organization",
        verbose_name=_("organisations présentes"),
        blank=True,
        related_name="tracking_activities",
    )
    actions = models.ManyToManyField(
        "plans.Action", verbose_name=_("actions liées"), blank=True, related_name="activities"
    )
    indicators = models.ManyToManyField(
        "plans.Indicator",
        verbose_name=_("indicateurs liés"),
        blank=True,
        related_name="activities",
    )
    notes = models.TextField(_("notes"), blank=True)
    satisfaction = models.DecimalField(
        _("taux de satisfaction (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("activité")
        verbose_name_plural = _("activités")
        indexes = [models.Index(fields=["plan", "date"])]

    def __str__(self) -> str:
        return self.title


class Contact(models.Model):
    """A contact with a member organization: who, when, how, about what."""

    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="contacts")
    date = models.DateField(_("date"))
    channel = models.CharField(_("moyen"), max_length=20, choices=ContactChannel.choices)
    subject = models.CharField(_("objet"), max_length=300)
    organization = models.ForeignKey(
        "network.Organization",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="tracking_contacts",
    )
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    notes = models.TextField(_("notes"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        indexes = [models.Index(fields=["plan", "date"])]

    def __str__(self) -> str:
        return self.subject


class IndicatorRule(models.Model):
    """How an indicator's yearly value is computed from the logs (chosen per indicator)."""

    indicator = models.OneToOneField(
        "plans.Indicator", on_delete=models.CASCADE, related_name="rule"
    )
    kind = models.CharField(_("calcul"), max_length=30, choices=RuleKind.choices)
    base_kind = models.CharField(
        _("mesure comparée"), max_length=30, choices=RuleKind.choices, blank=True
    )
    activity_kinds = models.JSONField(_("types d'activité"), default=_empty_list, blank=True)
    scope = models.CharField(
        _("activités prises en compte"),
        max_length=20,
        choices=RuleScope.choices,
        default=RuleScope.ACTION,
    )
    # Survey rules (SOURCE_RULE_KINDS): the id of the survey question read, kept as a plain
    # number because surveys sit above tracking (tracking.sources); the surveys app clears
    # rules that point at a question it deletes.
    source_question = models.PositiveIntegerField(_("question de sondage"), null=True, blank=True)
    source_answer = models.CharField(_("réponse comptée"), max_length=100, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("règle de calcul")
        verbose_name_plural = _("règles de calcul")

    def __str__(self) -> str:
        return f"{self.indicator_id}: {self.kind}"


class IndicatorValue(models.Model):
    """A value entered by hand for an indicator.

    One row per plan year holds the year's value (`occurrence=False`; year 0 is the baseline
    before the plan, used by growth targets); frequency targets add one dated row per
    occurrence (`occurrence=True`).
    """

    indicator = models.ForeignKey(
        "plans.Indicator", on_delete=models.CASCADE, related_name="values"
    )
    plan_year = models.PositiveSmallIntegerField(_("année du plan"))
    occurrence = models.BooleanField(_("occurrence datée"), default=False)
    on_date = models.DateField(_("date"), null=True, blank=True)
    value = models.DecimalField(_("valeur"), max_digits=14, decimal_places=2, null=True, blank=True)
    done = models.BooleanField(_("réalisé"), null=True, blank=True)
    narrative = models.TextField(_("constat"), blank=True)
    judgement = models.CharField(
        _("appréciation"), max_length=20, choices=AssessmentStatus.choices, blank=True
    )
    note = models.TextField(_("note"), blank=True)
    source = models.CharField(_("source"), max_length=255, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    entered_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "plan_year", "on_date", "id"]
        verbose_name = _("valeur d'indicateur")
        verbose_name_plural = _("valeurs d'indicateur")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "plan_year"],
                condition=Q(occurrence=False),
                name="one_value_per_indicator_year",
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id} An {self.plan_year}: {self.value}"


class Follow(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows"
    )
    action = models.ForeignKey("plans.Action", on_delete=models.CASCADE, related_name="followers")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("abonnement")
        verbose_name_plural = _("abonnements")
        constraints = [
            models.UniqueConstraint(fields=["user", "action"], name="one_follow_per_user_action")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.action_id}"


class Notification(models.Model):
    """An in-app notice; its text is written at display time in the reader's language."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=30, choices=NotificationKind.choices)
    action = models.ForeignKey(
        "plans.Action", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    update = models.ForeignKey(
        StatusUpdate, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    data = models.JSONField(default=_empty_dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self) -> str:
        return f"{self.user_id} {self.kind}"


class ReminderLog(models.Model):
    """A reminder e-mail sent: so that a daily run does not write to the same person every day."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="+")
    sent_on = models.DateField()
    action_count = models.PositiveIntegerField()

    class Meta:
        ordering = ["-sent_on", "-id"]
        indexes = [models.Index(fields=["plan", "user", "sent_on"])]

    def __str__(self) -> str:
        return f"{self.user_id} {self.plan_id} {self.sent_on}"

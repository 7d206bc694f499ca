"""The plan tree: Plan → Orientation → Objective → Action → (actors, expected results, indicators).

Every item keeps the document's own code and text as written, an explicit `order` among its
siblings, and a `version` counter that services use to refuse a stale save (no lost update).
History (who, when, before and after) is kept by django-simple-history on every item; after
adoption, changes are grouped in revisions that carry a reason and a snapshot of the plan.

`Action.status` and `Action.progress_note` hold the *current* state for fast reading; the
tracking app keeps the dated updates behind them and is the only writer once a plan is tracked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from jalon.core.fiscal import PlanYear, plan_years

from .enums import (
    ActionStatus,
    ActorKind,
    IndicatorKind,
    Numbering,
    ObjectiveKind,
    PlanKind,
    PlanSharing,
    PlanState,
)

if TYPE_CHECKING:
    from django.db.models.fields.related_descriptors import RelatedManager


def _empty_list() -> list[str]:
    return []


def _empty_dict() -> dict[str, str]:
    return {}


class Plan(models.Model):
    organization = models.ForeignKey(
        "network.Organization",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="plans",
    )
    title = models.CharField(_("titre"), max_length=500)
    # The owner as the document names it ("Réseau québécois de développement social (RQDS)"),
    # kept so that an export gives back the document's own words.
    organization_name = models.CharField(
        _("organisation telle qu'écrite"), max_length=500, blank=True
    )
    kind = models.CharField(
        _("type"), max_length=20, choices=PlanKind.choices, default=PlanKind.ACTION
    )
    period_start = models.DateField(_("début de la période"), null=True, blank=True)
    period_end = models.DateField(_("fin de la période"), null=True, blank=True)
    # None where the document does not say: the plan's years then start with its period.
    fiscal_year_start_month = models.PositiveSmallIntegerField(
        _("mois de début de l'exercice"), null=True, blank=True, default=7
    )
    state = models.CharField(
        _("état"), max_length=20, choices=PlanState.choices, default=PlanState.DRAFT, db_index=True
    )
    # Who outside the organization reads the plan once adopted (plans.queries.visible_plans).
    sharing = models.CharField(
        _("partage"), max_length=20, choices=PlanSharing.choices, default=PlanSharing.PRIVATE
    )
    adopted_on = models.DateField(_("date d'adoption"), null=True, blank=True)
    adopted_by = models.CharField(_("instance qui l'a adopté"), max_length=255, blank=True)
    mission = models.TextField(_("mission"), blank=True)
    vision = models.TextField(_("vision"), blank=True)
    values = models.JSONField(_("valeurs"), default=_empty_list, blank=True)
    mandates = models.JSONField(_("mandats"), default=_empty_list, blank=True)
    global_objective = models.TextField(_("objectif général"), blank=True)
    notes = models.JSONField(_("notes"), default=_empty_list, blank=True)
    glossary = models.JSONField(_("glossaire"), default=_empty_dict, blank=True)
    numbering = models.CharField(
        _("numérotation"), max_length=30, choices=Numbering.choices, default=Numbering.AS_WRITTEN
    )
    source = models.CharField(_("document d'origine"), max_length=255, blank=True)
    document_updated_on = models.DateField(_("mise à jour du document"), null=True, blank=True)
    # What an importer reported (format detected, warnings, lines it could not place).
    import_report = models.JSONField(_("rapport d'importation"), null=True, blank=True)
    reminder_days = models.PositiveSmallIntegerField(
        _("rappel après (jours sans mise à jour)"), default=30
    )
    # When follow-up started in Jalon (a plan adopted before Jalon was). Empty: the date of the
    # first record entered (tracking.queries.tracking_start). Years that ended before it are
    # "pas de suivi": what the logs would compute for them is unknown, not zero.
    tracking_started_on = models.DateField(
        _("début du suivi dans Jalon"),
        null=True,
        blank=True,
        help_text=_(
            "Laissez vide pour prendre la date de la première saisie. Les années terminées "
            "avant cette date sont « pas de suivi » : elles ne sont ni comptées à zéro ni jugées."
        ),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    if TYPE_CHECKING:
        orientations: RelatedManager[Orientation]
        objectives: RelatedManager[Objective]
        actions: RelatedManager[Action]
        indicators: RelatedManager[Indicator]

    class Meta:
        ordering = ["-period_start", "title"]
        verbose_name = _("plan")
        verbose_name_plural = _("plans")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("plans:detail", kwargs={"pk": self.pk})

    @property
    def year_start_month(self) -> int:
        """The month the plan's years start: the fiscal month, else the period's first month."""
        if self.fiscal_year_start_month:
            return self.fiscal_year_start_month
        return self.period_start.month if self.period_start else 7

    @property
    def years(self) -> list[PlanYear]:
        return plan_years(self.period_start, self.period_end, self.year_start_month)

    @property
    def owner_name(self) -> str:
        """The owner as the document wrote it, else the organization's name."""
        return self.organization_name or str(self.organization)


class Orientation(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="orientations")
    code = models.CharField(_("code"), max_length=30, blank=True)
    title = models.TextField(_("titre"))
    order = models.PositiveIntegerField(_("ordre"), default=0)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    if TYPE_CHECKING:
        objectives: RelatedManager[Objective]

    class Meta:
        ordering = ["plan", "order", "id"]
        verbose_name = _("orientation")
        verbose_name_plural = _("orientations")

    def __str__(self) -> str:
        return f"{self.code} {self.title}".strip()


class Objective(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="objectives")
    orientation = models.ForeignKey(
        Orientation, on_delete=models.CASCADE, related_name="objectives"
    )
    code = models.CharField(_("code"), max_length=30, blank=True)
    kind = models.CharField(_("type"), max_length=20, choices=ObjectiveKind.choices, blank=True)
    title = models.TextField(_("titre"))
    order = models.PositiveIntegerField(_("ordre"), default=0)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    if TYPE_CHECKING:
        actions: RelatedManager[Action]
        indicators: RelatedManager[Indicator]

    class Meta:
        ordering = ["orientation__order", "order", "id"]
        verbose_name = _("objectif")
        verbose_name_plural = _("objectifs")

    def __str__(self) -> str:
        return f"{self.code} {self.title}".strip()


class Action(models.Model):
    """A "moyen d'action": what the organization will do, by whom, when, and how it is measured."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="actions")
    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, related_name="actions")
    code = models.CharField(_("code"), max_length=30, blank=True)
    title = models.TextField(_("titre"))
    order = models.PositiveIntegerField(_("ordre"), default=0)
    schedule_years = models.JSONField(_("années du plan"), null=True, blank=True)
    timing = models.CharField(_("échéance telle qu'écrite"), max_length=255, blank=True)
    themes = models.ManyToManyField(
        "network.Theme", verbose_name=_("thèmes"), blank=True, related_name="actions"
    )
    status = models.CharField(
        _("état"), max_length=20, choices=ActionStatus.choices, blank=True, db_index=True
    )
    progress_note = models.TextField(_("état d'avancement"), blank=True)
    status_changed_on = models.DateField(_("date de l'état"), null=True, blank=True)
    # Where the action happens, for the network's map: a municipality or an address, and its
    # coordinates when they are known (typed or read from a map; none are guessed).
    place = models.CharField(_("lieu"), max_length=255, blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    if TYPE_CHECKING:
        actors: RelatedManager[ActionActor]
        expected_results: RelatedManager[ExpectedResult]
        indicators: RelatedManager[Indicator]

    class Meta:
        ordering = ["objective__orientation__order", "objective__order", "order", "id"]
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        indexes = [models.Index(fields=["plan", "order"])]

    def __str__(self) -> str:
        return f"{self.code} {self.title}".strip()

    def get_absolute_url(self) -> str:
        return reverse("plans:action", kwargs={"pk": self.plan_id, "action_pk": self.pk})


class ActionActor(models.Model):
    """Who carries an action: a role in the organization (matched to members by their position) or a partner."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="actors")
    name = models.CharField(_("nom"), max_length=255)
    kind = models.CharField(
        _("type"), max_length=20, choices=ActorKind.choices, default=ActorKind.ROLE
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="carried_actions",
    )
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["action", "order", "id"]
        verbose_name = _("porteur")
        verbose_name_plural = _("porteurs")

    def __str__(self) -> str:
        return self.name


class ExpectedResult(models.Model):
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="expected_results")
    text = models.TextField(_("résultat attendu"))
    plan_year = models.PositiveSmallIntegerField(_("année du plan"), null=True, blank=True)
    order = models.PositiveIntegerField(default=0)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["action", "order", "id"]
        verbose_name = _("résultat attendu")
        verbose_name_plural = _("résultats attendus")

    def __str__(self) -> str:
        return self.text


class Indicator(models.Model):
    """An indicator as written ("MO = 8 rencontres annuelles") and its structured target.

    It belongs to an action, or to an objective itself (plans whose objectives carry indicators
    and targets, with or without actions): exactly one of `action` and `objective` is set, which
    the database checks. `target` is what `plans.targets.parse_target` read from the text, or
    what a person set instead (`target_is_manual`); the text itself is never rewritten.
    """

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="indicators")
    action = models.ForeignKey(
        Action, on_delete=models.CASCADE, related_name="indicators", null=True, blank=True
    )
    objective = models.ForeignKey(
        Objective, on_delete=models.CASCADE, related_name="indicators", null=True, blank=True
    )
    kind = models.CharField(_("type"), max_length=2, choices=IndicatorKind.choices, blank=True)
    text = models.TextField(_("indicateur"))
    target = models.JSONField(_("cible"), null=True, blank=True)
    target_is_manual = models.BooleanField(_("cible corrigée à la main"), default=False)
    order = models.PositiveIntegerField(default=0)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        # by the columns, not the related rows: a join on a nullable owner would be an outer
        # join, which PostgreSQL refuses under SELECT … FOR UPDATE (rows ordered by indicator)
        ordering = ["action_id", "objective_id", "order", "id"]
        verbose_name = _("indicateur")
        verbose_name_plural = _("indicateurs")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(action__isnull=False, objective__isnull=True)
                    | models.Q(action__isnull=True, objective__isnull=False)
                ),
                name="indicator_of_an_action_or_an_objective",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} = {self.text}" if self.kind else self.text

    @property
    def owner(self) -> Action | Objective:
        """The action or the objective the indicator measures."""
        if self.action_id is not None:
            assert self.action is not None
            return self.action
        assert self.objective is not None
        return self.objective

    @property
    def owner_objective_id(self) -> int:
        """The objective it counts under: its own, or its action's."""
        if self.objective_id is not None:
            return self.objective_id
        assert self.action is not None
        return self.action.objective_id


class Revision(models.Model):
    """A numbered state of an adopted plan: the reason for the change and a jalon-plan/1 snapshot."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField(_("numéro"))
    reason = models.TextField(_("raison"))
    snapshot = models.JSONField(_("instantané"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["plan", "number"]
        verbose_name = _("révision")
        verbose_name_plural = _("révisions")
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="one_revision_number_per_plan")
        ]

    def __str__(self) -> str:
        return f"{self.plan} — révision {self.number}"


class DeletedItem(models.Model):
    """An item in its plan's corbeille: what was deleted, with everything under it, until purged.

    Deleting takes the rows out of their tables (so no page, export or report can show them, and
    no query needs a filter) and keeps them here, serialized with their ids, with the links that
    were set to null. `plans.trash.restore` puts them back as they were; after
    `settings.TRASH_DAYS` days `plans.trash.purge` removes the entry and the files it held.
    """

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="trash")
    kind = models.CharField(_("type"), max_length=30)
    item_pk = models.PositiveBigIntegerField(_("identifiant de l'élément"))
    label = models.CharField(_("élément"), max_length=300)
    # JSON text (exact times kept): {"root": {...}, "rows": [...], "links": [...]}.
    payload = models.TextField(_("contenu"))
    # How many rows of each model the entry holds, by model label ("tracking.statusupdate": 3).
    counts = models.JSONField(_("décompte"), default=_empty_dict, blank=True)
    reason = models.TextField(_("raison"), blank=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("supprimé par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    deleted_at = models.DateTimeField(_("supprimé le"), db_index=True)

    class Meta:
        ordering = ["plan", "-deleted_at", "-id"]
        verbose_name = _("élément à la corbeille")
        verbose_name_plural = _("éléments à la corbeille")

    def __str__(self) -> str:
        return self.label


class ObjectiveContribution(models.Model):
    """A member's objective declares that it contributes to an objective of its network's plan.

    The network objective belongs to an adopted plan of an organization above the member's (its
    parent or its parent's parent): `plans.services.set_objective_contributions` checks it.
    """

    objective = models.ForeignKey(
        Objective,
        verbose_name=_("objectif du membre"),
        on_delete=models.CASCADE,
        related_name="contributions",
    )
    network_objective = models.ForeignKey(
        Objective,
        verbose_name=_("objectif du réseau"),
        on_delete=models.CASCADE,
        related_name="contributors",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("contribution à un objectif du réseau")
        verbose_name_plural = _("contributions aux objectifs du réseau")
        constraints = [
            models.UniqueConstraint(
                fields=["objective", "network_objective"], name="one_contribution_per_pair"
            )
        ]

    def __str__(self) -> str:
        return f"{self.objective} → {self.network_objective}"

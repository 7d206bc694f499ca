"""The plans' vocabulary as pure string enums: the values stored, read and written everywhere.

The pure cores (plans.interchange, plans.numbering, importers, reports.data…) import no Django,
so they cannot use the `TextChoices` of plans.enums; they use these. plans.enums builds its
`TextChoices` (the same values, with translated labels) from them, so a value exists once.
"""

from __future__ import annotations

from enum import StrEnum


class PlanKind(StrEnum):
    STRATEGIC = "strategic"
    ACTION = "action"


class PlanState(StrEnum):
    DRAFT = "draft"
    ADOPTED = "adopted"
    CLOSED = "closed"


class PlanSharing(StrEnum):
    """Who outside its organization may read an adopted plan."""

    PRIVATE = "private"  # the organization only
    NETWORK = "network"  # and the editors of the networks above it
    PUBLIC = "public"  # anyone, signed in or not


class Numbering(StrEnum):
    """How codes are given: as the document wrote them, or computed from the tree."""

    AS_WRITTEN = "as_written"
    PRINCIPAL_SECONDARY = "principal_secondary"
    HIERARCHICAL = "hierarchical"
    FLAT = "flat"


class ObjectiveKind(StrEnum):
    PRINCIPAL = "principal"
    SECONDARY = "secondary"


class IndicatorKind(StrEnum):
    MO = "MO"  # mise en œuvre
    R = "R"  # résultat


class ActorKind(StrEnum):
    ROLE = "role"
    PARTNER = "partner"


class ActionStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PREPARATION = "in_preparation"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    POSTPONED = "postponed"
    ABANDONED = "abandoned"

"""No lost update: a row is saved only at the version the person saw.

Rows people edit concurrently carry a `version` counter (a positive integer bumped by every
save that changes them). A form carries the version it was opened at; the service locks the
row with `locked_at_version(instance, seen)`, which raises `StaleVersion` when someone saved
in between. The exception carries the row as it is now (`current`) and its last change
(`change`: who and when), so the page can show the other person's text and let this person
save again deliberately, based on the new version. Nothing is written when it is raised.

The sentence shown to the person is the interface's business: each app renders it from the
exception in one template partial (tracking/_stale_version.txt, plans/builder/forms.html).
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.db import models

from .history import Change, last_change

M = TypeVar("M", bound=models.Model)


class StaleVersion(Exception):
    """Someone else saved first. `current` is what they saved (None: they deleted it).

    `current` is usually the locked row (a list of them for a change of several rows). A
    service may add what explains the conflict: `cause` (the status update that moved an action
    on; the model whose row was deleted when `current` is None) and `change` when the row's
    own history does not say who (it is read from that history otherwise).
    """

    def __init__(self, current: Any, *, change: Change | None = None, cause: Any = None) -> None:
        super().__init__("stale version")
        self.current = current
        self.cause = cause
        self.change = change if change is not None else _change_of(current)

    @property
    def current_version(self) -> int:
        """The version to base a deliberate second save on (0: there is nothing any more)."""
        return int(getattr(self.current, "version", 0) or 0)

    @property
    def subject(self) -> str:
        """The model name of `current` ("activity", "indicatorvalue"…), "" for none or a list."""
        meta = getattr(self.current, "_meta", None)
        return str(meta.model_name) if meta is not None else ""


def _change_of(current: Any) -> Change | None:
    return last_change(current) if isinstance(current, models.Model) else None


def locked(instance: M) -> M:
    """The row of `instance` as stored now, locked until the end of the transaction.

    Raises the model's DoesNotExist when someone deleted it meanwhile.
    """
    model = type(instance)
    return model._base_manager.select_for_update().get(pk=instance.pk)


def check_version(current: models.Model, seen: int | None) -> None:
    """StaleVersion unless `current` is at version `seen` (None: the caller does not check)."""
    if seen is not None and getattr(current, "version", None) != seen:
        raise StaleVersion(current)


def locked_at_version(instance: M, seen: int | None) -> M:
    """Save at the version you saw: the row locked, or StaleVersion when it moved on."""
    current = locked(instance)
    check_version(current, seen)
    return current

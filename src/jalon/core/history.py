"""Who changed a row and why: the one way the apps talk to django-simple-history.

Every service that writes a history-tracked row calls `stamp(instance, by=..., reason=...)`
before saving it, so the record names the acting person whoever called the service: a view,
the demo build or a management command (there, `by=None` is the system itself and the record
says so; nothing falls back silently on the request the middleware saw). Bulk writes pass
`actor(by)` as `default_user` to simple-history's `bulk_*_with_history`.

`last_change(obj)` answers "who changed it last, and when" in one query: conflict messages and
history pages read it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import models

if TYPE_CHECKING:
    from jalon.accounts.models import User

#: simple-history keeps the change reason in a 100-character column.
REASON_LENGTH = 100


def actor(by: Any) -> User | None:
    """The person to record: an authenticated user, else None (the system, or nobody signed in)."""
    if by is None or not getattr(by, "is_authenticated", False):
        return None
    return by  # type: ignore[no-any-return]


def short_reason(reason: str) -> str:
    """The reason as its column holds it: cut with an ellipsis past 100 characters."""
    reason = reason.strip()
    if len(reason) <= REASON_LENGTH:
        return reason
    return reason[: REASON_LENGTH - 1] + "…"


def stamp(instance: models.Model, *, by: Any, reason: str = "") -> None:
    """Tell simple-history who makes the next save (or delete) of `instance`, and why."""
    instance._history_user = actor(by)  # type: ignore[attr-defined]
    if reason.strip():
        instance._change_reason = short_reason(reason)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Change:
    """One history record, read back: who made it (None: the system), when, and why."""

    who: User | None
    when: dt.datetime
    reason: str = ""

    @property
    def who_name(self) -> str:
        """The person's full name, else their username; empty for the system."""
        return person_name(self.who)


def person_name(user: Any) -> str:
    if user is None:
        return ""
    return str(user.get_full_name() or user.username)


def last_change(obj: models.Model | None) -> Change | None:
    """The latest history record of `obj` (one query), or None when it has none or no history."""
    if obj is None or obj.pk is None:
        return None
    manager = getattr(type(obj), "history", None)
    if manager is None:
        return None
    record = (
        manager.filter(id=obj.pk)
        .select_related("history_user")
        .order_by("-history_date", "-history_id")
        .first()
    )
    if record is None:
        return None
    return Change(
        who=record.history_user,
        when=record.history_date,
        reason=record.history_change_reason or "",
    )

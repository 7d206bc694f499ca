"""Apply a form's worth of field values to a model instance and say which ones changed."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import models


def model_update(instance: models.Model, changes: Mapping[str, Any]) -> list[str]:
    """Set each field whose value differs; return the names of those fields, in the order given.

    Nothing is saved: the caller bumps the version and stamps the history first, and saves
    only when the list is not empty (an unchanged form writes no history record).
    """
    changed = []
    for name, value in changes.items():
        if getattr(instance, name) != value:
            setattr(instance, name, value)
            changed.append(name)
    return changed

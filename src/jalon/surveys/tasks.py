"""Background work of surveys (django-tasks, settings.TASKS): invitations, reminders, purge.

`send_due_reminders_task` and `purge_task` are what a scheduler runs once a day.
"""

from __future__ import annotations

import datetime as dt

from django_tasks import task


@task()
def send_invitations_task(survey_id: int) -> int:
    from .services import send_invitations  # noqa: PLC0415 (task)

    return send_invitations(survey_id=survey_id)


@task()
def send_due_reminders_task(today: str | None = None) -> int:
    from .services import due_reminders  # noqa: PLC0415 (task)

    return due_reminders(today=dt.date.fromisoformat(today) if today else None)


@task()
def purge_task(today: str | None = None) -> int:
    from .services import purge_expired  # noqa: PLC0415 (task)

    return purge_expired(today=dt.date.fromisoformat(today) if today else None)

"""Background work of the follow-up, through Django's tasks API (django-tasks, settings.TASKS).

`send_reminders_task` is what a scheduler runs once a day (cron, systemd timer or the worker's
host: `jalon remind` does the same from the command line); `send_notification_emails` sends the
e-mails of status changes once the change has been committed.
"""

from __future__ import annotations

import datetime as dt

from django_tasks import task


@task()
def send_notification_emails(notification_ids: list[int]) -> int:
    from .services import email_notifications  # noqa: PLC0415 (task)

    return email_notifications(notification_ids)


@task()
def send_reminders_task(today: str | None = None) -> int:
    """Send the day's reminders; returns how many e-mails went out."""
    from .services import send_reminders  # noqa: PLC0415 (task)

    day = dt.date.fromisoformat(today) if today else None
    return sum(1 for r in send_reminders(today=day) if r.sent)

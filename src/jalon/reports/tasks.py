"""Background tasks (django-tasks): report generation runs here, off the request."""

from __future__ import annotations

from django_tasks import task


@task()
def generate_report_task(report_id: int) -> int:
    from .services import generate_report

    return int(generate_report(report_id=report_id).pk)

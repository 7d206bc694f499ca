"""Background tasks (django-tasks): reading an imported document runs here, off the request."""

from __future__ import annotations

from django_tasks import task


@task()
def read_import_task(job_id: int) -> str:
    from .services import read_import

    return str(read_import(job_id=job_id).status)

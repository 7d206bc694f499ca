"""/healthz says when Jalon cannot do its work: a full disk, a worker that takes no task."""

from __future__ import annotations

from collections import namedtuple
from datetime import timedelta

import pytest
from django.utils import timezone

Usage = namedtuple("Usage", "total used free")


@pytest.mark.django_db
def test_healthz_lists_each_check(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "disk": "ok",
        "worker": "not-used",
    }


@pytest.mark.django_db
def test_healthz_answers_503_when_the_disk_is_full(client, monkeypatch, settings):
    settings.HEALTH_MIN_FREE_MB = 200
    monkeypatch.setattr(
        "jalon.core.health.shutil.disk_usage", lambda path: Usage(10**12, 10**12, 50 * 2**20)
    )
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["disk"] == "full"


@pytest.mark.django_db
def test_healthz_answers_503_when_queued_work_waits_for_a_worker(client, settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS_BACKEND = "database"
    settings.HEALTH_WORKER_STALL_MINUTES = 15
    assert client.get("/healthz").json()["worker"] == "ok"

    task = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="jalon.tracking.tasks.send_reminders",
        backend_name="default",
        queue_name="default",
    )
    # Just queued: a worker has time to take it.
    assert client.get("/healthz").status_code == 200
    DBTaskResult.objects.filter(pk=task.pk).update(
        enqueued_at=timezone.now() - timedelta(minutes=20)
    )
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["worker"] == "stalled"

"""What /healthz checks: the database, the free disk space, and whether the task worker keeps up.

Each check answers "ok" or what is wrong; any problem turns the answer into a 503 so that a load
balancer stops sending people to a server that cannot save their work, and monitoring says why.
"""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult


def database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return "unreachable"
    return "ok"


def disk() -> str:
    """ "full" when the data directory (uploads, reports, SQLite) has less room than configured."""
    place = Path(settings.DATA_DIR)
    while not place.exists() and place != place.parent:
        place = place.parent  # not created yet: the disk it will be created on
    try:
        free = shutil.disk_usage(place).free
    except OSError:
        return "unreachable"
    return "ok" if free >= settings.HEALTH_MIN_FREE_MB * 1024 * 1024 else "full"


def worker() -> str:
    """Says "stalled" when a queued task waited longer than configured: no worker takes them.

    Only with JALON_TASKS=database; in immediate mode, tasks run inside the request.
    """
    if settings.TASKS_BACKEND != "database":
        return "not-used"
    limit = timezone.now() - timedelta(minutes=settings.HEALTH_WORKER_STALL_MINUTES)
    try:
        waiting = DBTaskResult.objects.ready().filter(enqueued_at__lt=limit).exists()
    except DatabaseError:
        return "unreachable"
    return "stalled" if waiting else "ok"


def report() -> tuple[bool, dict[str, str]]:
    """(healthy, the answer of each check)."""
    checks = {"database": database()}
    if checks["database"] == "ok":
        checks["disk"] = disk()
        checks["worker"] = worker()
    else:
        checks["disk"] = disk()
    healthy = all(value in {"ok", "not-used"} for value in checks.values())
    return healthy, checks

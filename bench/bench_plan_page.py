#!/usr/bin/env python3
"""Times the plan page at 50, 500 and 5 000 actions.

    PYTHONPATH=src python bench/bench_plan_page.py [--runs 5] [--sizes 50,500,5000]

Builds each plan in a throw-away SQLite database (or the one in $DATABASE_URL, whose tables
it creates and then leaves), signs a reader in with Django's test client, and renders the
plan page a few times: prints the median and the fastest time, the number of queries and the
page's size. Also times the action page, the JSON export and the filtered htmx table.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]


def setup(database_url: str | None) -> None:
    if database_url is None:
        folder = tempfile.mkdtemp(prefix="jalon-bench-")
        database_url = f"sqlite:///{folder}/bench.sqlite3"
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("JALON_HTTPS", "0")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jalon.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.test.utils import setup_test_environment

    setup_test_environment()
    call_command("migrate", interactive=False, verbosity=0)


def timed(client, url: str, runs: int, **extra) -> tuple[float, float, int, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times = []
    queries = size = 0
    for _ in range(runs):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get(url, **extra)
            times.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
        queries, size = len(captured), len(response.content)
    return statistics.median(times), min(times), queries, size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="50,500,5000")
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    setup(args.database_url)

    from django.test import Client

    from bench.synthetic import build_synthetic_plan
    from jalon.accounts.enums import Role
    from jalon.accounts.models import Membership, User
    from jalon.network.enums import OrganizationKind
    from jalon.network.models import Organization

    organization = Organization.objects.create(
        name="Réseau de banc d'essai",
        acronym="RBE",
        slug="rbe-bench",
        kind=OrganizationKind.NATIONAL,
    )
    user = User.objects.create_user("lecteur-bench", None, "banc-essai-1")
    Membership.objects.create(user=user, organization=organization, role=Role.READER)
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")

    print(f"{'actions':>8} {'page':>22} {'médiane':>9} {'min':>9} {'requêtes':>9} {'taille':>10}")
    for size in [int(s) for s in args.sizes.split(",")]:
        start = time.perf_counter()
        plan = build_synthetic_plan(organization=organization, actions=size)
        built = time.perf_counter() - start
        action = plan.actions.order_by("pk").last()
        pages = [
            ("plan", plan.get_absolute_url(), {}),
            (
                "plan filtré (htmx)",
                plan.get_absolute_url() + "?porteur=Coordination&annee=2",
                {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "plan-body"},
            ),
            ("action", action.get_absolute_url(), {}),
            ("export JSON", f"/plans/{plan.pk}/export.json", {}),
        ]
        for name, url, extra in pages:
            median, fastest, queries, length = timed(client, url, args.runs, **extra)
            print(
                f"{size:>8} {name:>22} {median * 1000:>7.0f}ms {fastest * 1000:>7.0f}ms "
                f"{queries:>9} {length / 1024:>8.0f}Ko"
            )
        print(f"{size:>8} {'(création du plan)':>22} {built * 1000:>7.0f}ms")


if __name__ == "__main__":
    main()

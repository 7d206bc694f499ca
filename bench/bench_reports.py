"""Time the report renderers on synthetic plans of 60 and 600 actions.

    PYTHONPATH=src:. /work/venv/bin/python bench/bench_reports.py [--repeat 3]

Builds each plan in a throw-away SQLite database (tests/reports/plan_builder.py), then times
the plan DOCX, the plan PDF, the mise à jour (DOCX and PDF) and the bilan annuel (DOCX and
PDF), and counts the queries each one runs. Prints a table; the figures go in the issue note.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sizes", default="60,600")
    args = parser.parse_args()

    root = Path(__file__).resolve().parent.parent
    sys.path[:0] = [str(root / "src"), str(root)]
    workdir = tempfile.mkdtemp(prefix="jalon-bench-")
    os.environ["JALON_DATA_DIR"] = workdir
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jalon.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import translation
    from tests.reports.plan_builder import build_plan, follow_plan

    from jalon.network.models import Organization
    from jalon.reports.registry import BY_IDENTIFIER

    call_command("migrate", verbosity=0)
    translation.activate("fr-ca")
    organization = Organization.objects.create(
        name="Réseau banc d'essai", slug="banc", kind="national"
    )
    cases = [
        ("plan DOCX", "plan", {}, "docx"),
        ("plan PDF", "plan", {}, "pdf"),
        ("mise à jour DOCX", "progress", {"as_of": "2019-03-15"}, "docx"),
        ("mise à jour PDF", "progress", {"as_of": "2019-03-15"}, "pdf"),
        ("bilan annuel DOCX", "annual", {"year": 1}, "docx"),
        ("bilan annuel PDF", "annual", {"year": 1}, "pdf"),
        ("bilan global DOCX", "global", {}, "docx"),
        ("bilan global PDF", "global", {}, "pdf"),
    ]
    print(
        f"{'document':<20} {'actions':>7} {'médiane (s)':>12} {'min (s)':>8} {'requêtes':>9} {'taille (ko)':>11}"
    )
    for size in (int(s) for s in args.sizes.split(",")):
        plan = build_plan(
            organization,
            actions=size,
            orientations=4,
            objectives_per_orientation=max(2, size // 40),
        )
        follow_plan(plan)  # dated statuses, activities and a value per indicator (years 1-2)
        for label, identifier, options, fmt in cases:
            exporter = BY_IDENTIFIER[identifier]
            times = []
            for _ in range(args.repeat):
                with CaptureQueriesContext(connection) as queries:
                    start = time.perf_counter()
                    rendered = exporter.render(plan, options, fmt)
                    times.append(time.perf_counter() - start)
            print(
                f"{label:<20} {size:>7} {statistics.median(times):>12.2f} {min(times):>8.2f} "
                f"{len(queries.captured_queries):>9} {len(rendered.content) / 1024:>11.0f}"
            )


if __name__ == "__main__":
    main()

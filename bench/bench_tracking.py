"""Times the follow-up pages for plans of growing size (not a test: figures for the issue note).

    PYTHONPATH=src:. python bench/bench_tracking.py [50 500 ...]

Builds a throw-away test database (SQLite by default, or DATABASE_URL's server), a plan with N
actions, each with an indicator (one in two computed from the logs), two status updates,
three activities and a contact, then times each page (median of 5 requests, without the test
instrumentation of templates or the query log) and counts its SQL queries once.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import sys
import time
from decimal import Decimal

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jalon.settings")
os.environ.setdefault("JALON_HTTPS", "0")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost")
os.environ.setdefault("JALON_SERVER_TIMING", "0")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

PAGES = ["dashboard", "indicators", "round", "activities", "progress"]


def build(size: int):  # type: ignore[no-untyped-def]
    from tests.factories import (
        ActionActorFactory,
        ActionFactory,
        IndicatorFactory,
        MembershipFactory,
        ObjectiveFactory,
        OrganizationFactory,
        OrientationFactory,
        PlanFactory,
        UserFactory,
    )

    from jalon.accounts.enums import Role
    from jalon.core.fiscal import fiscal_year_start
    from jalon.plans.enums import PlanState
    from jalon.tracking import services

    today = timezone.localdate()
    org = OrganizationFactory()
    partners = [OrganizationFactory() for _ in range(5)]
    editor = UserFactory()
    MembershipFactory(user=editor, organization=org, role=Role.EDITOR, position="Agent de liaison")
    start = fiscal_year_start(today, 7)
    plan = PlanFactory(
        organization=org,
        state=PlanState.ADOPTED,
        period_start=start,
        period_end=dt.date(start.year + 3, 6, 30),
    )
    objectives = []
    for o in range(max(1, size // 10)):
        orientation = OrientationFactory(plan=plan, order=o)
        objectives.append(ObjectiveFactory(orientation=orientation, plan=plan))
    target = {"form": "count", "value": 6, "unit": "rencontres", "period": "year"}
    for i in range(size):
        action = ActionFactory(
            objective=objectives[i % len(objectives)], plan=plan, schedule_years=None
        )
        ActionActorFactory(action=action, name="Agent de liaison")
        indicator = IndicatorFactory(action=action, plan=plan, target=target)
        if i % 2:
            services.set_indicator_rule(indicator=indicator, user=editor, kind="activity_count")
        else:
            services.record_indicator_value(
                indicator=indicator, user=editor, plan_year=1, value=Decimal(3)
            )
        services.update_action_status(
            action=action, user=editor, status="in_preparation", on_date=start
        )
        services.update_action_status(
            action=action, user=editor, status="in_progress", on_date=today, progress=40
        )
        for k in range(3):
            services.log_activity(
                plan=plan,
                user=editor,
                kind="meeting",
                date=start + dt.timedelta(days=(i * 3 + k) % max(1, (today - start).days)),
                title=f"Rencontre {i}-{k}",
                participants=12,
                organizations=partners[:3],
                actions=[action],
            )
        services.log_contact(
            plan=plan,
            user=editor,
            date=today,
            channel="phone",
            subject="Suivi",
            organization=partners[i % 5],
        )
    return plan, editor


def main(sizes: list[int]) -> None:
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0)
    try:
        print(f"{'actions':>8} {'page':<12} {'median ms':>10} {'queries':>8}")
        for size in sizes:
            plan, editor = build(size)
            client = Client()
            client.force_login(editor, backend="django.contrib.auth.backends.ModelBackend")
            for page in PAGES:
                url = reverse(f"tracking:{page}", args=[plan.pk])
                executed: list[str] = []

                def count(run, sql, *rest, executed=executed):  # type: ignore[no-untyped-def]
                    executed.append(sql)
                    return run(sql, *rest)

                with connection.execute_wrapper(count):
                    response = client.get(url)
                assert response.status_code == 200, (page, response.status_code)
                timings = []
                for _ in range(5):
                    began = time.perf_counter()
                    client.get(url)
                    timings.append((time.perf_counter() - began) * 1000)
                print(
                    f"{size:>8} {page:<12} {statistics.median(timings):>10.1f} {len(executed):>8}"
                )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [50, 500])

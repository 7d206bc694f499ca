#!/usr/bin/env python3
"""Pages through every action of a big plan with the API, as an integration would.

    PYTHONPATH=src python bench/bench_api.py [--actions 5000] [--page-size 500]

Builds a synthetic plan in a throw-away SQLite database (or the one in $DATABASE_URL), creates
a read token for one of its readers, then follows `next` from `/api/v1/actions/?plan=…` to the
end: prints the number of pages, the rows seen (each once), the median and slowest page, and
the queries per page (the same on every page: cursor pagination does no COUNT and no OFFSET;
the first page has one more, the UPDATE of the token's last use, written once a minute).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from bench.bench_plan_page import setup  # noqa: E402 (after the path above)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=5000)
    parser.add_argument("--page-size", type=int, default=500)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    setup(args.database_url)

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench.synthetic import build_synthetic_plan
    from jalon.accounts.enums import Role
    from jalon.accounts.models import Membership, User
    from jalon.api.services import create_token
    from jalon.network.enums import OrganizationKind
    from jalon.network.models import Organization

    organization = Organization.objects.create(
        name="Réseau de banc d'essai de l'API",
        acronym="RBA",
        slug="rba-bench",
        kind=OrganizationKind.NATIONAL,
    )
    user = User.objects.create_user("api-bench", None, "banc-essai-1")
    Membership.objects.create(user=user, organization=organization, role=Role.READER)
    start = time.perf_counter()
    plan = build_synthetic_plan(organization=organization, actions=args.actions)
    built = time.perf_counter() - start
    key = create_token(user=user, name="banc d'essai").key
    client = Client(headers={"Authorization": f"Bearer {key}"})

    url = f"/api/v1/actions/?plan={plan.pk}&page_size={args.page_size}"
    times: list[float] = []
    queries: set[int] = set()
    seen: list[int] = []
    while url:
        with CaptureQueriesContext(connection) as captured:
            begin = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - begin)
        assert response.status_code == 200, (url, response.status_code, response.content[:300])
        queries.add(len(captured))
        body = response.json()
        seen += [row["id"] for row in body["results"]]
        url = (body["next"] or "").replace("http://testserver", "")
    assert len(seen) == len(set(seen)) == args.actions, (len(seen), len(set(seen)))
    print(f"plan de {args.actions} actions créé en {built:.1f} s")
    print(
        f"{len(times)} pages de {args.page_size} : {len(seen)} actions, chacune une fois ; "
        f"page médiane {statistics.median(times) * 1000:.0f} ms, la plus lente "
        f"{max(times) * 1000:.0f} ms, total {sum(times):.1f} s ; requêtes par page {sorted(queries)}"
    )


if __name__ == "__main__":
    main()

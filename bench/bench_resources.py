"""Times the library's search for 30 and 20,000 resources (not a test: figures for the issue).

    PYTHONPATH=src:. nice -n 15 python bench/bench_resources.py [30 20000 ...]

Builds a throw-away test database (SQLite by default, or DATABASE_URL's server: PostgreSQL
full-text search with French stemming; SQLite's accent-folded fallback otherwise). The
resources are **bulk inserted** (`bulk_create`, themes through the M2M table, then
`refresh_search()` once, in two statements, no history rows): the services would take minutes
for 20,000. Their titles and descriptions draw from a small vocabulary so that each search
matches a share of them, like a real library. Each search is timed on the library page (median
of 7 requests through the test client, for a member of the author's network) and its SQL
queries counted once.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jalon.settings")
os.environ.setdefault("JALON_HTTPS", "0")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost")
os.environ.setdefault("JALON_SERVER_TIMING", "0")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

SUBJECTS = [
    "sécurité alimentaire",
    "logement social",
    "participation citoyenne",
    "main-d'œuvre communautaire",
    "transition socioécologique",
    "transport collectif",
    "évaluation des démarches",
    "concertation régionale",
]
FORMS = ["Guide", "Portrait", "Gabarit", "Balado", "Vidéo", "Recherche", "Fiche", "Trousse"]
SEARCHES = [
    {"q": "sécurité alimentaire"},
    {"q": "logements"},
    {"q": "evaluation", "sort": "downloads"},
    {"theme": "logement", "kind": "guide"},
    {"q": "transport", "region": "03"},  # region code, its slug read at run time,
]


def build(size: int):  # type: ignore[no-untyped-def]
    from tests.factories import MembershipFactory, OrganizationFactory, ThemeFactory, UserFactory

    from jalon.accounts.enums import Role
    from jalon.network.enums import OrganizationKind
    from jalon.network.models import Region
    from jalon.resources.enums import ResourceKind, Visibility
    from jalon.resources.models import Resource
    from jalon.resources.services import refresh_search

    rng = random.Random(f"bench-resources-{size}")
    network = OrganizationFactory(kind=OrganizationKind.NATIONAL, region=None)
    members = [OrganizationFactory(parent=network) for _ in range(10)]
    reader = UserFactory()
    MembershipFactory(user=reader, organization=members[0], role=Role.READER)
    themes = [ThemeFactory(name=s.capitalize(), slug=s.split()[0][:20]) for s in SUBJECTS]
    regions = list(Region.objects.all())
    kinds = list(ResourceKind.values)
    visibilities = list(Visibility.values)
    rows = []
    for n in range(size):
        subject = rng.randrange(len(SUBJECTS))
        rows.append(
            Resource(
                title=f"{rng.choice(FORMS)} : {SUBJECTS[subject]} ({n})",
                description=(
                    f"Un outil sur {SUBJECTS[subject]} et {rng.choice(SUBJECTS)}, "
                    f"préparé avec les membres pour la {rng.choice(SUBJECTS)}."
                ),
                kind=rng.choice(kinds),
                organization=rng.choice(members),
                region=rng.choice(regions),
                published_on=dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(4000)),
                link=f"https://exemple.org/{n}",
                visibility=rng.choice(visibilities),
                downloads=rng.randrange(500),
            )
        )
        rows[-1]._bench_theme = themes[subject]  # type: ignore[attr-defined]
    created = Resource.objects.bulk_create(rows, batch_size=2000)
    through = Resource.themes.through
    through.objects.bulk_create(
        [through(resource_id=r.pk, theme_id=r._bench_theme.pk) for r in created],  # type: ignore[attr-defined]
        batch_size=5000,
    )
    refresh_search(None)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE resources_resource")
    return reader


def _found(user, params):  # type: ignore[no-untyped-def]
    from jalon.network.queries import all_regions, all_themes
    from jalon.resources.forms import FilterForm
    from jalon.resources.queries import search

    form = FilterForm(params, regions=all_regions(), themes=all_themes())
    form.is_valid()
    return search(user, form.filters()).count()


def main(sizes: list[int]) -> None:
    from jalon.network.models import Region
    from jalon.resources.models import Resource

    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0)
    try:
        print(f"database: {connection.vendor}")
        print(f"{'resources':>9} {'search':<44} {'found':>6} {'median ms':>10} {'queries':>8}")
        for size in sizes:
            Resource.objects.all().delete()
            began = time.perf_counter()
            reader = build(size)
            print(f"  (built {size} in {time.perf_counter() - began:.1f} s, bulk inserts)")
            client = Client()
            client.force_login(reader, backend="django.contrib.auth.backends.ModelBackend")
            url = reverse("resources:library")
            for search_params in SEARCHES:
                params = dict(search_params)
                if "region" in params:
                    params["region"] = Region.objects.get(code=params["region"]).slug
                executed: list[str] = []

                def count(run, sql, *rest, executed=executed):  # type: ignore[no-untyped-def]
                    executed.append(sql)
                    return run(sql, *rest)

                with connection.execute_wrapper(count):
                    response = client.get(url, params)
                assert response.status_code == 200, response.status_code
                found = _found(reader, params)
                timings = []
                for _ in range(7):
                    began = time.perf_counter()
                    client.get(url, params)
                    timings.append((time.perf_counter() - began) * 1000)
                label = "&".join(f"{k}={v}" for k, v in params.items())
                print(
                    f"{size:>9} {label:<44} {found:>6} "
                    f"{statistics.median(timings):>10.1f} {len(executed):>8}"
                )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [30, 20000])

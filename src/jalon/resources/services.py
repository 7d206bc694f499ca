"""Writing the library: sharing and changing resources (with history), counting downloads.

A download is counted once per browser and resource within `REPEAT_SECONDS` (the key lives
in the cache for that long, hashed, and is never written to the database), and never for a
robot or a script (the COUNTER lists of `counter-robots`). Only the day's total is stored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from counter_robots import is_robot_or_machine
from django.contrib.postgres.search import SearchVector
from django.core.files import File
from django.db import IntegrityError, connection, transaction
from django.db.models import F, Value
from django.utils.translation import gettext as _

from jalon.core.concurrency import locked_at_version
from jalon.core.history import stamp
from jalon.core.ratelimit import once
from jalon.network.models import Organization, Region, Theme
from jalon.plans.models import Action, Indicator

from .enums import Language, ResourceKind, Visibility
from .models import DownloadDay, Resource
from .queries import SEARCH_CONFIG
from .text import fold

if TYPE_CHECKING:
    from jalon.accounts.models import User

REPEAT_SECONDS = 30


class ResourceError(ValueError):
    """A resource that cannot be saved as given; the message says why, in the interface's language."""


def _check(*, title: str, file: File[Any] | str | None, link: str, kind: str) -> None:
    if not title.strip():
        raise ResourceError(_("Donnez un titre à l'outil."))
    if kind not in ResourceKind.values:
        raise ResourceError(_("« %(kind)s » n'est pas un type d'outil connu.") % {"kind": kind})
    if not file and not link.strip():
        raise ResourceError(_("Joignez un fichier ou donnez un lien."))


def refresh_search(resources: Iterable[Resource] | None = None) -> None:
    """Recompute what search reads: the folded text (SQLite) and the French vector (PostgreSQL).

    `None` refreshes every resource, in two statements (used after bulk inserts)."""
    rows = Resource.objects.all() if resources is None else None
    targets = list(rows) if rows is not None else list(resources or ())
    themes: dict[int, list[str]] = {}
    for pk, name in Resource.themes.through.objects.filter(
        resource_id__in=[r.pk for r in targets]
    ).values_list("resource_id", "theme__name"):
        themes.setdefault(pk, []).append(name)
    for resource in targets:
        resource.search_text = fold(
            " ".join([resource.title, resource.description, *themes.get(resource.pk, [])])
        )
    Resource.objects.bulk_update(targets, ["search_text"], batch_size=1000)
    if connection.vendor == "postgresql":
        vector = SearchVector("title", weight="A", config=SEARCH_CONFIG) + SearchVector(
            "description", weight="B", config=SEARCH_CONFIG
        )
        scope = Resource.objects.all()
        if resources is not None:
            scope = scope.filter(pk__in=[r.pk for r in targets])
        scope.update(search_vector=vector)


@transaction.atomic
def share_resource(
    *,
    by: User | None,
    title: str,
    kind: str,
    organization: Organization,
    published_on: dt.date,
    description: str = "",
    themes: Iterable[Theme] = (),
    region: Region | None = None,
    language: str = Language.FRENCH,
    file: File[Any] | None = None,
    link: str = "",
    visibility: str = Visibility.MEMBERS,
    produced_by: Action | None = None,
    indicators: Iterable[Indicator] = (),
) -> Resource:
    _check(title=title, file=file, link=link, kind=kind)
    resource = Resource(
        title=title.strip(),
        kind=kind,
        organization=organization,
        published_on=published_on,
        description=description.strip(),
        region=region,
        language=language,
        link=link.strip(),
        visibility=visibility,
        produced_by=produced_by,
        created_by=by if by is not None and by.is_authenticated else None,
    )
    if file is not None:
        resource.file = file
    stamp(resource, by=by, reason=_("Outil partagé"))
    resource.save()
    resource.themes.set(list(themes))
    resource.indicators.set(list(indicators))
    refresh_search([resource])
    return resource


@transaction.atomic
def update_resource(
    *,
    resource: Resource,
    by: User | None,
    expected_version: int,
    title: str,
    kind: str,
    published_on: dt.date,
    description: str = "",
    themes: Iterable[Theme] = (),
    region: Region | None = None,
    language: str = Language.FRENCH,
    file: File[Any] | None = None,
    link: str = "",
    visibility: str = Visibility.MEMBERS,
    produced_by: Action | None = None,
    indicators: Iterable[Indicator] = (),
) -> Resource:
    """Change a resource seen at `expected_version` (StaleVersion if someone saved meanwhile)."""
    current = locked_at_version(resource, expected_version)
    _check(title=title, file=file or current.file.name, link=link, kind=kind)
    current.title = title.strip()
    current.kind = kind
    current.published_on = published_on
    current.description = description.strip()
    current.region = region
    current.language = language
    current.link = link.strip()
    current.visibility = visibility
    current.produced_by = produced_by
    if file is not None:
        current.file = file
    current.version += 1
    stamp(current, by=by, reason=_("Outil modifié"))
    current.save()
    current.themes.set(list(themes))
    current.indicators.set(list(indicators))
    refresh_search([current])
    return current


def is_robot(user_agent: str) -> bool:
    """A robot, a crawler or a script by the COUNTER lists; no user agent at all is one too."""
    return not user_agent.strip() or is_robot_or_machine(user_agent)


def count_download(*, resource: Resource, user_agent: str, browser: str, day: dt.date) -> bool:
    """Count one download of `resource` on `day`, unless a robot asks or the same browser
    (`browser`: its session key, or a hash of its address) counted one within 30 s.

    True when counted. Stores the day's count only."""
    if is_robot(user_agent):
        return False
    if not once("resource-download", f"{browser}:{resource.pk}", seconds=REPEAT_SECONDS):
        return False
    with transaction.atomic():
        _increment(resource, day)
        Resource.objects.filter(pk=resource.pk).update(downloads=F("downloads") + 1)
    return True


def _increment(resource: Resource, day: dt.date) -> None:
    if DownloadDay.objects.filter(resource=resource, day=day).update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            DownloadDay.objects.create(resource=resource, day=day, count=1)
    except IntegrityError:  # another request created today's counter meanwhile
        DownloadDay.objects.filter(resource=resource, day=day).update(count=F("count") + 1)


def record_downloads(*, resource: Resource, counts: dict[dt.date, int]) -> None:
    """Set past daily counts in bulk (the demo, imports of a former site's statistics)."""
    DownloadDay.objects.bulk_create(
        [DownloadDay(resource=resource, day=d, count=n) for d, n in counts.items() if n > 0]
    )
    Resource.objects.filter(pk=resource.pk).update(
        downloads=F("downloads") + Value(sum(counts.values()))
    )

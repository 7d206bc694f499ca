"""Reads of the network: the directory, the regions, the organizations; who may read and change them.

Who may read what (tested in tests/network/test_access.py and view by view in test_cast.py):

- The directory, the regions and the organization pages are **public**: anyone may read them,
  signed in or not. They hold only what organizations publish about themselves anyway (name,
  kind, region, member status, address, website, description, themes); a network's directory is
  how members, partners and the public find each other, and the national network shows the
  state of each region openly. No person appears on these pages: names, e-mail addresses and
  roles of people are shown only to those who administer the organization (accounts app).
- An organization's **administrators** change its facts (contact details, description, themes).
- The administrators of its **parent network** may also change what the network decides: its
  kind, its parent and its member status; they create new member organizations under the
  networks they administer (a national network, a regional or a territorial body).
- Signed-in people without those rights get 403 on the editing pages; anonymous visitors are
  sent to sign in.
"""

from __future__ import annotations

import base64
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, QuerySet
from django.http import Http404

from jalon.accounts.enums import Role
from jalon.accounts.queries import (
    can_administer,
    can_administer_as_network,
    has_role,
    memberships_of,
    role_in,
)

from .enums import MemberStatus, OrganizationKind
from .models import Organization, Region, SituationReport, Theme
from .tilemap import Place, label_lines, place_of

#: Member statuses that make a regional body count for its region (a region without one is orphan).
REGIONAL_MEMBER_STATUSES = (MemberStatus.MEMBER, MemberStatus.OBSERVER)


def organizations_administered_by(user: Any) -> QuerySet[Organization]:
    """Organizations the user may administer: where they are administrator, and the members of networks they administer."""
    if not getattr(user, "is_authenticated", False):
        return Organization.objects.none()
    if user.is_superuser:
        return Organization.objects.all()
    admin_ids = [oid for oid, m in memberships_of(user).items() if m.role == Role.ADMIN]
    return Organization.objects.filter(Q(pk__in=admin_ids) | Q(parent_id__in=admin_ids))


def get_organization_to_administer(user: Any, slug: str) -> Organization:
    """The organization named by `slug` if the user may administer it: 404 if unknown, 403 if not allowed."""
    organization = Organization.objects.select_related("parent", "region").filter(slug=slug).first()
    if organization is None:
        raise Http404
    if not can_administer(user, organization):
        raise PermissionDenied
    return organization


#: Kinds of organization that may have members of their own.
NETWORK_KINDS = (OrganizationKind.NATIONAL, OrganizationKind.REGIONAL, OrganizationKind.TERRITORIAL)


@dataclass(frozen=True)
class DirectoryFilters:
    region: Region | None = None
    kind: str = ""
    status: str = ""
    theme: Theme | None = None
    text: str = ""


@dataclass
class DirectoryFacets:
    """How many organizations each filter choice would show, the other filters staying as they are."""

    by_region: dict[int, int] = field(default_factory=dict)
    by_kind: dict[str, int] = field(default_factory=dict)
    by_status: dict[str, int] = field(default_factory=dict)
    by_theme: dict[int, int] = field(default_factory=dict)


def _filtered(filters: DirectoryFilters, *, skip: str = "") -> QuerySet[Organization]:
    queryset = Organization.objects.all()
    if filters.region is not None and skip != "region":
        queryset = queryset.filter(Q(region=filters.region) | Q(region__parent=filters.region))
    if filters.kind and skip != "kind":
        queryset = queryset.filter(kind=filters.kind)
    if filters.status and skip != "status":
        queryset = queryset.filter(member_status=filters.status)
    if filters.theme is not None and skip != "theme":
        queryset = queryset.filter(themes=filters.theme)
    if filters.text:
        words = filters.text.strip()
        queryset = queryset.filter(
            Q(name__icontains=words) | Q(acronym__icontains=words) | Q(city__icontains=words)
        )
    return queryset


def directory(filters: DirectoryFilters) -> QuerySet[Organization]:
    """Organizations matching the filters, with what the directory shows of each (3 queries a page)."""
    return (
        _filtered(filters)
        .select_related("region", "parent")
        .prefetch_related("themes")
        .order_by("name")
    )


def directory_facets(filters: DirectoryFilters) -> DirectoryFacets:
    """Counts for each choice of each filter (4 queries, whatever the size of the network)."""
    facets = DirectoryFacets()
    for row in (
        _filtered(filters, skip="region").values("region_id").annotate(n=Count("id")).order_by()
    ):
        if row["region_id"] is not None:
            facets.by_region[row["region_id"]] = row["n"]
    facets.by_kind = {
        row["kind"]: row["n"]
        for row in _filtered(filters, skip="kind").values("kind").annotate(n=Count("id")).order_by()
    }
    facets.by_status = {
        row["member_status"]: row["n"]
        for row in _filtered(filters, skip="status")
        .values("member_status")
        .annotate(n=Count("id"))
        .order_by()
    }
    facets.by_theme = {
        row["themes"]: row["n"]
        for row in _filtered(filters, skip="theme")
        .filter(themes__isnull=False)
        .values("themes")
        .annotate(n=Count("id"))
        .order_by()
    }
    return facets


def all_regions() -> list[Region]:
    return list(Region.objects.select_related("parent").order_by("code"))


def all_themes() -> list[Theme]:
    return list(Theme.objects.order_by("name"))


@dataclass
class RegionSummary:
    region: Region
    organization_count: int = 0
    regional_members: list[Organization] = field(default_factory=list)
    children: list[Region] = field(default_factory=list)
    #: Organizations of the region (any kind) that are members or observer members.
    member_count: int = 0

    @property
    def is_orphan(self) -> bool:
        """No regional body that is a member (or observer member) of a network works in this region."""
        return not self.regional_members

    @property
    def status(self) -> str:
        """ "member" (a regional member), "observer" (observer members only) or "orphan"."""
        if any(o.member_status == MemberStatus.MEMBER for o in self.regional_members):
            return "member"
        return "observer" if self.regional_members else "orphan"


@dataclass(frozen=True)
class RegionTile:
    """One region on the tile map: where, what it says, what it links to."""

    summary: RegionSummary
    place: Place
    lines: list[str]

    @property
    def text_y(self) -> int:
        return self.place.y + 22


def region_tiles(summaries: list[RegionSummary]) -> list[RegionTile]:
    """The regions on the schematic map (network.tilemap), from the overview already loaded."""
    tiles = []
    for summary in summaries:
        place = place_of(summary.region.code)
        if place is not None:
            tiles.append(
                RegionTile(summary=summary, place=place, lines=label_lines(summary.region.name))
            )
    return tiles


def regions_overview() -> list[RegionSummary]:
    """Quebec's regions with their number of organizations and their regional members (3 queries).

    Organizations placed in a sub-territory count for its region.
    """
    regions = all_regions()
    summaries = {r.pk: RegionSummary(region=r) for r in regions if r.parent_id is None}
    top_of = {r.pk: (r.parent_id or r.pk) for r in regions}
    for region in regions:
        if region.parent_id in summaries:
            summaries[region.parent_id].children.append(region)
    counts = (
        Organization.objects.values("region_id")
        .annotate(
            n=Count("id"),
            in_network=Count("id", filter=Q(member_status__in=REGIONAL_MEMBER_STATUSES)),
        )
        .order_by()
    )
    for row in counts:
        top = top_of.get(row["region_id"])
        if top in summaries:
            summaries[top].organization_count += row["n"]
            summaries[top].member_count += row["in_network"]
    for organization in regional_members():
        top = top_of.get(organization.region_id or 0)
        if top in summaries:
            summaries[top].regional_members.append(organization)
    return list(summaries.values())


def regional_members() -> QuerySet[Organization]:
    return Organization.objects.filter(
        kind=OrganizationKind.REGIONAL, member_status__in=REGIONAL_MEMBER_STATUSES
    ).order_by("name")


@dataclass
class RegionDetail:
    summary: RegionSummary
    organizations_by_kind: list[tuple[str, list[Organization]]]

    @property
    def region(self) -> Region:
        return self.summary.region


def region_detail(slug: str) -> RegionDetail:
    """A region, its sub-territories and its organizations grouped by kind (3 queries). 404 if unknown."""
    region = Region.objects.select_related("parent").filter(slug=slug).first()
    if region is None:
        raise Http404
    children = list(region.children.order_by("code"))
    organizations = list(
        Organization.objects.filter(Q(region=region) | Q(region__parent=region))
        .select_related("region", "parent")
        .order_by("name")
    )
    summary = RegionSummary(
        region=region,
        organization_count=len(organizations),
        regional_members=[
            o
            for o in organizations
            if o.kind == OrganizationKind.REGIONAL and o.member_status in REGIONAL_MEMBER_STATUSES
        ],
        children=children,
        member_count=sum(1 for o in organizations if o.member_status in REGIONAL_MEMBER_STATUSES),
    )
    grouped: dict[str, list[Organization]] = defaultdict(list)
    for organization in organizations:
        grouped[organization.kind].append(organization)
    ordered = [(kind, grouped[kind]) for kind in OrganizationKind.values if grouped.get(kind)]
    return RegionDetail(summary=summary, organizations_by_kind=ordered)


def get_organization(slug: str) -> Organization:
    """The organization for its public page, with its region and parent. 404 if unknown."""
    organization = (
        Organization.objects.select_related("region", "parent")
        .prefetch_related("themes")
        .filter(slug=slug)
        .first()
    )
    if organization is None:
        raise Http404
    return organization


def members_of_network(organization: Organization) -> list[Organization]:
    """The organizations whose parent network is this one."""
    rank = {kind: i for i, kind in enumerate(OrganizationKind.values)}
    members = list(organization.members.select_related("region").order_by("name"))
    members.sort(key=lambda o: rank.get(o.kind, 99))
    return members


def can_edit_organization(user: Any, organization: Organization) -> bool:
    return can_administer(user, organization)


def can_decide_membership(user: Any, organization: Organization) -> bool:
    """May change the kind, parent and member status: the parent network's administrators."""
    return can_administer_as_network(user, organization)


def parent_choices(user: Any, *, exclude: Organization | None = None) -> QuerySet[Organization]:
    """Networks under which the user may place an organization: those they administer."""
    queryset = organizations_administered_by(user).filter(kind__in=NETWORK_KINDS)
    if exclude is not None:
        queryset = queryset.exclude(pk=exclude.pk).exclude(parent=exclude)
    return queryset.select_related("region").order_by("name")


def can_create_organization(user: Any) -> bool:
    return parent_choices(user).exists()


def get_organization_to_edit(user: Any, slug: str) -> Organization:
    organization = get_organization(slug)
    if not can_edit_organization(user, organization):
        raise PermissionDenied
    return organization


def managed_organizations(user: Any) -> list[Organization]:
    """What a network's administrator manages: the organizations they administer, networks first."""
    organizations: list[Organization] = list(
        organizations_administered_by(user)
        .select_related("region", "parent")
        .annotate(people=Count("memberships", distinct=True))
        .order_by("name")
    )
    direct = set(memberships_of(user))
    organizations.sort(key=lambda o: o.pk not in direct)
    return organizations


LOGO_CONTENT_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}


def organization_logo(organization: Organization) -> tuple[bytes, str] | None:
    """The logo's bytes and content type, or None when there is none or its file is gone.

    Logos are read from storage and embedded (data: URIs in pages and PDFs, images in Word),
    never served from a public media address."""
    if not organization.logo:
        return None
    suffix = "." + (organization.logo.name or "").rsplit(".", 1)[-1].lower()
    try:
        with organization.logo.open("rb") as handle:
            content = handle.read()
    except (FileNotFoundError, OSError):
        return None
    return content, LOGO_CONTENT_TYPES.get(suffix, "image/png")


def organization_logo_data_uri(organization: Organization) -> str:
    found = organization_logo(organization)
    if found is None:
        return ""
    content, content_type = found
    return f"data:{content_type};base64,{base64.b64encode(content).decode()}"


# --- États de situation ----------------------------------------------------------------------
#
# A regional body files an état de situation des démarches twice a year: one per half-year
# (1 = January–June, 2 = July–December). The one due last is the previous half-year's (due at
# its end); a body is **up to date** when it has filed for the current half-year or the
# previous one. Its own members read its états; so do the editors and administrators of the
# networks above it (its parent and its parent's parent). Its editors and administrators file.

Half = tuple[int, int]


def half_of(day: dt.date) -> Half:
    return (day.year, 1 if day.month <= 6 else 2)


def previous_half(half: Half) -> Half:
    year, number = half
    return (year, 1) if number == 2 else (year - 1, 2)


def _networks_above(organization: Organization) -> list[int]:
    ids = [organization.parent_id] if organization.parent_id else []
    if organization.parent_id and organization.parent and organization.parent.parent_id:
        ids.append(organization.parent.parent_id)
    return ids


def can_read_situation(user: Any, organization: Organization) -> bool:
    if role_in(user, organization.pk) is not None:
        return True
    return any(has_role(user, oid, Role.EDITOR) for oid in _networks_above(organization))


def can_file_situation(user: Any, organization: Organization) -> bool:
    """The regional body's editors and administrators file its états (only regional bodies file)."""
    return organization.kind == OrganizationKind.REGIONAL and has_role(
        user, organization.pk, Role.EDITOR
    )


def get_organization_for_situation(user: Any, slug: str, *, write: bool = False) -> Organization:
    """The organization whose états the user reads (or files, with write=True): 404, then 403."""
    organization = Organization.objects.select_related("parent", "region").filter(slug=slug).first()
    if organization is None:
        raise Http404
    if not can_read_situation(user, organization):
        raise PermissionDenied
    if write and not can_file_situation(user, organization):
        raise PermissionDenied
    return organization


def situation_history(organization: Organization) -> list[SituationReport]:
    """Every état of the organization, newest first, with who filed it (1 query)."""
    return list(
        organization.situation_reports.select_related("filed_by").order_by("-year", "-half")
    )


def is_up_to_date(reports: list[SituationReport], today: dt.date) -> bool:
    current = half_of(today)
    return any((r.year, r.half) in (current, previous_half(current)) for r in reports)


@dataclass(frozen=True)
class FieldChange:
    label: str
    before: str
    after: str

    @property
    def changed(self) -> bool:
        return self.before != self.after


SITUATION_FIELDS = ("structure", "coordination", "funding", "issues", "support_needs")


def situation_diff(before: SituationReport, after: SituationReport) -> list[FieldChange]:
    """Field by field, what changed between two états of the same organization."""

    def shown(report: SituationReport, name: str) -> str:
        if name == "coordination":
            return str(report.get_coordination_display())
        return str(getattr(report, name)).strip()

    labels = {f.name: str(f.verbose_name) for f in SituationReport._meta.fields}
    return [
        FieldChange(
            label=labels[name].capitalize(),
            before=shown(before, name),
            after=shown(after, name),
        )
        for name in SITUATION_FIELDS
    ]


def get_situation_pair(
    organization: Organization, before_pk: object, after_pk: object
) -> tuple[SituationReport, SituationReport]:
    """Two états of this organization, older first; 404 if either is not one of its own."""
    try:
        pks = [int(str(before_pk)), int(str(after_pk))]
    except ValueError:
        raise Http404 from None
    found = {r.pk: r for r in organization.situation_reports.filter(pk__in=pks)}
    if len(found) != len(set(pks)) or len(set(pks)) != 2:
        raise Http404
    first, second = found[pks[0]], found[pks[1]]
    return (
        (first, second)
        if (first.year, first.half) <= (second.year, second.half)
        else (second, first)
    )


def regions_up_to_date(summaries: list[RegionSummary], today: dt.date) -> int:
    """How many regions have a regional member whose état is up to date (1 query)."""
    current = half_of(today)
    previous = previous_half(current)
    region_of = {o.pk: s.region.pk for s in summaries for o in s.regional_members}
    if not region_of:  # no regional member: no region can be up to date, no query
        return 0
    filed = SituationReport.objects.filter(organization_id__in=region_of).filter(
        Q(year=current[0], half=current[1]) | Q(year=previous[0], half=previous[1])
    )
    return len({region_of[oid] for oid in filed.values_list("organization_id", flat=True)})

"""Regions: the 17 administrative regions, their organizations, and the orphan regions."""

from __future__ import annotations

import re
from html import unescape

from jalon.network.enums import MemberStatus, OrganizationKind
from jalon.network.models import Region
from jalon.network.tilemap import place_of

from ..factories import OrganizationFactory, region


def text(response) -> str:
    return unescape(response.content.decode())


def summaries_by_code(response):
    return {s.region.code: s for s in response.context["summaries"]}


def test_the_17_regions_are_loaded_as_data(db):
    assert Region.objects.count() == 17
    assert Region.objects.get(code="09").name == "Côte-Nord"
    assert Region.objects.get(code="02").slug == "02-saguenay-lac-saint-jean"


def test_regions_page_counts_organizations_and_flags_orphans(client, network, org_a, org_b):
    OrganizationFactory(kind=OrganizationKind.LOCAL, parent=network, region=region("09"))
    response = client.get("/reseau/regions/")
    summaries = summaries_by_code(response)
    assert len(summaries) == 17
    assert summaries["04"].organization_count == 2  # the network itself has no region
    assert [o.name for o in summaries["04"].regional_members] == ["Consortium A", "Table B"]
    assert not summaries["04"].is_orphan
    assert summaries["09"].organization_count == 1
    assert summaries["09"].is_orphan
    assert response.context["orphan_count"] == 16
    page = text(response)
    assert "16 régions n'ont pas d'instance régionale membre" in page
    assert page.count("Région orpheline") == 16


def test_a_non_member_regional_body_leaves_its_region_orphan(client, network):
    OrganizationFactory(parent=network, region=region("16"), member_status=MemberStatus.NON_MEMBER)
    assert summaries_by_code(client.get("/reseau/regions/"))["16"].is_orphan


def test_an_observer_regional_body_counts_for_its_region(client, network):
    OrganizationFactory(parent=network, region=region("07"), member_status=MemberStatus.OBSERVER)
    response = client.get("/reseau/regions/")
    assert not summaries_by_code(response)["07"].is_orphan
    assert "(observateur)" in text(response)


def test_a_local_committee_does_not_make_a_region_non_orphan(client, network):
    OrganizationFactory(parent=network, region=region("09"), kind=OrganizationKind.TERRITORIAL)
    assert summaries_by_code(client.get("/reseau/regions/"))["09"].is_orphan


def test_organizations_of_a_sub_territory_count_for_its_region(client, network):
    haute = Region.objects.create(
        code="16A", name="Haute-Yamaska", slug="16a-haute-yamaska", parent=region("16")
    )
    OrganizationFactory(parent=network, region=haute)
    response = client.get("/reseau/regions/")
    summary = summaries_by_code(response)["16"]
    assert summary.organization_count == 1
    assert not summary.is_orphan
    assert [c.name for c in summary.children] == ["Haute-Yamaska"]
    assert "16A" not in summaries_by_code(response)


def test_region_page_lists_its_organizations_by_kind(client, network, org_a):
    OrganizationFactory(
        name="Comité local de Saint-Tite", kind=OrganizationKind.LOCAL, parent=org_a
    )
    response = client.get("/reseau/regions/04-mauricie/")
    assert response.status_code == 200
    grouped = [
        (kind, [o.name for o in orgs])
        for kind, orgs in response.context["detail"].organizations_by_kind
    ]
    assert grouped == [
        ("regional", ["Consortium A"]),
        ("local", ["Comité local de Saint-Tite"]),
    ]
    page = text(response)
    assert "Instance régionale membre :" in page
    assert "Région orpheline" not in page


def test_orphan_region_page_says_so(client, network):
    response = client.get("/reseau/regions/09-cote-nord/")
    page = text(response)
    assert "Région orpheline" in page
    assert "Aucune instance régionale n'est membre" in page
    assert "Aucune organisation n'est inscrite dans cette région." in page


def test_regions_page_runs_the_same_queries_for_one_and_many_organizations(
    client, network, django_assert_num_queries
):
    OrganizationFactory(parent=network, region=region("04"))
    with django_assert_num_queries(4):  # regions, counts, regional members, états up to date
        client.get("/reseau/regions/")
    for code in ("01", "02", "05", "09"):
        OrganizationFactory(parent=network, region=region(code))
        OrganizationFactory(parent=network, region=region(code), kind=OrganizationKind.LOCAL)
    with django_assert_num_queries(4):  # regions, counts, regional members, états up to date
        client.get("/reseau/regions/")


def test_region_page_runs_the_same_queries_for_one_and_many_organizations(
    client, network, django_assert_num_queries
):
    with django_assert_num_queries(3):
        client.get("/reseau/regions/04-mauricie/")
    for _ in range(6):
        OrganizationFactory(parent=network)
    with django_assert_num_queries(3):
        client.get("/reseau/regions/04-mauricie/")


def test_the_tile_map_shows_each_region_with_its_status_and_members(client, network):
    OrganizationFactory(parent=network, region=region("07"), member_status=MemberStatus.OBSERVER)
    OrganizationFactory(
        parent=network, region=region("07"), kind=OrganizationKind.LOCAL, member_status="member"
    )
    OrganizationFactory(parent=network, region=region("03"))
    response = client.get("/reseau/regions/")
    tiles = {t.summary.region.code: t for t in response.context["tiles"]}
    assert len(tiles) == 17
    assert (tiles["03"].summary.status, tiles["03"].summary.member_count) == ("member", 1)
    assert (tiles["07"].summary.status, tiles["07"].summary.member_count) == ("observer", 2)
    assert (tiles["09"].summary.status, tiles["09"].summary.member_count) == ("orphan", 0)
    assert tiles["02"].lines == ["Saguenay–", "Lac-Saint-Jean"]
    page = text(response)
    assert len(re.findall(r'<a href="[^"]+" class="tile tile--orphan">', page)) == 15
    assert page.count(">Orpheline</text>") == 15  # said in words, not by colour alone
    assert '<a href="/reseau/regions/09-cote-nord/" class="tile tile--orphan">' in page
    assert "style=" not in page and "<script>" not in page


def test_the_tiles_lie_roughly_where_the_regions_are():
    nord, outaouais, gaspesie, montreal = (place_of(c) for c in ("10", "07", "11", "06"))
    assert nord.y < montreal.y  # north above south
    assert outaouais.x < gaspesie.x  # west left of east
    assert place_of("16A") is None  # a sub-territory is not on the map


def test_the_regions_page_runs_the_same_queries_for_5_and_50_organizations(
    client, network, django_assert_num_queries
):
    for i in range(5):
        OrganizationFactory(parent=network, region=region(f"{i + 1:02d}"))
    with django_assert_num_queries(4):  # regions, counts, regional members, états up to date
        client.get("/reseau/regions/")
    for i in range(45):
        OrganizationFactory(parent=network, region=region(f"{i % 17 + 1:02d}"))
    with django_assert_num_queries(4):  # regions, counts, regional members, états up to date
        client.get("/reseau/regions/")

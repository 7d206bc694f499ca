"""The geographic map in Chromium: Leaflet from its Python package, our own script, no CSP violation."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jalon.network.enums import OrganizationKind
from tests.browser.fixtures import assert_no_serious_axe_violations, watch_csp

from ..factories import OrganizationFactory, region

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_map_draws_the_organizations_without_any_csp_violation(page, live_server):
    network = OrganizationFactory(name="Réseau R", acronym="RR", kind=OrganizationKind.NATIONAL)
    places = [("46.3432", "-72.5477"), ("48.4284", "-71.0686"), ("45.5017", "-73.5673")]
    for i, (lat, lon) in enumerate(places):
        OrganizationFactory(
            name=f"Instance {i}",
            parent=network,
            region=region(f"0{i + 2}"),
            latitude=Decimal(lat),
            longitude=Decimal(lon),
        )
    violations = watch_csp(page)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{live_server.url}/reseau/carte/")
    page.locator("#geomap[data-points='3']").wait_for(state="attached")
    # Far apart at the start zoom: three points (or clusters standing for them) are drawn.
    drawn = page.locator(".geomap__point, .marker-cluster").count()
    assert drawn >= 1
    assert page.locator("#geomap-status").inner_text().startswith("3 organisations sur la carte")
    assert page.locator(".leaflet-tile").count() == 0  # no base tiles unless configured
    page.reload()
    page.locator("#geomap[data-points='3']").wait_for(state="attached")
    assert violations() == []
    assert errors == []
    assert_no_serious_axe_violations(page)


def test_the_regions_tile_map_has_no_csp_violation(page, live_server):
    violations = watch_csp(page)
    page.goto(f"{live_server.url}/reseau/regions/")
    assert page.locator("svg.tilemap a.tile").count() == 17
    assert page.locator("svg.tilemap a.tile--orphan").count() == 17
    assert violations() == []
    assert_no_serious_axe_violations(page)
    page.locator("svg.tilemap a.tile--orphan").first.click()
    page.wait_for_url("**/reseau/regions/01-bas-saint-laurent/")

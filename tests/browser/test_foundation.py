"""Issue 2 in a real browser: sign in, read the directory in French, switch to English, open an
organization; the main pages pass axe-core without serious violations; keyboard and no-JS paths."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from jalon.accounts.enums import Role
from jalon.network.enums import MemberStatus, OrganizationKind

from ..factories import MembershipFactory, OrganizationFactory, ThemeFactory, UserFactory, region
from .fixtures import assert_no_serious_axe_violations

pytestmark = pytest.mark.browser


@pytest.fixture
def world(page):
    national = OrganizationFactory(
        name="Réseau québécois des instances en développement social",
        acronym="RQIDS",
        slug="rqids",
        kind=OrganizationKind.NATIONAL,
        region=region("03"),
        member_status=MemberStatus.NON_MEMBER,
    )
    mauricie = OrganizationFactory(
        name="Alliance mauricienne en développement social",
        acronym="AMDS",
        slug="amds",
        parent=national,
        region=region("04"),
        city="Trois-Rivières",
        description="Concertation régionale de la Mauricie.",
    )
    mauricie.themes.add(ThemeFactory(name="Sécurité alimentaire"))
    OrganizationFactory(
        name="Carrefour estrien en développement social",
        acronym="CEDS",
        slug="ceds",
        parent=national,
        region=region("05"),
    )
    OrganizationFactory(
        name="Comité local de Saint-Tite",
        acronym="CLST",
        slug="clst",
        kind=OrganizationKind.LOCAL,
        parent=mauricie,
        region=region("04"),
    )
    coordinator = UserFactory(username="coordination", first_name="Josée", last_name="Tremblay")
    MembershipFactory(
        user=coordinator, organization=national, role=Role.ADMIN, position="Coordination"
    )
    return {"national": national, "mauricie": mauricie, "coordinator": coordinator}


def test_sign_in_read_directory_in_french_switch_to_english_open_an_organization(
    page, world, browser_login
):
    browser_login(page, world["coordinator"])
    expect(page.locator("h1")).to_have_text("Bonjour Josée")

    page.get_by_role("navigation", name="Navigation principale").get_by_role(
        "link", name="Répertoire"
    ).click()
    expect(page.locator("h1")).to_have_text("Répertoire des organisations")
    expect(page.locator("html")).to_have_attribute("lang", "fr-CA")
    expect(page.locator("#results-title")).to_have_text("4 organisations")

    page.get_by_label("Région").focus()
    page.get_by_label("Région").select_option("04-mauricie")  # htmx swaps the results in place
    expect(page.locator("#results-title")).to_have_text("2 organisations")
    expect(page).to_have_url(re.compile(r"region=04-mauricie"))
    expect(page.locator("#directory-status")).to_have_text("2 organisations trouvées")
    expect(page.get_by_label("Région")).to_be_focused()

    page.get_by_role("button", name="English").click()
    expect(page.locator("h1")).to_have_text("Organization directory")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page).to_have_url(re.compile(r"region=04-mauricie"))
    expect(page.locator("#results-title")).to_have_text("2 organizations")

    page.get_by_role("link", name="Alliance mauricienne en développement social").click()
    expect(page.locator("h1")).to_contain_text("Alliance mauricienne en développement social")
    expect(page.get_by_role("heading", name="Details")).to_be_visible()
    expect(page.get_by_role("heading", name="About")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Regional body")
    expect(page.locator("dl.facts").get_by_role("link", name="Mauricie")).to_be_visible()
    expect(page.get_by_role("link", name="Edit the details")).to_be_visible()


def test_directory_filters_work_without_javascript(browser, live_server, world):
    context = browser.new_context(
        base_url=live_server.url, java_script_enabled=False, locale="fr-CA"
    )
    try:
        page = context.new_page()
        page.goto("/reseau/")
        page.get_by_label("Type").select_option("local")
        page.get_by_role("button", name="Filtrer").click()
        expect(page).to_have_url(re.compile(r"kind=local"))
        expect(page.locator("#results-title")).to_have_text("1 organisation")
        page.get_by_role("button", name="English").click()
        expect(page.locator("h1")).to_have_text("Organization directory")
    finally:
        context.close()


def test_skip_link_is_the_first_stop_and_focus_is_visible(page, world):
    page.goto("/reseau/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Aller au contenu")
    expect(skip).to_be_focused()
    box = skip.bounding_box()
    assert box is not None and box["x"] >= 0 and box["y"] >= 0  # moved on screen when focused
    outline = skip.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline == "solid"
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()


def test_small_screens_keep_everything_reachable(browser, live_server, world):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 375, "height": 740}, locale="fr-CA"
    )
    try:
        page = context.new_page()
        page.goto("/reseau/")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, f"la page déborde horizontalement ({width}px)"
        expect(page.get_by_role("button", name="English")).to_be_visible()
        expect(page.get_by_role("button", name="Filtrer")).to_be_visible()
    finally:
        context.close()


AXE_PAGES = [
    ("accueil", "/", True),
    ("connexion", "/comptes/connexion/", False),
    ("répertoire", "/reseau/", False),
    ("répertoire filtré", "/reseau/?region=nulle-part&kind=regional", False),
    ("régions", "/reseau/regions/", False),
    ("région", "/reseau/regions/04-mauricie/", False),
    ("région orpheline", "/reseau/regions/09-cote-nord/", False),
    ("organisation", "/reseau/organisations/rqids/", True),
    ("profil", "/comptes/profil/", True),
    ("personnes", "/comptes/organisations/rqids/personnes/", True),
    ("fiche", "/reseau/organisations/amds/modifier/", True),
    ("gestion", "/reseau/gestion/", True),
]


@pytest.mark.parametrize(("name", "path", "signed_in"), AXE_PAGES, ids=[p[0] for p in AXE_PAGES])
def test_main_pages_have_no_serious_accessibility_violation(
    page, world, browser_login, name, path, signed_in
):
    if signed_in:
        browser_login(page, world["coordinator"])
    page.goto(path)
    expect(page.locator("h1")).to_be_visible()
    assert_no_serious_axe_violations(page)


def test_english_pages_have_no_serious_accessibility_violation(page, world):
    page.goto("/reseau/")
    page.get_by_role("button", name="English").click()
    expect(page.locator("h1")).to_have_text("Organization directory")
    assert_no_serious_axe_violations(page)


def test_axe_check_fails_on_a_serious_violation(page, world):
    """The accessibility check can fail: an image without text alternative is caught."""
    page.goto("/reseau/")
    page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"/static/jalon/favicon.svg\">')"
    )
    with pytest.raises(AssertionError, match="image-alt"):
        assert_no_serious_axe_violations(page)

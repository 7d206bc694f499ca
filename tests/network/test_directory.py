"""The directory: filters by region, kind, status, theme and text, with counts, in a bounded number of queries."""

from __future__ import annotations

from html import unescape

import pytest

from jalon.network.enums import MemberStatus, OrganizationKind

from ..factories import OrganizationFactory, ThemeFactory, region


def text(response) -> str:
    return unescape(response.content.decode())


def names(response) -> list[str]:
    return [o.name for o in response.context["organizations"]]


@pytest.fixture
def directory_world(network, org_a, org_b):
    housing = ThemeFactory(name="Logement")
    estrie = OrganizationFactory(
        name="Carrefour estrien",
        acronym="CE",
        parent=network,
        region=region("05"),
        city="Sherbrooke",
    )
    estrie.themes.add(housing)
    OrganizationFactory(
        name="Comité local de Saint-Tite",
        acronym="CLST",
        kind=OrganizationKind.LOCAL,
        parent=org_a,
        member_status=MemberStatus.OBSERVER,
    )
    OrganizationFactory(
        name="Fondation Horizons",
        acronym="FH",
        kind=OrganizationKind.PARTNER,
        parent=network,
        member_status=MemberStatus.NON_MEMBER,
        region=region("06"),
    )
    return {"housing": housing}


def test_directory_lists_every_organization_by_name(client, directory_world):
    response = client.get("/reseau/")
    assert response.status_code == 200
    assert names(response) == [
        "Carrefour estrien",
        "Comité local de Saint-Tite",
        "Consortium A",
        "Fondation Horizons",
        "Réseau test en développement social",
        "Table B",
    ]
    assert "6 organisations" in text(response)


def test_directory_filters_by_region_kind_and_status(client, directory_world):
    assert names(client.get("/reseau/?region=04-mauricie")) == [
        "Comité local de Saint-Tite",
        "Consortium A",
        "Table B",
    ]
    assert names(client.get("/reseau/?region=04-mauricie&kind=local")) == [
        "Comité local de Saint-Tite"
    ]
    assert names(client.get("/reseau/?status=observer")) == ["Comité local de Saint-Tite"]
    assert names(client.get("/reseau/?kind=partner&status=non_member")) == ["Fondation Horizons"]


def test_directory_filters_by_theme_and_text(client, directory_world):
    assert names(client.get("/reseau/?theme=logement")) == ["Carrefour estrien"]
    assert names(client.get("/reseau/?text=sherbrooke")) == ["Carrefour estrien"]
    assert names(client.get("/reseau/?text=CLST")) == ["Comité local de Saint-Tite"]


def test_directory_choices_show_counts_under_the_other_filters(client, directory_world):
    response = client.get("/reseau/?kind=regional")
    form = response.context["form"]
    regions = dict(form.fields["region"].choices)
    assert regions["04-mauricie"] == "04 Mauricie (2)"
    assert regions["05-estrie"] == "05 Estrie (1)"
    assert regions["06-montreal"] == "06 Montréal (0)"
    kinds = dict(form.fields["kind"].choices)
    assert kinds["regional"] == "Instance régionale (3)"
    assert kinds["local"] == "Comité local (1)"
    assert kinds["partner"] == "Partenaire ou bailleur de fonds (1)"
    statuses = dict(form.fields["status"].choices)
    assert statuses["member"] == "Membre (3)"


def test_directory_reports_and_ignores_an_unknown_filter_value(client, directory_world):
    response = client.get("/reseau/?region=nulle-part&kind=local")
    assert response.status_code == 200
    assert names(response) == ["Comité local de Saint-Tite"]
    page = text(response)
    assert "Certains filtres ne sont pas valides et ont été ignorés" in page
    assert "Région — " in page


def test_directory_says_when_nothing_matches(client, directory_world):
    response = client.get("/reseau/?region=09-cote-nord")
    assert names(response) == []
    assert "Aucune organisation ne correspond à ces filtres." in text(response)


def test_directory_answers_htmx_with_the_filters_and_results_only(client, directory_world):
    response = client.get("/reseau/?kind=local", headers={"HX-Request": "true"})
    page = text(response)
    assert page.lstrip().startswith('<div id="directory"')
    assert "<html" not in page
    assert 'hx-swap-oob="true"' in page
    assert "1 organisation trouvée" in page


def test_directory_works_without_javascript_as_a_get_form(client, directory_world):
    page = text(client.get("/reseau/"))
    assert '<form method="get" action="/reseau/"' in page
    assert '<button type="submit" id="directory-submit"' in page


def test_directory_pages_long_lists(client, network):
    for n in range(55):
        OrganizationFactory(name=f"Comité {n:02d}", acronym=f"C{n:02d}", parent=network)
    first = client.get("/reseau/?kind=regional")
    assert len(first.context["organizations"]) == 50
    assert "Page 1 sur 2" in text(first)
    second = client.get("/reseau/?kind=regional&page=2")
    assert len(second.context["organizations"]) == 5
    assert 'href="?kind=regional&amp;page=1"' in second.content.decode()


@pytest.mark.parametrize(
    "filters", ["", "?region=04-mauricie&kind=regional&status=member&theme=logement"]
)
def test_directory_runs_the_same_queries_for_one_and_many_organizations(
    client, network, django_assert_num_queries, filters
):
    housing = ThemeFactory(name="Logement")
    first = OrganizationFactory(parent=network)
    first.themes.add(housing)
    with django_assert_num_queries(9):
        assert client.get(f"/reseau/{filters}").status_code == 200
    for _ in range(12):
        OrganizationFactory(parent=network).themes.add(housing, ThemeFactory())
    with django_assert_num_queries(9):
        assert client.get(f"/reseau/{filters}").status_code == 200

"""The organization page, and how administrators create and change organizations."""

from __future__ import annotations

from html import unescape

import pytest
from django.template.loader import get_template

from jalon.accounts.enums import Role
from jalon.network.enums import MemberStatus, OrganizationKind
from jalon.network.models import Organization

from ..factories import MembershipFactory, OrganizationFactory, ThemeFactory, UserFactory, region


def text(response) -> str:
    return unescape(response.content.decode())


@pytest.fixture
def coordinator(network):
    """An administrator of the national network."""
    user = UserFactory(username="coordination")
    MembershipFactory(organization=network, user=user, role=Role.ADMIN, position="Coordination")
    return user


def _card(**changes):
    data = {
        "name": "Consortium A",
        "acronym": "CA-A",
        "region": region("04").pk,
        "address": "1275, rue Royale",
        "city": "Trois-Rivières",
        "postal_code": "g9a 4j4",
        "latitude": "46.3432",
        "longitude": "-72.5477",
        "website": "https://consortium-a.example",
        "email": "info@consortium-a.example",
        "phone": "819 555-0142",
        "description": "Concertation régionale.",
    }
    data.update(changes)
    return data


def test_organization_page_shows_its_facts(client, org_a):
    org_a.city = "Trois-Rivières"
    org_a.website = "https://consortium-a.example"
    org_a.save()
    org_a.themes.add(ThemeFactory(name="Sécurité alimentaire"))
    response = client.get(f"/reseau/organisations/{org_a.slug}/")
    page = text(response)
    assert "<h1>Consortium A" in page
    assert 'href="/reseau/organisations/rtds/"' in page  # its network
    assert 'href="/reseau/regions/04-mauricie/"' in page
    assert 'href="https://consortium-a.example"' in page
    assert "Sécurité alimentaire" in page
    assert "Instance régionale" in page
    assert "Membre" in page
    assert "Modifier la fiche" not in page


def test_network_page_lists_its_members(client, network, org_a, org_b):
    page = text(client.get(f"/reseau/organisations/{network.slug}/"))
    assert "2 organisations membres du réseau" in page
    assert "Consortium A" in page and "Table B" in page
    assert "Tête de réseau" in page


def test_organization_page_keeps_a_block_for_plans(db):
    """The plans app extends this template and fills the block with the organization's plans."""
    source = get_template("network/organization.html").template.source
    assert "{% block organization_plans %}{% endblock %}" in source


def test_organization_page_shows_edit_links_to_its_administrators(cast, org_a, login):
    page = text(login(cast["admin_a"]).get(f"/reseau/organisations/{org_a.slug}/"))
    assert "Modifier la fiche" in page
    assert f"/comptes/organisations/{org_a.slug}/personnes/" in page


def test_organization_page_runs_the_same_queries_for_one_and_many_members(
    client, network, django_assert_num_queries
):
    OrganizationFactory(parent=network).themes.add(ThemeFactory())
    with django_assert_num_queries(3):
        client.get(f"/reseau/organisations/{network.slug}/")
    for _ in range(7):
        OrganizationFactory(parent=network)
    network.themes.add(ThemeFactory(), ThemeFactory())
    with django_assert_num_queries(3):
        client.get(f"/reseau/organisations/{network.slug}/")


def test_own_admin_edits_facts_but_not_what_the_network_decides(cast, org_a, login):
    client = login(cast["admin_a"])
    form = client.get(f"/reseau/organisations/{org_a.slug}/modifier/").context["form"]
    assert "member_status" not in form.fields
    assert "parent" not in form.fields
    data = _card(version=form.initial["version"], member_status="non_member")
    response = client.post(f"/reseau/organisations/{org_a.slug}/modifier/", data)
    assert response.status_code == 302
    org_a.refresh_from_db()
    assert org_a.city == "Trois-Rivières"
    assert org_a.postal_code == "G9A 4J4"
    assert org_a.member_status == MemberStatus.MEMBER
    assert org_a.history.first().history_user == cast["admin_a"]


def test_network_admin_changes_a_member_status(coordinator, org_a, network, login):
    client = login(coordinator)
    form = client.get(f"/reseau/organisations/{org_a.slug}/modifier/").context["form"]
    assert list(form.fields["parent"].queryset) == [network]
    data = _card(
        version=form.initial["version"],
        kind=OrganizationKind.REGIONAL,
        parent=network.pk,
        member_status=MemberStatus.OBSERVER,
    )
    response = client.post(f"/reseau/organisations/{org_a.slug}/modifier/", data)
    assert response.status_code == 302
    org_a.refresh_from_db()
    assert org_a.member_status == MemberStatus.OBSERVER


def test_a_second_save_of_the_same_card_is_refused_with_who_changed_it(
    coordinator, cast, org_a, login
):
    url = f"/reseau/organisations/{org_a.slug}/modifier/"
    seen = login(cast["admin_a"]).get(url).context["form"].initial["version"]
    network_form = login(coordinator).get(url).context["form"]
    login(coordinator).post(
        url,
        _card(
            version=network_form.initial["version"],
            kind="regional",
            parent=org_a.parent_id,
            member_status="member",
            city="Shawinigan",
        ),
    )
    response = login(cast["admin_a"]).post(url, _card(version=seen, city="La Tuque"))
    assert response.status_code == 200
    page = text(response)
    assert "Pendant que vous modifiiez cette fiche" in page
    assert "Marie Gagnon" in page  # the coordinator's name
    org_a.refresh_from_db()
    assert org_a.city == "Shawinigan"


def test_card_refuses_half_coordinates_and_bad_website(cast, org_a, login):
    client = login(cast["admin_a"])
    url = f"/reseau/organisations/{org_a.slug}/modifier/"
    version = client.get(url).context["form"].initial["version"]
    response = client.post(url, _card(version=version, longitude="", website="pas une adresse"))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["__all__"] == ["Donnez la latitude et la longitude, ou ni l'une ni l'autre."]
    assert "website" in errors


def test_network_admin_creates_a_member_organization(coordinator, network, login):
    client = login(coordinator)
    response = client.post(
        "/reseau/gestion/nouvelle-organisation/",
        _card(
            name="Table des partenaires de Laval",
            acronym="TPL",
            kind=OrganizationKind.REGIONAL,
            parent=network.pk,
            member_status=MemberStatus.MEMBER,
            region=region("13").pk,
        ),
    )
    assert response.status_code == 302
    created = Organization.objects.get(acronym="TPL")
    assert response["Location"] == "/reseau/organisations/tpl/"
    assert (created.parent, created.region.code, created.member_status) == (network, "13", "member")


def test_a_regional_admin_creates_a_local_committee_under_their_body(cast, org_a, login):
    response = login(cast["admin_a"]).post(
        "/reseau/gestion/nouvelle-organisation/",
        _card(
            name="Comité local de Saint-Tite",
            acronym="CLDS ST",
            kind=OrganizationKind.LOCAL,
            parent=org_a.pk,
            member_status=MemberStatus.MEMBER,
        ),
    )
    assert response.status_code == 302
    assert Organization.objects.get(acronym="CLDS ST").parent == org_a


def test_creating_under_a_network_one_does_not_administer_is_refused(cast, network, login):
    response = login(cast["admin_a"]).post(
        "/reseau/gestion/nouvelle-organisation/",
        _card(
            name="Intrus", acronym="INT", kind="regional", parent=network.pk, member_status="member"
        ),
    )
    assert response.status_code == 200
    assert "parent" in response.context["form"].errors
    assert not Organization.objects.filter(acronym="INT").exists()


def test_an_organization_cannot_become_a_member_of_its_own_member(coordinator, network, org_a):
    from jalon.network import services

    committee = OrganizationFactory(parent=org_a, kind=OrganizationKind.TERRITORIAL)
    with pytest.raises(Exception, match="ne peut pas être membre d'elle-même"):
        services.update_organization(
            organization=org_a,
            facts=services.OrganizationFacts(name="Consortium A"),
            decision=services.NetworkDecision(
                kind="regional", parent=committee, member_status="member"
            ),
            by=None,
        )


def test_manage_page_lists_what_the_coordinator_manages(coordinator, network, org_a, org_b, login):
    response = login(coordinator).get("/reseau/gestion/")
    assert [o.name for o in response.context["organizations"]] == [
        "Réseau test en développement social",
        "Consortium A",
        "Table B",
    ]
    assert "Ajouter une organisation membre" in text(response)


def test_manage_page_runs_the_same_queries_for_one_and_many_members(
    coordinator, network, login, django_assert_num_queries
):
    client = login(coordinator)
    client.get("/reseau/gestion/")
    with django_assert_num_queries(5):
        client.get("/reseau/gestion/")
    for _ in range(6):
        MembershipFactory(organization=OrganizationFactory(parent=network), user=UserFactory())
    with django_assert_num_queries(5):
        client.get("/reseau/gestion/")

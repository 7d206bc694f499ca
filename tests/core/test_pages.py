"""The frame of every page (skip link, landmarks, security headers) and the home page."""

from __future__ import annotations

from html import unescape

from jalon.accounts.enums import Role

from ..factories import MembershipFactory, UserFactory


def text(response) -> str:
    return unescape(response.content.decode())


def test_every_page_has_a_skip_link_and_landmarks(client, db):
    page = text(client.get("/reseau/"))
    assert '<a class="skip-link" href="#contenu">Aller au contenu</a>' in page
    assert '<main id="contenu"' in page
    assert '<header class="site-header" role="banner">' in page
    assert '<nav class="site-nav" aria-label="Navigation principale">' in page
    assert '<footer class="site-footer" role="contentinfo">' in page
    assert 'href="/reseau/" aria-current="page"' in page


def test_pages_forbid_inline_scripts_and_styles(client, db):
    policy = client.get("/").headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "unsafe-inline" not in policy


def test_pages_have_no_inline_script_style_or_event_handler(client, cast, login):
    pages = {
        None: ("/", "/reseau/", "/reseau/regions/", "/comptes/connexion/"),
        "admin_a": ("/", "/reseau/", "/reseau/regions/", "/comptes/profil/"),
    }
    for who, urls in pages.items():
        for url in urls:
            response = login(cast[who] if who else None).get(url)
            assert response.status_code == 200, url  # an error page would pass vacuously
            page = response.content.decode()
            assert "<script>" not in page and "style=" not in page, url
            assert " onclick=" not in page and " onchange=" not in page, url


def test_htmx_is_served_from_our_static_files(client, db):
    page = text(client.get("/"))
    assert '<script src="/static/django_htmx/htmx-2.min.js" defer></script>' in page
    assert client.get("/static/django_htmx/htmx-2.min.js").status_code == 200


def test_home_invites_anonymous_visitors_to_sign_in(client, db):
    page = text(client.get("/"))
    assert "Vos plans d'action, suivis et présentés sans effort" in page
    assert 'href="/comptes/connexion/"' in page


def test_home_shows_my_organizations_and_shortcuts(cast, login):
    page = text(login(cast["contributor_a"]).get("/"))
    assert "Mes organisations" in page
    assert "Consortium A" in page
    assert "Contributeur · Agent de liaison" in page
    assert "Personnes et rôles" not in page
    assert "Gestion du réseau" not in page


def test_home_gives_administrators_their_management_links(cast, login, org_a):
    page = text(login(cast["admin_a"]).get("/"))
    assert f"/comptes/organisations/{org_a.slug}/personnes/" in page
    assert "/reseau/gestion/" in page


def test_home_runs_the_same_queries_for_one_and_many_organizations(
    client, network, django_assert_num_queries
):
    from ..factories import OrganizationFactory

    user = UserFactory()
    MembershipFactory(user=user, organization=network, role=Role.ADMIN)
    client.force_login(user)
    with django_assert_num_queries(3):
        client.get("/")
    for _ in range(4):
        MembershipFactory(user=user, organization=OrganizationFactory(parent=network))
    with django_assert_num_queries(3):
        client.get("/")

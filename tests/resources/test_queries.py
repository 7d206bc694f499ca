"""Browsing and searching the library: filters, French text, sorts, paging, bounded queries."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.urls import reverse

from jalon.resources.enums import ResourceKind, Sort, Visibility
from jalon.resources.queries import Filters, search
from jalon.resources.services import record_downloads, share_resource
from tests.factories import ThemeFactory, region

pytestmark = pytest.mark.django_db


def _share(org: Any, title: str, **extra: Any) -> Any:
    extra.setdefault("link", "https://exemple.org/" + str(abs(hash(title))))
    extra.setdefault("published_on", dt.date(2024, 1, 1))
    extra.setdefault("kind", ResourceKind.GUIDE)
    extra.setdefault("visibility", Visibility.PUBLIC)
    return share_resource(by=None, title=title, organization=org, **extra)


def _titles(found: Any) -> list[str]:
    return [r.title for r in found]


def test_text_search_ignores_accents_and_case(org_a: Any) -> None:
    _share(org_a, "Guide de la sécurité alimentaire")
    _share(org_a, "Répertoire du logement")
    assert _titles(search(None, Filters(text="SECURITE"))) == ["Guide de la sécurité alimentaire"]
    assert _titles(search(None, Filters(text="sécurité alimentaire"))) == [
        "Guide de la sécurité alimentaire"
    ]
    assert _titles(search(None, Filters(text="logement"))) == ["Répertoire du logement"]
    assert _titles(search(None, Filters(text="transport"))) == []


def test_text_search_reads_the_description(org_a: Any) -> None:
    _share(org_a, "Boîte à outils", description="Pour animer une concertation régionale")
    assert _titles(search(None, Filters(text="concertation"))) == ["Boîte à outils"]


def test_filters_by_type_theme_and_region(org_a: Any) -> None:
    food = ThemeFactory(name="Sécurité alimentaire", slug="securite-alimentaire")
    _share(org_a, "Vidéo", kind=ResourceKind.VIDEO, themes=[food], region=region("04"))
    _share(org_a, "Guide", themes=[food], region=region("06"))
    _share(org_a, "Balado", kind=ResourceKind.PODCAST)
    assert _titles(search(None, Filters(kind=ResourceKind.VIDEO))) == ["Vidéo"]
    assert _titles(search(None, Filters(theme=food))) == ["Guide", "Vidéo"]
    assert _titles(search(None, Filters(theme=food, region=region("06")))) == ["Guide"]


def test_sorted_newest_then_most_downloaded(org_a: Any) -> None:
    old = _share(org_a, "Ancien", published_on=dt.date(2020, 1, 1))
    _share(org_a, "Récent", published_on=dt.date(2025, 1, 1))
    record_downloads(resource=old, counts={dt.date(2024, 5, 1): 7, dt.date(2024, 5, 2): 3})
    assert _titles(search(None, Filters())) == ["Récent", "Ancien"]
    assert _titles(search(None, Filters(sort=Sort.DOWNLOADS))) == ["Ancien", "Récent"]
    old.refresh_from_db()
    assert old.downloads == 10


def test_library_page_filters_from_the_query_string(org_a: Any, client: Any) -> None:
    _share(org_a, "Guide de la sécurité alimentaire")
    _share(org_a, "Gabarit", kind=ResourceKind.TEMPLATE)
    response = client.get(reverse("resources:library"), {"q": "securite", "kind": "guide"})
    assert _titles(response.context["resources"]) == ["Guide de la sécurité alimentaire"]
    response = client.get(reverse("resources:library"), {"kind": "inconnu"})
    assert response.status_code == 200
    assert len(response.context["resources"]) == 2


def test_library_is_paged_by_twenty(org_a: Any, client: Any) -> None:
    for n in range(23):
        _share(org_a, f"Outil {n}", published_on=dt.date(2024, 1, 1) + dt.timedelta(days=n))
    first = client.get(reverse("resources:library"))
    second = client.get(reverse("resources:library"), {"page": 2})
    assert len(first.context["resources"]) == 20
    assert _titles(second.context["resources"]) == ["Outil 2", "Outil 1", "Outil 0"]


def _many(org: Any, count: int, theme: Any) -> None:
    for n in range(count):
        _share(org, f"Guide de sécurité {n}", themes=[theme], region=region("04"))


@pytest.mark.parametrize("count", [3, 30])
def test_list_and_search_in_a_fixed_number_of_queries(
    org_a: Any, cast: Any, login: Any, django_assert_num_queries: Any, count: int
) -> None:
    theme = ThemeFactory(name="Logement", slug="logement")
    _many(org_a, count, theme)
    client = login(cast["contributor_a"])
    client.get(reverse("resources:library"))  # session and user loaded once
    # regions, themes, session, user, memberships, count, page, the page's themes
    with django_assert_num_queries(8):
        client.get(reverse("resources:library"))
    with django_assert_num_queries(8):
        client.get(reverse("resources:library"), {"q": "sécurité", "theme": "logement"})


@pytest.mark.skipif(connection.vendor != "postgresql", reason="French stemming: PostgreSQL")
def test_postgresql_search_finds_other_forms_of_a_word(org_a: Any) -> None:
    _share(org_a, "Les logements sociaux en région")
    assert _titles(search(None, Filters(text="logement social"))) == [
        "Les logements sociaux en région"
    ]

"""États de situation des démarches: filed twice a year by a regional body, read by its network.

The cast (tests/conftest.py): A and B are regional members of network N; `national` administers
N; `admin_a`/`editor_a` file A's états; `member_b` (B's editor) does not read them.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from jalon.accounts.enums import Role
from jalon.network.models import SituationReport
from jalon.network.queries import half_of, is_up_to_date, previous_half
from jalon.network.services import SituationFacts, file_situation_report

from ..factories import MembershipFactory, OrganizationFactory, UserFactory, region

pytestmark = pytest.mark.django_db

FACTS = SituationFacts(
    structure="Un comité de 8 partenaires, une agente à 3 jours par semaine",
    coordination="in_place",
    funding="Entente sectorielle jusqu'en mars 2027",
    issues="Transport collectif ; logement",
    support_needs="Formation sur l'évaluation",
)


def _report(org, half, **changes):
    data = {
        "structure": FACTS.structure,
        "coordination": FACTS.coordination,
        "funding": FACTS.funding,
        "issues": FACTS.issues,
        "support_needs": FACTS.support_needs,
    } | changes
    return SituationReport.objects.create(
        organization=org, year=half[0], half=half[1], filed_at=timezone.now(), **data
    )


@pytest.fixture
def national(network):
    user = UserFactory(username="national")
    MembershipFactory(user=user, organization=network, role=Role.ADMIN)
    return user


def test_the_half_years_follow_the_calendar():
    assert half_of(dt.date(2026, 6, 30)) == (2026, 1)
    assert half_of(dt.date(2026, 7, 1)) == (2026, 2)
    assert previous_half((2026, 1)) == (2025, 2)
    assert previous_half((2026, 2)) == (2026, 1)


def test_an_etat_of_the_previous_half_year_is_still_up_to_date_and_older_is_late(org_a):
    old = _report(org_a, (2025, 1))
    assert not is_up_to_date([old], dt.date(2026, 1, 15))
    recent = _report(org_a, (2025, 2))
    assert is_up_to_date([recent, old], dt.date(2026, 6, 30))
    assert not is_up_to_date([recent, old], dt.date(2026, 7, 1))


def test_filing_twice_in_a_half_year_corrects_it_and_keeps_the_history(org_a, cast):
    day = dt.date(2026, 3, 1)
    first = file_situation_report(organization=org_a, facts=FACTS, by=cast["editor_a"], today=day)
    again = file_situation_report(
        organization=org_a,
        facts=SituationFacts(**{**FACTS.__dict__, "coordination": "starting"}),
        by=cast["admin_a"],
        today=dt.date(2026, 5, 1),
    )
    assert again.pk == first.pk
    assert (again.year, again.half, again.coordination) == (2026, 1, "starting")
    assert [h.coordination for h in again.history.order_by("history_date")] == [
        "in_place",
        "starting",
    ]
    assert again.history.first().history_user == cast["admin_a"]


def test_missing_answers_are_refused_and_nothing_is_written(org_a, cast):
    bad = SituationFacts(structure=" ", coordination="maybe", funding="", issues="x")
    with pytest.raises(ValidationError) as error:
        file_situation_report(organization=org_a, facts=bad, by=None, today=dt.date(2026, 3, 1))
    assert set(error.value.message_dict) == {"structure", "coordination", "funding"}
    assert SituationReport.objects.count() == 0


def test_the_editor_fills_the_form_and_the_network_reads_it(org_a, cast, national, login):
    response = login(cast["editor_a"]).post(
        f"/reseau/organisations/{org_a.slug}/etat-de-situation/remplir/",
        {
            "structure": "Comité régional",
            "coordination": "starting",
            "funding": "Aucun financement stable",
            "issues": "Mobilisation",
            "support_needs": "",
        },
    )
    assert response.status_code == 302
    report = SituationReport.objects.get()
    assert (report.organization, report.filed_by) == (org_a, cast["editor_a"])
    page = login(national).get(f"/reseau/organisations/{org_a.slug}/etat-de-situation/")
    assert page.status_code == 200
    assert "Aucun financement stable" in page.content.decode()
    assert "À jour" in page.content.decode()


@pytest.mark.parametrize(
    ("who", "read", "file"),
    [
        ("admin_a", 200, 200),
        ("editor_a", 200, 200),
        ("reader_a", 200, 403),
        ("member_b", 403, 403),
        ("anonymous", 302, 302),
    ],
)
def test_who_reads_and_files_the_etats(org_a, cast, login, who, read, file):
    client = login(cast[who])
    base = f"/reseau/organisations/{org_a.slug}/etat-de-situation/"
    assert client.get(base).status_code == read
    assert client.get(base + "remplir/").status_code == file
    client.post(
        base + "remplir/", {"structure": "x", "coordination": "none", "funding": "y", "issues": "z"}
    )
    assert SituationReport.objects.exists() == (file == 200)


def test_the_network_cannot_file_for_a_member(org_a, national, login):
    url = f"/reseau/organisations/{org_a.slug}/etat-de-situation/remplir/"
    response = login(national).post(
        url, {"structure": "x", "coordination": "none", "funding": "y", "issues": "z"}
    )
    assert response.status_code == 403
    assert SituationReport.objects.count() == 0


def test_two_etats_are_compared_field_by_field(org_a, cast, login):
    before = _report(org_a, (2025, 2))
    after = _report(org_a, (2026, 1), coordination="starting", issues="Transport collectif")
    response = login(cast["reader_a"]).get(
        f"/reseau/organisations/{org_a.slug}/etat-de-situation/comparer/"
    )
    assert response.status_code == 200
    assert (response.context["before"], response.context["after"]) == (before, after)
    changed = {c.label: (c.before, c.after) for c in response.context["changes"] if c.changed}
    assert changed == {
        "Coordination régionale": ("En place", "En démarrage"),
        "Principaux enjeux": ("Transport collectif ; logement", "Transport collectif"),
    }


def test_an_etat_of_another_organization_cannot_be_compared(org_a, org_b, cast, login):
    mine = _report(org_a, (2026, 1))
    theirs = _report(org_b, (2025, 2))
    url = f"/reseau/organisations/{org_a.slug}/etat-de-situation/comparer/?avant={theirs.pk}&apres={mine.pk}"
    assert login(cast["reader_a"]).get(url).status_code == 404


def test_the_regions_page_counts_the_regions_up_to_date(client, network, org_a):
    today = timezone.localdate()
    laval = OrganizationFactory(parent=network, region=region("13"))
    late = OrganizationFactory(parent=network, region=region("09"))
    _report(org_a, half_of(today))
    _report(laval, previous_half(half_of(today)))
    _report(late, previous_half(previous_half(half_of(today))))
    response = client.get("/reseau/regions/")
    assert response.context["up_to_date"] == 2
    assert "2 régions sur 17" in response.content.decode()


@pytest.mark.parametrize("size", [5, 50])
def test_the_etat_pages_run_a_fixed_number_of_queries(
    org_a, cast, login, django_assert_num_queries, size
):
    today = timezone.localdate()
    half = half_of(today)
    for _ in range(size):
        _report(org_a, half)
        half = previous_half(half)
    client = login(cast["editor_a"])
    base = f"/reseau/organisations/{org_a.slug}/etat-de-situation/"
    client.get(base)
    with django_assert_num_queries(5):
        client.get(base)
    with django_assert_num_queries(6):  # and the two états compared
        client.get(base + "comparer/")
    with django_assert_num_queries(5):
        client.get(base + "remplir/")

"""Every address of Jalon refuses a POST without a CSRF token, generated from the URL
configuration: a view added tomorrow is covered without anyone writing a test for it.

The refusal is the CSRF middleware's, before any view runs, so the sweep posts anonymously with
made-up ids: a 403 with the "Formulaire expiré" page can only come from the missing token (an
anonymous request that got past it would be sent to the login page instead).
"""

from __future__ import annotations

import json
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from jalon.tracking.models import StatusUpdate
from tests.factories import UserFactory
from tests.tracking.conftest import make_actions, make_plan
from tests.urlsweep import routes

pytestmark = pytest.mark.django_db

SAMPLES = {
    "int": "1",
    "str": "x",
    "slug": "x",
    "path": "x/y",
    "uuid": "0" * 8 + "-0000-0000-0000-" + "0" * 12,
}
# Views that may be posted to without a token, each with the reason. None today.
EXEMPT: dict[str, str] = {}


def addresses() -> list[tuple[str, str]]:
    """(a concrete path, the view's name) for every address of the URL configuration."""
    found = []
    for route in routes():
        first = next(route.variants())
        values = {k: first.get(k) or SAMPLES[c] for k, c in route.converters.items()}
        found.append((route.fill(values), route.name))
    return found


ADDRESSES = addresses()


def test_the_sweep_covers_every_app():
    names = {name for _path, name in ADDRESSES}
    for expected in [
        "tracking:round_save",
        "tracking:round_bulk",
        "plans:export-json",
        "accounts:login",
        "imports:upload",
        "reports:generate",
        "admin:login",
        "plans:builder_edit",
        "admin:app_list",
    ]:
        assert expected in names, expected
    assert len(ADDRESSES) > 80


@pytest.mark.parametrize(("path", "name"), ADDRESSES, ids=[name for _p, name in ADDRESSES])
def test_a_post_without_a_csrf_token_is_refused(path, name):
    if name in EXEMPT:
        pytest.skip(EXEMPT[name])
    response = Client(enforce_csrf_checks=True).post(path, {"title": "x"})
    if response["Content-Type"].startswith("application/problem+json"):
        # An API address answers for itself (problem documents), and asks a CSRF token only of
        # a signed-in browser session: a token sent in a header cannot be forged by another site.
        client = Client(enforce_csrf_checks=True)
        client.force_login(UserFactory(), backend="django.contrib.auth.backends.ModelBackend")
        response = client.post(path, {"title": "x"})
        if response.status_code in {404, 405}:
            return  # nothing to write there (a read-only or unknown address)
        assert response.status_code == 403, f"{path} answered {response.status_code}"
        assert "CSRF" in response.content.decode(), path
        return
    assert response.status_code == 403, f"{path} answered {response.status_code}"
    assert "<h1>Formulaire expiré</h1>" in response.content.decode()


def test_the_round_save_needs_the_token_the_page_carries(cast, org_a):
    today = timezone.localdate()
    plan = make_plan(org_a, today)
    (carried,) = make_actions(plan, 1)
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast["contributor_a"], backend="django.contrib.auth.backends.ModelBackend")
    url = reverse("tracking:round_save", args=[plan.pk, carried.pk])
    data = {
        f"a{carried.pk}-status": "completed",
        f"a{carried.pk}-date": today.isoformat(),
        f"a{carried.pk}-version": carried.version,
    }
    refused = client.post(url, data, HTTP_HX_REQUEST="true")
    assert refused.status_code == 403
    assert not StatusUpdate.objects.exists()

    page = client.get(reverse("tracking:round", args=[plan.pk])).content.decode()
    headers = json.loads(re.search(r"<body hx-headers='([^']+)'", page).group(1))
    saved = client.post(url, data, HTTP_HX_REQUEST="true", HTTP_X_CSRFTOKEN=headers["X-CSRFToken"])
    assert saved.status_code == 200
    assert StatusUpdate.objects.get().status == "completed"

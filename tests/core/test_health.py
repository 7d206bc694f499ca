import re

import pytest
from django.db import DatabaseError


@pytest.mark.django_db
def test_healthz_answers_200_when_database_is_reachable(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response.json()["database"] == "ok"


@pytest.mark.django_db
def test_healthz_answers_503_when_database_fails(client, monkeypatch):
    from django.db.backends.utils import CursorWrapper

    def broken(self, sql, params=None):
        raise DatabaseError("down")

    monkeypatch.setattr(CursorWrapper, "execute", broken)
    response = client.get("/healthz")
    assert response.status_code == 503


@pytest.mark.django_db
def test_every_response_carries_server_timing_with_query_count(client):
    response = client.get("/healthz")
    header = response["Server-Timing"]
    match = re.fullmatch(r'total;dur=(\d+\.\d), db;dur=(\d+\.\d), queries;desc="(\d+)"', header)
    assert match, header
    assert int(match.group(3)) >= 1


@pytest.mark.django_db
def test_server_timing_can_be_turned_off(client, settings):
    settings.SERVER_TIMING = False
    response = client.get("/healthz")
    assert "Server-Timing" not in response

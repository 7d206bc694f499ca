"""The OpenAPI document stays honest: valid, complete about every field, and reviewed when it changes."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import yaml
from django.core.management import call_command
from openapi_spec_validator import validate

import jalon.api
from jalon.api import serializers

pytestmark = pytest.mark.django_db

SNAPSHOT = Path(jalon.api.__file__).parent / "schema.yaml"
REGENERATE = "jalon manage spectacular --file src/jalon/api/schema.yaml"

# The serializer that shows each exposed model.
EXPOSED = {
    serializers.Organization: serializers.OrganizationSerializer,
    serializers.Region: serializers.RegionSerializer,
    serializers.Theme: serializers.ThemeSerializer,
    serializers.Plan: serializers.PlanSerializer,
    serializers.Orientation: serializers.OrientationSerializer,
    serializers.Objective: serializers.ObjectiveSerializer,
    serializers.Action: serializers.ActionSerializer,
    serializers.Indicator: serializers.IndicatorSerializer,
    serializers.IndicatorValue: serializers.IndicatorValueSerializer,
    serializers.StatusUpdate: serializers.StatusUpdateSerializer,
    serializers.Activity: serializers.ActivitySerializer,
    serializers.Contact: serializers.ContactSerializer,
}


def schema_text() -> str:
    out = io.StringIO()
    call_command("spectacular", stdout=out)
    return out.getvalue()


def test_the_schema_is_valid_openapi_3_1():
    document = yaml.safe_load(schema_text())
    assert document["openapi"] == "3.1.0"
    validate(document)  # raises on any error
    assert "/api/v1/plans/{id}/" in document["paths"]
    assert document["components"]["securitySchemes"]["personalToken"]["scheme"] == "bearer"


def test_the_schema_snapshot_is_up_to_date():
    assert schema_text() == SNAPSHOT.read_text(), (
        f"The API changed: regenerate the snapshot with `{REGENERATE}` and review its diff."
    )


def test_every_field_of_an_exposed_model_is_shown_or_hidden_with_a_reason():
    assert set(EXPOSED) == set(serializers.HIDDEN_FIELDS)
    for model, serializer in EXPOSED.items():
        shown = set(serializer.Meta.fields)
        hidden = serializers.HIDDEN_FIELDS[model]
        own = {
            f.name
            for f in model._meta.get_fields()
            if f.concrete or (f.many_to_many and not f.auto_created)
        }
        forgotten = own - shown - set(hidden)
        assert not forgotten, (
            f"{model.__name__}: {sorted(forgotten)} neither in {serializer.__name__}.Meta.fields "
            "nor in serializers.HIDDEN_FIELDS (with the reason it stays in)"
        )
        assert not shown & set(hidden), f"{model.__name__}: hidden and shown"
        assert all(reason.strip() for reason in hidden.values())


def test_a_new_model_field_fails_the_completeness_check(monkeypatch):
    """The check above can fail: a field nobody decided on is caught."""
    monkeypatch.setitem(serializers.HIDDEN_FIELDS, serializers.Plan, {})
    with pytest.raises(AssertionError, match="import_report"):
        test_every_field_of_an_exposed_model_is_shown_or_hidden_with_a_reason()

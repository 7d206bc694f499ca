"""Bad documents are refused with a message naming the place, and nothing is created."""

from __future__ import annotations

import json

import pytest
from django.core.management import CommandError, call_command

from jalon.network.models import Organization
from jalon.plans.interchange import InterchangeError, dumps, loads
from jalon.plans.models import Action, ActionActor, Indicator, Objective, Orientation, Plan
from jalon.plans.services import create_plan_from_draft

from .conftest import sized_draft


def counts() -> dict[str, int]:
    return {
        "organizations": Organization.objects.count(),
        "plans": Plan.objects.count(),
        "orientations": Orientation.objects.count(),
        "objectives": Objective.objects.count(),
        "actions": Action.objects.count(),
        "actors": ActionActor.objects.count(),
        "indicators": Indicator.objects.count(),
        "history": Plan.history.count() + Action.history.count(),
    }


def document_missing_a_title() -> str:
    """Three orientations; the sixth action of the first objective of the third has no title."""
    data = json.loads(dumps(sized_draft(24)))
    data["orientations"].append(json.loads(json.dumps(data["orientations"][0])))
    del data["orientations"][2]["objectives"][0]["actions"][5]["title"]
    return json.dumps(data, ensure_ascii=False)


def test_missing_title_is_named_by_its_place():
    with pytest.raises(InterchangeError) as error:
        loads(document_missing_a_title())

    assert error.value.path == "orientations[2].objectives[0].actions[5].title"
    assert str(error.value) == (
        "orientations[2].objectives[0].actions[5].title : est obligatoire et manque"
    )


def test_malformed_json_names_line_and_column():
    with pytest.raises(InterchangeError) as error:
        loads('{"title": "Plan",\n "orientations": [}')

    assert error.value.path == "ligne 2, colonne 19"
    assert "JSON mal formé" in error.value.message


def test_unknown_format_version_is_refused():
    with pytest.raises(InterchangeError) as error:
        loads('{"format": "jalon-plan/2", "orientations": []}')

    assert error.value.path == "format"
    assert error.value.message == "version « jalon-plan/2 » inconnue : Jalon lit « jalon-plan/1 »"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "where"),
    [
        ('{"title": "Plan", "orientations": [', "ligne 1"),
        (
            '{"format": "jalon-plan/9", "organization": "Consortium A", "orientations": []}',
            "format",
        ),
        (document_missing_a_title(), "orientations[2].objectives[0].actions[5].title"),
    ],
    ids=["malformed", "unknown-version", "missing-title"],
)
def test_import_command_refuses_bad_documents_and_creates_nothing(tmp_path, org_a, content, where):
    path = tmp_path / "plan.json"
    path.write_text(content, "utf-8")
    before = counts()

    with pytest.raises(CommandError) as error:
        call_command("import", str(path))

    assert where in str(error.value)
    assert counts() == before


@pytest.mark.django_db
def test_a_value_too_long_for_the_database_is_named_and_nothing_is_created(org_a):
    draft = sized_draft(12)
    draft.orientations[1].objectives[1].actions[2].actors.append("x" * 300)
    before = counts()

    with pytest.raises(InterchangeError) as error:
        create_plan_from_draft(draft=draft, organization=org_a)

    assert error.value.path == "orientations[1].objectives[1].actions[2].actors[3]"
    assert error.value.message == "dépasse 255 caractères (300)"
    assert counts() == before


@pytest.mark.django_db
def test_a_failure_on_the_last_level_leaves_nothing_behind(org_a):
    """The tree is written level by level: a failure writing indicators rolls back the rest."""
    draft = sized_draft(8)
    # A target that cannot be stored as JSON, as a faulty importer could hand over.
    draft.orientations[1].objectives[1].actions[-1].indicators[0].target = {"years": {1, 2}}
    before = counts()

    with pytest.raises(TypeError):
        create_plan_from_draft(draft=draft, organization=org_a)

    assert counts() == before

"""`jalon import` and `jalon export` on the command line."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from jalon.network.enums import OrganizationKind
from jalon.network.models import Organization
from jalon.plans.interchange import dumps, loads
from jalon.plans.models import Plan
from jalon.plans.queries import plan_as_draft
from jalon.plans.services import create_plan_from_draft

from .conftest import ROOT, plan_files, sized_draft

pytestmark = pytest.mark.django_db


def run(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def plan_file(tmp_path):
    path = tmp_path / "plan.json"
    path.write_text(dumps(sized_draft(6, organization="Consortium A (CA-A)")), "utf-8")
    return path


def test_import_with_org_creates_a_draft_and_prints_its_path_last(plan_file, org_a):
    out, _ = run("import", str(plan_file), "--org", "ca-a")

    plan = Plan.objects.get()
    assert out.splitlines()[-1] == f"/plans/{plan.pk}/"
    assert (plan.organization, plan.state, plan.actions.count()) == (org_a, "draft", 6)


def test_import_finds_the_organization_by_the_acronym_the_document_names(plan_file, org_a):
    run("import", str(plan_file))

    assert Plan.objects.get().organization == org_a


def test_import_creates_the_organization_the_document_names_when_unknown(tmp_path, db):
    path = tmp_path / "plan.json"
    path.write_text(dumps(sized_draft(2, organization="Table des partenaires du Nord (TPN)")))

    out, _ = run("import", str(path))

    organization = Organization.objects.get(acronym="TPN")
    assert (organization.name, organization.kind) == (
        "Table des partenaires du Nord",
        OrganizationKind.REGIONAL,
    )
    assert "Organisation créée : Table des partenaires du Nord (TPN)" in out
    assert Plan.objects.get().organization == organization


def test_import_with_an_unknown_org_fails_and_creates_nothing(plan_file, org_a):
    with pytest.raises(CommandError) as error:
        run("import", str(plan_file), "--org", "XYZ")

    assert str(error.value) == "Aucune organisation n'a le sigle « XYZ »."
    assert Plan.objects.count() == 0


def test_import_of_a_missing_file_fails(tmp_path, db):
    with pytest.raises(CommandError) as error:
        run("import", str(tmp_path / "absent.json"))

    assert str(error.value) == f"Fichier introuvable : {tmp_path / 'absent.json'}"


def test_import_of_a_corrupt_document_says_so_and_creates_nothing(tmp_path, db):
    path = tmp_path / "plan.docx"
    path.write_bytes(b"PK\x03\x04")

    with pytest.raises(CommandError) as error:
        run("import", str(path))

    assert str(error.value).startswith("plan.docx : ")
    assert "DOCX" in str(error.value)
    assert Plan.objects.count() == 0


def test_dry_run_prints_a_summary_and_writes_nothing(plan_file, org_a):
    out, _ = run("import", str(plan_file), "--dry-run")

    assert out.strip() == (
        "Plan d'action de 6 actions — Consortium A (CA-A) : 2 orientations, 4 objectifs, "
        "6 actions, 12 indicateurs"
    )
    assert Plan.objects.count() == 0


@pytest.mark.parametrize("path", plan_files(), ids=lambda p: p.name)
def test_each_plan_file_imports_through_the_command(path, db):
    out, _ = run("import", str(path))

    plan = Plan.objects.get()
    assert out.splitlines()[-1] == plan.get_absolute_url()
    assert len(plan_as_draft(plan).iter_actions()) == len(loads(path.read_text()).iter_actions())


def test_export_writes_jalon_plan_json_to_stdout(org_a):
    plan = create_plan_from_draft(draft=sized_draft(3), organization=org_a)

    out, _ = run("export", str(plan.pk), "--format", "json")

    assert json.loads(out)["format"] == "jalon-plan/1"
    assert out == dumps(plan_as_draft(plan)) + "\n"


def test_export_writes_a_file_that_imports_back_identically(org_a, tmp_path):
    plan = create_plan_from_draft(draft=sized_draft(3), organization=org_a)
    first, second = tmp_path / "un.json", tmp_path / "deux.json"

    run("export", str(plan.pk), "-o", str(first))
    out, _ = run("import", str(first), "--org", "CA-A")
    again = Plan.objects.get(pk=int(out.splitlines()[-1].strip("/").split("/")[-1]))
    run("export", str(again.pk), "-o", str(second))

    assert first.read_text("utf-8") == second.read_text("utf-8")


def test_export_refuses_an_unknown_format(org_a):
    plan = create_plan_from_draft(draft=sized_draft(1), organization=org_a)

    with pytest.raises(CommandError) as error:
        run("export", str(plan.pk), "--format", "odt")

    assert (
        str(error.value)
        == "Format inconnu : « odt ». Formats possibles : csv, docx, json, pdf, xlsx."
    )


def test_export_of_an_unknown_plan_fails(db):
    with pytest.raises(CommandError) as error:
        run("export", "999", "--format", "json")

    assert str(error.value) == "Aucun plan n'a le numéro 999."


def _jalon(*args: str, cwd: Path, env_extra: dict[str, str]) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), **env_extra}
    return subprocess.run(
        [sys.executable, "-m", "jalon", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=120,
    )


def test_dry_run_json_prints_the_draft_on_stdout_without_a_database(tmp_path, plan_file):
    # A database file that does not exist: the dry run must not need it.
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'absent' / 'nothing.sqlite3'}"}

    result = _jalon("import", str(plan_file), "--dry-run", "--json", cwd=tmp_path, env_extra=env)

    assert result.returncode == 0, result.stderr
    assert loads(result.stdout, require_format=True) == loads(plan_file.read_text("utf-8"))
    assert not (tmp_path / "absent").exists()


def test_bad_document_on_the_command_line_exits_1_with_the_place_on_stderr(tmp_path):
    path = tmp_path / "plan.json"
    data = json.loads(dumps(sized_draft(4)))
    data["orientations"][1]["objectives"][0]["actions"][0]["title"] = ""
    path.write_text(json.dumps(data))
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'absent' / 'nothing.sqlite3'}"}

    result = _jalon("import", str(path), "--dry-run", "--json", cwd=tmp_path, env_extra=env)

    assert result.returncode == 1
    assert result.stdout == ""
    assert "orientations[1].objectives[0].actions[0].title : ne peut pas être vide" in result.stderr

"""A hand-checked `jalon-plan/1` file of a plan with every field set, read and written literally.

The round-trip tests compare the format with itself, so a field both sides drop goes unseen;
this file was written by hand, field by field, from docs/plan-format.md. Reading it must give
these very values, saving it must store them, and exporting the saved plan must give the file
back byte for byte. When the format gains a field, add it here by hand, never by copying an
export.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from django.urls import reverse

from jalon.plans.enums import Numbering, PlanKind
from jalon.plans.interchange import dumps, loads
from jalon.plans.models import Plan
from jalon.plans.services import create_plan_from_draft
from tests.factories import ThemeFactory

GOLDEN = Path(__file__).resolve().parents[1] / "fixtures" / "golden"
EVERY_FIELD = (GOLDEN / "plan-every-field.jalon-plan.json").read_text(encoding="utf-8")
EIGHT_MEETINGS = {
    "confidence": 1.0,
    "direction": None,
    "every": None,
    "form": "count",
    "period": "year",
    "span": None,
    "unit": "rencontres",
    "value": 8,
}


def test_reading_the_golden_file_gives_every_field_as_written():
    draft = loads(EVERY_FIELD)
    assert draft.source == "plan-d-action-2024-2027.docx"
    assert draft.organization == "Table régionale en développement social (TRDS)"
    assert draft.title == "Plan d'action 2024-2027"
    assert (draft.period_start, draft.period_end) == (dt.date(2024, 4, 1), dt.date(2027, 3, 31))
    assert draft.fiscal_year_start_month == 4
    assert draft.updated_on == dt.date(2025, 1, 15)
    assert draft.mission == "Rassembler les acteurs du développement social de la région"
    assert draft.vision == "Une région où chacun trouve sa place"
    assert draft.global_objective == "Réduire les inégalités sociales dans la région"
    assert draft.values == ["Solidarité", "Équité"]
    assert draft.mandates == [
        "Concerter les partenaires régionaux",
        "Représenter les membres auprès des instances",
    ]
    assert draft.notes == ["* Les cibles sont révisées chaque année."]
    assert draft.glossary == {"CA": "Conseil d'administration", "DS": "Développement social"}
    assert draft.extra == {"kind": "strategic", "numbering": "principal_secondary"}
    (orientation,) = draft.orientations
    assert (orientation.code, orientation.title) == ("1", "Soutenir les démarches locales")
    principal, secondary = orientation.objectives
    assert (principal.code, principal.kind, principal.title) == (
        "P1",
        "principal",
        "Accompagner les comités locaux",
    )
    assert (secondary.code, secondary.kind) == ("S1", "secondary")
    (action,) = principal.actions
    assert action.code == "1"
    assert action.title == "Organiser la tournée « Agir ensemble » des comités"
    assert action.actors == ["Coordination", "Centraide"]
    assert action.expected_results == [
        "An 1 : Chaque comité est rencontré",
        "Les comités connaissent les outils offerts",
    ]
    assert [(i.kind, i.text, i.target, i.extra) for i in action.indicators] == [
        ("MO", "8 rencontres annuelles", EIGHT_MEETINGS, {"target_is_manual": True}),
        ("R", "Les comités se disent mieux outillés", None, {"target_is_manual": True}),
    ]
    assert action.schedule_years == [1, 2]
    assert (action.timing, action.status, action.progress_note) == (
        "Automne 2024",
        "in_progress",
        "3 comités rencontrés",
    )
    assert action.extra == {"themes": ["Logement"]}
    (bare,) = secondary.actions
    assert (bare.actors, bare.expected_results, bare.indicators, bare.schedule_years) == (
        [],
        [],
        [],
        None,
    )
    assert draft.import_report.format_detected == "docx-table"
    assert draft.import_report.warnings == ["L'action 2 n'a pas d'indicateur"]
    assert draft.import_report.unplaced == ["Page 3 de 3"]


def test_writing_the_read_file_gives_it_back_byte_for_byte():
    assert dumps(loads(EVERY_FIELD)) + "\n" == EVERY_FIELD


@pytest.mark.django_db
def test_a_saved_golden_plan_stores_every_field_and_exports_the_file(login, cast, org_a):
    ThemeFactory(name="Logement")
    plan = create_plan_from_draft(draft=loads(EVERY_FIELD), organization=org_a)
    plan = Plan.objects.get(pk=plan.pk)
    assert plan.organization_name == "Table régionale en développement social (TRDS)"
    assert plan.mandates == [
        "Concerter les partenaires régionaux",
        "Représenter les membres auprès des instances",
    ]
    assert plan.values == ["Solidarité", "Équité"]
    assert plan.notes == ["* Les cibles sont révisées chaque année."]
    assert (plan.kind, plan.numbering) == (PlanKind.STRATEGIC, Numbering.PRINCIPAL_SECONDARY)
    assert plan.fiscal_year_start_month == 4
    assert plan.document_updated_on == dt.date(2025, 1, 15)
    action = plan.actions.get(code="1")
    assert [r.text for r in action.expected_results.order_by("order")] == [
        "An 1 : Chaque comité est rencontré",
        "Les comités connaissent les outils offerts",
    ]
    assert [t.name for t in action.themes.all()] == ["Logement"]
    assert action.indicators.get(kind="MO").target == EIGHT_MEETINGS

    response = login(cast["reader_a"]).get(reverse("plans:export-json", args=[plan.pk]))
    assert response.status_code == 200
    exported = response.content.decode("utf-8")
    assert json.loads(exported) == json.loads(EVERY_FIELD)
    assert exported + "\n" == EVERY_FIELD

"""The plan documents Jalon writes import back as the same plan.

An in-repo plan with every field set (statements, values, mandates, notes, glossary, the tree
with actors, years, timing, results and indicators) becomes a plan, is written as DOCX, XLSX
and PDF by the reports renderers, and each file goes through the importer (what
`jalon import --dry-run --json` runs); every field must come back as it was. Nothing is read
from outside the repository.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from jalon.plans.interchange import (
    ActionDraft,
    IndicatorDraft,
    ObjectiveDraft,
    OrientationDraft,
    PlanDraft,
    draft_to_dict,
)
from jalon.plans.services import create_plan_from_draft
from jalon.reports.registry import export_plan

FULL_PLAN = PlanDraft(
    organization="Consortium A",
    title="Plan d'action 2017-2020",
    period_start=dt.date(2017, 7, 1),
    period_end=dt.date(2020, 6, 30),
    mission="Rassembler les acteurs du développement social de la région",
    vision="Une région où chaque communauté agit sur ses conditions de vie",
    global_objective="Consolider la concertation régionale en développement social",
    values=["Solidarité", "Respect de l'autonomie des milieux", "Équité"],
    mandates=[
        "Soutenir les démarches territoriales",
        "Représenter les membres auprès des instances régionales",
    ],
    notes=["An 1 = 2017/07/01 au 2018/06/30"],
    glossary={"DS": "Développement social", "MRC": "Municipalité régionale de comté"},
    orientations=[
        OrientationDraft(
            code="1",
            title="Soutenir les démarches territoriales",
            objectives=[
                ObjectiveDraft(
                    code="P1",
                    kind="principal",
                    title="Offrir un accompagnement aux démarches locales",
                    actions=[
                        ActionDraft(
                            code="1",
                            title="Rencontrer chaque comité local deux fois par année",
                            actors=["Coordination", "Agent de liaison"],
                            expected_results=["Les comités connaissent l'offre du réseau"],
                            indicators=[IndicatorDraft(text="8 rencontres annuelles", kind="MO")],
                            schedule_years=[1, 2, 3],
                            timing="Automne",
                        ),
                        ActionDraft(
                            code="2",
                            title="Publier une infolettre trimestrielle",
                            actors=["Communications"],
                            expected_results=["Les membres sont informés"],
                            indicators=[
                                IndicatorDraft(
                                    text="Taux de 75 % de satisfaction des lecteurs", kind="R"
                                )
                            ],
                            schedule_years=[2, 3],
                        ),
                    ],
                )
            ],
        ),
        OrientationDraft(
            code="2",
            title="Représenter les membres",
            objectives=[
                ObjectiveDraft(
                    code="S2",
                    kind="secondary",
                    title="Faire reconnaître l'apport du développement social",
                    actions=[
                        ActionDraft(
                            code="3",
                            title="Déposer un mémoire en commission parlementaire",
                            actors=["Direction"],
                            expected_results=["Le mémoire est déposé"],
                            indicators=[IndicatorDraft(text="Mémoire déposé", kind="MO")],
                            schedule_years=[1],
                            timing="Hiver 2018",
                        )
                    ],
                )
            ],
        ),
    ],
)


def _imported(plan, fmt: str, tmp_path: Path) -> dict:
    rendered = export_plan(plan, fmt)
    document = tmp_path / rendered.filename
    document.write_bytes(rendered.content)
    out = io.StringIO()
    call_command("import", str(document), "--dry-run", "--json", stdout=out)
    return json.loads(out.getvalue())


@pytest.mark.parametrize("fmt", ["docx", "xlsx", "pdf"])
def test_every_plan_field_survives_export_then_import(org_a, fmt, tmp_path):
    plan = create_plan_from_draft(draft=FULL_PLAN, organization=org_a)
    back = _imported(plan, fmt, tmp_path)
    expected = draft_to_dict(FULL_PLAN)
    assert back["title"] == expected["title"]
    for key in ("mission", "vision", "global_objective"):
        assert " ".join(str(back.get(key) or "").split()) == expected[key], key
    assert back.get("values") == expected["values"]
    assert back.get("mandates") == expected["mandates"]
    assert back.get("notes") == expected["notes"]
    assert back.get("glossary") == expected["glossary"]
    orientations = back["orientations"]
    assert [o["title"] for o in orientations] == [o["title"] for o in expected["orientations"]]
    actions = [a for o in orientations for ob in o["objectives"] for a in ob["actions"]]
    wanted = [a for o in expected["orientations"] for ob in o["objectives"] for a in ob["actions"]]
    assert [a["title"] for a in actions] == [a["title"] for a in wanted]
    assert [a.get("actors") for a in actions] == [a["actors"] for a in wanted]
    assert [a.get("schedule_years") for a in actions] == [a["schedule_years"] for a in wanted]
    assert [[i["text"] for i in a.get("indicators", [])] for a in actions] == [
        [i["text"] for i in a["indicators"]] for a in wanted
    ]

"""Properties of the text importer on plans written any which way: beyond "does not crash",
no line is lost (each word read lands in an item, the plan's fields, its notes or the unplaced
lines), and each numbered action line becomes one action."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jalon.importers import import_document
from jalon.plans.interchange import draft_to_dict

from .test_unseen import _strings, _words

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
WORDS = st.sampled_from(
    [
        "organiser",
        "rencontre",
        "régionale",
        "membres",
        "diffuser",
        "outils",
        "pratiques",
        "concertation",
        "partenaires",
        "logement",
        "sécurité",
        "alimentaire",
        "bilan",
        "tournée",
    ]
)
PHRASES = st.lists(WORDS, min_size=2, max_size=7).map(" ".join)


@st.composite
def plans(draw):
    lines = ["Plan d'action 2024-2027", ""]
    actions = 0
    for o in range(1, draw(st.integers(1, 3)) + 1):
        lines.append(f"Orientation {o} : {draw(PHRASES)}")
        for b in range(1, draw(st.integers(1, 2)) + 1):
            lines.append(f"Objectif {o}.{b} : {draw(PHRASES)}")
            for a in range(1, draw(st.integers(1, 3)) + 1):
                lines.append(f"{o}.{b}.{a} {draw(PHRASES).capitalize()}")
                actions += 1
        lines.append("")
    if draw(st.booleans()):
        lines.append(f"Note : {draw(PHRASES)}")
    return "\n".join(lines), actions


@SETTINGS
@given(plans())
def test_a_text_plan_loses_no_line_and_keeps_every_action(plan) -> None:
    text, actions = plan
    draft = import_document(text.encode("utf-8"), "plan.txt")
    kept: list[str] = []
    _strings(draft_to_dict(draft), kept)
    found = _words(" ".join(kept))
    lost = [line for line in text.splitlines() if _words(line) - found]
    assert lost == []
    assert len(draft.iter_actions()) == actions

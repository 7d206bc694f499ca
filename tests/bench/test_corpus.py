"""The generated corpus: plans are reproducible, well formed, and their truth is what the
rendered document actually shows (no OCR here, no shared folder)."""

from __future__ import annotations

import random
import re
from pathlib import Path

from bench.corpus import build_document, generate_plan
from bench.corpus.extract import docx_copy_text, pdfium_text
from bench.corpus.registry import BY_NAME, HELD_OUT, LAYOUTS, TUNING

from jalon.plans.interchange import draft_from_dict, draft_to_dict


def _flat(text: str) -> str:
    # Words cut at a line end ("concer-" / "tation") are joined back, and hyphens dropped on
    # both sides, so that a hyphenated layout still shows the truth's words.
    text = re.sub(r"\s+", " ", text.replace("\u2019", "'"))
    return re.sub(r"-\s*", "", text).strip().casefold()


def test_generate_plan_same_seed_same_plan() -> None:
    first = draft_to_dict(generate_plan(random.Random(11)).draft)
    again = draft_to_dict(generate_plan(random.Random(11)).draft)
    other = draft_to_dict(generate_plan(random.Random(12)).draft)

    assert first == again
    assert first != other


def test_generate_plan_is_a_valid_plan_with_the_anatomy_of_one() -> None:
    for seed in range(20):
        plan = generate_plan(random.Random(seed))
        data = draft_to_dict(plan.draft)

        assert draft_to_dict(draft_from_dict(data)) == data
        assert 2 <= len(plan.draft.orientations) <= 6
        actions = plan.draft.iter_actions()
        assert actions
        assert all(a.actors and a.expected_results and a.indicators for a in actions)
        titles = [a.title for a in actions]
        assert len(set(titles)) == len(titles)


def test_generate_plan_of_indicators_has_objectives_with_indicators_and_no_action() -> None:
    plan = generate_plan(random.Random(3), kind="indicators")

    objectives = [ob for o in plan.draft.orientations for ob in o.objectives]
    assert objectives
    assert all(ob.indicators and not ob.actions for ob in objectives)


def test_every_family_has_tuning_and_held_out_layouts() -> None:
    families = {la.family for la in LAYOUTS}
    for family in families:
        splits = {la.split for la in LAYOUTS if la.family == family}
        assert splits == {TUNING, HELD_OUT}, family


def test_designed_pdf_shows_every_item_of_its_truth(tmp_path: Path) -> None:
    doc = build_document(BY_NAME["designed"], 0, seed=5, cache=tmp_path)
    text = _flat(pdfium_text(doc.files["pdf"].read_bytes()))

    orientations = doc.truth["orientations"]
    assert orientations
    for o in orientations:
        assert _flat(o["title"]) in text
        for ob in o["objectives"]:
            assert _flat(ob["title"]) in text
            for a in ob["actions"]:
                assert _flat(a["title"]) in text
                for result in a["expected_results"]:
                    assert _flat(result) in text
            for ind in ob.get("indicators", []):
                assert _flat(ind["text"]) in text
    # the timing is not printed by this layout, so the truth has none
    assert all(
        a["timing"] is None for o in orientations for ob in o["objectives"] for a in ob["actions"]
    )


def test_docx_merged_shows_every_action_of_its_truth_once(tmp_path: Path) -> None:
    doc = build_document(BY_NAME["docx_merged"], 1, seed=5, cache=tmp_path, exports=False)
    text = _flat(docx_copy_text(doc.files["docx"].read_bytes()))

    actions = [
        a for o in doc.truth["orientations"] for ob in o["objectives"] for a in ob["actions"]
    ]
    objectives = [ob for o in doc.truth["orientations"] for ob in o["objectives"]]
    for a in actions:
        assert text.count(_flat(a["title"])) == 1
        for actor in a["actors"]:
            assert _flat(actor) in text
    # an objective cell merged over its actions is written once
    for ob in objectives:
        assert text.count(_flat(ob["title"])) == 1


def test_build_document_reads_back_what_it_rendered(tmp_path: Path) -> None:
    first = build_document(BY_NAME["docx_merged"], 0, seed=2, cache=tmp_path, exports=False)
    again = build_document(BY_NAME["docx_merged"], 0, seed=2, cache=tmp_path, exports=False)

    assert again.truth == first.truth
    assert again.files == first.files

"""Build (or load from the cache) one generated document: a plan rendered in a layout.

The cache lives in `var/corpus/` (gitignored), under a key made of the corpus code's own hash,
so changing a generator or a layout renders again while an unchanged one is read back.
"""

from __future__ import annotations

import functools
import hashlib
import json
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jalon.plans.interchange import draft_to_dict

from .plans import CorpusPlan, generate_plan, plan_from_truth
from .registry import Layout

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = Path(__file__).resolve().parent


@functools.cache
def code_key() -> str:
    """The hash of this package's code, read once per run (an edit made while a run goes on
    must not file documents of the old code under the new key)."""
    h = hashlib.sha256()
    for path in sorted(PACKAGE.glob("*.py")):
        h.update(path.read_bytes())
    return h.hexdigest()[:12]


def corpus_dir() -> Path:
    return ROOT / "var" / "corpus"


def prune_stale(cache: Path | None = None) -> None:
    """Remove documents rendered by an older version of the corpus code (OCR text is kept:
    it is keyed by the PDF's own hash and still serves an unchanged PDF)."""
    import shutil

    cache = cache or corpus_dir()
    if not cache.is_dir():
        return
    keep = {code_key(), "ocr"}
    for child in cache.iterdir():
        if child.is_dir() and child.name not in keep:
            shutil.rmtree(child)


@dataclass
class CorpusDocument:
    layout: Layout
    name: str  # "synthetic-03" or "seed:<stem>"
    truth: dict[str, Any]  # jalon-plan/1 of what the document shows
    files: dict[str, Path]  # suffix → file


def _render(
    layout: Layout, plan: CorpusPlan, rng: random.Random, where: Path, *, exports: bool = True
) -> CorpusDocument:
    rendered = layout.build(plan, rng)
    if exports and layout.export_pdf and "docx" in rendered.files:
        from .layouts_tuning import docx_to_pdf

        pdf = docx_to_pdf(rendered.files["docx"])
        if pdf is not None:
            rendered.files["pdf"] = pdf
    truth = json.loads(json.dumps(draft_to_dict(rendered.truth.draft), ensure_ascii=False))
    where.mkdir(parents=True, exist_ok=True)
    files = {}
    for suffix, data in rendered.files.items():
        path = where / f"plan.{suffix}"
        path.write_bytes(data)
        files[suffix] = path
    (where / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), "utf-8")
    return CorpusDocument(layout, plan.name, truth, files)


def _cached(layout: Layout, name: str, where: Path) -> CorpusDocument | None:
    truth_path = where / "truth.json"
    if not truth_path.exists():
        return None
    files = {p.suffix[1:]: p for p in where.glob("plan.*")}
    truth = json.loads(truth_path.read_text("utf-8"))
    return CorpusDocument(layout, name, truth, files)


def synthetic_plan(layout: Layout, index: int, seed: int) -> tuple[CorpusPlan, random.Random]:
    """The plan a layout renders as its `index`-th document: the same for the same seed."""
    rng = random.Random(f"{seed}:{layout.name}:{index}")
    kind = "indicators" if "indicators" in layout.kinds and rng.random() < 0.25 else "actions"
    if "actions" not in layout.kinds:
        kind = "indicators"
    plan = generate_plan(
        rng,
        kind=kind,
        name=f"synthetic-{index:02d}",
        orientations=layout.orientations,
        max_actions=layout.max_actions,
    )
    return plan, rng


def build_document(
    layout: Layout, index: int, *, seed: int = 1, cache: Path | None = None, exports: bool = True
) -> CorpusDocument:
    """The `index`-th plan of the layout rendered (read back from the cache when there);
    `exports=False` skips the slow LibreOffice export of a DOCX to PDF."""
    cache = cache or corpus_dir()
    # held-out documents live apart, so a tuner browsing var/corpus/ meets only tuning ones
    where = cache / code_key() / layout.split / f"s{seed}" / layout.name / f"{index:02d}"
    name = f"synthetic-{index:02d}"
    found = _cached(layout, name, where)
    if found is not None:
        return found
    plan, rng = synthetic_plan(layout, index, seed)
    return _render(layout, plan, rng, where, exports=exports)


def seed_documents(
    layout: Layout, seeds_dir: Path, *, cache: Path | None = None
) -> list[CorpusDocument]:
    """The seeds' truth files rendered in the layout (read at run time, never committed)."""
    cache = cache or corpus_dir()
    out = []
    for truth_path in sorted(seeds_dir.glob("*.truth.json")):
        stem = truth_path.name.removesuffix(".truth.json")
        where = cache / code_key() / layout.split / "seeds" / layout.name / stem
        name = f"seed:{stem}"
        found = _cached(layout, name, where)
        if found is None:
            rng = random.Random(f"seed:{layout.name}:{stem}")
            plan = plan_from_truth(json.loads(truth_path.read_text("utf-8")), name, rng)
            kind = "actions" if plan.draft.iter_actions() else "indicators"
            too_big = layout.one_page and len(plan.draft.iter_actions()) > layout.max_actions
            if kind not in layout.kinds or too_big:
                continue
            found = _render(layout, plan, rng, where)
        out.append(found)
    return out

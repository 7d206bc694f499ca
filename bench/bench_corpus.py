"""Score Jalon's importer on the generated corpus: layouts × extractions, tuning vs held-out.

    nice -n 15 .venv/bin/python bench/bench_corpus.py                 # default run, < 10 min
    .venv/bin/python bench/bench_corpus.py --split tuning             # what a tuner may look at
    .venv/bin/python bench/bench_corpus.py --plans 4 --ocr-pages 30 --loo --with-seeds
    .venv/bin/python bench/bench_corpus.py --layouts wide_table --no-ocr --verbose

Each generated document's truth is the plan it renders (projected onto what the layout
prints). Every document is extracted every way its format allows (see bench/corpus/extract.py),
imported with `jalon.importers.import_document` and scored with the project's
`score_import.py` from the shared folder next to the repository. OCR is bounded by
`--ocr-pages` (pages in all, half for each split; 0 or --no-ocr: none).

Prints one row per layout × extraction (mean score, min, n), the TUNING mean and the HELD-OUT
mean (each the mean over layouts of the layout's mean, so a layout with more extractions does
not weigh more), and with `--loo` each layout left out in turn against the others. The split
and its rule are in bench/corpus/README.md.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from bench.corpus import (  # noqa: E402
    HELD_OUT,
    TUNING,
    CorpusDocument,
    build_document,
    corpus_dir,
    layouts,
    seed_documents,
)
from bench.corpus.build import prune_stale  # noqa: E402
from bench.corpus.extract import EXTRACTIONS, page_count, text_of  # noqa: E402
from bench.corpus.registry import BY_NAME  # noqa: E402
from bench.corpus.score import find_scorer, find_seeds, load_scorer  # noqa: E402
from jalon.importers import DocumentError, import_document  # noqa: E402
from jalon.plans.interchange import draft_to_dict  # noqa: E402


@dataclass
class Row:
    layout: str
    family: str
    split: str
    extraction: str
    document: str
    score: float
    seconds: float
    counts: dict[str, Any]
    missed: list[str]
    extra: list[str]
    error: str | None = None


def score_one(scorer: Any, doc: CorpusDocument, suffix: str, method: str, ocr_cache: Path) -> Row:
    path = doc.files[suffix]
    text = text_of(method, path, ocr_cache=ocr_cache)
    data, name = (path.read_bytes(), path.name) if text is None else (text.encode(), "plan.txt")
    t0 = time.perf_counter()
    error = None
    try:
        draft = import_document(data, name)
        pred = json.loads(json.dumps(draft_to_dict(draft), ensure_ascii=False))
    except DocumentError as exc:
        error = exc.message_en
        pred = {"orientations": []}
    seconds = time.perf_counter() - t0
    m = scorer.score(pred, doc.truth)
    return Row(
        doc.layout.name,
        doc.layout.family,
        doc.layout.split,
        method,
        doc.name,
        float(m["score"]),
        seconds,
        m["counts"],
        list(m["_missed_actions"]),
        list(m["_extra_actions"]),
        error,
    )


def mean(values: list[float]) -> float:
    return statistics.fmean(values) if values else float("nan")


def layout_means(rows: list[Row]) -> dict[str, float]:
    by: dict[str, list[float]] = {}
    for r in rows:
        by.setdefault(r.layout, []).append(r.score)
    return {k: mean(v) for k, v in by.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--plans", type=int, default=3, help="synthetic plans per layout (3)")
    ap.add_argument("--seed", type=int, default=1, help="corpus seed (1)")
    ap.add_argument("--split", choices=["all", TUNING, HELD_OUT], default="all")
    ap.add_argument("--layouts", nargs="*", help="only these layouts")
    ap.add_argument("--extractions", nargs="*", help="only these extractions (pdf:layout …)")
    ap.add_argument(
        "--ocr-pages", type=int, default=20, help="OCR pages in all, half per split (20)"
    )
    ap.add_argument("--no-ocr", action="store_true")
    ap.add_argument("--with-seeds", action="store_true", help="also render the seeds' truths")
    ap.add_argument("--seeds", help="seeds folder (default ../shared/seeds)")
    ap.add_argument("--scorer", help="path of score_import.py (default ../shared/scripts)")
    ap.add_argument("--loo", action="store_true", help="leave-one-layout-out report")
    ap.add_argument("--verbose", action="store_true", help="missed and extra actions")
    ap.add_argument("--json", help="write every row to this JSON file")
    ap.add_argument("--list", action="store_true", help="list the layouts and their split")
    args = ap.parse_args(argv)
    if args.list:
        for la in layouts():
            print(f"{la.name:<16} {la.family:<9} {la.split:<9} {la.what or '(withheld)'}")
        return 0

    started = time.perf_counter()
    scorer = load_scorer(find_scorer(args.scorer))
    chosen = [BY_NAME[n] for n in args.layouts] if args.layouts else layouts(args.split)
    ocr_cache = corpus_dir() / "ocr"
    prune_stale()

    docs: list[tuple[int, CorpusDocument]] = []
    for layout in chosen:
        for i in range(args.plans):
            docs.append((i, build_document(layout, i, seed=args.seed)))
    seed_docs: list[CorpusDocument] = []
    if args.with_seeds:
        seeds = find_seeds(args.seeds)
        for layout in chosen:
            seed_docs += seed_documents(layout, seeds)
    rendered_at = time.perf_counter()

    # OCR budget: half for the tuning layouts, half for the held-out ones; within each, one
    # document of every layout first (its shortest; the shorter layouts first), then a second…
    budget_total = 0 if args.no_ocr else args.ocr_pages
    ocr_ok: set[int] = set()
    skipped_ocr = 0
    pdfs = [
        (page_count(doc.files["pdf"].read_bytes()), k, doc)
        for k, (_, doc) in enumerate(docs)
        if "pdf" in doc.files
    ]
    rank: dict[int, int] = {}
    for layout in chosen:
        own = sorted((p, k) for p, k, doc in pdfs if doc.layout is layout)
        rank.update({k: r for r, (_, k) in enumerate(own)})
    splits_present = sorted({doc.layout.split for _, _, doc in pdfs})
    for split in splits_present:
        budget = budget_total // len(splits_present)
        mine = [c for c in pdfs if c[2].layout.split == split]
        for pages, _, doc in sorted(mine, key=lambda c: (rank[c[1]], c[0], c[1])):
            if pages <= budget:
                budget -= pages
                ocr_ok.add(id(doc))
            else:
                skipped_ocr += 1

    def wanted(method: str) -> bool:
        return not args.extractions or method in args.extractions

    rows: list[Row] = []
    seed_rows: list[Row] = []
    for target, group in ((rows, [d for _, d in docs]), (seed_rows, seed_docs)):
        for doc in group:
            for suffix in doc.files:
                for method in EXTRACTIONS[suffix]:
                    if not wanted(method):
                        continue
                    if method == "pdf:ocr" and id(doc) not in ocr_ok:
                        continue
                    target.append(score_one(scorer, doc, suffix, method, ocr_cache))
    finished = time.perf_counter()

    print_table(rows, "Generated corpus (synthetic plans)")
    means = layout_means(rows)
    split_of = {la.name: la.split for la in chosen}
    tuning = [v for k, v in means.items() if split_of[k] == TUNING]
    held = [v for k, v in means.items() if split_of[k] == HELD_OUT]
    print()
    print(
        f"TUNING mean   {mean(tuning):.3f}  over {len(tuning)} layouts "
        f"({sum(1 for r in rows if r.split == TUNING)} document × extraction)"
    )
    print(
        f"HELD-OUT mean {mean(held):.3f}  over {len(held)} layouts "
        f"({sum(1 for r in rows if r.split == HELD_OUT)} document × extraction)"
    )
    by_ext: dict[str, list[float]] = {}
    for r in rows:
        by_ext.setdefault(f"{r.split}:{r.extraction}", []).append(r.score)
    print(
        "by split and extraction: "
        + ", ".join(f"{k} {mean(v):.3f}" for k, v in sorted(by_ext.items()))
    )
    if args.loo:
        print("\nLeave one layout out (each layout against the mean of all the others):")
        for name, value in means.items():
            others = [v for k, v in means.items() if k != name]
            print(
                f"  {name:<16} {split_of[name]:<9} {value:.3f}   others {mean(others):.3f}"
                f"   gap {value - mean(others):+.3f}"
            )
    if seed_rows:
        print()
        print_table(seed_rows, "Seeds' truths rendered in the layouts (not in the means above)")
    imports = sum(r.seconds for r in rows + seed_rows)
    print(
        f"\n{len(docs)} documents, {len(rows) + len(seed_rows)} imports; rendering "
        f"{rendered_at - started:.1f} s, extraction + import + scoring {finished - rendered_at:.1f} s "
        f"(imports alone {imports:.1f} s); OCR skipped for {skipped_ocr} PDFs over the "
        f"{0 if args.no_ocr else args.ocr_pages}-page budget"
    )
    if args.verbose:
        for r in rows + seed_rows:
            if r.score >= 0.999:
                continue
            print(f"\n{r.layout} {r.extraction} {r.document}: {r.score:.3f} {r.counts}")
            if r.error:
                print(f"   error: {r.error}")
            for t in r.missed[:5]:
                print(f"   missed: {t[:110]}")
            for t in r.extra[:5]:
                print(f"   extra:  {t[:110]}")
    if args.json:
        Path(args.json).write_text(
            json.dumps([r.__dict__ for r in rows + seed_rows], ensure_ascii=False, indent=1),
            "utf-8",
        )
    return 0


def print_table(rows: list[Row], heading: str) -> None:
    print(heading)
    print(f"{'layout':<16} {'split':<9} {'extraction':<12} {'n':>3} {'mean':>6} {'min':>6}")
    cells: dict[tuple[str, str, str], list[float]] = {}
    for r in rows:
        cells.setdefault((r.layout, r.split, r.extraction), []).append(r.score)
    for (layout, split, ext), scores in cells.items():
        print(
            f"{layout:<16} {split:<9} {ext:<12} {len(scores):>3} {mean(scores):>6.3f} {min(scores):>6.3f}"
        )


if __name__ == "__main__":
    sys.exit(main())

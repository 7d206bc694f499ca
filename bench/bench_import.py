"""Import speed: a 30 KB text plan (target < 0.3 s) and a 20-page PDF plan (target < 3 s).

    python bench/bench_import.py [--runs 5]

The text plan is the largest seed (about 30 KB); the PDF is a plan table built with
WeasyPrint from the seeds' truth files, repeated until it fills 20 pages. Prints the best
and median time of several runs (the first run also pays for imports of the libraries).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from tests.importers.builders import build_pdf  # noqa: E402

from jalon.importers import import_document  # noqa: E402
from jalon.importers.textutil import clear_caches  # noqa: E402


def shared_dir() -> Path:
    """The shared directory beside the repository ($JALON_SHARED, else ../shared)."""
    shared = Path(os.environ.get("JALON_SHARED") or ROOT.parent / "shared")
    if not (shared / "seeds").is_dir():
        raise SystemExit(f"{shared}/seeds not found (set JALON_SHARED to the shared directory)")
    return shared


def twenty_page_pdf(seeds: Path) -> bytes:
    import pypdfium2 as pdfium

    truths = [json.loads(p.read_text("utf-8")) for p in sorted(seeds.glob("*.truth.json"))]
    plan = {"title": "Plan d'action 2020-2025", "orientations": []}
    k = 0
    while True:
        src = truths[k % len(truths)]
        plan["orientations"].extend(src["orientations"])  # type: ignore[attr-defined]
        data = build_pdf(plan)
        pages = len(pdfium.PdfDocument(data))
        if pages >= 20:
            break
        k += 1
    # trim back to exactly 20 pages' worth by dropping actions from the end
    while pages > 20:
        last = plan["orientations"][-1]  # type: ignore[index]
        if last["objectives"] and last["objectives"][-1]["actions"]:
            last["objectives"][-1]["actions"].pop()
            if not last["objectives"][-1]["actions"]:
                last["objectives"].pop()
        else:
            plan["orientations"].pop()  # type: ignore[attr-defined]
        data = build_pdf(plan)
        pages = len(pdfium.PdfDocument(data))
    return data


def timed(data: bytes, name: str, runs: int) -> tuple[float, float, int]:
    times = []
    actions = 0
    for _ in range(runs):
        clear_caches()  # time a first reading, not a memoized one
        start = time.perf_counter()
        draft = import_document(data, name)
        times.append(time.perf_counter() - start)
        actions = len(draft.iter_actions())
    return min(times), statistics.median(times), actions


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    seeds = shared_dir() / "seeds"
    text_path = max(seeds.glob("*.txt"), key=lambda p: p.stat().st_size)
    text = text_path.read_bytes()
    import_document(text, text_path.name)  # warm up: library imports, regular expressions
    best, median, actions = timed(text, text_path.name, args.runs)
    print(
        f"text {len(text) / 1024:.1f} KB ({text_path.name}): best {best:.3f} s, median {median:.3f} s, {actions} actions (target < 0.3 s)"
    )
    pdf = twenty_page_pdf(seeds)
    import pypdfium2 as pdfium

    pages = len(pdfium.PdfDocument(pdf))
    best, median, actions = timed(pdf, "plan.pdf", args.runs)
    print(
        f"pdf {pages} pages, {len(pdf) / 1024:.0f} KB: best {best:.3f} s, median {median:.3f} s, {actions} actions (target < 3 s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

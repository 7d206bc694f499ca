"""OCR speed: seconds per scanned page (target ≤ 10 s a page on the shared 2-core machine).

    python bench/bench_ocr.py [--pages 3] [--dpi 200]

Scans are built here: a synthetic plan (bench/synthetic.py) rendered by WeasyPrint as the
usual wide table and as an outline, rasterized by PDFium at the scanner's `--dpi` and
wrapped as an image-only PDF by Pillow. Each is imported with `import_document`, which finds
no text layer and reads the pages with Tesseract (`fra+eng`, rendered at 300 dpi). Prints,
per layout, the seconds per page (total, and Tesseract's own time), the words and the mean
word confidence, and how many of the plan's action titles came back word for word.
"""

from __future__ import annotations

import argparse
import html
import sys
import time
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from tests.importers.builders import plan_html, scanned_pdf  # noqa: E402

from bench.synthetic import synthetic_plan_draft  # noqa: E402
from jalon.importers import import_document  # noqa: E402
from jalon.plans.interchange import draft_to_dict  # noqa: E402


def outline_html(plan: dict, start: int, count: int) -> str:  # type: ignore[type-arg]
    """A page of the plan as labelled headings and numbered actions (a typed plan, printed)."""
    out: list[str] = []
    k = 0
    shown: set[int] = set()
    for o in plan["orientations"]:
        for ob in o["objectives"]:
            for a in ob["actions"]:
                if start <= k < start + count:
                    if id(o) not in shown:
                        out.append(f"<h2>Orientation {o['code']} : {html.escape(o['title'])}</h2>")
                        shown.add(id(o))
                    if id(ob) not in shown:
                        out.append(f"<h3>Objectif {ob['code']} : {html.escape(ob['title'])}</h3>")
                        shown.add(id(ob))
                    out.append(f"<p>{a['code']}. {html.escape(a['title'])}</p>")
                k += 1
    return (
        '<!doctype html><html lang="fr"><head><meta charset="utf-8"><style>'
        'body { font-family: "DejaVu Sans", sans-serif; font-size: 11pt; } p { margin: 0 0 5pt; }'
        "h2 { font-size: 13pt; } h3 { font-size: 11pt; }"
        "</style></head><body><h1>Plan d'action 2024-2029</h1>" + "".join(out) + "</body></html>"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=3)
    parser.add_argument("--dpi", type=int, default=200)
    args = parser.parse_args()
    plan = draft_to_dict(synthetic_plan_draft(actions=12 * args.pages))
    titles = [
        a["title"] for o in plan["orientations"] for ob in o["objectives"] for a in ob["actions"]
    ]
    scans = {
        "outline": scanned_pdf(
            [outline_html(plan, 12 * p, 12) for p in range(args.pages)], dpi=args.dpi
        ),
        "table": scanned_pdf([plan_html(plan)], dpi=args.dpi),
    }
    for name, data in scans.items():
        started = time.monotonic()
        draft = import_document(data, f"{name}.pdf")
        total = time.monotonic() - started
        report = draft.import_report
        assert report is not None and report.ocr, "no page was OCR'd"
        pages = report.ocr
        got = {a.title for a in draft.iter_actions()}
        print(
            f"{name}: {len(pages)} pages, {total / len(pages):.2f} s a page in all "
            f"(Tesseract {sum(p.seconds for p in pages) / len(pages):.2f} s), "
            f"{sum(p.words for p in pages)} words, mean confidence "
            f"{min(p.mean_confidence or 0 for p in pages):.1f}–"
            f"{max(p.mean_confidence or 0 for p in pages):.1f}, "
            f"action titles read word for word: {len(got & set(titles))}/{len(titles)}"
        )
        for p in pages:
            print("   ", asdict(p))


if __name__ == "__main__":
    main()

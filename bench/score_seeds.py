"""Import each seed plan with `jalon.importers.import_document` and score it against its truth.

    python bench/score_seeds.py [--verbose] [SEEDS_DIR]

Uses ../shared/scripts/score_import.py (the project's scorer) and ../shared/seeds by default.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from jalon.importers import import_document  # noqa: E402
from jalon.plans.interchange import draft_to_dict  # noqa: E402


def shared_dir() -> Path:
    for cand in (Path("/work/shared"), ROOT.parent / "shared", ROOT.parent.parent / "shared"):
        if (cand / "scripts" / "score_import.py").exists():
            return cand
    raise SystemExit("../shared (score_import.py and seeds) not found")


def load_scorer(shared: Path):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "score_import", shared / "scripts" / "score_import.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("seeds", nargs="?")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    shared = shared_dir()
    scorer = load_scorer(shared)
    seeds = Path(args.seeds) if args.seeds else shared / "seeds"
    worst = 1.0
    for path in sorted(seeds.glob("*.txt")):
        truth_path = path.with_suffix(".truth.json")
        if not truth_path.exists():
            continue
        draft = import_document(path.read_bytes(), path.name)
        pred = json.loads(json.dumps(draft_to_dict(draft), ensure_ascii=False))
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        m = scorer.score(pred, truth)
        worst = min(worst, m["score"])
        metrics = " ".join(
            f"{k}={v:.3f}" for k, v in m.items() if isinstance(v, float) and k != "score"
        )
        print(f"{path.name}: score {m['score']:.3f}  {metrics}  counts={m['counts']}")
        if args.verbose:
            for t in m["_missed_actions"]:
                print(f"   missed: {t[:110]}")
            for t in m["_extra_actions"]:
                print(f"   extra:  {t[:110]}")
            print(
                f"   unplaced: {len(draft.import_report.unplaced if draft.import_report else [])}"
            )
    print(f"worst: {worst:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

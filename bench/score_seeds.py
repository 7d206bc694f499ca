"""The evaluation on the seed plans: how well the importer reads real plans.

    python bench/score_seeds.py [--shared DIR] [--verbose]

DIR defaults to $JALON_SHARED, else `../shared` beside the repository.

The seed plans are other people's documents, so they stay outside the repository, in the
shared directory next to it (`../shared`: `seeds/*.txt` with their hand-checked
`*.truth.json`, and the reference scorer `scripts/score_import.py`). CI runs this after the
tests (.ci/run); the test suite itself never reads them.

For each seed it imports the text with `jalon.importers.import_document`, and holds it to
what the seed tests used to enforce:

- the reference scorer gives it MIN_SCORE or more against its truth;
- the draft is valid interchange: `loads(dumps(draft))` gives the same draft back, with the
  detected layout and the file name as its source;
- every line is placed: each word of four letters or more of a line ends in an item, the
  notes or the unplaced lines (column headings, glossary headings, labels such as
  "ORIENTATION 2 :" and status words are structure, not content).

Then it checks the seeds' indicator texts against the table read by hand in
bench/seed_targets.py. It prints a table, and exits 1 when a check fails, 2 when the shared
directory is missing.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from bench.seed_targets import CHECKS  # noqa: E402
from jalon.importers import DocumentError, import_document  # noqa: E402
from jalon.importers.readers.text import strip_html  # noqa: E402
from jalon.importers.recognize.columns import header_line_roles  # noqa: E402
from jalon.importers.recognize.frame import GLOSSARY_HEAD  # noqa: E402
from jalon.importers.textutil import fold, status_of  # noqa: E402
from jalon.plans.interchange import PlanDraft, draft_to_dict, dumps, loads  # noqa: E402

MIN_SCORE = 0.95
LABEL = re.compile(r"^[^:]{0,40}:")


def load_scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_import", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _words(text: str) -> list[str]:
    return [fold(w) for w in re.findall(r"[^\W\d_]{4,}", text)]


def lost_lines(raw: str, draft: PlanDraft) -> list[str]:
    """The lines of the seed some of whose words are nowhere in the draft."""
    found = set(_words(json.dumps(draft_to_dict(draft), ensure_ascii=False)))
    lost = []
    for line in strip_html(raw).splitlines():
        if header_line_roles(line) is not None or GLOSSARY_HEAD.match(line):
            continue
        content = LABEL.sub("", line)  # a label ("ORIENTATION 2 :") is structure
        if [w for w in _words(content) if w not in found and not status_of(w)]:
            lost.append(line.strip())
    return lost


def interchange_problems(draft: PlanDraft, name: str) -> list[str]:
    problems = []
    if draft_to_dict(loads(dumps(draft), require_format=True)) != draft_to_dict(draft):
        problems.append("loads(dumps(draft)) is not the same draft")
    if draft.import_report is None or not draft.import_report.format_detected:
        problems.append("no layout detected")
    if draft.source != name:
        problems.append(f"source is {draft.source!r}")
    return problems


def evaluate_seed(path: Path, scorer: ModuleType) -> dict[str, Any]:
    raw = path.read_text(encoding="utf-8")
    truth = json.loads(path.with_name(path.name[: -len(".txt")] + ".truth.json").read_text())
    try:
        draft = import_document(raw.encode("utf-8"), path.name)
    except DocumentError as error:
        return {"name": path.name, "error": error.message_en, "failures": [error.message_en]}
    metrics = scorer.score(json.loads(dumps(draft)), truth)
    lost = lost_lines(raw, draft)
    problems = interchange_problems(draft, path.name)
    failures = [*problems, *(f"line lost: {line[:100]}" for line in lost)]
    if metrics["score"] < MIN_SCORE:
        failures.insert(0, f"score {metrics['score']:.3f} < {MIN_SCORE}")
    report = draft.import_report
    return {
        "name": path.name,
        "layout": report.format_detected if report else None,
        "actions": metrics["counts"]["actions"],
        "score": metrics["score"],
        "lost": len(lost),
        "interchange": not problems,
        "failures": failures,
        "missed": metrics.get("_missed_actions", []),
        "extra": metrics.get("_extra_actions", []),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = os.environ.get("JALON_SHARED") or ROOT.parent / "shared"
    parser.add_argument("--shared", type=Path, default=Path(default))
    parser.add_argument("--verbose", action="store_true", help="list missed and extra actions")
    args = parser.parse_args(argv)
    seeds, scorer_path = args.shared / "seeds", args.shared / "scripts" / "score_import.py"
    names = sorted(seeds.glob("*.txt")) if seeds.is_dir() else []
    if not names or not scorer_path.is_file():
        print(
            f"Plans témoins introuvables : il faut {seeds}/*.txt et {scorer_path} à côté du "
            "dépôt (ou --shared DOSSIER).\n"
            f"Seed plans not found: {seeds}/*.txt and {scorer_path} must sit next to the "
            "repository (or pass --shared DIR).",
            file=sys.stderr,
        )
        return 2
    scorer = load_scorer(scorer_path)

    failed = False
    print(f"{'seed':32} {'layout':24} {'actions':>9} {'score':>6}  interchange  lost lines")
    for path in names:
        row = evaluate_seed(path, scorer)
        if "error" in row:
            print(f"{row['name']:32} not read: {row['error']}")
        else:
            read, written = row["actions"]
            print(
                f"{row['name']:32} {row['layout'] or '?':24} {f'{read}/{written}':>9} "
                f"{row['score']:6.3f}  {'ok' if row['interchange'] else 'NO':11}  {row['lost']}"
            )
        for failure in row["failures"]:
            print(f"    FAILED: {failure}")
        if args.verbose:
            for title in row.get("missed", []):
                print(f"    missed: {title[:100]}")
            for title in row.get("extra", []):
                print(f"    extra:  {title[:100]}")
        failed = failed or bool(row["failures"])

    print()
    print("Seed indicator texts (bench/seed_targets.py)")
    for label, check in CHECKS.items():
        failures = check(seeds)
        print(f"  {'ok    ' if not failures else 'FAILED'} {label}")
        for failure in failures:
            print(f"         {failure}")
        failed = failed or bool(failures)

    print()
    print("Évaluation : échec" if failed else "Évaluation : réussie")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

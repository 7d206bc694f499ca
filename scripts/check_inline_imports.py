#!/usr/bin/env python3
"""Every function-local import says why it is not at the top of its module.

Ruff's PLC0415 refuses an import inside a function; a deliberate one is written
`import x  # noqa: PLC0415 (reason)` with one of the reasons below. This script fails on a
suppression without a reason, or with a reason not in the list, so that "why is this import
here?" always has one of a few known answers (pretalx does the same).

    python scripts/check_inline_imports.py [paths…]   (default: src tests bench scripts)
"""

from __future__ import annotations

import io
import re
import sys
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

REASONS = {
    "setup": "Django must be configured (django.setup()) before this import: the CLI",
    "app-loading": "an AppConfig or signal receiver runs while apps load: models come later",
    "task": "tasks are leaves: the domain queues them and they import the domain when run",
    "slow": "a heavy library (PDF, DOCX, OCR…) loaded only by the feature that needs it",
    "command": "a library only one command needs (gunicorn for `jalon serve`)",
    "cycle": "hides a known import cycle; must name the issue that removes it: (cycle issue 9)",
}

NOQA = re.compile(r"#\s*noqa:(?P<codes>[A-Z0-9,\s]+?)(?:\((?P<reason>[^)]*)\)|$|#)")
CYCLE = re.compile(r"^cycle issue \d+$")


def _comments(path: Path) -> list[tuple[int, str]]:
    """(line number, text) of each comment: a `noqa` inside a string is not a suppression."""
    source = io.StringIO(path.read_text("utf-8"))
    return [
        (token.start[0], token.string)
        for token in tokenize.generate_tokens(source.readline)
        if token.type == tokenize.COMMENT
    ]


def problems(path: Path) -> list[str]:
    found = []
    for number, line in _comments(path):
        match = NOQA.search(line)
        if match is None or "PLC0415" not in match.group("codes"):
            continue
        reason = (match.group("reason") or "").strip()
        where = f"{path.relative_to(ROOT)}:{number}"
        if not reason:
            found.append(f"{where}: PLC0415 without a reason: add one of ({', '.join(REASONS)})")
        elif reason not in REASONS and not CYCLE.match(reason):
            found.append(f"{where}: unknown reason ({reason}): use one of ({', '.join(REASONS)})")
        elif reason == "cycle":
            found.append(f"{where}: (cycle) must name its issue: (cycle issue N)")
    return found


def main(argv: list[str]) -> int:
    paths = [ROOT / p for p in (argv or ["src", "tests", "bench", "scripts"])]
    files = sorted(f for p in paths for f in (p.rglob("*.py") if p.is_dir() else [p]))
    found = [problem for f in files for problem in problems(f)]
    for problem in found:
        print(problem)
    print(f"inline imports: {len(found)} problem(s)" if found else "inline imports: ok")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

#!/usr/bin/env python3
"""Keep each app's English catalogue in step with the source, and check it.

    python scripts/translations.py update   extract strings of every app into <app>/locale/en, compile
    python scripts/translations.py check    fail if a catalogue is stale, has an untranslated or fuzzy
                                            entry, or its .mo is not compiled from its .po

Each app keeps its own catalogue so that apps can be worked on side by side.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "jalon"
ENV = {**os.environ, "DJANGO_SETTINGS_MODULE": "jalon.settings", "PYTHONPATH": str(ROOT / "src")}


def apps() -> list[Path]:
    return sorted(p.parent for p in PACKAGE.glob("*/locale") if p.is_dir())


def makemessages(app: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-P",  # the app's folder is the working directory: its http.py is not the stdlib's
            "-m",
            "django",
            "makemessages",
            "-l",
            "en",
            "--no-obsolete",
            "--no-location",
            "-i",
            "tests/*",
        ],
        cwd=app,
        env=ENV,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def entries(po: Path) -> list[tuple[str, str, bool]]:
    """(msgid, msgstr, fuzzy) per entry; plural forms are checked through their first msgstr."""
    text = po.read_text("utf-8")
    out = []
    for block in re.split(r"\n\s*\n", text):
        fuzzy = "#, fuzzy" in block or re.search(r"^#,.*fuzzy", block, re.M) is not None
        msgid = "".join(re.findall(r'"(.*)"', _field(block, "msgid")))
        msgstr = "".join(
            re.findall(r'"(.*)"', _field(block, "msgstr") or _field(block, r"msgstr\[0\]"))
        )
        if _field(block, "msgid") or msgid:
            out.append((msgid, msgstr, fuzzy))
    return out


def _field(block: str, name: str) -> str:
    match = re.search(rf"^{name} (\"[^\n]*\"(?:\n\"[^\n]*\")*)", block, re.M)
    return match.group(1) if match else ""


def update() -> None:
    for app in apps():
        makemessages(app)
    compile_all()


def compile_all() -> None:
    for po in PACKAGE.glob("*/locale/*/LC_MESSAGES/django.po"):
        subprocess.run(
            ["msgfmt", "--check-format", "-o", str(po.with_suffix(".mo")), str(po)], check=True
        )


def check() -> int:
    problems = []
    for app in apps():
        po = app / "locale" / "en" / "LC_MESSAGES" / "django.po"
        if not po.exists():
            continue
        before = {m for m, _, _ in entries(po)}
        with tempfile.TemporaryDirectory() as tmp:
            saved = Path(tmp) / "django.po"
            shutil.copy(po, saved)
            makemessages(app)
            after = {m for m, _, _ in entries(po)}
            shutil.copy(saved, po)
        if after - before:
            problems.append(
                f"{po.relative_to(ROOT)}: {len(after - before)} string(s) not extracted, e.g. {sorted(after - before)[:3]}"
            )
        for msgid, msgstr, fuzzy in entries(po):
            if not msgid:
                continue
            if fuzzy:
                problems.append(f"{po.relative_to(ROOT)}: fuzzy entry {msgid[:60]!r}")
            elif not msgstr:
                problems.append(f"{po.relative_to(ROOT)}: untranslated {msgid[:60]!r}")
        mo = po.with_suffix(".mo")
        with tempfile.TemporaryDirectory() as tmp:
            fresh = Path(tmp) / "django.mo"
            subprocess.run(["msgfmt", "--check-format", "-o", str(fresh), str(po)], check=True)
            if not mo.exists() or mo.read_bytes() != fresh.read_bytes():
                problems.append(
                    f"{mo.relative_to(ROOT)}: not compiled from its .po (run scripts/translations.py update)"
                )
    for line in problems:
        print(line)
    print("translations: ok" if not problems else f"translations: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "check"
    if command == "update":
        update()
    elif command == "check":
        raise SystemExit(check())
    else:
        raise SystemExit(__doc__)

"""Mutation testing of the pure cores, in bounded time: the share of planted bugs the tests catch.

mutmut changes one thing at a time in a module (a comparison, a constant, a boolean, a return
value) and runs the tests that cover it; a mutant that no test notices ("survived") is a bug
nobody would see. Run it as a habit on a module you changed, not in CI (it is slow):

    .venv/bin/python bench/mutation.py                      # every module, 15 minutes each
    .venv/bin/python bench/mutation.py core/fiscal --budget 300
    .venv/bin/python bench/mutation.py tracking/rules --survivors   # list what survived

Each module runs in its own scratch copy of the repository (under the system's temp directory)
with only that module mutated and only its own tests selected, at `nice -n 19` and one worker,
so it neither disturbs the working tree nor starves a shared machine. Mutants not reached when
the budget runs out are reported as "not run"; the score is killed / (killed + survived), where
a mutant no selected test even reaches ("no tests") counts as survived.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Each pure core and the tests that are meant to catch its bugs (pure, fast, no browser).
MODULES: dict[str, list[str]] = {
    "core/fiscal": ["tests/core/test_fiscal.py"],
    "tracking/rules": ["tests/tracking/test_rules.py"],
    "plans/targets": ["tests/plans/test_targets.py"],
    "tracking/assessment": ["tests/tracking/test_assessment.py"],
    "importers/recognize": [
        "tests/importers/test_text_rules.py",
        "tests/importers/test_layouts.py",
        "tests/importers/test_unseen.py",
    ],
    "reports/data": ["tests/reports/test_data.py"],
}

KILLED = {"killed", "timeout", "segfault", "suspicious"}


@dataclass
class Score:
    module: str
    killed: int
    survived: int
    not_run: int
    seconds: float
    survivors: list[str]

    @property
    def percent(self) -> float | None:
        tried = self.killed + self.survived
        return 100 * self.killed / tried if tried else None


def _config(module: str, tests: list[str]) -> str:
    target = f"src/jalon/{module}"
    only = [f"{target}.py"] if (ROOT / f"{target}.py").exists() else [f"{target}/*"]
    lines = [
        "[tool.mutmut]",
        'source_paths = ["src/jalon"]',
        f"only_mutate = {only!r}".replace("'", '"'),
        f"pytest_add_cli_args_test_selection = {tests!r}".replace("'", '"'),
        'pytest_add_cli_args = ["-p", "no:cacheprovider", "-q", "-x", "-m", "not browser"]',
        "use_git_change_detection = false",
    ]
    return "\n".join(lines) + "\n"


def _scratch(module: str, tests: list[str]) -> Path:
    """A copy of the repository with a pyproject whose [tool.mutmut] targets one module."""
    work = Path(tempfile.gettempdir()) / f"jalon-mutation-{module.replace('/', '-')}"
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "mutants")
    shutil.copytree(ROOT / "src", work / "src", ignore=ignore)
    shutil.copytree(ROOT / "tests", work / "tests", ignore=ignore)
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    pyproject = re.sub(r"\n\[tool\.mutmut\]\n(?:[^\[].*\n?)*", "\n", pyproject)
    (work / "pyproject.toml").write_text(pyproject + "\n" + _config(module, tests), "utf-8")
    return work


_RESULT = re.compile(r"^\s*(?P<name>[\w.]+__mutmut_\d+): (?P<status>[\w ]+)$")


def run_module(module: str, budget: int) -> Score:
    tests = MODULES[module]
    work = _scratch(module, tests)
    mutmut = str(Path(sys.executable).with_name("mutmut"))
    started = time.monotonic()
    subprocess.run(
        [
            "nice",
            "-n",
            "19",
            "timeout",
            "--signal=INT",
            str(budget),
            mutmut,
            "run",
            "--max-children",
            "1",
        ],
        cwd=work,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )
    seconds = time.monotonic() - started
    listing = subprocess.run(
        [mutmut, "results", "--all", "true"],
        cwd=work,
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    killed = survived = not_run = 0
    survivors: list[str] = []
    for line in listing.splitlines():
        match = _RESULT.match(line)
        if match is None:
            continue
        status = match["status"].strip()
        if status in KILLED:
            killed += 1
        elif status in ("survived", "no tests"):  # no test reaches it: nothing would catch it
            survived += 1
            survivors.append(match["name"])
        else:  # "not checked", "no tests", "skipped"…
            not_run += 1
    return Score(module, killed, survived, not_run, seconds, survivors)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help=", ".join(MODULES))
    parser.add_argument("--budget", type=int, default=900, help="seconds per module")
    parser.add_argument("--survivors", action="store_true", help="list the surviving mutants")
    args = parser.parse_args(argv)
    unknown = [m for m in args.modules if m not in MODULES]
    if unknown:
        parser.error(f"unknown module(s) {', '.join(unknown)}; choose among {', '.join(MODULES)}")
    print(f"{'module':<22} {'killed':>6} {'survived':>8} {'not run':>7} {'score':>7} {'time':>6}")
    for module in args.modules or list(MODULES):
        score = run_module(module, args.budget)
        percent = f"{score.percent:.1f} %" if score.percent is not None else "—"
        print(
            f"{module:<22} {score.killed:>6} {score.survived:>8} {score.not_run:>7} "
            f"{percent:>7} {score.seconds:>5.0f}s",
            flush=True,
        )
        if args.survivors:
            for name in score.survivors:
                print(f"    survived: {name}")
    print(
        "\nInspect a survivor in the scratch copy: "
        "cd $TMPDIR/jalon-mutation-<module> && mutmut show <name>"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The inline-import check refuses a suppression without a known reason."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location(
    "check_inline_imports", ROOT / "scripts" / "check_inline_imports.py"
)
assert _spec is not None and _spec.loader is not None
check = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check)


def _problems(tmp_path, line):
    path = tmp_path / "module.py"
    path.write_text(f"def f():\n    {line}\n", "utf-8")
    root, check.ROOT = check.ROOT, tmp_path
    try:
        return check.problems(path)
    finally:
        check.ROOT = root


def test_a_known_reason_passes(tmp_path):
    assert _problems(tmp_path, "import weasyprint  # noqa: PLC0415 (slow)") == []
    assert _problems(tmp_path, "from . import x  # noqa: F401, PLC0415 (app-loading) why") == []
    assert _problems(tmp_path, "from .a import b  # noqa: PLC0415 (cycle issue 10)") == []


def test_a_missing_or_unknown_reason_is_refused_with_its_place(tmp_path):
    assert _problems(tmp_path, "import x  # noqa: PLC0415") == [
        "module.py:2: PLC0415 without a reason: add one of "
        "(setup, app-loading, task, slow, command, cycle)"
    ]
    assert _problems(tmp_path, "import x  # noqa: PLC0415 (faster)")[0].startswith(
        "module.py:2: unknown reason (faster)"
    )
    assert _problems(tmp_path, "import x  # noqa: PLC0415 (cycle)") == [
        "module.py:2: (cycle) must name its issue: (cycle issue N)"
    ]


def test_other_suppressions_are_not_its_business(tmp_path):
    assert _problems(tmp_path, "import x  # noqa: F401") == []


def test_the_repository_gives_a_reason_for_every_inline_import():
    assert check.main([]) == 0

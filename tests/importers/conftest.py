"""Fixtures for the importer tests: the shared seeds and the project's scorer.

The seeds and `score_import.py` live in the shared directory next to the repository
(/work/shared, or ../shared from the repository). Their absence is an error, not a skip:
the accuracy tests are the point of this package.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def shared_dir() -> Path:
    candidates = [Path("/work/shared"), REPO.parent / "shared", REPO.parent.parent / "shared"]
    for cand in candidates:
        if (cand / "scripts" / "score_import.py").is_file() and (cand / "seeds").is_dir():
            return cand
    raise RuntimeError(
        "shared directory with scripts/score_import.py and seeds/ not found; looked in "
        + ", ".join(str(c) for c in candidates)
    )


def load_scorer() -> ModuleType:
    path = shared_dir() / "scripts" / "score_import.py"
    spec = importlib.util.spec_from_file_location("score_import", path)
    if spec is None or spec.loader is None:
        raise RuntimeError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def seed_names() -> list[str]:
    seeds = shared_dir() / "seeds"
    names = sorted(p.name[: -len(".txt")] for p in seeds.glob("*.txt"))
    if not names:
        raise RuntimeError(f"no seed plans in {seeds}")
    return names


@pytest.fixture(scope="session")
def scorer() -> ModuleType:
    return load_scorer()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return shared_dir() / "seeds"


def truth_of(name: str) -> dict[str, Any]:
    path = shared_dir() / "seeds" / f"{name}.truth.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data
